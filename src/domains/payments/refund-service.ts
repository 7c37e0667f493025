/**
 * Refunds: decided in the transaction that causes them (money moves escrow → refunds_payable and a refund
 * row per paid charge is written), sent to the provider by a durable job outside any transaction
 * (idempotent by refund number), and confirmed into the ledger (refunds_payable → psp) when it answers.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AppContext } from '../../platform/app-context.js';
import type { DB } from '../../db/types.js';
import type { RefundKind } from '../../db/types-payments.js';
import { AppError } from '../../platform/errors.js';
import { scheduleJob, type JobRow } from '../../platform/jobs.js';
import { accounts, balanceOf, post } from './ledger.js';
import { orderParties } from '../booking/index.js';
import { notify } from '../messaging/index.js';

type Db = Kysely<DB>;

const refundNo = () => `RF${Date.now()}${randomBytes(4).toString('hex').toUpperCase()}`;

/** Whose money a refund returns: an order's charges or a service card's purchase. */
export type RefundOwner = { orderId: string } | { serviceCardId: string };
const ownerColumn = (o: RefundOwner) => ('orderId' in o ? ['order_id', o.orderId] as const : ['service_card_id', o.serviceCardId] as const);
export const ownerIdOf = (o: RefundOwner) => ownerColumn(o)[1];

/** What is still refundable per paid charge of an order or card, newest charge first. */
async function refundable(trx: Db, owner: RefundOwner) {
  const [column, id] = ownerColumn(owner);
  const paid = await trx.selectFrom('payments').select(['id', 'amount_fen', 'provider']).where(column, '=', id).where('status', '=', 'paid').orderBy('paid_at', 'desc').execute();
  const done = await trx.selectFrom('refunds').select(['payment_id', 'amount_fen']).where(column, '=', id).execute();
  const used = new Map<string, number>();
  for (const r of done) used.set(r.payment_id, (used.get(r.payment_id) ?? 0) + r.amount_fen);
  return paid.map((p) => ({ ...p, left: p.amount_fen - (used.get(p.id) ?? 0) })).filter((p) => p.left > 0);
}

/**
 * Writes the refund rows for `amountFen` already moved to refunds_payable:<owner> (spread over the owner's
 * charges) and schedules their sending. `cause` makes a retried request add nothing.
 */
export async function requestRefunds(trx: Db, owner: RefundOwner | string, amountFen: number, kind: RefundKind, reason: string, by: string, cause: string): Promise<string[]> {
  const of: RefundOwner = typeof owner === 'string' ? { orderId: owner } : owner;
  const [column, id] = ownerColumn(of);
  const marker = await trx.selectFrom('refunds').select('id').where(column, '=', id).where('created_by', '=', `${by}|${cause}`).executeTakeFirst();
  if (marker) return [];
  let left = amountFen;
  const ids: string[] = [];
  for (const p of await refundable(trx, of)) {
    if (left <= 0) break;
    const part = Math.min(left, p.left);
    const row = await trx.insertInto('refunds').values({ [column]: id, payment_id: p.id, refund_no: refundNo(), amount_fen: part, kind, reason, created_by: `${by}|${cause}`, created_at: new Date() })
      .returning('id').executeTakeFirstOrThrow();
    await scheduleJob(trx, { kind: 'payments.refund', key: `refund:${row.id}`, runAt: new Date(), payload: { refundId: row.id } });
    ids.push(row.id);
    left -= part;
  }
  if (left > 0) throw new AppError('REFUND_TOO_LARGE', { maxFen: amountFen - left }, [], { maxFen: amountFen - left });
  return ids;
}

/** Finance / support refund of a paid order from what escrow still holds (partial or full). */
export async function refundOrderPart(trx: Db, o: { id: string }, amountFen: number, reason: string, by: string, idempotencyCause: string) {
  const held = await balanceOf(trx, accounts.escrow(o.id));
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0 || amountFen > held) throw new AppError('REFUND_TOO_LARGE', { maxFen: held }, [], { maxFen: held });
  await post(trx, { key: `refund-request:${o.id}:${idempotencyCause}`, kind: 'refund', orderId: o.id, memo: reason, moves: [{ from: accounts.escrow(o.id), to: accounts.refundsPayable(o.id), amountFen }] });
  return requestRefunds(trx, o.id, amountFen, 'manual', reason, by, idempotencyCause);
}

/**
 * 上门报价 accepted below what was paid: the difference leaves the order's escrow for the customer (refunds_payable,
 * then the provider by the refund job), at most what escrow still holds. `cause` (the accepted proposal) makes a retry
 * post and request nothing again. Returns what was refunded.
 */
export async function refundPriceDifference(trx: Db, orderId: string, amountFen: number, reason: string, cause: string): Promise<number> {
  const held = await balanceOf(trx, accounts.escrow(orderId));
  const fen = Math.min(amountFen, held);
  if (!Number.isSafeInteger(fen) || fen <= 0) return 0;
  await post(trx, { key: `refund-request:${orderId}:${cause}`, kind: 'refund', orderId, memo: reason, moves: [{ from: accounts.escrow(orderId), to: accounts.refundsPayable(orderId), amountFen: fen }] });
  await requestRefunds(trx, orderId, fen, 'onsite_quote', reason, 'system', cause);
  return fen;
}

/** 退款成功: the customer hears that the money is on its way back (for an order or a service card). */
async function noticeRefund(trx: Db, r: { id: string; order_id: string | null; service_card_id: string | null; amount_fen: number }) {
  const owner = r.order_id ? await orderParties(trx, r.order_id) : null;
  const card = r.service_card_id ? await trx.selectFrom('service_cards').select(['customer_id', 'name']).where('id', '=', r.service_card_id).executeTakeFirst() : null;
  const customerId = owner?.customerId ?? card?.customer_id;
  if (!customerId) return;
  await notify(trx, {
    type: 'refund_done', to: { userId: customerId, audience: 'customer' }, vars: { amount: `¥${(r.amount_fen / 100).toFixed(2)}`, service: owner ? owner.itemName : card!.name },
    ...(r.order_id ? { linkId: r.order_id } : {}), dedupeKey: `refund:${r.id}`,
  });
}

/** Job `payments.refund`: asks the provider (outside a transaction), then books the confirmation. */
export async function sendRefund(ctx: AppContext, job: JobRow): Promise<void> {
  const refund = await ctx.db.selectFrom('refunds as r').innerJoin('payments as p', 'p.id', 'r.payment_id')
    .select(['r.id', 'r.order_id', 'r.service_card_id', 'r.refund_no', 'r.amount_fen', 'r.status', 'p.out_trade_no', 'p.provider'])
    .where('r.id', '=', String(job.payload.refundId)).executeTakeFirst();
  if (!refund || refund.status === 'succeeded') return;
  const { refundId } = await ctx.pay.provider(refund.provider).refund({ outTradeNo: refund.out_trade_no, refundNo: refund.refund_no, amountFen: refund.amount_fen });
  await ctx.db.transaction().execute(async (trx) => {
    const done = await trx.updateTable('refunds').set({ status: 'succeeded', provider_refund_id: refundId, succeeded_at: new Date() })
      .where('id', '=', refund.id).where('status', '=', 'processing').returning('id').executeTakeFirst();
    if (!done) return;
    await noticeRefund(trx, refund);
    await post(trx, {
      key: `refunded:${refund.id}`, kind: 'refund_confirmed', orderId: refund.order_id, memo: refund.refund_no,
      moves: [{ from: accounts.refundsPayable((refund.order_id ?? refund.service_card_id)!), to: accounts.psp(refund.provider), amountFen: refund.amount_fen }],
    });
  });
}

/** What was refunded (decided) on an order so far, in fen. */
export async function refundedOfOrder(db: Db, orderId: string): Promise<number> {
  const row = await db.selectFrom('refunds').select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_fen'), eb.lit(0)).as('fen')).where('order_id', '=', orderId).executeTakeFirstOrThrow();
  return Number(row.fen);
}
