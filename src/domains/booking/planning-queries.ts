/**
 * What day planning (dispatch) reads about orders: the paid, unassigned orders of a day, the jobs
 * workers already hold that day, and one worker's day for the route view. Booking owns these tables;
 * dispatch reads them only through here.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { snapshotItem } from './order-facts.js';
import { districtNames } from './present.js';
import type { OrderRow } from './queries.js';

type Db = Kysely<DB>;

/** An order as a planning stop. */
export interface PlanningOrder {
  id: string;
  orderNo: string;
  status: string;
  itemId: string;
  itemCode: string;
  itemName: string;
  itemNameEn: string;
  categoryCode: string;
  requiredCertificate: string | null;
  start: Date;
  durationMinutes: number;
  bufferMinutes: number;
  lat: number;
  lng: number;
  districtName: string;
  districtNameEn: string;
  workerId: string | null;
  /** The worker the customer chose (their hold), if any. */
  preferredWorkerId: string | null;
}

/** States in which an order is on its worker's calendar and still to be done that day. */
const HELD_STATES = ['assigned', 'on_the_way', 'in_service'] as const;
/** States a worker's day view shows (done ones too, so the day reads as it went). */
const DAY_STATES = ['assigned', 'on_the_way', 'in_service', 'awaiting_confirmation', 'completed', 'closed'] as const;

async function present(db: Db, rows: OrderRow[]): Promise<PlanningOrder[]> {
  if (!rows.length) return [];
  const districts = await districtNames(db);
  return rows.map((o) => {
    const item = snapshotItem(o);
    const d = districts.get(o.district_code);
    return {
      id: o.id, orderNo: o.order_no, status: o.status, itemId: o.item_id, itemCode: o.item_code, itemName: item.name, itemNameEn: item.nameEn, categoryCode: o.category_code,
      requiredCertificate: item.requiredCertificate, start: o.scheduled_start, durationMinutes: o.duration_minutes, bufferMinutes: o.buffer_minutes, lat: o.lat, lng: o.lng,
      districtName: d?.name ?? '', districtNameEn: d?.nameEn ?? '', workerId: o.worker_id, preferredWorkerId: o.preferred_worker_id,
    };
  });
}

/** Paid orders nobody holds yet, starting in `[from, to)` in the city (optionally one category), by start. */
export async function unassignedOrdersBetween(db: Db, q: { cityCode: string; from: Date; to: Date; categoryCode?: string }): Promise<PlanningOrder[]> {
  let query = db.selectFrom('orders').selectAll().where('city_code', '=', q.cityCode).where('status', '=', 'paid').where('worker_id', 'is', null)
    .where('scheduled_start', '>=', q.from).where('scheduled_start', '<', q.to);
  if (q.categoryCode) query = query.where('category_code', '=', q.categoryCode);
  return present(db, await query.orderBy('scheduled_start').orderBy('id').execute());
}

/** Workers who declined each of these orders (never planned onto them again). */
export async function declinedWorkers(db: Db, orderIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!orderIds.length) return out;
  const rows = await db.selectFrom('order_offers').select(['order_id', 'worker_id']).where('order_id', 'in', orderIds).where('status', '=', 'declined').execute();
  for (const r of rows) out.set(r.order_id, [...(out.get(r.order_id) ?? []), r.worker_id]);
  return out;
}

/** Jobs these workers hold (assigned, on the way, in service) starting in `[from, to)`, by start. */
export async function heldOrdersBetween(db: Db, workerIds: string[], from: Date, to: Date): Promise<PlanningOrder[]> {
  if (!workerIds.length) return [];
  const rows = await db.selectFrom('orders').selectAll().where('worker_id', 'in', workerIds).where('status', 'in', [...HELD_STATES])
    .where('scheduled_start', '>=', from).where('scheduled_start', '<', to).orderBy('scheduled_start').execute();
  return present(db, rows);
}

/** One worker's accepted work starting in `[from, to)` (done jobs included), by start. */
export async function workerDayOrders(db: Db, workerId: string, from: Date, to: Date): Promise<PlanningOrder[]> {
  const rows = await db.selectFrom('orders').selectAll().where('worker_id', '=', workerId).where('status', 'in', [...DAY_STATES])
    .where('scheduled_start', '>=', from).where('scheduled_start', '<', to).orderBy('scheduled_start').execute();
  return present(db, rows);
}
