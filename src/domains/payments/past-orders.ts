/**
 * Money of orders that happened before the platform held them (the demo city's history, an import): each order's
 * charge as a paid payment, its capture into escrow, and then what would have followed — 验收 splits escrow by the
 * city's commission rule into the worker's pending share, the commission and the insurance premium (the same
 * `settleOrder` as {@link releaseToWorker}), and after the settlement delay the share becomes withdrawable; a worker
 * no-show refunds the whole payment (escrow → refunds payable → back to the provider, confirmed). Entries, payments,
 * refunds and settlements are written in bulk ({@link postMany}), dated when they happened; shares whose delay has not
 * passed yet get the usual `payments.release` job.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import type { PayProvider } from '../../db/types-payments.js';
import { scheduleJobs } from '../../platform/jobs.js';
import { selectCommissionRule, settleOrder, workerLevel } from './commission.js';
import { accounts, postMany, type EntryInput } from './ledger.js';
import { paymentSettings } from './settings.js';

type Db = Kysely<DB>;
const DAY = 86_400_000;

export interface PastOrderMoney {
  orderId: string; orderNo: string; cityCode: string; categoryCode: string; itemName: string; workerId: string;
  /** What the customer paid (the price; no coupon, no insurance). */
  paidFen: number; method: Exclude<PayProvider, 'card'>; paidAt: Date;
  /** `completed`: accepted at `endedAt`; `no_show`: the worker did not come, full refund at `endedAt`. */
  outcome: 'completed' | 'no_show'; endedAt: Date;
  /** The worker's record when the order was completed (the commission tier and level use it). */
  completedBefore: number; ratingAvg: number; ratingCount: number;
}

const tradeNo = (prefix: string, at: Date, i: number) => `${prefix}${at.getTime()}${String(i).padStart(5, '0')}${randomBytes(2).toString('hex').toUpperCase()}`;

/** Records the money of past orders; returns the entries posted and the charges as the provider knows them. Call inside the transaction that wrote the orders. */
export async function recordPastOrderMoney(trx: Db, orders: readonly PastOrderMoney[], now: Date) {
  if (!orders.length) return { entries: 0, pendingReleases: 0, charges: [] };
  const settingsOf = new Map<string, Awaited<ReturnType<typeof paymentSettings>>>();
  for (const city of new Set(orders.map((o) => o.cityCode))) settingsOf.set(city, await paymentSettings(trx, city));
  const payments: { order_id: string; purpose: 'order'; provider: PayProvider; out_trade_no: string; amount_fen: number; status: 'paid'; provider_txn_id: string; paid_at: Date; created_at: Date; updated_at: Date }[] = [];
  orders.forEach((o, i) => payments.push({
    order_id: o.orderId, purpose: 'order', provider: o.method, out_trade_no: tradeNo('DJ', o.paidAt, i), amount_fen: o.paidFen, status: 'paid',
    provider_txn_id: tradeNo(o.method === 'wechat' ? 'WX' : 'ALI', o.paidAt, i), paid_at: o.paidAt, created_at: new Date(o.paidAt.getTime() - 60_000), updated_at: o.paidAt,
  }));
  const paymentIds: string[] = [];
  for (let i = 0; i < payments.length; i += 2000) {
    const rows = await trx.insertInto('payments').values(payments.slice(i, i + 2000)).returning('id').execute();
    paymentIds.push(...rows.map((r) => r.id));
  }
  const entries: (EntryInput & { at: Date })[] = [];
  const settlements: { order_id: string; kind: 'completion'; worker_id: string; order_no: string; item_name: string; gross_fen: number; commission_fen: number; net_fen: number; insurance_fen: number; rule: string; settled_at: Date; available_at: Date; released_at: Date | null }[] = [];
  const refunds: { order_id: string; payment_id: string; refund_no: string; amount_fen: number; kind: 'no_show'; reason: string; status: 'succeeded'; provider_refund_id: string; created_by: string; created_at: Date; succeeded_at: Date }[] = [];
  const releases: { orderId: string; at: Date }[] = [];
  orders.forEach((o, i) => {
    const escrow = accounts.escrow(o.orderId);
    entries.push({ key: `capture:${paymentIds[i]}`, kind: 'capture', orderId: o.orderId, memo: payments[i]!.out_trade_no, at: o.paidAt, moves: [{ from: accounts.psp(o.method), to: escrow, amountFen: o.paidFen }] });
    if (o.outcome === 'no_show') {
      const refundNo = tradeNo('RF', o.endedAt, i);
      refunds.push({ order_id: o.orderId, payment_id: paymentIds[i]!, refund_no: refundNo, amount_fen: o.paidFen, kind: 'no_show', reason: '师傅未上门，全额退款', status: 'succeeded', provider_refund_id: `${refundNo}P`, created_by: `system|cancel:${o.orderId}`, created_at: o.endedAt, succeeded_at: new Date(o.endedAt.getTime() + 5 * 60_000) });
      entries.push({ key: `cancel:${o.orderId}`, kind: 'no_show', orderId: o.orderId, workerId: o.workerId, memo: '师傅未上门，全额退款', at: o.endedAt, moves: [{ from: escrow, to: accounts.refundsPayable(o.orderId), amountFen: o.paidFen }] });
      return;
    }
    const settings = settingsOf.get(o.cityCode)!;
    const rule = selectCommissionRule(settings.commissionRules, { categoryCode: o.categoryCode, cityCode: o.cityCode });
    const level = workerLevel({ completedOrders: o.completedBefore, ratingAvg: o.ratingAvg, ratingCount: o.ratingCount });
    const split = settleOrder({ grossFen: o.paidFen, rule, completedOrdersBefore: o.completedBefore, level: level.code, insurancePremiumFen: 0, couponFen: 0 });
    entries.push({
      key: `complete:${o.orderId}`, kind: 'completion', orderId: o.orderId, workerId: o.workerId, memo: split.appliedRule.reason.zh, at: o.endedAt,
      moves: [
        { from: escrow, to: accounts.workerPending(o.workerId), amountFen: split.workerNetFen },
        { from: escrow, to: accounts.commission, amountFen: split.commissionFen },
        { from: escrow, to: accounts.insurance, amountFen: split.insuranceFen },
      ],
    });
    const availableAt = new Date(o.endedAt.getTime() + settings.settlementDelayDays * DAY);
    const released = availableAt.getTime() <= now.getTime();
    settlements.push({
      order_id: o.orderId, kind: 'completion', worker_id: o.workerId, order_no: o.orderNo, item_name: o.itemName, gross_fen: o.paidFen, commission_fen: split.commissionFen,
      net_fen: split.workerNetFen, insurance_fen: split.insuranceFen, rule: JSON.stringify(split.appliedRule), settled_at: o.endedAt, available_at: availableAt, released_at: released ? availableAt : null,
    });
    if (split.workerNetFen <= 0) return;
    if (released) {
      entries.push({ key: `available:${o.orderId}:completion`, kind: 'settlement', orderId: o.orderId, workerId: o.workerId, memo: o.orderNo, at: availableAt, moves: [{ from: accounts.workerPending(o.workerId), to: accounts.workerAvailable(o.workerId), amountFen: split.workerNetFen }] });
    } else {
      releases.push({ orderId: o.orderId, at: availableAt });
    }
  });
  const methodOf = new Map(orders.map((o) => [o.orderId, o.method]));
  const refundIds: string[] = [];
  for (let i = 0; i < refunds.length; i += 2000) refundIds.push(...(await trx.insertInto('refunds').values(refunds.slice(i, i + 2000)).returning('id').execute()).map((r) => r.id));
  refunds.forEach((r, i) => entries.push({
    key: `refunded:${refundIds[i]}`, kind: 'refund_confirmed', orderId: r.order_id, memo: r.refund_no, at: r.succeeded_at,
    moves: [{ from: accounts.refundsPayable(r.order_id), to: accounts.psp(methodOf.get(r.order_id)!), amountFen: r.amount_fen }],
  }));
  for (let i = 0; i < settlements.length; i += 2000) await trx.insertInto('order_settlements').values(settlements.slice(i, i + 2000)).onConflict((oc) => oc.columns(['order_id', 'kind']).doNothing()).execute();
  const posted = await postMany(trx, entries);
  await scheduleJobs(trx, releases.map((r) => ({ kind: 'payments.release', key: `release:${r.orderId}:completion`, runAt: r.at, payload: { orderId: r.orderId, kind: 'completion' } })));
  // What the provider's books hold for these charges (for a simulator standing in for it).
  const charges = orders.map((o, i) => ({
    provider: o.method, outTradeNo: payments[i]!.out_trade_no, amountFen: o.paidFen, txnId: payments[i]!.provider_txn_id, paidAt: o.paidAt,
    refundedFen: o.outcome === 'no_show' ? o.paidFen : 0, description: `到家 · ${o.itemName}`,
  }));
  return { entries: posted, pendingReleases: releases.length, charges };
}
