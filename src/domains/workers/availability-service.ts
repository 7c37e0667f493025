/**
 * What booking and dispatch need from the workers domain: who may serve an item at an address, with
 * their weekly hours, days off and rest rule (commitments are booking's), plus small worker facts.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import type { WorkerSchedule } from '../booking/slots.js';
import { fileUrl } from '../../platform/files.js';
import { maskName } from '../../platform/mask.js';
import { visibleWorkers } from './search-service.js';

export interface QualifiedWorkerQuery {
  itemId: string;
  requiredCertificate: string | null;
  lat: number;
  lng: number;
  /** Only these workers (a chosen worker, a manual assignment). */
  workerIds?: string[];
  /** Local dates whose days off matter. */
  fromDate: string;
  toDate: string;
  limit?: number;
}

export interface QualifiedWorker {
  id: string;
  distanceKm: number;
  ratingAvg: number;
  ordersDone: number;
  schedule: WorkerSchedule;
}

/**
 * Approved, online, unsuspended workers with the item's skill (and a verified, unexpired certificate when
 * the item needs one) whose service radius covers the point, nearest first, with their schedules.
 */
export async function qualifiedWorkers(db: Kysely<DB>, q: QualifiedWorkerQuery): Promise<QualifiedWorker[]> {
  const point = sql`ll_to_earth(${q.lat}, ${q.lng})`;
  let query = visibleWorkers(db)
    .where(sql<boolean>`w.skill_ids @> array[${q.itemId}]::uuid[]`)
    .where(sql<boolean>`earth_box(${point}, 50000) @> ll_to_earth(w.home_lat, w.home_lng)`)
    .where(sql<boolean>`earth_distance(${point}, ll_to_earth(w.home_lat, w.home_lng)) <= w.service_radius_km * 1000`);
  if (q.workerIds) query = query.where('w.user_id', 'in', q.workerIds.length ? q.workerIds : ['00000000-0000-0000-0000-000000000000']);
  if (q.requiredCertificate) {
    query = query.where((eb) => eb.exists(eb.selectFrom('worker_certificates as c').select('c.id').whereRef('c.worker_id', '=', 'w.user_id')
      .where('c.kind', '=', q.requiredCertificate!).where('c.status', '=', 'verified')
      .where((e) => e.or([e('c.expires_at', 'is', null), e('c.expires_at', '>=', sql<string>`current_date`)]))));
  }
  const rows = await query
    .select(['w.user_id', 'w.rating_avg', 'w.orders_done', 'w.max_minutes_per_day', 'w.min_break_minutes'])
    .select(sql<number>`earth_distance(${point}, ll_to_earth(w.home_lat, w.home_lng)) / 1000`.as('distance_km'))
    // With a limit the GiST index walks nearest-first (KNN); without one every covering worker is needed,
    // and sorting by the distance already computed is cheaper than the index walk.
    .$call((qb) => (q.limit ? qb.orderBy(sql`ll_to_earth(w.home_lat, w.home_lng) <-> ${point}`) : qb.orderBy('distance_km').orderBy('w.user_id')))
    .limit(q.limit ?? 5000).execute();
  if (!rows.length) return [];
  const ids = rows.map((r) => r.user_id);
  const [hourRows, daysOff] = await Promise.all([
    // One row per worker ("weekday:start:end,…"): thousands of small rows cost more than the text to split.
    db.selectFrom('worker_hours').select(['worker_id', sql<string>`string_agg(weekday || ':' || start_minute || ':' || end_minute, ',')`.as('hours')])
      .where('worker_id', 'in', ids).groupBy('worker_id').execute(),
    db.selectFrom('worker_days_off').select(['worker_id', 'day']).where('worker_id', 'in', ids).where('day', '>=', q.fromDate).where('day', '<=', q.toDate).execute(),
  ]);
  const hoursOf = new Map(hourRows.map((r) => [r.worker_id, r.hours.split(',').map((h) => {
    const [weekday, startMinute, endMinute] = h.split(':').map(Number);
    return { weekday: weekday!, startMinute: startMinute!, endMinute: endMinute! };
  })]));
  const offOf = group(daysOff, (d) => d.worker_id);
  return rows.map((r) => ({
    id: r.user_id, distanceKm: Number(r.distance_km), ratingAvg: Number(r.rating_avg), ordersDone: r.orders_done,
    schedule: {
      id: r.user_id,
      weeklyHours: hoursOf.get(r.user_id) ?? [],
      daysOff: (offOf.get(r.user_id) ?? []).map((d) => d.day),
      rest: { maxWorkMinutesPerDay: r.max_minutes_per_day, minBreakMinutes: r.min_break_minutes },
    },
  }));
}

function group<T>(rows: T[], key: (r: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

/** The worker card an order keeps (masked name, avatar, rating, experience) and the home base for ETAs. */
export async function workerCard(db: Kysely<DB>, workerId: string) {
  const w = await db.selectFrom('worker_profiles as w').innerJoin('users as u', 'u.id', 'w.user_id')
    .select(['w.user_id', 'w.display_name', 'w.rating_avg', 'w.rating_count', 'w.orders_done', 'w.experience_years', 'w.home_lat', 'w.home_lng', 'u.avatar_file_id'])
    .where('w.user_id', '=', workerId).executeTakeFirst();
  if (!w) return null;
  return {
    id: w.user_id, name: maskName(w.display_name, '师傅'), avatarUrl: fileUrl(w.avatar_file_id), ratingAvg: Number(w.rating_avg), ratingCount: w.rating_count,
    ordersDone: w.orders_done, experienceYears: w.experience_years, home: w.home_lat !== null && w.home_lng !== null ? { lat: w.home_lat, lng: w.home_lng } : null,
  };
}

/** Counts a finished order on the worker's profile (orders done). */
export async function recordCompletedOrder(db: Kysely<DB>, workerId: string) {
  await db.updateTable('worker_profiles').set({ orders_done: sql`orders_done + 1` }).where('user_id', '=', workerId).execute();
}

/**
 * Serialises schedule decisions about one worker for the rest of the transaction: the exclusion
 * constraint stops overlaps by itself, but the rest rules (break, daily maximum) are checked in code
 * and would race without it.
 */
export async function lockWorkerSchedule(db: Kysely<DB>, workerId: string): Promise<void> {
  await db.selectFrom('worker_profiles').select('user_id').where('user_id', '=', workerId).forUpdate().execute();
}

export interface WorkerFacts {
  id: string; status: 'approved' | 'suspended' | 'removed' | 'pending'; online: boolean; skills: string[]; certificates: { kind: string; expiresAt: string | null }[];
  home: { lat: number; lng: number }; serviceRadiusKm: number; ratingAvg: number; ratingCount: number; ordersDone: number; experienceYears: number; joinedAt: string;
}

/** What matching scores a worker on (profile, skills as item codes, verified certificates). */
export async function workerFacts(db: Kysely<DB>, ids: string[]): Promise<WorkerFacts[]> {
  if (!ids.length) return [];
  const rows = await db.selectFrom('worker_profiles as w')
    .select(['w.user_id', 'w.status', 'w.online', 'w.suspended_until', 'w.home_lat', 'w.home_lng', 'w.service_radius_km', 'w.rating_avg', 'w.rating_count', 'w.orders_done', 'w.experience_years', 'w.approved_at', 'w.created_at'])
    .select(sql<string[]>`coalesce((select array_agg(i.code) from worker_skills s join service_items i on i.id = s.item_id where s.worker_id = w.user_id), '{}')`.as('skills'))
    .select(sql<{ kind: string; expires_at: string | null }[]>`coalesce((select json_agg(json_build_object('kind', c.kind, 'expires_at', c.expires_at)) from worker_certificates c where c.worker_id = w.user_id and c.status = 'verified'), '[]')`.as('certs'))
    .where('w.user_id', 'in', ids).execute();
  const now = new Date();
  return rows.map((r) => ({
    id: r.user_id,
    status: r.status === 'approved' ? (r.suspended_until && r.suspended_until > now ? 'suspended' : 'approved') : r.status === 'removed' ? 'removed' : 'pending',
    online: r.online, skills: r.skills, certificates: r.certs.map((c) => ({ kind: c.kind, expiresAt: c.expires_at ? `${String(c.expires_at).slice(0, 10)}T23:59:59+08:00` : null })),
    home: { lat: r.home_lat ?? 0, lng: r.home_lng ?? 0 }, serviceRadiusKm: r.service_radius_km ?? 0, ratingAvg: Number(r.rating_avg), ratingCount: r.rating_count,
    ordersDone: r.orders_done, experienceYears: r.experience_years, joinedAt: (r.approved_at ?? r.created_at).toISOString(),
  }));
}

/** Whether the worker may take orders now (approved, online, not suspended); else why not. */
export async function workerAvailability(db: Kysely<DB>, workerId: string): Promise<'ok' | 'suspended' | 'offline' | 'not_approved'> {
  const [f] = await workerFacts(db, [workerId]);
  if (!f || f.status === 'pending' || f.status === 'removed') return 'not_approved';
  if (f.status === 'suspended') return 'suspended';
  return f.online ? 'ok' : 'offline';
}
