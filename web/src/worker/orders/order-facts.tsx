import { Card } from 'antd-mobile';
import { formatFen } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import type { OrderView } from '../../shared/order-types';
import { durationText, visitText } from '../../shared/city-days';
import { PhotoStrip } from './order-records';
import { OrderTitle, StateTag } from './order-status';

/** What a worker may know before accepting: service, time, duration, district, distance, price, the customer's notes and photos. */
export function OrderFacts({ order, distanceKm }: { order: OrderView; distanceKm: number | null }) {
  const { t, lang } = useI18n();
  const { price } = order;
  return (
    <Card
      className="m-order-section m-order-head"
      title={<OrderTitle order={order} testId="order-item" />}
      extra={<StateTag order={order} testId="order-status" />}
    >
      <dl className="m-order-facts">
        <div>
          <dt>{t('order.time')}</dt>
          <dd data-testid="order-time">{visitText(order.scheduledStart, order.durationMinutes, lang)}</dd>
        </div>
        <div>
          <dt>{t('order.duration')}</dt>
          <dd>{durationText(order.durationMinutes, lang)}</dd>
        </div>
        <div>
          <dt>{t('order.district')}</dt>
          <dd data-testid="order-district">{order.districtName}</dd>
        </div>
        {distanceKm !== null && (
          <div>
            <dt>{t('order.distance')}</dt>
            <dd data-testid="order-distance">{t('orders.distance', { km: distanceKm.toFixed(1) })}</dd>
          </div>
        )}
        <div>
          <dt>{t('order.price')}</dt>
          <dd className="m-order-amount" data-testid="order-price">
            {formatFen(price.totalFen)}
          </dd>
        </div>
        {price.extrasFen > 0 && (
          <div>
            <dt>{t('order.extras')}</dt>
            <dd data-testid="order-extras">
              {formatFen(price.extrasFen)} · {t('order.due', { amount: formatFen(price.dueFen) })}
            </dd>
          </div>
        )}
        <div>
          <dt>{t('order.notes')}</dt>
          <dd data-testid="order-notes">{order.notes || t('common.none')}</dd>
        </div>
        {order.lateFlagged && (
          <div>
            <dt>{t('order.late')}</dt>
            <dd className="m-danger-text">{t('order.lateNote')}</dd>
          </div>
        )}
      </dl>
      {order.photos.length > 0 && (
        <>
          <div className="m-record-label">{t('order.photos')}</div>
          <PhotoStrip urls={order.photos} testId="order-photos" />
        </>
      )}
      <div className="m-order-meta">{t('orders.no', { no: order.orderNo })}</div>
    </Card>
  );
}
