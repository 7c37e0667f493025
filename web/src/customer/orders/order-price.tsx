import { pick } from '../../shared/catalog-types';
import { formatFen } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import type { OrderView } from '../../shared/order-types';

/** 费用明细: the quote's lines (coupon, insurance premium, 次卡 among them), total, accepted extras, what was paid and how, refunded and kept as a fee. */
export function OrderPrice({ order }: { order: OrderView }) {
  const { t, lang } = useI18n();
  const price = order.price;
  // The coupon is one of the lines; older orders may carry a discount without one.
  const couponLine = price.lines.some((line) => line.code === 'COUPON');
  return (
    <section className="m-section" data-testid="order-price">
      <div className="m-section-title">{t('order.price')}</div>
      <dl className="m-order-rows">
        {price.lines.map((line, index) => (
          <div key={`${line.code}-${index}`} data-testid={`order-line-${line.code}`}>
            <dt>{pick(lang, line.label)}</dt>
            <dd className={line.amountFen < 0 ? 'm-order-minus' : undefined}>{formatFen(line.amountFen)}</dd>
          </div>
        ))}
        {price.discountFen > 0 && !couponLine && (
          <div>
            <dt>{t('quote.discount')}</dt>
            <dd className="m-order-minus">{formatFen(-price.discountFen)}</dd>
          </div>
        )}
        <div className="m-order-divider" />
        <div>
          <dt>{t('order.total')}</dt>
          <dd data-testid="order-total">{formatFen(price.totalFen)}</dd>
        </div>
        {price.extrasFen > 0 && (
          <div>
            <dt>{t('order.extras')}</dt>
            <dd data-testid="order-extras-total">{formatFen(price.extrasFen)}</dd>
          </div>
        )}
        {price.extrasFen > 0 && (
          <div>
            <dt>{t('order.due')}</dt>
            <dd>{formatFen(price.dueFen)}</dd>
          </div>
        )}
        <div className="m-order-strong">
          <dt>{t('order.paid')}</dt>
          <dd data-testid="order-paid">{formatFen(price.paidFen)}</dd>
        </div>
        {price.payMethod && (
          <div>
            <dt>{t('order.payMethod')}</dt>
            <dd data-testid="order-pay-method" data-method={price.payMethod}>
              {t(price.payMethod === 'service_card' ? 'bill.serviceCard' : `pay.method.${price.payMethod}`)}
            </dd>
          </div>
        )}
        {price.refundFen > 0 && (
          <div>
            <dt>{t('order.refund')}</dt>
            <dd data-testid="order-refund">{formatFen(price.refundFen)}</dd>
          </div>
        )}
        {price.feeFen > 0 && (
          <div>
            <dt>{t('order.fee')}</dt>
            <dd data-testid="order-fee">{formatFen(price.feeFen)}</dd>
          </div>
        )}
      </dl>
      {price.feeFen > 0 && price.workerCompensationFen > 0 && (
        <p className="m-order-muted">{t('order.feeSplit', { worker: formatFen(price.workerCompensationFen) })}</p>
      )}
    </section>
  );
}
