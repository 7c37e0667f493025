import { Button, Space, Tag, type TableColumnType } from 'antd';
import { itemNameOf } from '../../../shared/catalog-types';
import type { Lang } from '../../../shared/i18n';
import { ApiError, errorText } from '../../../shared/api';
import type { Translate } from '../../../shared/i18n';
import { useI18n } from '../../../shared/i18n';
import type { AdminOrderSummary, OrderState } from '../../../shared/order-types';

export const ORDER_STATES: OrderState[] = [
  'created', 'paid', 'assigned', 'on_the_way', 'in_service', 'awaiting_confirmation', 'completed', 'closed', 'cancelled', 'disputed', 'refunded',
];

export type Anomaly = AdminOrderSummary['anomalies'][number];
export const ANOMALIES: Anomaly[] = ['unpaid', 'unassigned_soon', 'late', 'overrunning'];

const STATE_COLORS: Record<OrderState, string> = {
  created: 'gold',
  paid: 'orange',
  assigned: 'blue',
  on_the_way: 'cyan',
  in_service: 'geekblue',
  awaiting_confirmation: 'purple',
  completed: 'green',
  closed: 'default',
  cancelled: 'default',
  disputed: 'red',
  refunded: 'magenta',
};

const ANOMALY_COLORS: Record<Anomaly, string> = { unpaid: 'gold', unassigned_soon: 'volcano', late: 'red', overrunning: 'magenta' };

/** The order's state as a coloured tag. */
export function StateTag({ state, testId }: { state: OrderState; testId?: string }) {
  const { t } = useI18n();
  return (
    <Tag color={STATE_COLORS[state]} data-testid={testId} data-state={state}>
      {t(`state.${state}`)}
    </Tag>
  );
}

/** 未支付 / 临近开始未派单 / 迟到 / 超时 tags (nothing when there are none). */
export function AnomalyTags({ anomalies, testId }: { anomalies: Anomaly[]; testId?: string }) {
  const { t } = useI18n();
  if (anomalies.length === 0) return null;
  return (
    <Space size={[0, 4]} wrap data-testid={testId}>
      {anomalies.map((anomaly) => (
        <Tag key={anomaly} color={ANOMALY_COLORS[anomaly]} data-anomaly={anomaly}>
          {t(`anomaly.${anomaly}`)}
        </Tag>
      ))}
    </Space>
  );
}

/** `4.8（120 条）` or — when unrated. */
export function ratingText(t: Translate, avg: number, count?: number): string {
  if (!avg) return '—';
  return count === undefined ? avg.toFixed(1) : t('order.ratingValue', { avg: avg.toFixed(1), count });
}

/** An API failure as a sentence: known order codes get our own explanation, then the server's detail. */
export function orderErrorText(t: Translate, error: unknown): string {
  const detail = errorText(error, t('common.failed'));
  if (!(error instanceof ApiError)) return detail;
  const key = `order.error.${error.code}`;
  const own = t(key);
  const text = own === key ? detail : detail && detail !== error.title ? t('order.errorWithDetail', { text: own, detail }) : own;
  const state = error.problem.currentState;
  return typeof state === 'string' && ORDER_STATES.includes(state as OrderState) ? `${text} ${t('order.errorState', { state: t(`state.${state}`) })}` : text;
}

/** The order-number column (opens the order) and the item column, shared by the order lists. */
export function orderColumns<T extends Pick<AdminOrderSummary, 'id' | 'orderNo' | 'kind' | 'itemName' | 'itemNameEn'>>(
  t: Translate, lang: Lang, open: (id: string) => void, testIdPrefix: string,
): TableColumnType<T>[] {
  return [
    {
      title: t('orders.col.orderNo'),
      dataIndex: 'orderNo',
      width: 170,
      render: (orderNo: string, row) => (
        <Button type="link" size="small" className="a-order-no" onClick={() => open(row.id)} data-testid={`${testIdPrefix}-${orderNo}`}>
          {orderNo}
        </Button>
      ),
    },
    {
      title: t('orders.col.item'),
      key: 'item',
      render: (_value, row) => (
        <Space size={4}>
          <span>{itemNameOf(lang, row)}</span>
          {row.kind === 'rework' && <Tag color="purple">{t('orders.rework')}</Tag>}
        </Space>
      ),
    },
  ];
}
