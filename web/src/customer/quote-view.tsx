import { Button, Tag } from 'antd-mobile';
import { useNavigate, useSearchParams } from 'react-router';
import { itemNameOf, pick, type Quote, type QuoteLine } from '../shared/catalog-types';
import { unitLabel } from '../shared/catalog-units';
import { formatDateTime, formatFen, formatFenRange, formatTime } from '../shared/format';
import { useI18n, type Translate } from '../shared/i18n';

/** `120 ㎡ × ¥10` for the base line (in the item's unit); `1 × ¥80` for the others. */
function quantityText(t: Translate, quote: Quote, line: QuoteLine): string {
  const quantity = Number.isInteger(line.quantity) ? String(line.quantity) : String(Number(line.quantity.toFixed(3)));
  const withUnit = line.code === 'BASE' ? `${quantity} ${unitLabel(t, quote.unit)}` : quantity;
  return `${withUnit} × ${formatFen(line.unitPriceFen)}`;
}

/** An itemised quote: every line with its rule, subtotal / discount / total, validity and notes. */
export function QuoteView({ quote }: { quote: Quote }) {
  const { t, lang } = useI18n();
  const deposit = quote.kind === 'deposit';
  const validMinutes = Math.round((new Date(quote.expiresAt).getTime() - new Date(quote.createdAt).getTime()) / 60_000);
  const expired = Date.now() >= new Date(quote.expiresAt).getTime();
  const navigate = useNavigate();
  // From a worker's profile (预约TA) the item page carries `?workerId=`; the booking asks for that worker.
  const workerId = useSearchParams()[0].get('workerId');

  return (
    <section className="m-quote" data-testid="quote" data-quote-id={quote.id}>
      <header className="m-quote-head">
        <span className="m-quote-title">{t('quote.title')}</span>
        <span className="m-quote-item">{itemNameOf(lang, quote)}</span>
        {quote.used && <Tag color="default">{t('quote.used')}</Tag>}
      </header>
      <div className="m-quote-visit">{t('quote.visitAt', { time: formatDateTime(quote.scheduledStart, lang) })}</div>
      <ul className="m-quote-lines">
        {quote.lines.map((line, index) => (
          <li key={`${line.code}-${index}`} className="m-quote-line" data-testid={`quote-line-${line.code}`}>
            <div className="m-quote-line-main">
              <span className="m-quote-line-label">{pick(lang, line.label)}</span>
              <span className={line.amountFen < 0 ? 'm-quote-amount m-quote-minus' : 'm-quote-amount'}>{formatFen(line.amountFen)}</span>
            </div>
            <div className="m-quote-line-sub">
              <span>{quantityText(t, quote, line)}</span>
              <span className="m-quote-rule">{pick(lang, line.rule.description)}</span>
            </div>
          </li>
        ))}
      </ul>
      <dl className="m-quote-sums">
        <div>
          <dt>{t('quote.subtotal')}</dt>
          <dd data-testid="quote-subtotal">{formatFen(quote.subtotalFen)}</dd>
        </div>
        <div>
          <dt>{t('quote.discount')}</dt>
          <dd data-testid="quote-discount">{quote.discountFen > 0 ? formatFen(-quote.discountFen) : formatFen(0)}</dd>
        </div>
        <div className="m-quote-total">
          <dt>{t(deposit ? 'quote.totalDeposit' : 'quote.total')}</dt>
          <dd data-testid="quote-total">{formatFen(quote.totalFen)}</dd>
        </div>
      </dl>
      {deposit && <p className="m-quote-note" data-testid="quote-deposit-note">{t('quote.depositNote')}</p>}
      {quote.referenceRange && (
        <p className="m-quote-meta">
          {t('quote.referenceRange', { range: formatFenRange(quote.referenceRange.minFen, quote.referenceRange.maxFen), unit: unitLabel(t, quote.unit) })}
        </p>
      )}
      {quote.package && <p className="m-quote-meta">{t('quote.package', { visits: quote.package.visits, days: quote.package.validDays })}</p>}
      <p className={expired ? 'm-quote-meta m-danger-text' : 'm-quote-meta'} data-testid="quote-expiry">
        {expired ? t('quote.expired') : t('quote.validUntil', { minutes: validMinutes, time: formatTime(quote.expiresAt) })}
      </p>
      <p className="m-quote-meta m-quote-id">{t('quote.id', { id: quote.quoteNo })}</p>
      {!quote.used && (
        <Button
          block
          color="primary"
          size="large"
          style={{ marginTop: 12 }}
          onClick={() => navigate(`/book/${quote.id}${workerId ? `?workerId=${encodeURIComponent(workerId)}` : ''}`)}
          data-testid="quote-book"
        >
          {t(workerId ? 'quote.bookWorker' : 'quote.book')}
        </Button>
      )}
    </section>
  );
}
