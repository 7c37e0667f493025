/** Booking's answers for the quality and claims domains above it: completed orders in a period, and an order by its number. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { snapshotItem, type WorkerSnapshot } from './order-facts.js';
import type { OrderRow } from './queries.js';

type Db = Kysely<DB>;

export interface CompletedOrderFact {
  id: string; orderNo: string; categoryCode: string; itemName: string; workerId: string; workerName: string; customerId: string; completedAt: Date;
}

/** Orders of a city completed (验收, also 已关闭 afterwards) in [from, to), with a worker; rework orders left out. */
export async function completedOrdersBetween(db: Db, cityCode: string, from: Date, to: Date): Promise<CompletedOrderFact[]> {
  const rows = await db.selectFrom('orders').selectAll()
    .where('city_code', '=', cityCode).where('kind', '=', 'normal').where('status', 'in', ['completed', 'closed'])
    .where('worker_id', 'is not', null).where('completed_at', '>=', from).where('completed_at', '<', to)
    .orderBy('completed_at').execute();
  return rows.map((o) => ({
    id: o.id, orderNo: o.order_no, categoryCode: o.category_code, itemName: snapshotItem(o).name, workerId: o.worker_id!, workerName: (o.worker_snapshot as WorkerSnapshot | null)?.name ?? '', customerId: o.customer_id, completedAt: o.completed_at!,
  }));
}

/** The order with this number (订单号), or undefined. */
export function findOrderByNo(db: Db, orderNo: string): Promise<OrderRow | undefined> {
  return db.selectFrom('orders').selectAll().where('order_no', '=', orderNo).executeTakeFirst();
}

/** Whether the order ever went to after-sales (售后 / 纠纷): a `dispute` move in its timeline. */
export async function orderWasDisputed(db: Db, orderId: string): Promise<boolean> {
  const row = await db.selectFrom('order_events').select('id').where('order_id', '=', orderId).where('to_status', '=', 'disputed').executeTakeFirst();
  return !!row;
}
