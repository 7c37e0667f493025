import { Link } from 'react-router';
import { itemNameOf } from '../../shared/catalog-types';
import { formatDateTime, formatTime } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import type { OrderView } from '../../shared/order-types';
import { useDuration } from '../use-duration';

/** 服务信息: item, visit time (city zone), duration, address and contact, order number, rework links. */
export function OrderInfo({ order }: { order: OrderView }) {
  const { t, lang } = useI18n();
  const duration = useDuration();
  const end = new Date(new Date(order.scheduledStart).getTime() + order.durationMinutes * 60_000).toISOString();
  const address = order.address;
  return (
    <section className="m-section" data-testid="order-info">
      <div className="m-section-title">{t('order.info')}</div>
      <dl className="m-order-rows">
        <div>
          <dt>{t('order.item')}</dt>
          <dd data-testid="order-item">{itemNameOf(lang, order)}</dd>
        </div>
        <div>
          <dt>{t('order.time')}</dt>
          <dd data-testid="order-time">
            {formatDateTime(order.scheduledStart, lang)}–{formatTime(end)}
          </dd>
        </div>
        <div>
          <dt>{t('order.duration')}</dt>
          <dd>{duration(order.durationMinutes)}</dd>
        </div>
        <div>
          <dt>{t('order.address')}</dt>
          <dd data-testid="order-address">
            {address.label && `${address.label} · `}
            {address.districtName} {address.detail ?? ''}
            {address.contactName && (
              <>
                <br />
                {address.contactName} {address.contactPhoneMasked ?? ''}
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('order.number')}</dt>
          <dd data-testid="order-no">{order.orderNo}</dd>
        </div>
        <div>
          <dt>{t('order.createdAt')}</dt>
          <dd>{formatDateTime(order.createdAt, lang)}</dd>
        </div>
        {order.paidAt && (
          <div>
            <dt>{t('order.paidAt')}</dt>
            <dd>{formatDateTime(order.paidAt, lang)}</dd>
          </div>
        )}
        {order.channel === 'phone' && (
          <div>
            <dt>{t('order.channel')}</dt>
            <dd>{t('order.channelPhone')}</dd>
          </div>
        )}
        {order.reworkOf && (
          <div>
            <dt>{t('order.reworkOf')}</dt>
            <dd>
              <Link to={`/orders/${order.reworkOf}`} data-testid="order-rework-of">
                {t('order.open')}
              </Link>
            </dd>
          </div>
        )}
        {order.reworkOrderId && (
          <div>
            <dt>{t('order.reworkOrder')}</dt>
            <dd>
              <Link to={`/orders/${order.reworkOrderId}`} data-testid="order-rework-link">
                {t('order.open')}
              </Link>
            </dd>
          </div>
        )}
      </dl>
    </section>
  );
}
