import { Typography, type TableColumnsType } from 'antd';
import { formatDateTime, formatFen } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import type { AdminOrderSummary } from '../../../shared/order-types';
import { PagedTable } from '../../paged-table';
import { usePaged } from '../../use-paged';
import './orders.css';
import { OrderDrawer } from './order-drawer';
import { FILTER_KEYS, OrderFilters, type OrderFilterValues } from './order-filters';
import { AnomalyTags, orderColumns, StateTag } from './order-format';
import { useOrderRefs } from './use-order-refs';
import { useUrlState } from '../../use-url-state';

/** The API filters on instants: a picked date's start in the city (Asia/Shanghai, UTC+8 all year), or the next day's for `to`. */
function dayStart(date: string, plusDays: number): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return '';
  return new Date(new Date(`${date}T00:00:00+08:00`).getTime() + plusDays * 86_400_000).toISOString();
}

/** 订单管理: every order with filters (kept in the address, so a filtered list can be linked), the detail in a drawer (`?open=<id>`). */
export function OrdersPage() {
  const { t, lang } = useI18n();
  const { params, update, reset } = useUrlState();
  const { city, categories } = useOrderRefs();
  const values = Object.fromEntries(FILTER_KEYS.map((key) => [key, params.get(key) ?? ''])) as OrderFilterValues;
  const paged = usePaged<AdminOrderSummary>('/api/admin/orders', { ...values, from: dayStart(values.from, 0), to: dayStart(values.to, 1) });
  const openId = params.get('open');


  const columns: TableColumnsType<AdminOrderSummary> = [
    ...orderColumns<AdminOrderSummary>(t, lang, (id) => update({ open: id }), 'order-open'),
    {
      title: t('orders.col.time'),
      key: 'time',
      width: 160,
      render: (_value, row) => (
        <>
          <div>{formatDateTime(row.scheduledStart, lang)}</div>
          <Typography.Text type="secondary" className="a-small">{t('orders.minutes', { minutes: row.durationMinutes })}</Typography.Text>
        </>
      ),
    },
    { title: t('orders.col.district'), dataIndex: 'districtName', width: 90 },
    {
      title: t('orders.col.customer'),
      key: 'customer',
      render: (_value, row) => (
        <>
          <div>{row.customerName || t('users.unnamed')}</div>
          <Typography.Text type="secondary" className="a-small">{row.customerPhoneMasked ?? '—'}</Typography.Text>
        </>
      ),
    },
    {
      title: t('orders.col.worker'),
      key: 'worker',
      render: (_value, row) => row.workerName ?? <Typography.Text type="secondary">{t('orders.noWorker')}</Typography.Text>,
    },
    { title: t('orders.col.status'), key: 'status', width: 130, render: (_value, row) => <StateTag state={row.status} testId={`order-status-${row.orderNo}`} /> },
    { title: t('orders.col.price'), dataIndex: 'totalFen', align: 'right', width: 100, render: (fen: number) => formatFen(fen) },
    { title: t('orders.col.anomalies'), key: 'anomalies', render: (_value, row) => <AnomalyTags anomalies={row.anomalies} testId={`order-anomalies-${row.orderNo}`} /> },
  ];

  return (
    <div data-testid="orders-page">
      <OrderFilters
        values={values}
        onChange={update}
        onReset={reset}
        city={city.data}
        categories={categories.data}
      />
      <PagedTable paged={paged} columns={columns} testId="orders-table" />
      {openId && (
        <OrderDrawer
          orderId={openId}
          onOpenOrder={(id) => update({ open: id })}
          onFilter={(patch) => update({ ...patch, open: '' })}
          onClose={(changed) => {
            update({ open: '' });
            if (changed) paged.reload(true);
          }}
        />
      )}
    </div>
  );
}
