import { Link } from 'react-router';
import { formatDateTime, formatFen } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import type { ServiceCardDetail } from './card-types';

/** 使用记录: each visit the card paid, its amount and whether it came back (cancelled), with a link to the order. */
export function CardVisits({ card }: { card: ServiceCardDetail }) {
  const { t, lang } = useI18n();
  return (
    <section className="m-section" data-testid="card-visits">
      <div className="m-section-title">{t('card.visitsTitle')}</div>
      {card.redemptions.length === 0 ? (
        <p className="m-order-muted">{t('card.noVisits')}</p>
      ) : (
        <dl className="m-order-rows">
          {card.redemptions.map((visit) => (
            <div key={`${visit.orderId}-${visit.createdAt}`} data-testid="card-visit" data-order-id={visit.orderId} data-status={visit.status}>
              <dt>
                {formatDateTime(visit.createdAt, lang)} · {t(`card.visit.${visit.status}`)}
              </dt>
              <dd>
                {formatFen(visit.amountFen)}{' '}
                <Link to={`/orders/${visit.orderId}`} state={{ from: `/cards/${card.id}` }} data-testid="card-visit-order">
                  {t('card.openOrder')}
                </Link>
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
