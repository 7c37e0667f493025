import { Tag } from 'antd-mobile';
import { Link } from 'react-router';
import { api } from '../../shared/api';
import { formatDateTime, formatFen } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import type { OrderView } from '../../shared/order-types';
import { useLoad } from '../../shared/use-load';
import type { OrderBill } from './bill-types';

/** 账单 (`GET /api/orders/:id/bill`): coupon, insurance and its cover, extras, total, paid (by provider or 次卡), and every charge and refund with its status. */
export function BillCard({ order }: { order: OrderView }) {
  const { t } = useI18n();
  const bill = useLoad((signal) => api<OrderBill>(`/api/orders/${order.id}/bill`, { signal }), [order.id, order.status, order.price.paidFen, order.price.refundFen]).data;
  if (!bill || (bill.payments.length === 0 && bill.refunds.length === 0 && !bill.serviceCard)) return null;
  return (
    <section className="m-section" data-testid="order-bill">
      <div className="m-section-title">{t('bill.title')}</div>
      <dl className="m-order-rows">
        {bill.couponFen > 0 && <Row label={t('bill.coupon')} fen={-bill.couponFen} testId="bill-coupon" />}
        {bill.insuranceFen > 0 && (
          <Row label={t('bill.insurance')} fen={bill.insuranceFen} testId="bill-insurance" sub={t('bill.insuranceCover', { cover: formatFen(bill.insuranceCoverFen) })} />
        )}
        {bill.extrasFen > 0 && <Row label={t('bill.extras')} fen={bill.extrasFen} />}
        <Row label={t('bill.total')} fen={bill.totalFen} testId="bill-total" />
        <Row label={t('bill.paid')} fen={bill.paidFen} testId="bill-paid" />
        {bill.refundedFen > 0 && <Row label={t('bill.refunded')} fen={bill.refundedFen} testId="bill-refunded" />}
      </dl>
      <BillRecords bill={bill} />
    </section>
  );
}

function Row({ label, fen, testId, sub }: { label: string; fen: number; testId?: string; sub?: string }) {
  return (
    <div>
      <dt>
        {label}
        {sub && <div className="m-order-muted" data-testid={testId ? `${testId}-sub` : undefined}>{sub}</div>}
      </dt>
      <dd className={fen < 0 ? 'm-order-minus' : undefined} data-testid={testId}>
        {formatFen(fen)}
      </dd>
    </div>
  );
}

function BillRecords({ bill }: { bill: OrderBill }) {
  const { t, lang } = useI18n();
  const card = bill.serviceCard;
  return (
    <>
      {card && (
        <div className="m-order-muted" data-testid="bill-service-card" data-status={card.status}>
          {t('bill.serviceCard')} {formatFen(card.amountFen)} · {card.name} ({card.cardNo}){' '}
          <Tag color={card.status === 'redeemed' ? 'success' : 'default'}>{t(`bill.serviceCard.${card.status}`)}</Tag>{' '}
          <Link to={`/cards/${card.cardId}`} data-testid="bill-service-card-link">
            {t('bill.serviceCardOpen')}
          </Link>
        </div>
      )}
      {bill.payments.map((p) => (
        <div key={p.id} className="m-order-muted" data-testid="bill-payment" data-status={p.status}>
          {t(`pay.method.${p.method}`)} {formatFen(p.amountFen)} {p.paidAt && formatDateTime(p.paidAt, lang)}{' '}
          <Tag color={p.status === 'paid' ? 'success' : p.status === 'failed' ? 'danger' : 'default'}>{t(`bill.payment.${p.status}`)}</Tag>
        </div>
      ))}
      {bill.refunds.map((r) => (
        <div key={r.id} className="m-order-muted" data-testid="bill-refund" data-status={r.status}>
          {t('bill.refund')} {formatFen(r.amountFen)} {formatDateTime(r.succeededAt ?? r.createdAt, lang)}{' '}
          <Tag color={r.status === 'succeeded' ? 'success' : 'warning'}>{t(`bill.refund.${r.status}`)}</Tag>
          {r.reason && <div>{r.reason}</div>}
        </div>
      ))}
    </>
  );
}
