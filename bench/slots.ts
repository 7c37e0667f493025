/**
 * Slot search over one dense district:
 *   npm run -s bench:slots -- [--workers 2000] [--iterations 200] [--json]
 * Seeds N approved, online workers qualified for daily cleaning (2 h visits) in 徐汇区 with realistic weekly
 * hours (5–6 days a week, day / long-day / split shifts), a few days off and 0–3 booked visits each over the
 * next 14 days (orders + worker_commitments rows), then times, for random addresses in the district:
 *   - searchSlots(): the 14-day calendar behind GET /api/booking/slots,
 *   - freeWorkersAt(): the booking-time check behind POST /api/orders (one start),
 *   - and, to show where the time goes, the phases of one calendar: qualifiedWorkers() (SQL: workers, hours,
 *     days off), commitmentsOf() (SQL) and slotsForAnyWorker() (the pure calculator in slots.ts).
 * PostgreSQL when DATABASE_URL is set (its server; the bench drops and recreates its own database
 * `daojia_bench_slots` there and never touches the named one), else PGlite in memory.
 * The last line of --json output is one JSON object.
 */
import { performance } from 'node:perf_hooks';
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';
import pg from 'pg';
import { sql } from 'kysely';
import { openDatabase, type Database } from '../src/db/database.js';
import { migrate } from '../src/db/migrate.js';
import { freeWorkersAt, searchSlots, type Need } from '../src/domains/booking/availability.js';
import { commitmentsOf } from '../src/domains/booking/commitments.js';
import { HORIZON_DAYS, SLOT_MINUTES } from '../src/domains/booking/settings.js';
import { slotsForAnyWorker } from '../src/domains/booking/slots.js';
import { bookableItem, seedCatalog } from '../src/domains/catalog/service.js';
import { upsertCity } from '../src/domains/geo/service.js';
import { qualifiedWorkers } from '../src/domains/workers/availability-service.js';
import { DEMO_CATALOG } from '../src/seed/catalog-data.js';
import { loadCityFile } from '../src/seed/demo.js';
import { pointNear, rng } from '../src/seed/random.js';

dayjs.extend(utc);
dayjs.extend(timezone);

const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1]! : fallback; };
const WORKERS = Number(flag('workers', '2000'));
const ITERATIONS = Number(flag('iterations', '200'));
const WARMUP = 20;
const json = args.includes('--json');
const log = (...m: unknown[]) => { if (!json) console.log(...m); };

const TZ = 'Asia/Shanghai';
const DISTRICT = '310104'; // 徐汇区, 5 km radius
const ITEM = 'daily-cleaning';
const DURATION = 120; // quantity 2 of an hourly item
const BUFFER = 30;
const MIN = 60_000;
const DAY_MS = 86_400_000;
const BENCH_DB = 'daojia_bench_slots';

async function benchDatabase(serverUrl: string): Promise<string> {
  const url = new URL(serverUrl);
  url.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  await admin.query(`drop database if exists ${BENCH_DB} with (force)`);
  await admin.query(`create database ${BENCH_DB}`);
  await admin.end();
  url.pathname = `/${BENCH_DB}`;
  return url.toString();
}

const localMs = (date: string, minute: number) => dayjs.tz(`${date} ${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`, TZ).valueOf();
const localDate = (ms: number) => dayjs(ms).tz(TZ).format('YYYY-MM-DD');
const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

/** Weekly patterns seen on real rosters: [startMinute, endMinute] shifts per working day. */
const SHIFTS: [number, number][][] = [
  [[8 * 60, 18 * 60]], [[9 * 60, 21 * 60]], [[7 * 60, 12 * 60], [14 * 60, 20 * 60]], [[8 * 60, 17 * 60]], [[10 * 60, 22 * 60]], [[13 * 60, 21 * 60]],
];

async function insertChunked<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

async function seed(database: Database, now: Date) {
  const db = database.db;
  const city = loadCityFile();
  await upsertCity(db, city);
  await seedCatalog(db, DEMO_CATALOG);
  const district = await db.selectFrom('districts').select(['code', 'center_lat', 'center_lng', 'radius_km']).where('code', '=', DISTRICT).executeTakeFirstOrThrow();
  const items = await db.selectFrom('service_items').select(['id', 'code', 'category_id']).execute();
  const found = items.find((i) => i.code === ITEM)!;
  const item = { ...found, category_code: (await bookableItem(db, ITEM))!.categoryCode };
  const others = items.filter((i) => i.code !== ITEM && i.category_id === found.category_id);
  const r = rng(2026);
  const t0 = performance.now();

  const users = await db.insertInto('users').values(Array.from({ length: WORKERS + 1 }, (_, i) => ({ roles: i === 0 ? ['customer'] : ['worker'], name: `bench-slots-${i}` })))
    .returning('id').execute();
  const customerId = users[0]!.id;
  const workerIds = users.slice(1).map((u) => u.id);

  const profiles = workerIds.map((id) => {
    const [lat, lng] = pointNear(r, [district.center_lat, district.center_lng], Number(district.radius_km));
    return {
      user_id: id, display_name: `师傅${r.int(1, 99999)}`, gender: r.next() < 0.7 ? 'female' : 'male', district_code: DISTRICT, home_lat: lat, home_lng: lng,
      service_radius_km: r.pick([3, 5, 5, 8, 10]), experience_years: r.int(0, 15), rating_avg: 4 + Math.round(r.next() * 100) / 100, rating_count: r.int(0, 400),
      orders_done: r.int(0, 600), status: 'approved' as const, online: true, max_minutes_per_day: r.pick([480, 600, 600, 720]), min_break_minutes: r.pick([0, 0, 0, 15, 30]),
    };
  });
  await insertChunked(profiles, 1000, (c) => db.insertInto('worker_profiles').values(c).execute());
  const skills = workerIds.flatMap((id) => [item.id, ...r.sample(others.map((o) => o.id), r.int(0, 2))].map((item_id) => ({ worker_id: id, item_id })));
  await insertChunked(skills, 2000, (c) => db.insertInto('worker_skills').values(c).onConflict((oc) => oc.doNothing()).execute());

  // Hours: a pattern, 5–6 working days a week (rest days spread over the week).
  const hoursOf = new Map<string, Map<number, [number, number][]>>();
  const hours = workerIds.flatMap((id) => {
    const shifts = r.pick(SHIFTS);
    const restDays = new Set(r.sample([0, 1, 2, 3, 4, 5, 6], r.int(1, 2)));
    const week = new Map<number, [number, number][]>();
    for (let d = 0; d < 7; d++) if (!restDays.has(d)) week.set(d, shifts);
    hoursOf.set(id, week);
    return [...week].flatMap(([weekday, list]) => list.map(([s, e]) => ({ worker_id: id, weekday, start_minute: s, end_minute: e })));
  });
  await insertChunked(hours, 3000, (c) => db.insertInto('worker_hours').values(c).execute());

  // Days off: 0–2 dates in the next two weeks; booked visits: 0–3 on other working days, inside the hours.
  const today = localDate(now.getTime());
  const dates = Array.from({ length: HORIZON_DAYS }, (_, i) => dayjs(today).add(i, 'day').format('YYYY-MM-DD'));
  const daysOff: { worker_id: string; day: string }[] = [];
  const visits: { workerId: string; start: number }[] = [];
  for (const id of workerIds) {
    const off = r.sample(dates.slice(1), r.int(0, 2));
    for (const day of off) daysOff.push({ worker_id: id, day });
    const week = hoursOf.get(id)!;
    const workdays = dates.slice(1).filter((d) => !off.includes(d) && week.has(weekdayOf(d)));
    for (const day of r.sample(workdays, r.int(0, 3))) {
      const [s, e] = r.pick(week.get(weekdayOf(day))!);
      const latestStart = e - DURATION;
      if (latestStart < s) continue;
      const minute = s + SLOT_MINUTES * r.int(0, Math.floor((latestStart - s) / SLOT_MINUTES));
      visits.push({ workerId: id, start: localMs(day, minute) });
    }
  }
  await insertChunked(daysOff, 3000, (c) => db.insertInto('worker_days_off').values(c).execute());

  const profileOf = new Map(profiles.map((p) => [p.user_id, p]));
  const snapshot = JSON.stringify({ quote: { lines: [], subtotalFen: 10000, discountFen: 0, totalFen: 10000, quantity: 2, options: {} }, item: { code: ITEM, name: '日常保洁', nameEn: 'Daily cleaning', unit: 'hour', included: [], requiredCertificate: null } });
  const orders = visits.map((v, i) => {
    const p = profileOf.get(v.workerId)!;
    return {
      order_no: `BS${String(i).padStart(10, '0')}`, city_code: city.city.code, customer_id: customerId, worker_id: v.workerId, item_id: item.id, item_code: ITEM, category_code: item.category_code,
      status: 'assigned', scheduled_start: new Date(v.start), duration_minutes: DURATION, buffer_minutes: BUFFER, district_code: DISTRICT, lat: p.home_lat, lng: p.home_lng,
      quote_snapshot: snapshot, address_enc: 'bench', price_fen: 10000, paid_fen: 10000, service_code: '0000', paid_at: now, accepted_at: now,
    };
  });
  const orderIds: string[] = [];
  await insertChunked(orders, 1000, async (c) => { for (const o of await db.insertInto('orders').values(c).returning('id').execute()) orderIds.push(o.id); });
  const commitments = visits.map((v, i) => ({
    worker_id: v.workerId, order_id: orderIds[i]!, kind: 'order' as const, work_minutes: DURATION,
    during: sql<string>`tstzrange(${new Date(v.start).toISOString()}::timestamptz, ${new Date(v.start + (DURATION + BUFFER) * MIN).toISOString()}::timestamptz, '[)')`,
  }));
  await insertChunked(commitments, 1000, (c) => db.insertInto('worker_commitments').values(c).execute());
  await sql`analyze`.execute(db);
  log(`seeded ${WORKERS} workers (${hours.length} hour rows, ${daysOff.length} days off, ${visits.length} booked visits) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return { itemId: item.id, center: [district.center_lat, district.center_lng] as [number, number], radiusKm: Number(district.radius_km), visits: visits.length };
}

const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!; };
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const stats = (xs: number[]) => ({ p50_ms: +pct(xs, 50).toFixed(2), p99_ms: +pct(xs, 99).toFixed(2), mean_ms: +mean(xs).toFixed(2), max_ms: +Math.max(...xs).toFixed(2) });

async function main() {
  const server = process.env.DATABASE_URL;
  const url = server ? await benchDatabase(server) : undefined;
  const database = await openDatabase({ url, poolSize: 4 });
  await migrate(database);
  const now = new Date();
  const world = await seed(database, now);
  const db = database.db;
  const r = rng(7);
  const needAt = (): Need => {
    const [lat, lng] = pointNear(r, world.center, world.radiusKm);
    return { itemId: world.itemId, requiredCertificate: null, durationMinutes: DURATION, bufferMinutes: BUFFER, lat, lng, timeZone: TZ };
  };
  const randomStart = () => {
    const day = dayjs(localDate(now.getTime())).add(r.int(1, HORIZON_DAYS - 1), 'day').format('YYYY-MM-DD');
    return new Date(localMs(day, 8 * 60 + SLOT_MINUTES * r.int(0, 22)));
  };

  // The calendar, end to end.
  for (let i = 0; i < WARMUP; i++) await searchSlots(db, needAt(), now);
  const calendar: number[] = [];
  let qualified = 0;
  let starts = 0;
  for (let i = 0; i < ITERATIONS; i++) {
    const need = needAt();
    const t = performance.now();
    const answer = await searchSlots(db, need, now);
    calendar.push(performance.now() - t);
    qualified += answer.workerCount;
    starts += answer.days.reduce((n, d) => n + d.slots.length, 0);
  }

  // The booking-time check for one start.
  for (let i = 0; i < WARMUP; i++) await freeWorkersAt(db, needAt(), randomStart(), now);
  const check: number[] = [];
  let free = 0;
  for (let i = 0; i < ITERATIONS; i++) {
    const need = needAt();
    const start = randomStart();
    const t = performance.now();
    free += (await freeWorkersAt(db, need, start, now)).length;
    check.push(performance.now() - t);
  }

  // Where a calendar's time goes: the same steps as availability.ts, timed one by one.
  const phases = { qualified: [] as number[], commitments: [] as number[], calculator: [] as number[] };
  const fromDate = localDate(now.getTime());
  const toDate = localDate(now.getTime() + (HORIZON_DAYS - 1) * DAY_MS);
  for (let i = 0; i < ITERATIONS; i++) {
    const need = needAt();
    let t = performance.now();
    const workers = await qualifiedWorkers(db, { itemId: need.itemId, requiredCertificate: null, lat: need.lat, lng: need.lng, fromDate, toDate });
    phases.qualified.push(performance.now() - t);
    t = performance.now();
    const from = new Date(Math.min(dayjs.tz(`${fromDate} 00:00`, TZ).valueOf(), now.getTime()) - DAY_MS);
    const to = new Date(dayjs.tz(`${toDate} 00:00`, TZ).valueOf() + 2 * DAY_MS);
    const commitments = await commitmentsOf(db, workers.map((w) => w.id), from, to);
    phases.commitments.push(performance.now() - t);
    t = performance.now();
    slotsForAnyWorker(workers.map((w) => ({ ...w.schedule, commitments: commitments.get(w.id) ?? [] })), {
      timeZone: TZ, fromDate, toDate, now, durationMinutes: DURATION, slotMinutes: SLOT_MINUTES, bufferMinutes: BUFFER, bufferFloorMinutes: BUFFER, horizonDays: HORIZON_DAYS,
    });
    phases.calculator.push(performance.now() - t);
  }

  const total = await sql<{ n: number }>`select count(*)::int as n from worker_profiles`.execute(db);
  await database.close();
  const result = {
    database: url ? 'postgresql' : 'pglite', workers: Number(total.rows[0]!.n), district: DISTRICT, item: ITEM, booked_visits: world.visits, iterations: ITERATIONS,
    mean_qualified_workers: +(qualified / ITERATIONS).toFixed(1), mean_slot_starts: +(starts / ITERATIONS).toFixed(1), mean_free_at_start: +(free / ITERATIONS).toFixed(1),
    search_slots: stats(calendar), free_workers_at: stats(check),
    phases_p50_ms: { qualified_workers: +pct(phases.qualified, 50).toFixed(2), commitments: +pct(phases.commitments, 50).toFixed(2), calculator: +pct(phases.calculator, 50).toFixed(2) },
  };
  log(`database: ${result.database}${url ? ` (${BENCH_DB})` : ' (in memory)'} · ${result.workers} workers in ${DISTRICT} · ${ITERATIONS} random addresses`);
  log(`  ~${result.mean_qualified_workers} qualified workers per address, ${result.mean_slot_starts} slot starts over 14 days`);
  log(`  searchSlots (14-day calendar): p50 ${result.search_slots.p50_ms} ms · p99 ${result.search_slots.p99_ms} ms · mean ${result.search_slots.mean_ms} ms`);
  log(`  freeWorkersAt (one start):     p50 ${result.free_workers_at.p50_ms} ms · p99 ${result.free_workers_at.p99_ms} ms · mean ${result.free_workers_at.mean_ms} ms`);
  log(`  calendar phases p50: qualifiedWorkers ${result.phases_p50_ms.qualified_workers} ms · commitmentsOf ${result.phases_p50_ms.commitments} ms · calculator ${result.phases_p50_ms.calculator} ms`);
  console.log(JSON.stringify(result));
}

main().catch((err) => { console.error(err instanceof Error ? `${err.message}${(err as { detail?: string }).detail ? ` — ${(err as { detail?: string }).detail!.slice(0, 300)}` : ''}` : err); process.exit(1); });
