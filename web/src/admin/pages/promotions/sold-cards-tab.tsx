import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Progress, Table, Tag, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { api, errorText } from '../../../shared/api';
import { formatDateTime, formatFen } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { useLoad } from '../../../shared/use-load';
import type { CardStatus, SoldCard } from './promotion-types';

const STATUS_COLORS: Record<CardStatus, string> = { unpaid: 'default', active: 'green', expired: 'orange', refunded: 'default', void: 'default' };

/** 已售次卡: each card's visits used and left, and the balance still prepaid on it. */
export function SoldCardsTab() {
  const { t, lang } = useI18n();
  const loaded = useLoad((signal) => api<{ items: SoldCard[] }>('/api/admin/service-cards', { signal }), []);
  const columns: TableColumnsType<SoldCard> = [
    { title: t('promo.sold.cardNo'), dataIndex: 'cardNo', render: (no: string) => <span className="a-detail">{no}</span> },
    { title: t('promo.card.name'), dataIndex: 'name' },
    {
      title: t('promo.sold.visits'),
      key: 'visits',
      render: (_v, c) => (
        <div data-testid={`sold-visits-${c.cardNo}`}>
          {t('promo.sold.usedLeft', { used: c.visitsUsed, left: c.visitsLeft })}
          <Progress percent={Math.round((c.visitsUsed / c.visits) * 100)} size="small" showInfo={false} />
        </div>
      ),
    },
    { title: t('promo.sold.paid'), dataIndex: 'priceFen', align: 'right', render: (fen: number) => formatFen(fen) },
    { title: t('promo.sold.balance'), dataIndex: 'balanceFen', align: 'right', render: (fen: number) => formatFen(fen) },
    { title: t('promo.sold.refunded'), dataIndex: 'refundedFen', align: 'right', render: (fen: number) => (fen ? formatFen(fen) : '—') },
    { title: t('promo.status'), dataIndex: 'status', render: (status: CardStatus) => <Tag color={STATUS_COLORS[status]} data-status={status}>{t(`promo.cardStatus.${status}`)}</Tag> },
    { title: t('promo.sold.paidAt'), dataIndex: 'paidAt', render: (at: string | null) => formatDateTime(at, lang) },
    { title: t('promo.sold.expiresAt'), dataIndex: 'expiresAt', render: (at: string | null) => formatDateTime(at, lang) },
  ];
  return (
    <>
      <div className="a-toolbar">
        <Button icon={<ReloadOutlined />} onClick={() => loaded.reload()}>
          {t('fin.refresh')}
        </Button>
      </div>
      {loaded.error !== undefined && (
        <Alert type="error" showIcon className="a-toolbar" title={t('common.loadFailed')} description={errorText(loaded.error, '')} action={<Button onClick={() => loaded.reload()}>{t('common.retry')}</Button>} />
      )}
      <Table<SoldCard>
        rowKey="id"
        data-testid="sold-cards-table"
        columns={columns}
        dataSource={loaded.data?.items ?? []}
        loading={loaded.loading}
        pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (total) => t('common.total', { total }) }}
        onRow={(c) => ({ 'data-card-no': c.cardNo, 'data-status': c.status }) as HTMLAttributes<HTMLElement>}
      />
    </>
  );
}
