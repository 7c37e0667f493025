/** SQL of the booking domain (orders, offers, events, extras, records, reschedule requests). */
import { sql, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { DB } from '../../db/types.js';

type Db = Kysely<DB>;
export type OrderRow = Selectable<DB['orders']>;
export type OrderPatch = Updateable<DB['orders']>;

export function findOrder(db: Db, id: string) {
  return db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The order row locked for the rest of the transaction. */
export function lockOrder(db: Db, id: string) {
  return db.selectFrom('orders').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Writes a change only if nobody changed the order since `version` was read; returns the new row or undefined. */
export function updateOrder(db: Db, id: string, version: number, patch: OrderPatch) {
  return db.updateTable('orders').set({ ...patch, version: version + 1, updated_at: new Date() })
    .where('id', '=', id).where('version', '=', version).returningAll().executeTakeFirst();
}

export interface EventInput {
  orderId: string; action: string; actorKind: 'customer' | 'worker' | 'admin' | 'system'; actorId: string | null; actorName: string;
  fromStatus?: string | null; toStatus?: string | null; note?: string; detail?: Record<string, unknown>; at?: Date;
}

export async function insertEvent(db: Db, e: EventInput) {
  await db.insertInto('order_events').values({
    order_id: e.orderId, action: e.action, actor_kind: e.actorKind, actor_id: e.actorId, actor_name: e.actorName,
    from_status: e.fromStatus ?? null, to_status: e.toStatus ?? null, note: e.note ?? '', detail: JSON.stringify(e.detail ?? {}), ...(e.at ? { at: e.at } : {}),
  }).execute();
}

export function eventsOf(db: Db, orderId: string) {
  return db.selectFrom('order_events').selectAll().where('order_id', '=', orderId).orderBy('id').execute();
}

export function extrasOf(db: Db, orderId: string) {
  return db.selectFrom('order_extras').selectAll().where('order_id', '=', orderId).orderBy('created_at').execute();
}

export function recordsOf(db: Db, orderId: string) {
  return db.selectFrom('order_records').selectAll().where('order_id', '=', orderId).orderBy('created_at').execute();
}

export function pendingReschedule(db: Db, orderId: string) {
  return db.selectFrom('reschedule_requests').selectAll().where('order_id', '=', orderId)
    .where('status', 'in', ['pending_ops', 'pending_customer', 'pending_worker']).executeTakeFirst();
}

export function latestReschedule(db: Db, orderId: string) {
  return db.selectFrom('reschedule_requests').selectAll().where('order_id', '=', orderId).orderBy('created_at', 'desc').limit(1).executeTakeFirst();
}

export function openOffer(db: Db, orderId: string, workerId: string) {
  return db.selectFrom('order_offers').selectAll().where('order_id', '=', orderId).where('worker_id', '=', workerId).where('status', '=', 'open').executeTakeFirst();
}

export function offerOf(db: Db, orderId: string, workerId: string) {
  return db.selectFrom('order_offers').selectAll().where('order_id', '=', orderId).where('worker_id', '=', workerId).executeTakeFirst();
}

/** Closes every still-open offer of the order (taken, cancelled, moved). */
export async function withdrawOffers(db: Db, orderId: string, except?: string) {
  let q = db.updateTable('order_offers').set({ status: 'withdrawn', decided_at: new Date() }).where('order_id', '=', orderId).where('status', '=', 'open');
  if (except) q = q.where('worker_id', '!=', except);
  await q.execute();
}

export async function decideOffer(db: Db, orderId: string, workerId: string, status: 'declined' | 'accepted', reason = '') {
  await db.updateTable('order_offers').set({ status, reason, decided_at: new Date() }).where('order_id', '=', orderId).where('worker_id', '=', workerId).execute();
}

export async function countByStatus(db: Db, customerId: string) {
  const rows = await db.selectFrom('orders').select(['status', sql<number>`count(*)::int`.as('n')]).where('customer_id', '=', customerId).groupBy('status').execute();
  return new Map(rows.map((r) => [r.status, Number(r.n)]));
}
