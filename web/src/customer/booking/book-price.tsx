import { itemNameOf, pick, type Quote } from '../../shared/catalog-types';
import { formatDateTime, formatFen } from '../../shared/format';
import { useI18n } from '../../shared/i18n';

/**
 * The item and its price for the chosen time: each line, the discount and the total. When the time
 * changed the price (night, weekend, urgent rules), says so against the original quote.
 */
export function BookPrice({ quote, original, slotChosen, repricing }: { quote: Quote; original: Quote; slotChosen: boolean; repricing: boolean }) {
  const { t, lang } = useI18n();
  const changed = slotChosen && quote.totalFen !== original.totalFen;
  return (
    <section className="m-section" data-testid="book-item" data-quote-id={quote.id}>
      <div className="m-book-item-name">{itemNameOf(lang, quote)}</div>
      <div className="m-book-item-sub">
        {slotChosen ? t('book.priceFor', { time: formatDateTime(quote.scheduledStart, lang) }) : t('book.pricePickTime')}
      </div>
      <ul className="m-book-lines">
        {quote.lines.map((line, index) => (
          <li key={`${line.code}-${index}`} data-testid={`book-line-${line.code}`}>
            <span>{pick(lang, line.label)}</span>
            <span>{formatFen(line.amountFen)}</span>
          </li>
        ))}
        {quote.discountFen > 0 && (
          <li>
            <span>{t('quote.discount')}</span>
            <span>{formatFen(-quote.discountFen)}</span>
          </li>
        )}
      </ul>
      <div className="m-book-total">
        <span>{t(quote.kind === 'deposit' ? 'quote.totalDeposit' : 'quote.total')}</span>
        <strong data-testid="book-total">{repricing ? '…' : formatFen(quote.totalFen)}</strong>
      </div>
      {changed && !repricing && (
        <p className="m-book-price-note" data-testid="book-price-changed">
          {t('book.priceChanged', { from: formatFen(original.totalFen), to: formatFen(quote.totalFen) })}
        </p>
      )}
      {quote.kind === 'deposit' && <p className="m-book-price-note">{t('quote.depositNote')}</p>}
    </section>
  );
}
