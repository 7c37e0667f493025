import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/types.js';

export interface WorkerSeed {
  userId: string; displayName: string; gender: 'male' | 'female'; districtCode: string;
  homeLat: number; homeLng: number; serviceRadiusKm: number; experienceYears: number;
  ratingAvg: number; ratingCount: number; ordersDone: number; online: boolean;
  skillItemIds: string[];
  hours: { weekday: number; startMinute: number; endMinute: number }[];
  rate?: { fen: number; unit: 'hour' | 'day' | 'month' } | null;
  /** Counts of 1★…5★ reviews (demo data; the reviews feature keeps it up to date). */
  ratingHistogram?: number[];
  /** The smoothed score (reviews' rules/reputation.ts); the column's default, the prior mean, when absent. */
  ratingScore?: number;
}

/** Creates approved worker profiles with skills and weekly hours (demo data and test factories). */
export async function createWorkerProfiles(db: Kysely<DB>, seeds: WorkerSeed[]) {
  if (!seeds.length) return;
  await db.insertInto('worker_profiles').values(seeds.map((s) => ({
    user_id: s.userId, display_name: s.displayName, gender: s.gender, district_code: s.districtCode,
    home_lat: s.homeLat, home_lng: s.homeLng, service_radius_km: s.serviceRadiusKm, experience_years: s.experienceYears,
    rating_avg: s.ratingAvg, rating_count: s.ratingCount, orders_done: s.ordersDone, status: 'approved' as const, online: s.online,
    rate_fen: s.rate?.fen ?? null, rate_unit: s.rate?.unit ?? null, ...(s.ratingHistogram ? { rating_histogram: s.ratingHistogram } : {}),
    ...(s.ratingScore !== undefined ? { rating_score: s.ratingScore } : {}),
  }))).execute();
  const skills = seeds.flatMap((s) => s.skillItemIds.map((item_id) => ({ worker_id: s.userId, item_id })));
  if (skills.length) await db.insertInto('worker_skills').values(skills).execute();
  const hours = seeds.flatMap((s) => s.hours.map((h) => ({ worker_id: s.userId, weekday: h.weekday, start_minute: h.startMinute, end_minute: h.endMinute })));
  if (hours.length) await db.insertInto('worker_hours').values(hours).execute();
}

/** The worker's shown rating, as the reviews domain derived it from review rows: plain mean, count, histogram and the smoothed score. */
export async function setWorkerRating(db: Kysely<DB>, workerId: string, r: { avg: number; count: number; histogram: number[]; score: number }): Promise<void> {
  await db.updateTable('worker_profiles').set({ rating_avg: r.avg, rating_count: r.count, rating_histogram: r.histogram, rating_score: r.score }).where('user_id', '=', workerId).execute();
}

export async function countWorkers(db: Kysely<DB>) {
  const r = await db.selectFrom('worker_profiles').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '!=', 'removed').executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Console list of workers with district and skill names. */
export async function listWorkers(db: Kysely<DB>, f: { q?: string; districtCode?: string; offset: number; limit: number }) {
  let q = db.selectFrom('worker_profiles as w').leftJoin('districts as d', 'd.code', 'w.district_code');
  if (f.districtCode) q = q.where('w.district_code', '=', f.districtCode);
  if (f.q) q = q.where('w.display_name', 'ilike', `%${f.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`);
  const [rows, total] = await Promise.all([
    q.select(['w.user_id', 'w.display_name', 'w.gender', 'w.status', 'w.online', 'w.suspended_until', 'w.rating_avg', 'w.rating_count', 'w.orders_done', 'w.experience_years', 'd.name as district_name',
      sql<string[]>`coalesce((select array_agg(i.name order by i.sort) from worker_skills s join service_items i on i.id = s.item_id where s.worker_id = w.user_id), '{}')`.as('skills')])
      .orderBy('w.rating_avg', 'desc').orderBy('w.user_id').offset(f.offset).limit(f.limit).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow().then((r) => Number(r.n)),
  ]);
  return {
    total,
    items: rows.map((r) => ({
      id: r.user_id, name: r.display_name, gender: r.gender, status: r.status, online: r.online, districtName: r.district_name,
      suspendedUntil: r.suspended_until && r.suspended_until > new Date() ? r.suspended_until.toISOString() : null,
      skills: r.skills, ratingAvg: Number(r.rating_avg), ratingCount: r.rating_count, ordersDone: r.orders_done, experienceYears: r.experience_years,
    })),
  };
}

/** What we hold about a worker, for the person's own data export. */
export async function exportWorker(db: Kysely<DB>, userId: string) {
  const profile = await db.selectFrom('worker_profiles').selectAll().where('user_id', '=', userId).executeTakeFirst();
  if (!profile) return null;
  const [skills, hours] = await Promise.all([
    db.selectFrom('worker_skills as s').innerJoin('service_items as i', 'i.id', 's.item_id').select(['i.code', 'i.name']).where('s.worker_id', '=', userId).execute(),
    db.selectFrom('worker_hours').select(['weekday', 'start_minute', 'end_minute']).where('worker_id', '=', userId).execute(),
  ]);
  return { profile, skills, hours };
}

/** PIPL erasure of a worker profile (location, name); anonymised work history stays with the orders. */
export async function eraseWorker(db: Kysely<DB>, userId: string) {
  await db.deleteFrom('worker_profiles').where('user_id', '=', userId).execute();
}
