/**
 * 位置轨迹: the worker's phone reports where it is while an order is 上门中 / 服务中; the customer sees the latest fix
 * and an ETA while the worker is on the way; operations read the whole trail (dispute desk, SOS desk); the daily
 * purge deletes fixes older than the city's retention.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../../db/types.js';
import type { LocationPointsTable } from '../../db/types-tracking.js';
import { AppError } from '../../platform/errors.js';
import { publish, topics } from '../../platform/events.js';
import { haversineKm } from '../../platform/providers/map.js';
import { findOrder, type OrderRow } from '../booking/index.js';
import { checkFixTime, customerSees, etaFrom, isTracked, RATE_PER_MINUTE, STALE_AFTER_MS, TRACKED_STATES, TRAVEL } from './rules.js';
import { trackingSettings } from './settings.js';

type Db = Kysely<DB>;
type PointRow = Selectable<LocationPointsTable>;

export interface TrailPoint { lat: number; lng: number; accuracyM: number; recordedAt: string }

const present = (p: PointRow): TrailPoint => ({ lat: p.lat, lng: p.lng, accuracyM: p.accuracy_m, recordedAt: p.recorded_at.toISOString() });

export interface FixInput { lat: number; lng: number; accuracy: number; recordedAt: string }

const fieldError = (field: string, code: string, zh: string, en: string) => new AppError('VALIDATION_FAILED', {}, [{ field, code, message: { zh, en } }]);

/** The order, when it is this worker's; 404 otherwise (another worker's order is not revealed). */
async function workersOrder(db: Db, workerId: string, orderId: string): Promise<OrderRow> {
  const o = await findOrder(db, orderId);
  if (!o || o.worker_id !== workerId) throw new AppError('NOT_FOUND');
  return o;
}

/**
 * 上报位置: one fix of an order of mine that is 上门中 or 服务中. Idempotent on (order, recorded_at): a retry returns
 * the stored fix (`created: false`), the same instant with another position is refused. Nothing is written on any error.
 */
export async function reportFix(db: Db, workerId: string, orderId: string, input: FixInput, now = new Date()) {
  const recordedAt = new Date(input.recordedAt);
  if (Number.isNaN(recordedAt.getTime())) throw fieldError('recordedAt', 'format', '定位时间格式有误', 'recordedAt is not a valid time');
  return db.transaction().execute(async (trx) => {
    const o = await workersOrder(trx, workerId, orderId);
    const stored = await trx.selectFrom('location_points').selectAll().where('order_id', '=', orderId).where('recorded_at', '=', recordedAt).executeTakeFirst();
    if (stored) {
      if (stored.lat !== input.lat || stored.lng !== input.lng) {
        throw new AppError('IDEMPOTENCY_KEY_REUSED', {}, [{ field: 'recordedAt', code: 'conflict', message: { zh: '该时间的位置已上报且不同', en: 'a different position was already reported for this time' } }]);
      }
      return { point: present(stored), created: false };
    }
    if (!isTracked(o.status)) {
      throw new AppError('ORDER_STATE', {}, [], { currentState: o.status }, { zh: '订单不在上门中或服务中，无需上报位置', en: 'The order is neither on the way nor in service; no location is taken' });
    }
    const problem = checkFixTime(recordedAt, now, o.departed_at);
    if (problem === 'future') throw fieldError('recordedAt', 'future', '定位时间不能晚于当前时间', 'recordedAt is in the future');
    if (problem === 'before_departure') throw fieldError('recordedAt', 'before_departure', '定位时间早于出发时间', 'recordedAt is before the worker set off');
    const recent = await trx.selectFrom('location_points').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('order_id', '=', orderId).where('received_at', '>', new Date(now.getTime() - 60_000)).executeTakeFirstOrThrow();
    if (Number(recent.n) >= RATE_PER_MINUTE) throw new AppError('RATE_LIMITED');
    const row = await trx.insertInto('location_points').values({
      order_id: orderId, worker_id: workerId, city_code: o.city_code, lat: input.lat, lng: input.lng, accuracy_m: input.accuracy, recorded_at: recordedAt, received_at: now,
    }).onConflict((oc) => oc.columns(['order_id', 'recorded_at']).doNothing()).returningAll().executeTakeFirst();
    if (!row) {
      // The same fix sent twice at once: the other request stored it.
      const other = await trx.selectFrom('location_points').selectAll().where('order_id', '=', orderId).where('recorded_at', '=', recordedAt).executeTakeFirstOrThrow();
      return { point: present(other), created: false };
    }
    // The customer's open order page refreshes the position (only while they may see it).
    if (customerSees(o.status)) await publish(trx, [{ topic: topics.user(o.customer_id), type: 'tracking', data: { orderId, at: row.recorded_at.toISOString() } }]);
    return { point: present(row), created: true };
  });
}

/** The trail of an order, oldest first (for the dispute evidence pack and the console maps). */
export async function orderTrail(db: Db, orderId: string): Promise<TrailPoint[]> {
  const rows = await db.selectFrom('location_points').selectAll().where('order_id', '=', orderId).orderBy('recorded_at', 'asc').execute();
  return rows.map(present);
}

/** The newest fix of an order, or null. */
export async function latestOrderFix(db: Db, orderId: string): Promise<TrailPoint | null> {
  const row = await db.selectFrom('location_points').selectAll().where('order_id', '=', orderId).orderBy('recorded_at', 'desc').limit(1).executeTakeFirst();
  return row ? present(row) : null;
}

/** The newest fix a worker's phone sent for any order (the SOS desk: where was the worker last seen), or null. */
export async function latestWorkerFix(db: Db, workerId: string): Promise<(TrailPoint & { orderId: string }) | null> {
  const row = await db.selectFrom('location_points').selectAll().where('worker_id', '=', workerId).orderBy('recorded_at', 'desc').limit(1).executeTakeFirst();
  return row ? { ...present(row), orderId: row.order_id } : null;
}

/**
 * The customer's view of an order's tracking: the worker's latest fix and an ETA while 上门中; afterwards only why
 * nothing is shown (arrived, finished, not set off yet). The customer's own address point is returned to draw it.
 */
export async function customerTracking(db: Db, customerId: string, orderId: string, now = new Date()) {
  const o = await findOrder(db, orderId);
  if (!o || o.customer_id !== customerId) throw new AppError('NOT_FOUND');
  const base = { orderId, status: o.status, plannedEtaAt: o.eta_at?.toISOString() ?? null, travelModel: { ...TRAVEL } };
  if (!customerSees(o.status)) {
    const reason = o.status === 'in_service' ? 'arrived' : o.departed_at ? 'finished' : 'not_departed';
    return { ...base, sharing: false, reason, position: null, destination: null, eta: null, stale: false };
  }
  const fix = await latestOrderFix(db, orderId);
  const destination = { lat: o.lat, lng: o.lng };
  if (!fix) return { ...base, sharing: true, reason: 'waiting', position: null, destination, eta: null, stale: false };
  const eta = etaFrom({ lat: fix.lat, lng: fix.lng, recordedAt: new Date(fix.recordedAt) }, destination);
  return {
    ...base, sharing: true, reason: null, position: fix, destination,
    eta: { distanceKm: eta.distanceKm, minutes: eta.minutes, at: eta.at.toISOString() },
    stale: now.getTime() - new Date(fix.recordedAt).getTime() > STALE_AFTER_MS,
  };
}

interface CheckInJson { lat: number; lng: number; distanceM: number; farReason: string | null }

/** Operations' map of an order: the trail with times, the address, the check-in point and the visit's moments. */
export async function adminTrail(db: Db, orderId: string, cityCode: string) {
  const o = await findOrder(db, orderId);
  if (!o) throw new AppError('NOT_FOUND');
  const [points, settings] = await Promise.all([orderTrail(db, orderId), trackingSettings(db, cityCode)]);
  const checkIn = o.check_in as CheckInJson | null;
  let travelledKm = 0;
  for (let i = 1; i < points.length; i++) travelledKm += haversineKm(points[i - 1], points[i]);
  return {
    orderId: o.id, orderNo: o.order_no, status: o.status, tracked: (TRACKED_STATES as readonly string[]).includes(o.status),
    address: { lat: o.lat, lng: o.lng },
    checkIn: checkIn ? { lat: checkIn.lat, lng: checkIn.lng, distanceM: checkIn.distanceM, farReason: checkIn.farReason, at: o.started_at?.toISOString() ?? null } : null,
    departedAt: o.departed_at?.toISOString() ?? null, startedAt: o.started_at?.toISOString() ?? null, finishedAt: o.finished_at?.toISOString() ?? null,
    points, latest: points.at(-1) ?? null, travelledKm: Math.round(travelledKm * 100) / 100, retentionDays: settings.retentionDays,
  };
}

/** 轨迹保留: deletes the fixes older than their city's retention (default where a city has no setting). */
export async function purgeTrails(db: Db, now: Date, defaultDays: number): Promise<number> {
  const res = await sql`
    delete from location_points p
    where p.recorded_at < ${now}::timestamptz - make_interval(days => coalesce((select s.retention_days from tracking_settings s where s.city_code = p.city_code), ${defaultDays}::int))`.execute(db);
  return Number(res.numAffectedRows ?? 0);
}

/** PIPL export: the fixes a worker's phone sent (registered by the workflow layer's privacy holders). */
export async function exportWorkerTrail(db: Db, userId: string) {
  const rows = await db.selectFrom('location_points').selectAll().where('worker_id', '=', userId).orderBy('recorded_at', 'asc').execute();
  return rows.map((r) => ({ orderId: r.order_id, ...present(r) }));
}

/** PIPL erasure (注销): the worker's trail goes with the account. */
export async function eraseWorkerTrail(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('location_points').where('worker_id', '=', userId).execute();
}
