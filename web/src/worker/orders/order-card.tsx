import { Card, Tag } from 'antd-mobile';
import { ClockCircleOutline, EnvironmentOutline } from 'antd-mobile-icons';
import { useNavigate } from 'react-router';
import { formatFen } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import type { WorkerOrderSummary } from '../../shared/order-types';
import { visitText } from '../../shared/city-days';
import { OrderTitle, StateTag } from './order-status';

/** One order in the worker's lists: service, visit time (city zone), district, distance and price — never the address. */
export function OrderCard({ order, from }: { order: WorkerOrderSummary; from: string }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  return (
    <Card
      className="m-order-card"
      onClick={() => navigate(`/orders/${order.id}`, { state: { from } })}
      data-testid="worker-order-card"
      data-order-no={order.orderNo}
      data-status={order.status}
      title={<OrderTitle order={order} />}
      extra={order.offered ? <Tag color="warning">{t('orders.newOffer')}</Tag> : <StateTag order={order} testId="worker-order-status" />}
    >
      <div className="m-order-card-row">
        <ClockCircleOutline /> <span data-testid="worker-order-time">{visitText(order.scheduledStart, order.durationMinutes, lang)}</span>
      </div>
      <div className="m-order-card-row">
        <EnvironmentOutline /> <span>{order.districtName}</span>
        {order.distanceKm !== null && <span className="m-order-distance">{t('orders.distance', { km: order.distanceKm.toFixed(1) })}</span>}
      </div>
      <div className="m-order-card-foot">
        <span className="m-order-no">{t('orders.no', { no: order.orderNo })}</span>
        <span className="m-order-price" data-testid="worker-order-price">
          {formatFen(order.totalFen)}
        </span>
      </div>
    </Card>
  );
}
