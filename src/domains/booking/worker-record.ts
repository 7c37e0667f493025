/** A worker's orders as the reputation rules read them (reviews' rules/reputation.ts WorkerOrderRow), from order rows and events. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import type { QuoteSnapshot } from './order-facts.js';

export type OrderOutcome = 'completed' | 'worker_failed' | 'customer_cancelled' | 'open';
export interface WorkerOrderRecord { orderId: string; customerId: string; outcome: OrderOutcome; scheduledStart: Date; checkedInAt: Date | null }

const DONE = new Set(['awaiting_confirmation', 'completed', 'closed']);

/** How an order assigned to the worker ended: a visit that was finished counts as completed even if after-sales refunded it. */
export function outcomeOf(o: { status: string; finished_at: Date | null; cancel_reason: string }, noShow: boolean): OrderOutcome {
  if (DONE.has(o.status) || ((o.status === 'refunded' || o.status === 'disputed') && o.finished_at)) return 'completed';
  if (o.status === 'cancelled' || o.status === 'refunded') return noShow ? 'worker_failed' : 'customer_cancelled';
  return 'open';
}

/**
 * The worker's orders scheduled since `since`, and the orders the worker gave back after accepting (they moved to
 * someone else, but the failure is this worker's). `checkedInAt` is the check-in (服务开始) time.
 */
export async function workerOrderRecord(db: Kysely<DB>, workerId: string, since: Date): Promise<WorkerOrderRecord[]> {
  const [orders, noShows, gaveBack] = await Promise.all([
    db.selectFrom('orders').select(['id', 'customer_id', 'status', 'scheduled_start', 'started_at', 'finished_at', 'cancel_reason'])
      .where('worker_id', '=', workerId).where('scheduled_start', '>=', since).execute(),
    db.selectFrom('order_events as e').innerJoin('orders as o', 'o.id', 'e.order_id').select('e.order_id')
      .where('o.worker_id', '=', workerId).where('o.scheduled_start', '>=', since).where('e.action', '=', 'worker_no_show').execute(),
    db.selectFrom('order_events as e').innerJoin('orders as o', 'o.id', 'e.order_id').select(['e.order_id', 'o.customer_id', 'o.scheduled_start'])
      .where('e.actor_id', '=', workerId).where('e.action', '=', 'decline').where('e.from_status', '=', 'assigned').where('o.scheduled_start', '>=', since).execute(),
  ]);
  const failed = new Set(noShows.map((n) => n.order_id));
  const record: WorkerOrderRecord[] = orders.map((o) => ({
    orderId: o.id, customerId: o.customer_id, outcome: outcomeOf(o, failed.has(o.id)), scheduledStart: o.scheduled_start, checkedInAt: o.started_at,
  }));
  const own = new Set(orders.map((o) => o.id));
  for (const g of gaveBack) {
    if (!own.has(g.order_id)) record.push({ orderId: g.order_id, customerId: g.customer_id, outcome: 'worker_failed', scheduledStart: g.scheduled_start, checkedInAt: null });
  }
  return record;
}

export interface RecentJob { orderId: string; itemCode: string; itemName: string; itemNameEn: string; districtCode: string; completedAt: string }

/** The worker's latest completed visits for the public profile: what and in which district, never where exactly. */
export async function recentJobs(db: Kysely<DB>, workerId: string, limit = 5): Promise<RecentJob[]> {
  const rows = await db.selectFrom('orders').select(['id', 'item_code', 'district_code', 'completed_at', 'quote_snapshot'])
    .where('worker_id', '=', workerId).where('status', 'in', ['completed', 'closed']).where('completed_at', 'is not', null)
    .orderBy('completed_at', 'desc').limit(limit).execute();
  return rows.map((o) => {
    const item = (o.quote_snapshot as QuoteSnapshot).item;
    return { orderId: o.id, itemCode: o.item_code, itemName: item.name, itemNameEn: item.nameEn, districtCode: o.district_code, completedAt: o.completed_at!.toISOString() };
  });
}
