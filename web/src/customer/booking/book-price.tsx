import { itemNameOf, pick, type Quote } from '../../shared/catalog-types';
import { formatDateTime, formatFen } from '../../shared/format';
import { useI18n } from '../../shared/i18n';

/** What the booking will cost beyond the quote: the insurance premium, or the 次卡 that pays the visit. */
export interface Payable {
  premiumFen: number;
  card: { name: string; shareFen: number } | null;
  /** What the order will cost: the card's share, else the quote plus the premium. */
  totalFen: number;
}

/**
 * The item and its price for the chosen time: each line (the coupon's too), the insurance premium, a 次卡
 * paying the visit, and the total. When the time changed the price (night, urgent rules), says so against
 * the original quote.
 */
export function BookPrice({ quote, original, slotChosen, repricing, payable }: { quote: Quote; original: Quote; slotChosen: boolean; repricing: boolean; payable: Payable }) {
  const { t, lang } = useI18n();
  const changed = slotChosen && quote.subtotalFen !== original.subtotalFen;
  const hasCouponLine = quote.lines.some((line) => line.code === 'COUPON');
  return (
    <section className="m-section" data-testid="book-item" data-quote-id={quote.id}>
      <div className="m-book-item-name">{itemNameOf(lang, quote)}</div>
      <div className="m-book-item-sub">
        {slotChosen ? t('book.priceFor', { time: formatDateTime(quote.scheduledStart, lang) }) : t('book.pricePickTime')}
      </div>
      <ul className="m-book-lines">
        {quote.lines.map((line, index) => (
          <li key={`${line.code}-${index}`} data-testid={`book-line-${line.code}`} className={line.amountFen < 0 ? 'm-book-minus' : undefined}>
            <span>{line.code === 'COUPON' ? t('book.couponLine', { name: pick(lang, line.label) }) : pick(lang, line.label)}</span>
            <span>{formatFen(line.amountFen)}</span>
          </li>
        ))}
        {quote.discountFen > 0 && !hasCouponLine && (
          <li>
            <span>{t('quote.discount')}</span>
            <span>{formatFen(-quote.discountFen)}</span>
          </li>
        )}
        {payable.premiumFen > 0 && (
          <li data-testid="book-line-INSURANCE">
            <span>{t('book.insurancePremium')}</span>
            <span>{formatFen(payable.premiumFen)}</span>
          </li>
        )}
        {payable.card && (
          <li data-testid="book-line-SERVICE_CARD" className={payable.card.shareFen < quote.totalFen ? 'm-book-minus' : undefined}>
            <span>{t('book.cardLine', { name: payable.card.name })}</span>
            <span>{formatFen(payable.card.shareFen - quote.totalFen)}</span>
          </li>
        )}
      </ul>
      <div className="m-book-total">
        <span>{payable.card ? t('book.payByCard') : t(quote.kind === 'deposit' ? 'quote.totalDeposit' : 'quote.total')}</span>
        <strong data-testid="book-total" data-fen={payable.totalFen}>
          {repricing ? '…' : formatFen(payable.totalFen)}
        </strong>
      </div>
      {changed && !repricing && (
        <p className="m-book-price-note" data-testid="book-price-changed">
          {t('book.priceChanged', { from: formatFen(original.subtotalFen), to: formatFen(quote.subtotalFen) })}
        </p>
      )}
      {quote.kind === 'deposit' && <p className="m-book-price-note">{t('quote.depositNote')}</p>}
    </section>
  );
}
