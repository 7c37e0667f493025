/**
 * The money effects of the order state machine, run by booking in the transition's transaction:
 * completion splits the escrow (worker net, commission, insurance), cancellation splits it (refund, worker
 * compensation, platform fee), and the settlement delay later makes the worker's share withdrawable.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { scheduleJob } from '../../platform/jobs.js';
import type { OrderRow } from '../booking/queries.js';
import { workerCard } from '../workers/availability-service.js';
import { selectCommissionRule, settleOrder, workerLevel } from './commission.js';
import { accounts, balanceOf, post } from './ledger.js';
import { requestRefunds } from './refund-service.js';
import { paymentSettings } from './settings.js';
import type { RefundKind } from '../../db/types-payments.js';
import { cardOfOrder, returnVisit } from '../promotions/service-cards.js';

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

/** 验收 (or auto-acceptance, or an arbitration for the worker): what escrow holds is split by the commission rule. */
export async function releaseToWorker(trx: Db, o: OrderRow, now: Date): Promise<void> {
  const held = await balanceOf(trx, accounts.escrow(o.id));
  if (!o.worker_id || held <= 0) return;
  const settings = await paymentSettings(trx, o.city_code);
  const rule = selectCommissionRule(settings.commissionRules, { categoryCode: o.category_code, cityCode: o.city_code });
  const card = await workerCard(trx, o.worker_id);
  const completedBefore = card?.ordersDone ?? 0;
  const level = workerLevel({ completedOrders: completedBefore, ratingAvg: card?.ratingAvg ?? 0, ratingCount: card?.ratingCount ?? 0 });
  const insuranceFen = Math.min(o.insurance_premium_fen, held);
  // The platform's coupon joins escrow now: the worker's share is of the price before the discount.
  const couponFen = o.coupon_fen;
  const grossFen = held + couponFen - insuranceFen;
  const split = settleOrder({ grossFen, rule, completedOrdersBefore: completedBefore, level: level.code, insurancePremiumFen: insuranceFen, couponFen });
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
 * Cancellation or no-show: the order's refund, worker compensation and fee (already decided by booking's
 * cancellation policy) leave escrow; the refund goes back through the provider.
 */
export async function refundFromEscrow(trx: Db, o: OrderRow, now: Date, kind: RefundKind, reason: string): Promise<void> {
  const held = await balanceOf(trx, accounts.escrow(o.id));
  if (held <= 0) return;
  const refund = Math.min(o.refund_fen, held);
  const compensation = o.worker_id ? Math.min(o.worker_compensation_fen, held - refund) : 0;
  const fee = held - refund - compensation; // the platform's share of the fee, and whatever else escrow held
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
  if (card) await returnVisit(trx, o.id, refund, reason, now); // the refund goes back onto the card, with the visit
  else if (refund > 0) await requestRefunds(trx, o.id, refund, kind, reason, 'system', `cancel:${o.id}`);
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
