import { DeleteButton } from './delete-button';
import { App, Button, Input, Select, Space, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api, errorText } from '../../../shared/api';
import type { AdminCatalog, AdminItem } from '../../../shared/catalog-types';
import { unitLabel } from '../../../shared/catalog-units';
import { formatFen, formatFenRange } from '../../../shared/format';
import { localName, useI18n } from '../../../shared/i18n';
import { basePriceFen } from './catalog-format';
import { isVersionConflict } from './catalog-errors';
import { CityPriceModal, MultiplierModal } from './city-price-modal';
import { HistoryDrawer } from './history';
import { ItemDrawer } from './item-drawer';

type Dialog = { kind: 'create' } | { kind: 'edit' | 'city' | 'history'; item: AdminItem } | { kind: 'multiplier' } | null;
type Status = 'all' | 'published' | 'unpublished';

/** Every item across categories with filters, the publish switch, and the edit / city price / history dialogs. */
export function ItemsTab({ catalog, canWrite, reload }: { catalog: AdminCatalog; canWrite: boolean; reload: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [category, setCategory] = useState('');
  const [status, setStatus] = useState<Status>('all');
  const [keyword, setKeyword] = useState('');
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const categoryOf = new Map(catalog.categories.map((entry) => [entry.code, entry]));

  const needle = keyword.trim().toLowerCase();
  const items = catalog.categories
    .flatMap((entry) => entry.items)
    .filter((item) => !category || item.categoryCode === category)
    .filter((item) => status === 'all' || item.published === (status === 'published'))
    .filter((item) => !needle || [item.code, item.name, item.nameEn].some((text) => text.toLowerCase().includes(needle)));

  async function setPublished(item: AdminItem, published: boolean) {
    setBusy(item.id);
    try {
      await api(`/api/admin/catalog/items/${item.id}`, { method: 'PATCH', body: { published, version: item.version } });
      message.success(t('common.saved'));
    } catch (error) {
      message.error(isVersionConflict(error) ? t('catalog.conflict') : errorText(error, t('common.failed')));
    } finally {
      setBusy(null);
      reload();
    }
  }

  function close(changed: boolean) {
    setDialog(null);
    if (changed) reload();
  }

  const columns: TableColumnsType<AdminItem> = [
    { title: t('catalog.code'), dataIndex: 'code', width: 150, render: (code: string) => <Typography.Text code>{code}</Typography.Text> },
    {
      title: t('catalog.item'),
      key: 'name',
      render: (_value, item) => (
        <>
          <div>{localName(lang, item)}</div>
          <Typography.Text type="secondary" className="a-small">{lang === 'en' ? item.name : item.nameEn}</Typography.Text>
        </>
      ),
    },
    { title: t('catalog.category'), key: 'category', render: (_value, item) => { const entry = categoryOf.get(item.categoryCode); return entry ? `${entry.icon} ${localName(lang, entry)}` : item.categoryCode; } },
    { title: t('catalog.pricingKind'), key: 'kind', render: (_value, item) => <Tag color={item.pricing.kind === 'on_site_quote' ? 'purple' : 'blue'}>{t(`kind.${item.pricing.kind}`)}</Tag> },
    { title: t('catalog.basePrice'), key: 'base', align: 'right', render: (_value, item) => t('catalog.perUnit', { price: formatFen(basePriceFen(item.pricing)), unit: unitLabel(t, item.unit) }) },
    { title: t('catalog.reference'), key: 'reference', align: 'right', render: (_value, item) => formatFenRange(item.referenceMinFen, item.referenceMaxFen) },
    {
      title: t('catalog.cityPrice'),
      key: 'city',
      render: (_value, item) =>
        item.cityPrice?.basePriceFen !== null && item.cityPrice?.basePriceFen !== undefined ? (
          <span data-testid={`city-price-${item.code}`}>
            <Tag color="orange">{formatFen(item.cityPrice.basePriceFen)}</Tag>
          </span>
        ) : (
          <Typography.Text type="secondary" data-testid={`city-price-${item.code}`}>{t('catalog.cityPriceNone')}</Typography.Text>
        ),
    },
    {
      title: t('catalog.publishedColumn'),
      key: 'published',
      render: (_value, item) => (
        <Switch size="small" checked={item.published} disabled={!canWrite} loading={busy === item.id} onChange={(checked) => setPublished(item, checked)} data-testid={`publish-${item.code}`} />
      ),
    },
    { title: t('catalog.version'), dataIndex: 'version', align: 'right', width: 70 },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_value, item) => (
        <Space size={0}>
          {canWrite && (
            <Button type="link" size="small" onClick={() => setDialog({ kind: 'edit', item })} data-testid={`item-edit-${item.code}`}>
              {t('catalog.edit')}
            </Button>
          )}
          {canWrite && (
            <Button type="link" size="small" onClick={() => setDialog({ kind: 'city', item })} data-testid={`item-city-${item.code}`}>
              {t('catalog.cityPrice')}
            </Button>
          )}
          <Button type="link" size="small" onClick={() => setDialog({ kind: 'history', item })} data-testid={`item-history-${item.code}`}>
            {t('catalog.history')}
          </Button>
          {canWrite && <DeleteButton url={`/api/admin/catalog/items/${item.id}`} name={localName(lang, item)} onDone={reload} testId={`item-delete-${item.code}`} />}
        </Space>
      ),
    },
  ];

  return (
    <>
      <div className="a-toolbar">
        <Select
          value={category}
          onChange={setCategory}
          style={{ width: 160 }}
          data-testid="items-category"
          options={[{ value: '', label: t('catalog.allCategories') }, ...catalog.categories.map((entry) => ({ value: entry.code, label: `${entry.icon} ${localName(lang, entry)}` }))]}
        />
        <Select<Status>
          value={status}
          onChange={setStatus}
          style={{ width: 120 }}
          options={[
            { value: 'all', label: t('catalog.allStatus') },
            { value: 'published', label: t('catalog.published') },
            { value: 'unpublished', label: t('catalog.unpublished') },
          ]}
        />
        <Input.Search allowClear placeholder={t('catalog.searchPlaceholder')} onSearch={setKeyword} onChange={(event) => setKeyword(event.target.value)} style={{ width: 220 }} data-testid="items-search" />
        <span className="a-toolbar-spacer" />
        <Space data-testid="city-multiplier">
          <Typography.Text type="secondary">{t('catalog.multiplier')}</Typography.Text>
          <Tag color={catalog.multiplierBp === 10000 ? 'default' : 'orange'}>{catalog.multiplierBp / 100}%</Tag>
          {canWrite && (
            <Button size="small" onClick={() => setDialog({ kind: 'multiplier' })} data-testid="multiplier-edit">
              {t('catalog.multiplierEdit')}
            </Button>
          )}
        </Space>
        {canWrite && (
          <Button type="primary" onClick={() => setDialog({ kind: 'create' })} data-testid="item-create">
            {t('catalog.create')}
          </Button>
        )}
      </div>
      <Table<AdminItem> rowKey="id" size="middle" data-testid="items-table" columns={columns} dataSource={items} pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => t('common.total', { total }) }} scroll={{ x: 'max-content' }} />
      {(dialog?.kind === 'create' || dialog?.kind === 'edit') && <ItemDrawer item={dialog.kind === 'edit' ? dialog.item : undefined} categories={catalog.categories} onClose={close} />}
      {dialog?.kind === 'city' && <CityPriceModal item={dialog.item} onClose={close} />}
      {dialog?.kind === 'history' && <HistoryDrawer item={dialog.item} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'multiplier' && <MultiplierModal multiplierBp={catalog.multiplierBp} onClose={close} />}
    </>
  );
}
