import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Popconfirm, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { api, errorText } from '../../../shared/api';
import { pick } from '../../../shared/catalog-types';
import { formatDateTime } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { useLoad } from '../../../shared/use-load';
import { useAdminSession } from '../../session';
import { CampaignFormModal } from './campaign-form-modal';
import { campaignPhase, CampaignStatusTag } from './campaign-status';
import { GrantModal } from './grant-modal';
import type { Campaign } from './promotion-types';
import { useCatalogItems } from './use-catalog-items';

type Dialog = { kind: 'create' } | { kind: 'grant'; campaign: Campaign } | null;

/** 优惠券活动: campaigns with issued and used counts; with `promotions:write` 新建, 定向发放 and 停止发放. */
export function CampaignsPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { can } = useAdminSession();
  const mayWrite = can('promotions:write');
  const mayGrant = mayWrite && can('users:read');
  const loaded = useLoad((signal) => api<{ items: Campaign[] }>('/api/admin/coupon-campaigns', { signal }), []);
  const catalog = useCatalogItems();
  const [dialog, setDialog] = useState<Dialog>(null);

  async function stop(c: Campaign) {
    try {
      await api(`/api/admin/coupon-campaigns/${c.id}/stop`, { method: 'POST' });
      message.success(t('promo.campaign.stopped', { name: c.name }));
      loaded.reload(true);
    } catch (error) {
      message.error(errorText(error, t('common.failed')));
    }
  }

  function closeDialog(changed: boolean) {
    setDialog(null);
    if (changed) loaded.reload(true);
  }

  const columns: TableColumnsType<Campaign> = [
    {
      title: t('promo.campaign.name'),
      key: 'name',
      render: (_v, c) => (
        <Space orientation="vertical" size={0}>
          <span>
            {lang === 'en' && c.nameEn ? c.nameEn : c.name} <Tag>{t(`promo.kind.${c.kind}`)}</Tag>
          </span>
          {!c.claimable && <Typography.Text type="secondary" className="a-small">{t('promo.campaign.grantOnly')}</Typography.Text>}
        </Space>
      ),
    },
    {
      title: t('promo.campaign.rule'),
      key: 'rule',
      render: (_v, c) => (
        <Space orientation="vertical" size={0}>
          <span data-testid={`campaign-rule-${c.id}`}>{pick(lang, c.rule)}</span>
          <Typography.Text type="secondary" className="a-small">
            {c.itemCodes?.length ? t('promo.campaign.forItems', { items: c.itemCodes.map(catalog.itemName).join('、') }) : t('promo.campaign.allItems')}
            {c.perCustomer > 1 ? ` · ${t('promo.campaign.perCustomerShort', { n: c.perCustomer })}` : ''}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('promo.campaign.window'),
      key: 'window',
      render: (_v, c) => (
        <Space orientation="vertical" size={0} className="a-small">
          <span>{formatDateTime(c.startsAt, lang)}</span>
          <span>{formatDateTime(c.endsAt, lang)}</span>
          {c.validDays !== null && <Typography.Text type="secondary">{t('promo.campaign.validDaysShort', { days: c.validDays })}</Typography.Text>}
        </Space>
      ),
    },
    { title: t('promo.campaign.issued'), key: 'issued', align: 'right', render: (_v, c) => <span data-testid={`campaign-issued-${c.id}`}>{`${c.issuedCount} / ${c.totalQuantity ?? t('promo.unlimited')}`}</span> },
    { title: t('promo.campaign.used'), dataIndex: 'usedCount', align: 'right' },
    { title: t('promo.status'), key: 'status', render: (_v, c) => <CampaignStatusTag t={t} campaign={c} /> },
    ...(mayWrite
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_v: unknown, c: Campaign) =>
              c.status === 'active' && (
                <Space size={0}>
                  {mayGrant && campaignPhase(c) === 'running' && (
                    <Button type="link" size="small" onClick={() => setDialog({ kind: 'grant', campaign: c })} data-testid={`campaign-grant-${c.id}`}>
                      {t('promo.grant.action')}
                    </Button>
                  )}
                  <Popconfirm title={t('promo.campaign.stopConfirm', { name: c.name })} okText={t('promo.campaign.stop')} okButtonProps={{ danger: true }} cancelText={t('common.cancel')} onConfirm={() => stop(c)}>
                    <Button type="link" size="small" danger data-testid={`campaign-stop-${c.id}`}>
                      {t('promo.campaign.stop')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]
      : []),
  ];

  return (
    <div data-testid="campaigns">
      <Typography.Paragraph type="secondary">{t('promo.campaign.intro')}</Typography.Paragraph>
      <div className="a-toolbar">
        <Button icon={<ReloadOutlined />} onClick={() => loaded.reload()}>
          {t('fin.refresh')}
        </Button>
        <span className="a-toolbar-spacer" />
        {mayWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })} data-testid="campaign-create">
            {t('promo.campaign.create')}
          </Button>
        )}
      </div>
      {loaded.error !== undefined && (
        <Alert type="error" showIcon className="a-toolbar" title={t('common.loadFailed')} description={errorText(loaded.error, '')} action={<Button onClick={() => loaded.reload()}>{t('common.retry')}</Button>} />
      )}
      <Table<Campaign>
        rowKey="id"
        data-testid="campaigns-table"
        columns={columns}
        dataSource={loaded.data?.items ?? []}
        loading={loaded.loading}
        pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (total) => t('common.total', { total }) }}
        onRow={(c) => ({ 'data-campaign-id': c.id, 'data-campaign-name': c.name }) as HTMLAttributes<HTMLElement>}
      />
      {dialog?.kind === 'create' && <CampaignFormModal onClose={closeDialog} />}
      {dialog?.kind === 'grant' && <GrantModal campaign={dialog.campaign} onClose={closeDialog} />}
    </div>
  );
}
