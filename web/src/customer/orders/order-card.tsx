import { Tag } from 'antd-mobile';
import { itemNameOf, pick } from '../../shared/catalog-types';
import { formatDateTime, formatFen } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import type { OrderSummary } from '../../shared/order-types';
import { statusColor } from './order-status';

/** One order in 我的订单: item, status, visit time (city zone), district, worker and price. */
export function OrderCard({ order, onOpen }: { order: OrderSummary; onOpen: () => void }) {
  const { t, lang } = useI18n();
  return (
    <button type="button" className="m-card-button m-order-card" onClick={onOpen} data-testid="order-card" data-order-id={order.id} data-status={order.status}>
      <span className="m-order-card-head">
        <span className="m-order-card-item">
          {itemNameOf(lang, order)}
          {order.kind === 'rework' && (
            <Tag color="warning" fill="outline">
              {t('order.rework')}
            </Tag>
          )}
        </span>
        <span className={`m-order-status m-order-status-${statusColor(order.status)}`} data-testid="order-card-status">
          {pick(lang, order.statusLabel)}
        </span>
      </span>
      <span className="m-order-card-line">{t('orders.visitAt', { time: formatDateTime(order.scheduledStart, lang) })}</span>
      <span className="m-order-card-line">
        {order.districtName}
        {order.workerName ? ` · ${order.workerName}` : ''}
      </span>
      <span className="m-order-card-foot">
        <span className="m-order-card-no">{t('order.no', { no: order.orderNo })}</span>
        <strong className="m-order-card-price" data-testid="order-card-price">
          {formatFen(order.totalFen)}
        </strong>
      </span>
    </button>
  );
}
