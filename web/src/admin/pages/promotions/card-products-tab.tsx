import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { api, errorText } from '../../../shared/api';
import { formatFen } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { useLoad } from '../../../shared/use-load';
import { useAdminSession } from '../../session';
import { CardProductModal } from './card-product-modal';
import type { CardProduct } from './promotion-types';
import { useCatalogItems } from './use-catalog-items';

/** 次卡商品: every product, published or not; with `promotions:write` 新建 and the 上架 switch. */
export function CardProductsTab() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { can } = useAdminSession();
  const mayWrite = can('promotions:write');
  const loaded = useLoad((signal) => api<{ items: CardProduct[] }>('/api/admin/service-card-products', { signal }), []);
  const catalog = useCatalogItems();
  const [creating, setCreating] = useState(false);
  const [switching, setSwitching] = useState<string | null>(null);

  async function publish(p: CardProduct, published: boolean) {
    setSwitching(p.id);
    try {
      await api(`/api/admin/service-card-products/${p.id}/publish`, { body: { published } });
      message.success(t(published ? 'promo.card.publishedNow' : 'promo.card.unpublishedNow', { name: p.name }));
      loaded.reload(true);
    } catch (error) {
      message.error(errorText(error, t('common.failed')));
    } finally {
      setSwitching(null);
    }
  }

  const columns: TableColumnsType<CardProduct> = [
    {
      title: t('promo.card.name'),
      key: 'name',
      render: (_v, p) => (
        <>
          <div>{lang === 'en' && p.nameEn ? p.nameEn : p.name}</div>
          <Typography.Text type="secondary" className="a-small">{p.code}</Typography.Text>
        </>
      ),
    },
    { title: t('promo.card.item'), key: 'item', render: (_v, p) => `${catalog.itemName(p.itemCode)} × ${p.quantity}` },
    { title: t('promo.card.visits'), dataIndex: 'visits', align: 'right' },
    { title: t('promo.card.priceCol'), dataIndex: 'priceFen', align: 'right', render: (fen: number) => formatFen(fen) },
    { title: t('promo.card.listPriceCol'), dataIndex: 'listPriceFen', align: 'right', render: (fen: number) => <Typography.Text delete type="secondary">{formatFen(fen)}</Typography.Text> },
    { title: t('promo.card.saving'), dataIndex: 'savingFen', align: 'right', render: (fen: number, p) => <span data-testid={`card-product-saving-${p.code}`}>{formatFen(fen)}</span> },
    { title: t('promo.card.perVisit'), dataIndex: 'perVisitFen', align: 'right', render: (fen: number) => formatFen(fen) },
    { title: t('promo.card.validDaysCol'), dataIndex: 'validDays', align: 'right', render: (days: number) => t('promo.days', { days }) },
    {
      title: t('promo.card.published'),
      key: 'published',
      render: (_v, p) =>
        mayWrite ? (
          <Switch checked={p.published} loading={switching === p.id} onChange={(on) => publish(p, on)} data-testid={`card-publish-${p.code}`} checkedChildren={t('promo.card.on')} unCheckedChildren={t('promo.card.off')} />
        ) : (
          <Tag color={p.published ? 'green' : 'default'}>{t(p.published ? 'promo.card.on' : 'promo.card.off')}</Tag>
        ),
    },
  ];

  return (
    <>
      <div className="a-toolbar">
        <Button icon={<ReloadOutlined />} onClick={() => loaded.reload()}>
          {t('fin.refresh')}
        </Button>
        <span className="a-toolbar-spacer" />
        {mayWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="card-create">
            {t('promo.card.create')}
          </Button>
        )}
      </div>
      {loaded.error !== undefined && (
        <Alert type="error" showIcon className="a-toolbar" title={t('common.loadFailed')} description={errorText(loaded.error, '')} action={<Button onClick={() => loaded.reload()}>{t('common.retry')}</Button>} />
      )}
      <Table<CardProduct>
        rowKey="id"
        data-testid="card-products-table"
        columns={columns}
        dataSource={loaded.data?.items ?? []}
        loading={loaded.loading}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        onRow={(p) => ({ 'data-code': p.code, 'data-published': p.published ? 'yes' : 'no' }) as HTMLAttributes<HTMLElement>}
      />
      {creating && (
        <CardProductModal
          onClose={(changed) => {
            setCreating(false);
            if (changed) loaded.reload(true);
          }}
        />
      )}
    </>
  );
}
