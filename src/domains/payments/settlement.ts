/**
 * The money effects of the order state machine, run by booking in the transition's transaction:
 * completion splits the escrow (worker net, commission, insurance), cancellation splits it (refund, worker
 * compensation, platform fee), and the settlement delay later makes the worker's share withdrawable.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { scheduleJob } from '../../platform/jobs.js';
import type { OrderRow } from '../booking/index.js';
import { workerCard } from '../workers/index.js';
import { selectCommissionRule, settleOrder, workerLevel } from './commission.js';
import { AppError } from '../../platform/errors.js';
import { accounts, balanceOf, balances, post } from './ledger.js';
import { requestRefunds } from './refund-service.js';
import { paymentSettings } from './settings.js';
import type { RefundKind } from '../../db/types-payments.js';
import { cardOfOrder, returnVisit } from './service-cards.js';

type Db = Kysely<DB>;
const DAY = 86_400_000;

function itemNameOf(o: OrderRow): string {
  const snap = o.quote_snapshot as { item?: { name?: string } } | null;
  return snap?.item?.name ?? o.item_code;
}

async function recordShare(trx: Db, o: OrderRow, share: { kind: 'completion' | 'compensation'; workerId: string; grossFen: number; commissionFen: number; netFen: number; insuranceFen: number; rule: unknown }, now: Date) {
  const { settlementDelayDays } = await paymentSettings(trx, o.city_code);
  const availableAt = new Date(now.getTime() + settlementDelayDays * DAY);
  await trx.insertInto('order_settlements').values({
    order_id: o.id, kind: share.kind, worker_id: share.workerId, order_no: o.order_no, item_name: itemNameOf(o), gross_fen: share.grossFen,
    commission_fen: share.commissionFen, net_fen: share.netFen, insurance_fen: share.insuranceFen, rule: share.rule === undefined ? null : JSON.stringify(share.rule),
    settled_at: now, available_at: availableAt,
  }).onConflict((oc) => oc.columns(['order_id', 'kind']).doNothing()).execute();
  if (share.netFen > 0) {
    await scheduleJob(trx, { kind: 'payments.release', key: `release:${o.id}:${share.kind}`, runAt: availableAt, payload: { orderId: o.id, kind: share.kind } });
  }
}

/**
 * The split of `held` (what escrow holds, or would hold) for `workerId` by the city's commission rule, the worker's
 * orders so far and level: the one computation behind both the settlement and the take-home a worker is shown.
 */
async function splitFor(db: Db, o: OrderRow, workerId: string, held: number) {
  const settings = await paymentSettings(db, o.city_code);
  const rule = selectCommissionRule(settings.commissionRules, { categoryCode: o.category_code, cityCode: o.city_code });
  const card = await workerCard(db, workerId);
  const completedBefore = card?.ordersDone ?? 0;
  const level = workerLevel({ completedOrders: completedBefore, ratingAvg: card?.ratingAvg ?? 0, ratingCount: card?.ratingCount ?? 0 });
  const insuranceFen = Math.min(o.insurance_premium_fen, held);
  // The platform's coupon joins escrow now: the worker's share is of the price before the discount.
  const couponFen = o.coupon_fen;
  const grossFen = held + couponFen - insuranceFen;
  const split = settleOrder({ grossFen, rule, completedOrdersBefore: completedBefore, level: level.code, insurancePremiumFen: insuranceFen, couponFen });
  return { split, grossFen, couponFen, insuranceFen };
}

/**
 * 到手: what `workerId` would get for this paid order if they took and completed it now (the settlement's split of
 * what the customer paid, by the same rule), with the commission and its reason.
 */
export async function takeHomeFor(db: Db, o: OrderRow, workerId: string) {
  const { split } = await splitFor(db, o, workerId, Math.max(0, o.paid_fen));
  return { takeHomeFen: split.workerNetFen, commissionFen: split.commissionFen, reason: split.appliedRule.reason };
}

/** 验收 (or auto-acceptance, or an arbitration for the worker): what escrow holds is split by the commission rule. */
export async function releaseToWorker(trx: Db, o: OrderRow, now: Date): Promise<void> {
  const held = await balanceOf(trx, accounts.escrow(o.id));
  if (!o.worker_id || held <= 0) return;
  const { split, grossFen, couponFen, insuranceFen } = await splitFor(trx, o, o.worker_id, held);
  const escrow = accounts.escrow(o.id);
  await post(trx, {
    key: `complete:${o.id}`, kind: 'completion', orderId: o.id, workerId: o.worker_id, memo: split.appliedRule.reason.zh,
    moves: [
      { from: accounts.promotions, to: escrow, amountFen: couponFen },
      { from: escrow, to: accounts.workerPending(o.worker_id), amountFen: split.workerNetFen },
      { from: escrow, to: accounts.commission, amountFen: split.commissionFen },
      { from: escrow, to: accounts.insurance, amountFen: split.insuranceFen },
    ],
  });
  await recordShare(trx, o, { kind: 'completion', workerId: o.worker_id, grossFen, commissionFen: split.commissionFen, netFen: split.workerNetFen, insuranceFen, rule: split.appliedRule }, now);
}

/**
 * Cancellation, no-show or arbitration: the order's refund, worker compensation and fee (already decided by
 * booking) leave escrow; the refund goes back through the provider (or onto the service card that paid). After a
 * cancellation whatever else escrow held is the platform's fee; after an arbitration it stays for the worker's
 * release. When escrow no longer holds the refund (the order was completed and split before the dispute), the
 * rest is taken back from the worker's share and the commission.
 */
export async function refundFromEscrow(trx: Db, o: OrderRow, now: Date, kind: RefundKind, reason: string): Promise<void> {
  const held = await balanceOf(trx, accounts.escrow(o.id));
  const arbitration = kind === 'arbitration';
  if (held <= 0 && !(arbitration && o.refund_fen > 0)) return;
  // A cancellation's refund counts what finance already refunded from this escrow: only the rest of the policy's
  // refund goes now, so a partial refund never eats the fee and the worker's compensation.
  const refundedBefore = arbitration ? 0 : Math.max(0, o.paid_fen - held);
  const refund = Math.max(0, Math.min(o.refund_fen - refundedBefore, held));
  const compensation = o.worker_id && !arbitration ? Math.min(o.worker_compensation_fen, held - refund) : 0;
  const fee = arbitration ? 0 : held - refund - compensation; // the platform's share of the fee, and whatever else escrow held
  const escrow = accounts.escrow(o.id);
  const card = await cardOfOrder(trx, o.id);
  await post(trx, {
    key: `cancel:${o.id}`, kind, orderId: o.id, workerId: o.worker_id, memo: reason,
    moves: [
      ...(card ? [] : [{ from: escrow, to: accounts.refundsPayable(o.id), amountFen: refund }]),
      ...(o.worker_id ? [{ from: escrow, to: accounts.workerPending(o.worker_id), amountFen: compensation }] : []),
      { from: escrow, to: accounts.fees, amountFen: fee },
    ],
  });
  if (o.worker_id && compensation > 0) {
    await recordShare(trx, o, { kind: 'compensation', workerId: o.worker_id, grossFen: compensation, commissionFen: 0, netFen: compensation, insuranceFen: 0, rule: null }, now);
  }
  const clawed = arbitration && o.refund_fen > refund ? await clawBack(trx, o, o.refund_fen - refund, reason) : 0;
  if (card) await returnVisit(trx, o.id, { fromEscrow: refund, fromPayable: clawed, keepVisitUsed: arbitration && o.refund_fen < o.paid_fen }, reason, now); // the refund goes back onto the card, with the visit
  else if (refund + clawed > 0) await requestRefunds(trx, o.id, refund + clawed, kind, reason, 'system', `cancel:${o.id}`);
}

/**
 * Takes `amountFen` of an already split order back into refunds_payable: the worker's part in proportion to their
 * net share (from pending while this order's share is unreleased, else from available), the rest from the
 * commission; what the worker no longer holds (withdrawn) is the platform's loss (`platform_losses`). Returns what was taken.
 */
async function clawBack(trx: Db, o: OrderRow, amountFen: number, reason: string): Promise<number> {
  const share = await trx.selectFrom('order_settlements').selectAll().where('order_id', '=', o.id).where('kind', '=', 'completion').forUpdate().executeTakeFirst();
  if (!share) throw new AppError('REFUND_TOO_LARGE', { maxFen: 0 }, [], { maxFen: 0 });
  const gross = share.net_fen + share.commission_fen;
  const workerPart = gross > 0 ? Math.min(share.net_fen, Math.round((amountFen * share.net_fen) / gross)) : 0;
  const pending = accounts.workerPending(share.worker_id);
  const available = accounts.workerAvailable(share.worker_id);
  const held = await balances(trx, [pending, available, accounts.commission]);
  const fromPending = share.released_at ? 0 : Math.min(workerPart, held.get(pending) ?? 0);
  const fromAvailable = Math.min(workerPart - fromPending, held.get(available) ?? 0);
  const fromCommission = Math.min(amountFen - workerPart, held.get(accounts.commission) ?? 0);
  const fromLosses = amountFen - fromPending - fromAvailable - fromCommission;
  const payable = accounts.refundsPayable(o.id);
  await post(trx, {
    key: `clawback:${o.id}`, kind: 'clawback', orderId: o.id, workerId: share.worker_id, memo: reason,
    moves: [
      { from: pending, to: payable, amountFen: fromPending },
      { from: available, to: payable, amountFen: fromAvailable },
      { from: accounts.commission, to: payable, amountFen: fromCommission },
      { from: accounts.losses, to: payable, amountFen: fromLosses },
    ],
  });
  const taken = fromPending + fromAvailable;
  await trx.updateTable('order_settlements').set({ net_fen: share.net_fen - taken, clawback_fen: share.clawback_fen + taken })
    .where('order_id', '=', o.id).where('kind', '=', 'completion').execute();
  return amountFen;
}

/** T+N: the worker's share of one order moves from pending to available (job `payments.release`). */
export async function releaseShare(trx: Db, orderId: string, kind: 'completion' | 'compensation', now: Date): Promise<void> {
  const share = await trx.selectFrom('order_settlements').selectAll().where('order_id', '=', orderId).where('kind', '=', kind).forUpdate().executeTakeFirst();
  if (!share || share.released_at) return;
  await post(trx, {
    key: `available:${orderId}:${kind}`, kind: 'settlement', orderId, workerId: share.worker_id, memo: share.order_no,
    moves: [{ from: accounts.workerPending(share.worker_id), to: accounts.workerAvailable(share.worker_id), amountFen: share.net_fen }],
  });
  await trx.updateTable('order_settlements').set({ released_at: now }).where('order_id', '=', orderId).where('kind', '=', kind).execute();
}
