import { List, Tag } from 'antd-mobile';
import { formatDateTime, formatFen } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import type { IncomeOrder } from './income-types';

/** 收入明细: per order the price, the commission and why, compensation, net, pending or withdrawable. */
export function IncomeOrders({ orders }: { orders: IncomeOrder[] }) {
  const { t } = useI18n();
  return (
    <List mode="card" header={t('income.orders')} data-testid="income-orders">
      {orders.length === 0 && <List.Item>{t('income.noOrders')}</List.Item>}
      {orders.map((order) => (
        <IncomeRow key={`${order.orderId}-${order.kind ?? ''}`} order={order} />
      ))}
    </List>
  );
}

const STATE_COLORS: Record<IncomeOrder['state'], string> = { pending: 'warning', available: 'success', withdrawing: 'primary', withdrawn: 'default', returned: 'danger' };

function IncomeRow({ order }: { order: IncomeOrder }) {
  const { t, lang } = useI18n();
  const reason = order.commissionReason ? (lang === 'en' ? order.commissionReason.en : order.commissionReason.zh) : '';
  return (
    <List.Item
      data-testid="income-order"
      data-order-no={order.orderNo}
      data-state={order.state}
      data-net={order.netFen}
      extra={
        <div className="m-income-net">
          <div>{formatFen(order.netFen)}</div>
          <Tag color={STATE_COLORS[order.state]} data-testid="income-state">{t(`income.state.${order.state}`)}</Tag>
        </div>
      }
      description={
        <div className="m-income-lines">
          <div>{order.orderNo} · {formatDateTime(order.completedAt, lang)}</div>
          {order.grossFen > 0 && <div>{t('income.price')} {formatFen(order.grossFen)}</div>}
          {order.commissionFen > 0 && <div data-testid="income-commission">{t('income.commission')} {formatFen(-order.commissionFen)}{reason && ` · ${reason}`}</div>}
          {order.compensationFen > 0 && <div>{t('income.compensation')} {formatFen(order.compensationFen)}</div>}
          {(order.clawbackFen ?? 0) > 0 && <div data-testid="income-clawback">{t('income.clawback')} {formatFen(-(order.clawbackFen ?? 0))}</div>}
          {order.state === 'pending' && <div>{t('income.availableAt', { time: formatDateTime(order.availableAt, lang) })}</div>}
          {order.parts.length > 1 && (
            <div data-testid="income-parts">{order.parts.map((p) => `${t(`income.state.${p.state}`)} ${formatFen(p.fen)}`).join(' · ')}</div>
          )}
        </div>
      }
    >
      {order.itemName}
      {order.kind === 'compensation' && <Tag className="m-income-kind">{t('income.kind.compensation')}</Tag>}
    </List.Item>
  );
}
