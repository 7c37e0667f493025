import { CheckCircleFill } from 'antd-mobile-icons';
import type { Quote } from '../../shared/catalog-types';
import { formatFen } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import type { ServiceCard } from '../cards/card-types';

/** Quote lines a card visit covers (the server's rule): the base service and the city's price level. */
const COVERED = new Set(['BASE', 'CITY_ADJUSTMENT']);

/** My active cards for this item and quantity with a visit left. */
export function cardsFor(cards: ServiceCard[], quote: Quote): ServiceCard[] {
  return cards.filter((c) => c.status === 'active' && c.itemCode === quote.itemCode && c.quantity === quote.quantity && c.visitsLeft > 0 && c.nextVisitFen > 0);
}

/** Whether a card can pay this quote: only the standard visit (a coupon line goes when the card is chosen). */
export function cardCovers(quote: Quote): boolean {
  return quote.lines.every((line) => line.code === 'COUPON' || COVERED.has(line.code));
}

/**
 * 次卡支付: shown when I own an active card for this item and quantity. Choosing one pays the visit with its
 * share (no coupon, no optional insurance); not when the time or the options add to the standard price.
 */
export function CardChoice({ cards, quote, value, onChange, name }: {
  cards: ServiceCard[];
  quote: Quote;
  value: string | null;
  onChange: (id: string | null) => void;
  name: (card: ServiceCard) => string;
}) {
  const { t } = useI18n();
  if (cards.length === 0) return null;
  const covers = cardCovers(quote);
  return (
    <section className="m-section" data-testid="book-cards">
      <h2 className="m-section-title">{t('book.card')}</h2>
      {!covers && <p className="m-book-price-note" data-testid="book-card-not-covered">{t('book.cardNotCovered')}</p>}
      {cards.map((card) => (
        <button
          key={card.id}
          type="button"
          className={value === card.id ? 'm-book-address m-book-address-on' : 'm-book-address'}
          aria-pressed={value === card.id}
          disabled={!covers}
          onClick={() => onChange(value === card.id ? null : card.id)}
          data-testid="book-card"
          data-card-id={card.id}
        >
          <span className="m-book-address-main">{name(card)}</span>
          <span className="m-book-address-sub">
            {t('cards.left', { left: card.visitsLeft, visits: card.visits })} · {t('book.cardShare', { amount: formatFen(card.nextVisitFen) })}
          </span>
          {value === card.id && <CheckCircleFill className="m-book-check" />}
        </button>
      ))}
      {value && (
        <button type="button" className="m-book-link" onClick={() => onChange(null)} data-testid="book-card-none">
          {t('book.cardNone')}
        </button>
      )}
    </section>
  );
}
