import { Avatar } from 'antd-mobile';
import { PhoneFill, StarFill } from 'antd-mobile-icons';
import { formatTime } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import type { OrderView } from '../../shared/order-types';

/** The worker's card: masked name, rating, experience, the relay number while the visit is ahead, the ETA on the way. */
export function OrderWorker({ order }: { order: OrderView }) {
  const { t } = useI18n();
  const worker = order.worker;
  if (!worker) return null;
  return (
    <section className="m-section" data-testid="order-worker" data-worker-id={worker.id}>
      <div className="m-section-title">{t('order.worker')}</div>
      <div className="m-order-worker">
        <Avatar src={worker.avatarUrl ?? ''} />
        <div className="m-order-worker-body">
          <div className="m-order-worker-name" data-testid="order-worker-name">
            {worker.name}
          </div>
          <div className="m-order-worker-meta">
            {worker.ratingCount > 0 ? (
              <>
                <StarFill className="m-star" /> {worker.ratingAvg.toFixed(1)} ·{' '}
              </>
            ) : (
              `${t('workers.noRating')} · `
            )}
            {t('workers.orders', { count: worker.ordersDone })} · {t('workers.years', { years: worker.experienceYears })}
          </div>
          {order.status === 'on_the_way' && order.etaAt && (
            <div className="m-order-worker-meta" data-testid="order-eta">
              {t('order.eta', { time: formatTime(order.etaAt) })}
            </div>
          )}
        </div>
        {worker.relayPhone && (
          <a className="m-order-call" href={`tel:${worker.relayPhone}`} data-testid="order-call">
            <PhoneFill /> {t('order.call')}
          </a>
        )}
      </div>
      {worker.relayPhone && <div className="m-order-muted">{t('order.relayHint', { phone: worker.relayPhone })}</div>}
    </section>
  );
}
