/**
 * Charges and their callbacks. A payment row is our side of one provider charge; the provider's signed
 * notification (or our status query, when no notification came) captures it: the money enters the order's
 * escrow and the order is told, in one transaction. Repeated notifications change nothing and still answer
 * success; forged, foreign or mismatching ones are logged and refused.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AppContext } from '../../platform/app-context.js';
import type { DB } from '../../db/types.js';
import type { PayProvider } from '../../db/types-payments.js';
import { AppError } from '../../platform/errors.js';
import type { PaymentEvent } from '../../platform/providers/payments/types.js';
import { markOrderPaid, payableFor } from '../booking/index.js';
import { accounts, post } from './ledger.js';
import { requestRefunds } from './refund-service.js';
import { activateCard, cardOfOrder } from './card-store.js';

const outTradeNo = () => `DJ${Date.now()}${randomBytes(4).toString('hex').toUpperCase()}`;

function presentPayment(p: { id: string; order_id: string | null; service_card_id: string | null; provider: string; amount_fen: number; status: string; paid_at: Date | null; failed_reason: string; purpose: string }) {
  return { id: p.id, orderId: p.order_id, serviceCardId: p.service_card_id, method: p.provider, purpose: p.purpose, amountFen: p.amount_fen, status: p.status, paidAt: p.paid_at?.toISOString() ?? null, failedReason: p.failed_reason };
}

/** Opens the charge of a payment row at the provider and returns its cashier. */
async function openCharge(ctx: AppContext, row: { id: string; out_trade_no: string; amount_fen: number; status: string }, method: PayProvider, description: string, returnUrl: string) {
  const charge = await ctx.pay.provider(method).createCharge({
    outTradeNo: row.out_trade_no, amountFen: row.amount_fen, description, notifyPath: `/api/payments/notify/${method}`, returnUrl,
  });
  await ctx.db.updateTable('payments').set({ charge_id: charge.chargeId }).where('id', '=', row.id).execute();
  return { paymentId: row.id, method, amountFen: row.amount_fen, status: row.status, cashierUrl: charge.cashierUrl };
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
  return openCharge(ctx, payment.row, method, payment.description, `/orders/${orderId}?payment=${payment.row.id}`);
}

/**
 * Pays for a service card (called by promotions in its purchase transaction for the row, then outside it
 * for the provider): closes the card's earlier open charges and opens one.
 */
export async function startCardPayment(ctx: AppContext, trxOrDb: Kysely<DB>, card: { id: string; priceFen: number; name: string }, method: PayProvider) {
  await trxOrDb.updateTable('payments').set({ status: 'closed', updated_at: new Date() }).where('service_card_id', '=', card.id).where('status', '=', 'pending').execute();
  const row = await trxOrDb.insertInto('payments').values({
    service_card_id: card.id, purpose: 'service_card', provider: method, out_trade_no: outTradeNo(), amount_fen: card.priceFen, created_at: new Date(), updated_at: new Date(),
  }).returningAll().executeTakeFirstOrThrow();
  return () => openCharge(ctx, row, method, `到家 · ${card.name}`, `/cards/${card.id}?payment=${row.id}`);
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
    // Paid when the provider says (its bill's day), not when we heard: a payment at 23:59:59 heard at 00:00:01 is the earlier day's.
    const paidAt = event.paidAt && Date.parse(event.paidAt) <= now.getTime() ? new Date(event.paidAt) : now;
    await trx.updateTable('payments').set({ status: 'paid', provider_txn_id: event.txnId, paid_at: paidAt, updated_at: now }).where('id', '=', p.id).execute();
    if (p.service_card_id) return captureCard(trx, { ...p, service_card_id: p.service_card_id }, provider, now);
    const orderId = p.order_id!;
    const escrow = accounts.escrow(orderId);
    await post(trx, { key: `capture:${p.id}`, kind: 'capture', orderId, memo: p.out_trade_no, moves: [{ from: accounts.psp(provider), to: escrow, amountFen: p.amount_fen }] });
    if (await markOrderPaid(ctx, trx, orderId, { purpose: p.purpose as 'order' | 'extras', method: provider, amountFen: p.amount_fen, at: now })) return 'captured';
    // Money for an order that can no longer take it (paid twice, expired meanwhile): straight back.
    await post(trx, { key: `late:${p.id}`, kind: 'refund', orderId, memo: p.out_trade_no, moves: [{ from: escrow, to: accounts.refundsPayable(orderId), amountFen: p.amount_fen }] });
    await requestRefunds(trx, orderId, p.amount_fen, 'manual', '订单已支付或已关闭，自动退回 · order no longer payable', 'system', `late:${p.id}`);
    return 'refunded_late';
  });
}

/** A service card's purchase: the money is the customer's prepaid balance on the card until visits use it. */
async function captureCard(trx: Kysely<DB>, p: { id: string; service_card_id: string; amount_fen: number; out_trade_no: string }, provider: PayProvider, now: Date): Promise<Outcome> {
  const prepaid = accounts.cardPrepaid(p.service_card_id);
  await post(trx, { key: `capture:${p.id}`, kind: 'capture', memo: p.out_trade_no, moves: [{ from: accounts.psp(provider), to: prepaid, amountFen: p.amount_fen }] });
  if (await activateCard(trx, p.service_card_id, p.amount_fen, now)) return 'captured';
  await post(trx, { key: `late:${p.id}`, kind: 'refund', memo: p.out_trade_no, moves: [{ from: prepaid, to: accounts.refundsPayable(p.service_card_id), amountFen: p.amount_fen }] });
  await requestRefunds(trx, { serviceCardId: p.service_card_id }, p.amount_fen, 'service_card', '次卡已支付或已作废，自动退回 · card no longer payable', 'system', `late:${p.id}`);
  return 'refunded_late';
}

/** POST /api/payments/notify/:provider — verifies, logs every delivery, applies once, answers in the provider's format. */
/** Remembers a notification's nonce; false when it was seen before (a captured notification sent again). */
async function firstSight(ctx: AppContext, key: string): Promise<boolean> {
  const row = await ctx.db.insertInto('payment_notification_nonces').values({ nonce_key: key.slice(0, 200) })
    .onConflict((oc) => oc.column('nonce_key').doNothing()).returning('nonce_key').executeTakeFirst();
  return !!row;
}

/** Nonces outlive the ±300 s signature window three times over, then go (hourly). */
export async function purgeNotificationNonces(db: AppContext['db'], now = new Date()): Promise<number> {
  const gone = await db.deleteFrom('payment_notification_nonces').where('seen_at', '<', new Date(now.getTime() - 15 * 60_000)).executeTakeFirst();
  return Number(gone.numDeletedRows);
}

export async function handleNotification(ctx: AppContext, provider: PayProvider, headers: Record<string, string | string[] | number | undefined>, rawBody: string) {
  const adapter = ctx.pay.provider(provider);
  const parsed = await adapter.parseNotification({ headers, rawBody, now: new Date() });
  const log = (paymentId: string | null, eventId: string, outcome: string, detail = '') => ctx.db.insertInto('payment_notifications')
    .values({ provider, payment_id: paymentId, event_id: eventId, outcome, detail: detail.slice(0, 500), received_at: new Date() }).execute();
  if (!parsed.ok) {
    await log(null, '', 'rejected', parsed.reason);
    return adapter.answer(false, parsed.reason);
  }
  if (parsed.replayKey && !(await firstSight(ctx, parsed.replayKey))) {
    await log(null, parsed.event.eventId, 'rejected', 'REPLAYED');
    return adapter.answer(false, 'REPLAYED');
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
  const mine = () => ctx.db.selectFrom('payments as p').leftJoin('orders as o', 'o.id', 'p.order_id').leftJoin('service_cards as c', 'c.id', 'p.service_card_id').selectAll('p')
    .where('p.id', '=', paymentId).where((eb) => eb.or([eb('o.customer_id', '=', customerId), eb('c.customer_id', '=', customerId)])).executeTakeFirst();
  const p = await mine();
  if (!p) throw new AppError('NOT_FOUND');
  if (p.status !== 'pending') return presentPayment(p);
  const answer = await ctx.pay.provider(p.provider).queryCharge(p.out_trade_no);
  if (answer.status === 'paid' || answer.status === 'failed') {
    await applyPaymentEvent(ctx, p.provider, {
      outTradeNo: p.out_trade_no, txnId: answer.txnId ?? '', amountFen: answer.amountFen ?? 0, currency: 'CNY', success: answer.status === 'paid', paidAt: answer.paidAt, eventId: 'query',
      merchantId: ctx.pay.provider(p.provider).merchantId,
    });
  }
  return presentPayment((await mine())!);
}

/** 账单: price lines, coupon, insurance, extras, what was paid (provider charges or a service card) and refunded. */
export async function orderBill(ctx: AppContext, order: { id: string; price: { lines: unknown; totalFen: number; extrasFen: number; paidFen: number; couponFen: number; insurance: { premiumFen: number; coverFen: number } | null } }) {
  const [payments, refunds, card] = await Promise.all([
    ctx.db.selectFrom('payments').selectAll().where('order_id', '=', order.id).where('status', '!=', 'closed').orderBy('created_at').execute(),
    ctx.db.selectFrom('refunds').selectAll().where('order_id', '=', order.id).orderBy('created_at').execute(),
    cardOfOrder(ctx.db, order.id),
  ]);
  const p = order.price;
  return {
    lines: p.lines, couponFen: p.couponFen, insuranceFen: p.insurance?.premiumFen ?? 0, insuranceCoverFen: p.insurance?.coverFen ?? 0, extrasFen: p.extrasFen,
    totalFen: p.totalFen + p.extrasFen, paidFen: p.paidFen,
    refundedFen: refunds.reduce((s, r) => s + r.amount_fen, 0),
    payments: payments.map(presentPayment),
    serviceCard: card ? { cardId: card.card_id, cardNo: card.card_no, name: card.name, amountFen: card.amount_fen, status: card.status } : null,
    refunds: refunds.map((r) => ({ id: r.id, amountFen: r.amount_fen, status: r.status, reason: r.reason, kind: r.kind, createdAt: r.created_at.toISOString(), succeededAt: r.succeeded_at?.toISOString() ?? null })),
  };
}
