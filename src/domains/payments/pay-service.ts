/**
 * Charges and their callbacks. A payment row is our side of one provider charge; the provider's signed
 * notification (or our status query, when no notification came) captures it: the money enters the order's
 * escrow and the order is told, in one transaction. Repeated notifications change nothing and still answer
 * success; forged, foreign or mismatching ones are logged and refused.
 */
import { randomBytes } from 'node:crypto';
import type { AppContext } from '../../app-context.js';
import type { PayProvider } from '../../db/types-payments.js';
import { AppError } from '../../platform/errors.js';
import type { PaymentEvent } from '../../platform/providers/payments/types.js';
import { markOrderPaid, payableFor } from '../booking/booking-service.js';
import { accounts, post } from './ledger.js';
import { requestRefunds } from './refund-service.js';

const outTradeNo = () => `DJ${Date.now()}${randomBytes(4).toString('hex').toUpperCase()}`;

function presentPayment(p: { id: string; order_id: string; provider: string; amount_fen: number; status: string; paid_at: Date | null; failed_reason: string; purpose: string }) {
  return { id: p.id, orderId: p.order_id, method: p.provider, purpose: p.purpose, amountFen: p.amount_fen, status: p.status, paidAt: p.paid_at?.toISOString() ?? null, failedReason: p.failed_reason };
}

/** 去支付: closes earlier open charges of the order, opens one at the provider, and returns its cashier. */
export async function startPayment(ctx: AppContext, customerId: string, orderId: string, method: PayProvider) {
  const payment = await ctx.db.transaction().execute(async (trx) => {
    const due = await payableFor(trx, customerId, orderId);
    await trx.updateTable('payments').set({ status: 'closed', updated_at: new Date() }).where('order_id', '=', orderId).where('status', '=', 'pending').execute();
    const row = await trx.insertInto('payments').values({
      order_id: orderId, purpose: due.purpose, provider: method, out_trade_no: outTradeNo(), amount_fen: due.amountFen, created_at: new Date(), updated_at: new Date(),
    }).returningAll().executeTakeFirstOrThrow();
    return { row, description: due.description };
  });
  const { row } = payment;
  const charge = await ctx.pay.provider(method).createCharge({
    outTradeNo: row.out_trade_no, amountFen: row.amount_fen, description: payment.description,
    notifyPath: `/api/payments/notify/${method}`, returnUrl: `/orders/${orderId}?payment=${row.id}`,
  });
  await ctx.db.updateTable('payments').set({ charge_id: charge.chargeId }).where('id', '=', row.id).execute();
  return { paymentId: row.id, method, amountFen: row.amount_fen, status: row.status, cashierUrl: charge.cashierUrl };
}

type Outcome = 'captured' | 'duplicate' | 'failed' | 'refunded_late' | 'unknown_trade' | 'amount_mismatch' | 'foreign_merchant';

/** Applies a verified provider event (notification or query answer) once. */
export async function applyPaymentEvent(ctx: AppContext, provider: PayProvider, event: PaymentEvent): Promise<Outcome> {
  return ctx.db.transaction().execute(async (trx) => {
    const p = await trx.selectFrom('payments').selectAll().where('out_trade_no', '=', event.outTradeNo).forUpdate().executeTakeFirst();
    if (!p || p.provider !== provider) return 'unknown_trade';
    if (event.merchantId !== ctx.pay.provider(provider).merchantId) return 'foreign_merchant';
    if (event.amountFen !== p.amount_fen || event.currency !== p.currency) return 'amount_mismatch';
    if (p.status === 'paid') return 'duplicate';
    const now = new Date();
    if (!event.success) {
      if (p.status === 'pending') await trx.updateTable('payments').set({ status: 'failed', failed_reason: '支付未成功', updated_at: now }).where('id', '=', p.id).execute();
      return 'failed';
    }
    await trx.updateTable('payments').set({ status: 'paid', provider_txn_id: event.txnId, paid_at: now, updated_at: now }).where('id', '=', p.id).execute();
    const escrow = accounts.escrow(p.order_id);
    await post(trx, { key: `capture:${p.id}`, kind: 'capture', orderId: p.order_id, memo: p.out_trade_no, moves: [{ from: accounts.psp(provider), to: escrow, amountFen: p.amount_fen }] });
    if (await markOrderPaid(ctx, trx, p.order_id, { purpose: p.purpose, method: provider, amountFen: p.amount_fen, at: now })) return 'captured';
    // Money for an order that can no longer take it (paid twice, expired meanwhile): straight back.
    await post(trx, { key: `late:${p.id}`, kind: 'refund', orderId: p.order_id, memo: p.out_trade_no, moves: [{ from: escrow, to: accounts.refundsPayable(p.order_id), amountFen: p.amount_fen }] });
    await requestRefunds(trx, p.order_id, p.amount_fen, 'manual', '订单已支付或已关闭，自动退回 · order no longer payable', 'system', `late:${p.id}`);
    return 'refunded_late';
  });
}

/** POST /api/payments/notify/:provider — verifies, logs every delivery, applies once, answers in the provider's format. */
export async function handleNotification(ctx: AppContext, provider: PayProvider, headers: Record<string, string | string[] | number | undefined>, rawBody: string) {
  const adapter = ctx.pay.provider(provider);
  const parsed = await adapter.parseNotification({ headers, rawBody, now: new Date() });
  const log = (paymentId: string | null, eventId: string, outcome: string, detail = '') => ctx.db.insertInto('payment_notifications')
    .values({ provider, payment_id: paymentId, event_id: eventId, outcome, detail: detail.slice(0, 500), received_at: new Date() }).execute();
  if (!parsed.ok) {
    await log(null, '', 'rejected', parsed.reason);
    return adapter.answer(false, parsed.reason);
  }
  const outcome = await applyPaymentEvent(ctx, provider, parsed.event);
  const payment = await ctx.db.selectFrom('payments').select('id').where('out_trade_no', '=', parsed.event.outTradeNo).executeTakeFirst();
  await log(payment?.id ?? null, parsed.event.eventId, outcome, outcome === 'amount_mismatch' ? `notified ${parsed.event.amountFen} ${parsed.event.currency}` : '');
  if (outcome === 'amount_mismatch' || outcome === 'foreign_merchant' || outcome === 'unknown_trade') {
    ctx.log.error({ provider, outTradeNo: parsed.event.outTradeNo, outcome }, 'payment notification refused');
    return adapter.answer(false, outcome);
  }
  return adapter.answer(true);
}

/** The customer's view of one payment; while pending, the provider is asked (a lost callback still settles). */
export async function paymentStatus(ctx: AppContext, customerId: string, paymentId: string) {
  const mine = () => ctx.db.selectFrom('payments as p').innerJoin('orders as o', 'o.id', 'p.order_id').selectAll('p')
    .where('p.id', '=', paymentId).where('o.customer_id', '=', customerId).executeTakeFirst();
  const p = await mine();
  if (!p) throw new AppError('NOT_FOUND');
  if (p.status !== 'pending') return presentPayment(p);
  const answer = await ctx.pay.provider(p.provider).queryCharge(p.out_trade_no);
  if (answer.status === 'paid' || answer.status === 'failed') {
    await applyPaymentEvent(ctx, p.provider, {
      outTradeNo: p.out_trade_no, txnId: answer.txnId ?? '', amountFen: answer.amountFen ?? 0, currency: 'CNY', success: answer.status === 'paid', eventId: 'query',
      merchantId: ctx.pay.provider(p.provider).merchantId,
    });
  }
  return presentPayment((await mine())!);
}

/** 账单: price lines, extras, what was paid and refunded, with every charge and refund. */
export async function orderBill(ctx: AppContext, order: { id: string; price: { lines: unknown; totalFen: number; extrasFen: number; paidFen: number } ; couponFen?: number; insuranceFen?: number }) {
  const [payments, refunds] = await Promise.all([
    ctx.db.selectFrom('payments').selectAll().where('order_id', '=', order.id).where('status', '!=', 'closed').orderBy('created_at').execute(),
    ctx.db.selectFrom('refunds').selectAll().where('order_id', '=', order.id).orderBy('created_at').execute(),
  ]);
  return {
    lines: order.price.lines, couponFen: order.couponFen ?? 0, insuranceFen: order.insuranceFen ?? 0, extrasFen: order.price.extrasFen,
    totalFen: order.price.totalFen + order.price.extrasFen, paidFen: order.price.paidFen,
    refundedFen: refunds.reduce((s, r) => s + r.amount_fen, 0),
    payments: payments.map(presentPayment),
    refunds: refunds.map((r) => ({ id: r.id, amountFen: r.amount_fen, status: r.status, reason: r.reason, kind: r.kind, createdAt: r.created_at.toISOString(), succeededAt: r.succeeded_at?.toISOString() ?? null })),
  };
}
