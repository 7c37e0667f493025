import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api, errorText } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import type { AdminRescheduleItem } from '../../../shared/order-types';
import { useLoad } from '../../../shared/use-load';
import { useAdminSession } from '../../session';
import './orders.css';
import { RescheduleDecisionModal } from './order-action-modals';
import { OrderDrawer } from './order-drawer';

/** 改约审批: workers' reschedule requests waiting for operations (`pending_ops`), 同意 / 拒绝 with a note. */
export function ReschedulesPage() {
  const { t, lang } = useI18n();
  const { can } = useAdminSession();
  const mayDecide = can('orders:write');
  const loaded = useLoad((signal) => api<AdminRescheduleItem[]>('/api/admin/reschedules', { query: { status: 'pending_ops' }, signal }), []);
  const [decision, setDecision] = useState<{ id: string; approve: boolean } | null>(null);
  const [openOrder, setOpenOrder] = useState<string | null>(null);

  const columns: TableColumnsType<AdminRescheduleItem> = [
    {
      title: t('reschedules.order'),
      dataIndex: 'orderNo',
      render: (orderNo: string, row) => (
        <Button type="link" size="small" className="a-order-no" onClick={() => setOpenOrder(row.orderId)} data-testid={`reschedule-order-${orderNo}`}>
          {orderNo}
        </Button>
      ),
    },
    { title: t('reschedules.item'), dataIndex: 'itemName' },
    { title: t('reschedules.worker'), dataIndex: 'workerName', render: (name: string | null) => name ?? '—' },
    { title: t('reschedules.requestedBy'), dataIndex: 'requestedBy', render: (by: AdminRescheduleItem['requestedBy']) => t(`order.actor.${by}`) },
    {
      title: t('reschedules.change'),
      key: 'change',
      render: (_value, row) => (
        <span className="a-order-change">
          <Typography.Text delete type="secondary">{formatDateTime(row.previousStart, lang)}</Typography.Text>
          {' → '}
          <Typography.Text strong>{formatDateTime(row.proposedStart, lang)}</Typography.Text>
        </span>
      ),
    },
    { title: t('reschedules.reason'), dataIndex: 'reason', render: (reason: string) => reason || '—' },
    { title: t('reschedules.createdAt'), dataIndex: 'createdAt', render: (at: string) => formatDateTime(at, lang) },
    ...(mayDecide
      ? [{
          title: t('common.actions'),
          key: 'actions',
          render: (_value: unknown, row: AdminRescheduleItem) => (
            <Space size={0} data-testid={`reschedule-row-${row.orderNo}`}>
              <Button type="link" size="small" onClick={() => setDecision({ id: row.id, approve: true })} data-testid={`reschedule-approve-${row.orderNo}`}>
                {t('reschedules.approve')}
              </Button>
              <Button type="link" size="small" danger onClick={() => setDecision({ id: row.id, approve: false })} data-testid={`reschedule-reject-${row.orderNo}`}>
                {t('reschedules.reject')}
              </Button>
            </Space>
          ),
        }]
      : []),
  ];

  return (
    <div data-testid="reschedules-page">
      <div className="a-toolbar">
        <Typography.Text type="secondary">{t('reschedules.intro')}</Typography.Text>
        <span className="a-toolbar-spacer" />
        <Button icon={<ReloadOutlined />} onClick={() => loaded.reload()} data-testid="reschedules-refresh">
          {t('reschedules.refresh')}
        </Button>
      </div>
      {loaded.error !== undefined && (
        <Alert type="error" showIcon className="a-toolbar" title={t('common.loadFailed')} description={errorText(loaded.error, '')} action={<Button onClick={() => loaded.reload()}>{t('common.retry')}</Button>} />
      )}
      <Table<AdminRescheduleItem>
        rowKey="id"
        data-testid="reschedules-table"
        loading={loaded.loading}
        columns={columns}
        dataSource={loaded.data ?? []}
        locale={{ emptyText: t('reschedules.empty') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => t('common.total', { total }) }}
      />
      {decision && (
        <RescheduleDecisionModal
          requestId={decision.id}
          approve={decision.approve}
          onClose={(done) => {
            setDecision(null);
            if (done) loaded.reload(true);
          }}
        />
      )}
      {openOrder && (
        <OrderDrawer
          orderId={openOrder}
          onOpenOrder={setOpenOrder}
          onClose={(changed) => {
            setOpenOrder(null);
            if (changed) loaded.reload(true);
          }}
        />
      )}
    </div>
  );
}
