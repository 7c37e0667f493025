import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';
import { sql, type Kysely } from 'kysely';
import type { AppContext } from '../../platform/app-context.js';
import type { DB } from '../../db/types.js';
import { AppError } from '../../platform/errors.js';
import { fileUrl } from '../../platform/files.js';
import { maskName } from '../../platform/mask.js';
import { CERTIFICATE_LABELS, type CertificateKind } from './constants.js';
import { teamOf } from './team-service.js';

dayjs.extend(utc);
dayjs.extend(timezone);

export interface WorkerSearch {
  q?: string; skill?: string; districtCode?: string; lat?: number; lng?: number; ratingMin?: number;
  experience?: '1-3' | '3-5' | '5+'; certificate?: string; priceMinFen?: number; priceMaxFen?: number; priceUnit?: 'hour' | 'day' | 'month'; gender?: 'male' | 'female'; availableAt?: string; durationMinutes?: number;
  sort?: 'rating' | 'distance' | 'orders'; offset: number; limit: number; timeZone: string;
}

const EXPERIENCE: Record<string, [number, number]> = { '1-3': [1, 3], '3-5': [3, 5], '5+': [5, 100] };
/** Totals above this are reported as a lower bound: counting every match of a broad search costs more than the page. */
const COUNT_CAP = 1000;

/** Approved, online, not suspended workers — the only ones customers (and dispatch) ever see. (Deleted accounts have no profile.) */
export function visibleWorkers(db: Kysely<DB>, now = new Date()) {
  return db.selectFrom('worker_profiles as w')
    .where('w.status', '=', 'approved').where('w.online', '=', true)
    .where((eb) => eb.or([eb('w.suspended_until', 'is', null), eb('w.suspended_until', '<', now)]));
}

let radiusCache: { km: number; at: number } | null = null;
/** The largest service radius in use (cached a minute): the index box for "near" never needs to be wider. */
export async function largestRadiusKm(db: Kysely<DB>): Promise<number> {
  if (radiusCache && Date.now() - radiusCache.at < 60_000) return radiusCache.km;
  const r = await db.selectFrom('worker_profiles').select((eb) => eb.fn.max('service_radius_km').as('km')).where('status', '=', 'approved').executeTakeFirst();
  radiusCache = { km: Number(r?.km ?? 50) || 50, at: Date.now() };
  return radiusCache.km;
}

/**
 * Customer search: name, skill, district or "near a point" (inside the worker's own service radius),
 * rating, experience band, verified certificate, gender, free at a time; sorted by rating, distance or orders.
 */
export async function searchWorkers(db: Kysely<DB>, s: WorkerSearch) {
  let q = visibleWorkers(db);
  if (s.q?.trim()) q = q.where('w.display_name', 'ilike', `%${s.q.trim().replace(/[%_\\]/g, (c) => `\\${c}`)}%`);
  if (s.skill) {
    const item = await db.selectFrom('service_items').select('id').where('code', '=', s.skill).executeTakeFirst();
    q = q.where(sql<boolean>`w.skill_ids @> array[${item?.id ?? '00000000-0000-0000-0000-000000000000'}]::uuid[]`);
  }
  if (s.districtCode) q = q.where('w.district_code', '=', s.districtCode);
  if (s.ratingMin !== undefined) q = q.where('w.rating_avg', '>=', s.ratingMin);
  if (s.experience) {
    const [lo, hi] = EXPERIENCE[s.experience]!;
    q = q.where('w.experience_years', '>=', lo).where('w.experience_years', '<', hi);
  }
  if (s.gender) q = q.where('w.gender', '=', s.gender);
  if (s.priceMinFen !== undefined || s.priceMaxFen !== undefined) {
    q = q.where('w.rate_unit', '=', s.priceUnit ?? 'hour');
    if (s.priceMinFen !== undefined) q = q.where('w.rate_fen', '>=', s.priceMinFen);
    if (s.priceMaxFen !== undefined) q = q.where('w.rate_fen', '<=', s.priceMaxFen);
  }
  if (s.certificate) {
    q = q.where((eb) => eb.exists(eb.selectFrom('worker_certificates as c').select('c.id').whereRef('c.worker_id', '=', 'w.user_id')
      .where('c.kind', '=', s.certificate!).where('c.status', '=', 'verified').where((e) => e.or([e('c.expires_at', 'is', null), e('c.expires_at', '>=', sql<string>`current_date`)]))));
  }
  const near = s.lat !== undefined && s.lng !== undefined;
  const point = near ? sql`ll_to_earth(${s.lat}, ${s.lng})` : null;
  if (point) {
    const boxMetres = (await largestRadiusKm(db)) * 1000;
    q = q.where(sql<boolean>`earth_box(${point}, ${boxMetres}) @> ll_to_earth(w.home_lat, w.home_lng)`)
      .where(sql<boolean>`earth_distance(${point}, ll_to_earth(w.home_lat, w.home_lng)) <= w.service_radius_km * 1000`);
  }
  if (s.availableAt) q = whereWorking(q, s.availableAt, s.durationMinutes ?? 60, s.timeZone);
  const distance = point ? sql<number | null>`round((earth_distance(${point}, ll_to_earth(w.home_lat, w.home_lng)) / 1000)::numeric, 2)` : sql<number | null>`null`;
  let ordered = q.select(['w.user_id', 'w.display_name', 'w.gender', 'w.experience_years', 'w.rating_avg', 'w.rating_count', 'w.orders_done', 'w.district_code', 'w.rate_fen', 'w.rate_unit'])
    .select(sql<string | null>`(select avatar_file_id from users where id = w.user_id)`.as('avatar_file_id'))
    .select(distance.as('distance_km'))
    .select(sql<string[]>`coalesce((select array_agg(i.code order by i.sort) from worker_skills s join service_items i on i.id = s.item_id where s.worker_id = w.user_id), '{}')`.as('skills'))
    .select(sql<string[]>`coalesce((select array_agg(distinct c.kind) from worker_certificates c where c.worker_id = w.user_id and c.status = 'verified' and (c.expires_at is null or c.expires_at >= current_date)), '{}')`.as('certificates'));
  // The cube distance (<->) orders like the great-circle one and walks the GiST index nearest-first;
  // any extra sort key would stop the planner from using that index order, so none is added there.
  if (s.sort === 'distance' && point) ordered = ordered.orderBy(sql`ll_to_earth(w.home_lat, w.home_lng) <-> ${point}`);
  else if (s.sort === 'orders') ordered = ordered.orderBy('w.orders_done', 'desc').orderBy('w.user_id');
  else ordered = ordered.orderBy('w.rating_score', 'desc').orderBy('w.rating_count', 'desc').orderBy('w.user_id');
  const [rows, total] = await Promise.all([
    ordered.offset(s.offset).limit(s.limit).execute(),
    db.selectFrom(q.select('w.user_id').limit(COUNT_CAP + 1).as('m')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow().then((r) => Number(r.n)),
  ]);
  return {
    total: Math.min(total, COUNT_CAP),
    totalCapped: total > COUNT_CAP,
    items: rows.map((r) => ({
      id: r.user_id, name: maskName(r.display_name, '师傅'), gender: r.gender, avatarUrl: fileUrl(r.avatar_file_id), experienceYears: r.experience_years,
      ratingAvg: Number(r.rating_avg), ratingCount: r.rating_count, ordersDone: r.orders_done, districtCode: r.district_code,
      distanceKm: r.distance_km === null ? null : Number(r.distance_km), skills: r.skills, certificates: r.certificates,
      rate: r.rate_fen !== null && r.rate_unit ? { fen: r.rate_fen, unit: r.rate_unit } : null,
    })),
  };
}

/** Only workers whose weekly hours cover [at, at + duration) in local time, and not on a day off. */
function whereWorking<T extends ReturnType<typeof visibleWorkers>>(q: T, at: string, durationMinutes: number, tz: string): T {
  const local = dayjs(at).tz(tz);
  const start = local.hour() * 60 + local.minute();
  if (start + durationMinutes > 1440) return q.where(sql<boolean>`false`) as T;
  return q.where((eb) => eb.exists(eb.selectFrom('worker_hours as h').select('h.worker_id').whereRef('h.worker_id', '=', 'w.user_id')
    .where('h.weekday', '=', local.day()).where('h.start_minute', '<=', start).where('h.end_minute', '>=', start + durationMinutes)))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('worker_days_off as d').select('d.worker_id').whereRef('d.worker_id', '=', 'w.user_id').where('d.day', '=', local.format('YYYY-MM-DD'))))) as T;
}

/**
 * A worker's public profile: masked name, skills, verified certificates, experience, ratings, portfolio, and the
 * weekly hours, days off and rest rules booking needs to show the next free times (booking/worker-profile.ts).
 */
export async function publicProfile(ctx: AppContext, workerId: string, customerId?: string) {
  const w = await visibleWorkers(ctx.db).selectAll('w').select(sql<string | null>`(select avatar_file_id from users where id = w.user_id)`.as('avatar_file_id')).where('w.user_id', '=', workerId).executeTakeFirst();
  if (!w) throw new AppError('NOT_FOUND');
  const [skills, certs, portfolio, hours, daysOff, fav, city] = await Promise.all([
    ctx.db.selectFrom('worker_skills as s').innerJoin('service_items as i', 'i.id', 's.item_id').select(['i.code', 'i.name', 'i.name_en']).where('s.worker_id', '=', workerId).orderBy('i.sort').execute(),
    ctx.db.selectFrom('worker_certificates').select(['kind', 'expires_at']).where('worker_id', '=', workerId).where('status', '=', 'verified').execute(),
    ctx.db.selectFrom('worker_portfolio').select(['file_id', 'caption', 'stage']).where('worker_id', '=', workerId).orderBy('created_at').execute(),
    ctx.db.selectFrom('worker_hours').select(['weekday', 'start_minute', 'end_minute']).where('worker_id', '=', workerId).execute(),
    ctx.db.selectFrom('worker_days_off').select('day').where('worker_id', '=', workerId).execute(),
    customerId ? ctx.db.selectFrom('favourite_workers').select('worker_id').where('customer_id', '=', customerId).where('worker_id', '=', workerId).executeTakeFirst() : undefined,
    ctx.db.selectFrom('cities').select('time_zone').where('code', '=', ctx.config.cityCode).executeTakeFirst(),
  ]);
  const team = await teamOf(ctx.db, workerId);
  const week = {
    timeZone: city?.time_zone ?? 'Asia/Shanghai',
    weeklyHours: hours.map((h) => ({ weekday: h.weekday, startMinute: h.start_minute, endMinute: h.end_minute })), daysOff: daysOff.map((d) => d.day),
    rest: { maxWorkMinutesPerDay: w.max_minutes_per_day, minBreakMinutes: w.min_break_minutes },
  };
  const today0 = new Date().toISOString().slice(0, 10);
  return {
    id: workerId, name: maskName(w.display_name, '师傅'), gender: w.gender, avatarUrl: fileUrl(w.avatar_file_id), workerType: w.worker_type, intro: w.intro,
    experienceYears: w.experience_years, districtCode: w.district_code, serviceRadiusKm: w.service_radius_km, ratingAvg: Number(w.rating_avg), ratingCount: w.rating_count,
    ordersDone: w.orders_done, verified: true, favourite: !!fav,
    rate: w.rate_fen !== null && w.rate_unit ? { fen: w.rate_fen, unit: w.rate_unit } : null,
    ratingBreakdown: [5, 4, 3, 2, 1].map((stars) => ({ stars, count: w.rating_histogram[stars - 1] ?? 0 })), team: team ? { name: team.name, size: team.size, role: team.role } : null,
    skills: skills.map((s) => ({ code: s.code, name: s.name, nameEn: s.name_en })),
    certificates: certs.filter((c) => !c.expires_at || c.expires_at >= today0).map((c) => ({ kind: c.kind, label: CERTIFICATE_LABELS[c.kind as CertificateKind] ?? CERTIFICATE_LABELS.other, verified: true })),
    portfolio: portfolio.map((p) => ({ url: fileUrl(p.file_id)!, caption: p.caption, stage: p.stage })),
    week,
  };
}

export async function setFavourite(ctx: AppContext, customerId: string, workerId: string, favourite: boolean) {
  if (favourite) {
    const visible = await visibleWorkers(ctx.db).select('w.user_id').where('w.user_id', '=', workerId).executeTakeFirst();
    if (!visible) throw new AppError('NOT_FOUND');
    await ctx.db.insertInto('favourite_workers').values({ customer_id: customerId, worker_id: workerId }).onConflict((oc) => oc.columns(['customer_id', 'worker_id']).doNothing()).execute();
  } else {
    await ctx.db.deleteFrom('favourite_workers').where('customer_id', '=', customerId).where('worker_id', '=', workerId).execute();
  }
}

/** 常用师傅: my favourite workers (still shown when offline, flagged as unavailable). */
export async function listFavourites(ctx: AppContext, customerId: string) {
  const rows = await ctx.db.selectFrom('favourite_workers as f').innerJoin('worker_profiles as w', 'w.user_id', 'f.worker_id').innerJoin('users as u', 'u.id', 'w.user_id')
    .select(['w.user_id', 'w.display_name', 'w.rating_avg', 'w.rating_count', 'w.orders_done', 'w.status', 'w.online', 'w.suspended_until', 'u.avatar_file_id', 'f.created_at'])
    .where('f.customer_id', '=', customerId).orderBy('f.created_at', 'desc').execute();
  return rows.map((r) => ({
    id: r.user_id, name: maskName(r.display_name, '师傅'), avatarUrl: fileUrl(r.avatar_file_id), ratingAvg: Number(r.rating_avg), ratingCount: r.rating_count, ordersDone: r.orders_done,
    available: r.status === 'approved' && r.online && !(r.suspended_until && r.suspended_until > new Date()),
  }));
}
