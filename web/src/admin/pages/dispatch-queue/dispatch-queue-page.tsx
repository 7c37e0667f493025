import { Alert, Badge, Button, Table, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState, type HTMLAttributes } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../../shared/api';
import { formatDateTime, formatFen } from '../../../shared/format';
import { useI18n, type Translate } from '../../../shared/i18n';
import { useLoad } from '../../../shared/use-load';
import { useAdminSession } from '../../session';
import type { QueuedOrder } from '../orders/dispatch-types';
import { OrderDrawer } from '../orders/order-drawer';
import { orderColumns, orderErrorText } from '../orders/order-format';
import '../orders/orders.css';
import '../orders/dispatch.css';

const POLL_MS = 30_000;

/** `35 分钟` / `2 小时 5 分` / `1 天 3 小时`. */
export function spanText(t: Translate, ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return t('queue.minutes', { minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return t('queue.hours', { hours, minutes: minutes % 60 });
  return t('queue.days', { days: Math.floor(hours / 24), hours: hours % 24 });
}

/** Re-renders every `ms` while the page is open (ages and countdowns). */
function useNow(ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

/**
 * 派单队列: paid orders nobody took (`GET /api/admin/dispatch/queue`, oldest first) with why and how long they have
 * waited; 人工派单 opens the order drawer (`?open=<id>`), where the dispatch record explains every round.
 */
export function DispatchQueuePage() {
  const { t, lang } = useI18n();
  const { can } = useAdminSession();
  const [params, setParams] = useSearchParams();
  const openId = params.get('open');
  const queue = useLoad((signal) => api<QueuedOrder[]>('/api/admin/dispatch/queue', { signal }), []);
  const now = useNow(POLL_MS);
  const { reload } = queue;
  useEffect(() => {
    const timer = setInterval(() => reload(true), POLL_MS);
    return () => clearInterval(timer);
  }, [reload]);

  const open = (id: string) => setParams(id ? { open: id } : {}, { replace: true });
  const rows = queue.data ?? [];

  const columns: TableColumnsType<QueuedOrder> = [
    ...orderColumns<QueuedOrder>(t, lang, open, 'queue-open'),
    {
      title: t('orders.col.time'),
      key: 'time',
      width: 170,
      render: (_value, row) => {
        const left = Date.parse(row.scheduledStart) - now;
        return (
          <>
            <div>{formatDateTime(row.scheduledStart, lang)}</div>
            <Typography.Text type={left < 3 * 3600_000 ? 'danger' : 'secondary'} className="a-small">
              {left <= 0 ? t('queue.passed') : `${t('queue.col.startsIn')} ${spanText(t, left)}`}
            </Typography.Text>
          </>
        );
      },
    },
    { title: t('orders.col.district'), dataIndex: 'districtName', width: 90, render: (name: string, row) => (lang === 'en' && row.districtNameEn ? row.districtNameEn : name) },
    { title: t('orders.col.price'), dataIndex: 'totalFen', align: 'right', width: 90, render: (fen: number) => formatFen(fen) },
    { title: t('queue.col.reason'), dataIndex: 'reason', render: (reason: string) => <span data-testid="queue-reason">{reason}</span> },
    {
      title: t('queue.col.age'),
      key: 'age',
      width: 150,
      render: (_value, row) => (
        <>
          <div data-testid="queue-age">{spanText(t, now - Date.parse(row.queuedAt))}</div>
          <Typography.Text type="secondary" className="a-small">{formatDateTime(row.queuedAt, lang)}</Typography.Text>
        </>
      ),
    },
    {
      title: '',
      key: 'actions',
      width: 110,
      render: (_value, row) => (
        <Button type={can('orders:write') ? 'primary' : 'default'} size="small" onClick={() => open(row.id)} data-testid={`queue-assign-${row.orderNo}`}>
          {can('orders:write') ? t('queue.assign') : t('queue.open')}
        </Button>
      ),
    },
  ];

  return (
    <div data-testid="dispatch-queue-page">
      <div className="a-toolbar">
        <Typography.Text type="secondary">{t('queue.intro')}</Typography.Text>
        <span className="a-toolbar-spacer" />
        <Badge count={rows.length} showZero color={rows.length ? '#fa541c' : '#bfbfbf'} data-testid="queue-count" data-count={rows.length} title={t('queue.count', { count: rows.length })} />
        <Button size="small" onClick={() => queue.reload()} data-testid="queue-refresh">
          {t('queue.refresh')}
        </Button>
      </div>
      {queue.error !== undefined && (
        <Alert type="error" showIcon className="a-toolbar" title={t('common.loadFailed')} description={orderErrorText(t, queue.error)} action={<Button onClick={() => queue.reload()}>{t('common.retry')}</Button>} />
      )}
      <Table<QueuedOrder>
        rowKey="id"
        size="middle"
        data-testid="dispatch-queue"
        loading={queue.loading && !queue.data}
        columns={columns}
        dataSource={rows}
        pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        locale={{ emptyText: t('queue.empty') }}
        onRow={(row) => ({ 'data-order-no': row.orderNo }) as HTMLAttributes<HTMLElement>}
      />
      {openId && (
        <OrderDrawer
          orderId={openId}
          onOpenOrder={open}
          onClose={(changed) => {
            open('');
            if (changed) queue.reload(true);
          }}
        />
      )}
    </div>
  );
}
