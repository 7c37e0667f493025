/**
 * 上门报价: during the visit of an order booked at a deposit (an on_site_quote item), the worker proposes the itemised
 * price, priced by the catalogue engine against the order's deposit quote; the customer accepts or declines.
 *
 * - One live proposal per order: a new one replaces it (`replaced`) until the customer answers; once one is accepted
 *   the price no longer changes. Finishing the visit waits for an answer (`ONSITE_QUOTE_PENDING`).
 * - Accept: the order's price becomes the proposal's total (plus any insurance premium it carried). What is then due
 *   above what was paid is paid through the cashier like accepted extra work (`payableFor`, purpose `extras`); what
 *   was paid above it is returned — the caller (the workflow layer, src/workflows/onsite-quote.ts) refunds
 *   `refundFen` from escrow in the same transaction.
 * - Decline: the deposit is kept as the visit fee and the order ends: the system finishes the visit (`finish`, with
 *   the reason) and the customer's answer accepts it (`confirm`) → 已完成, escrow split to the worker as for any
 *   completed order. After-sales stays open as for any completed order.
 * Every step is a timeline event; the proposals are kept (evidence pack).
 */
import type { Kysely } from 'kysely';
import type { AppContext } from '../../platform/app-context.js';
import type { DB } from '../../db/types.js';
import { AppError, type FieldErrorSpec } from '../../platform/errors.js';
import { formatFen, priceOnSiteForOrder, type PricingError, type Quote } from '../catalog/index.js';
import { cityTimeZone } from '../geo/index.js';
import { settingsOf } from './booking-service.js';
import { completeOrder } from './customer-actions.js';
import { runEffects } from './effects.js';
import { depositQuoteOf, presentProposal, type ProposalRow } from './onsite-quote-view.js';
import { publishOrderChanged } from './order-notices.js';
import { insertEvent, updateOrder, type OrderRow } from './queries.js';
import { finishWithoutReasonAt } from './state-machine.js';
import { applyTransition, lockedOrder, snapshotOf, SYSTEM } from './transition-service.js';
import { timingOf } from './settings.js';

type Db = Kysely<DB>;

export interface OnSiteProposalInput { lines: unknown; outOfRangeReason?: string }

const yuan = (fen: number) => formatFen(fen);

/** The engine's refusals as the request body names its fields (`lines.0.unitPriceFen`; the range → `outOfRangeReason`). */
function fieldErrors(errors: PricingError[]): FieldErrorSpec[] {
  return errors.map((e) => ({ field: e.code === 'OUT_OF_REFERENCE_RANGE' ? 'outOfRangeReason' : e.field.replace(/^proposal\./, ''), code: e.code, message: e.message }));
}

function notInService(o: OrderRow): AppError {
  return new AppError('ORDER_STATE', {}, [], { code: 'ILLEGAL_TRANSITION', currentState: o.status });
}

/** The deposit quote of an order priced on site, or 409 ONSITE_QUOTE_NOT_ALLOWED. */
function depositOrRefuse(o: OrderRow): Quote {
  const deposit = depositQuoteOf(o);
  if (!deposit) throw new AppError('ONSITE_QUOTE_NOT_ALLOWED');
  return deposit;
}

async function acceptedOf(db: Db, orderId: string) {
  return db.selectFrom('onsite_proposals').select('id').where('order_id', '=', orderId).where('status', '=', 'accepted').executeTakeFirst();
}

/** What the timeline says about a proposal's money. */
function settlementNote(p: { total_fen: number; deposit_fen: number; balance_due_fen: number; refund_due_fen: number }): string {
  const rest = p.balance_due_fen > 0 ? `，需补差价 ${yuan(p.balance_due_fen)}` : p.refund_due_fen > 0 ? `，应退 ${yuan(p.refund_due_fen)}` : '';
  return `合计 ${yuan(p.total_fen)}（已付定金 ${yuan(p.deposit_fen)}${rest}）`;
}

/**
 * 现场报价: the order's worker, while in service, proposes the itemised price (replacing a proposal still waiting).
 * 400 ONSITE_QUOTE_INVALID with field errors (nothing written) when the engine refuses it.
 */
export async function proposeOnSiteQuote(ctx: AppContext, workerId: string, orderId: string, input: OnSiteProposalInput) {
  const now = new Date();
  return ctx.db.transaction().execute(async (trx) => {
    const o = await lockedOrder(trx, orderId);
    if (o.worker_id !== workerId) throw new AppError('NOT_FOUND');
    const deposit = depositOrRefuse(o);
    if (o.status !== 'in_service') throw notInService(o);
    if (await acceptedOf(trx, o.id)) throw new AppError('ONSITE_QUOTE_ACCEPTED');
    const proposal = { lines: input.lines, ...(input.outOfRangeReason !== undefined ? { outOfRangeReason: input.outOfRangeReason } : {}) };
    const priced = await priceOnSiteForOrder(ctx, trx, { depositQuote: deposit, quoteId: o.quote_id, proposal, cityCode: o.city_code, now });
    if (!priced.ok) throw new AppError('ONSITE_QUOTE_INVALID', {}, fieldErrors(priced.errors));
    const quote = priced.quote;
    const settlement = quote.settlement!;
    const replaced = await trx.updateTable('onsite_proposals').set({ status: 'replaced', decided_at: now })
      .where('order_id', '=', o.id).where('status', '=', 'proposed').returning('id').execute();
    const row = await trx.insertInto('onsite_proposals').values({
      order_id: o.id, worker_id: workerId, lines: JSON.stringify(input.lines), out_of_range_reason: quote.flags?.[0]?.note ?? null, quote: JSON.stringify(quote),
      total_fen: quote.totalFen, deposit_fen: settlement.depositPaidFen, balance_due_fen: settlement.balanceDueFen, refund_due_fen: settlement.refundDueFen,
      previous_price_fen: o.price_fen, created_at: now,
    }).returningAll().executeTakeFirstOrThrow();
    await insertEvent(trx, {
      orderId: o.id, action: replaced.length ? 'onsite_quote_replaced' : 'onsite_quote_proposed', actorKind: 'worker', actorId: workerId, actorName: '师傅',
      note: settlementNote(row), detail: { proposalId: row.id, totalFen: row.total_fen, depositFen: row.deposit_fen, replaced: replaced.map((r) => r.id), outOfRangeReason: row.out_of_range_reason }, at: now,
    });
    await publishOrderChanged(trx, o, 'onsite_quote_proposed');
    return presentProposal(row);
  });
}

/** The customer's own order and the named proposal of it, still waiting for an answer, with the order in service. */
async function openProposal(trx: Db, customerId: string, orderId: string, proposalId: string): Promise<{ o: OrderRow; p: ProposalRow }> {
  const o = await lockedOrder(trx, orderId);
  if (o.customer_id !== customerId) throw new AppError('NOT_FOUND');
  const p = await trx.selectFrom('onsite_proposals').selectAll().where('id', '=', proposalId).where('order_id', '=', orderId).executeTakeFirst();
  if (!p) throw new AppError('NOT_FOUND');
  if (p.status !== 'proposed') throw new AppError('ONSITE_QUOTE_STATE', {}, [], { status: p.status });
  if (o.status !== 'in_service') throw notInService(o);
  return { o, p };
}

/** Marks the proposal answered, once (a concurrent answer finds it no longer `proposed`). */
async function decide(trx: Db, p: ProposalRow, status: 'accepted' | 'declined', now: Date) {
  const done = await trx.updateTable('onsite_proposals').set({ status, decided_at: now }).where('id', '=', p.id).where('status', '=', 'proposed').returning('id').executeTakeFirst();
  if (!done) throw new AppError('ONSITE_QUOTE_STATE', {}, [], { status: 'answered' });
}

/**
 * 同意: in the caller's transaction, the order's price becomes the proposal's total (insurance premium kept on top).
 * Returns the order and `refundFen`, what was paid above the new price (extras included), for the caller to refund.
 */
export async function acceptOnSiteQuote(trx: Db, customerId: string, orderId: string, proposalId: string, now: Date) {
  const { o, p } = await openProposal(trx, customerId, orderId, proposalId);
  await decide(trx, p, 'accepted', now);
  const priceFen = p.total_fen + o.insurance_premium_fen;
  const order = await updateOrder(trx, o.id, o.version, { price_fen: priceFen });
  if (!order) throw new AppError('VERSION_CONFLICT', {}, [], { currentState: o.status });
  const owed = priceFen + o.extras_fen - o.paid_fen;
  const refundFen = Math.max(0, -owed);
  const balanceDueFen = Math.max(0, owed);
  const rest = balanceDueFen > 0 ? `，需补差价 ${yuan(balanceDueFen)}` : refundFen > 0 ? `，退还 ${yuan(refundFen)}` : '';
  await insertEvent(trx, {
    orderId: o.id, action: 'onsite_quote_accepted', actorKind: 'customer', actorId: customerId, actorName: '客户',
    note: `价格 ${yuan(o.price_fen)} → ${yuan(priceFen)}${rest}`,
    detail: { proposalId: p.id, fromFen: o.price_fen, toFen: priceFen, balanceDueFen, refundFen }, at: now,
  });
  await publishOrderChanged(trx, order, 'onsite_quote_accepted');
  return { order, refundFen };
}

/**
 * 不同意: in the caller's transaction, the deposit is kept as the visit fee and the order ends — the system finishes
 * the visit and the customer's answer accepts it (已完成; the escrow split pays the worker the visit fee). Extra
 * work still waiting is withdrawn.
 */
export async function declineOnSiteQuote(ctx: AppContext, trx: Db, customerId: string, orderId: string, proposalId: string, now: Date) {
  const settings = await settingsOf(ctx, trx);
  const { o, p } = await openProposal(trx, customerId, orderId, proposalId);
  await decide(trx, p, 'declined', now);
  await trx.updateTable('order_extras').set({ status: 'withdrawn', decided_at: now }).where('order_id', '=', o.id).where('status', '=', 'proposed').execute();
  await insertEvent(trx, {
    orderId: o.id, action: 'onsite_quote_declined', actorKind: 'customer', actorId: customerId, actorName: '客户',
    note: `未同意报价 ${yuan(p.total_fen)}；已付 ${yuan(o.price_fen)} 作为上门费，订单结束`, detail: { proposalId: p.id, totalFen: p.total_fen, visitFeeFen: o.price_fen }, at: now,
  });
  const reason = '客户未同意上门报价，按上门费结束服务';
  const at = finishWithoutReasonAt(snapshotOf(o), timingOf(settings));
  const { order: finished, result } = await applyTransition(trx, o, 'finish', SYSTEM, {
    now, settings, facts: { reason, timeZone: await cityTimeZone(trx, o.city_code) },
    patch: { finished_at: now, early_finish_reason: at !== null && now.getTime() < at ? reason : null }, detail: { onSiteQuoteDeclined: p.id },
  });
  await runEffects(trx, finished, result, { now, settings });
  return completeOrder(ctx, trx, finished, { kind: 'customer', id: customerId, name: '客户' }, now, settings);
}
