/**
 * Filtered worker search over N seeded workers on PostgreSQL (or PGlite without a URL):
 *   npm run -s bench:search -- [--workers 100000] [--queries 400] [--url postgres://…] [--json]
 * Creates its own database `daojia_bench` next to the given server's (never touches the test database),
 * seeds the workers once with set-based SQL, then times searchWorkers() with mixed filters.
 */
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { sql } from 'kysely';
import { openDatabase, type Database } from '../src/db/database.js';
import { migrate } from '../src/db/migrate.js';
import { seedCatalog } from '../src/domains/catalog/service.js';
import { upsertCity } from '../src/domains/geo/service.js';
import { searchWorkers, type WorkerSearch } from '../src/domains/workers/search-service.js';
import { DEMO_CATALOG } from '../src/seed/catalog-data.js';
import { loadCityFile } from '../src/seed/demo.js';
import { rng } from '../src/seed/random.js';

const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1]! : fallback; };
const WORKERS = Number(flag('workers', '100000'));
const QUERIES = Number(flag('queries', '400'));
const SERVER = flag('url', process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const json = args.includes('--json');
const log = (...m: unknown[]) => { if (!json) console.log(...m); };

async function benchDatabase(): Promise<string> {
  const url = new URL(SERVER);
  const admin = new pg.Client({ connectionString: SERVER });
  await admin.connect();
  const exists = await admin.query("select 1 from pg_database where datname = 'daojia_bench'");
  if (!exists.rowCount) await admin.query('create database daojia_bench');
  await admin.end();
  url.pathname = '/daojia_bench';
  return url.toString();
}

async function seed(database: Database) {
  const db = database.db;
  await upsertCity(db, loadCityFile());
  await seedCatalog(db, DEMO_CATALOG);
  const have = await sql<{ n: number }>`select count(*)::int as n from users where name like 'bench-%'`.execute(db);
  const missing = WORKERS - Number(have.rows[0]!.n);
  if (missing <= 0) return;
  const t0 = performance.now();
  log(`seeding ${missing} workers…`);
  await database.runScript(`
    insert into users (roles, name) select '{worker}', 'bench-' || g from generate_series(1, ${missing}) g;
    with d as (select array_agg(code order by code) codes, array_agg(center_lat order by code) lats, array_agg(center_lng order by code) lngs,
                      array_agg(radius_km order by code) radii, count(*)::int n from districts),
         u as (select id, abs(hashtext(id::text)) h from users where name like 'bench-%' and not exists (select 1 from worker_profiles w where w.user_id = users.id))
    insert into worker_profiles (user_id, display_name, gender, district_code, home_lat, home_lng, service_radius_km, experience_years,
                                 rating_avg, rating_count, orders_done, status, online)
    select u.id, '师傅' || (u.h % 100000), case when u.h % 10 < 7 then 'female' else 'male' end, d.codes[1 + u.h % d.n],
           d.lats[1 + u.h % d.n] + (random() - 0.5) * d.radii[1 + u.h % d.n] / 60.0, d.lngs[1 + u.h % d.n] + (random() - 0.5) * d.radii[1 + u.h % d.n] / 52.0,
           (array[3, 5, 5, 8, 10])[1 + (u.h / 7) % 5], (u.h / 11) % 16, round((4 + random())::numeric, 2), (u.h / 13) % 400, (u.h / 17) % 600, 'approved', random() < 0.7
    from u, d;
    insert into worker_skills (worker_id, item_id)
    select w.user_id, i.id from worker_profiles w
      join lateral (select id from service_items order by md5(w.user_id::text || id::text) limit 3) i on true
    where w.display_name like '师傅%' on conflict do nothing;
    insert into worker_hours (worker_id, weekday, start_minute, end_minute)
    select w.user_id, d, 480 + 60 * (abs(hashtext(w.user_id::text)) % 3), 1080 + 60 * (abs(hashtext(w.user_id::text)) % 3)
    from worker_profiles w cross join generate_series(0, 6) d where w.display_name like '师傅%' on conflict do nothing;
    analyze;
  `);
  log(`seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

function queries(items: string[], districts: { code: string; lat: number; lng: number }[]): Omit<WorkerSearch, 'offset' | 'limit' | 'timeZone'>[] {
  const r = rng(42);
  return Array.from({ length: QUERIES }, (_, i) => {
    const d = r.pick(districts);
    const point = { lat: d.lat + (r.next() - 0.5) * 0.05, lng: d.lng + (r.next() - 0.5) * 0.05 };
    switch (i % 4) {
      case 0: return { ...point, skill: r.pick(items), sort: 'distance' as const };
      case 1: return { districtCode: d.code, ratingMin: 4.5, sort: 'rating' as const };
      case 2: return { ...point, skill: r.pick(items), experience: '3-5' as const, gender: 'female' as const };
      default: return { ...point, availableAt: new Date(Date.now() + 86_400_000).toISOString().slice(0, 11) + '02:00:00Z', sort: 'distance' as const };
    }
  });
}

const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

async function main() {
  const url = process.argv.includes('--pglite') ? undefined : await benchDatabase();
  const database = await openDatabase({ url, poolSize: 4 });
  await migrate(database);
  await seed(database);
  const items = (await database.db.selectFrom('service_items').select('code').execute()).map((i) => i.code);
  const districts = (await database.db.selectFrom('districts').select(['code', 'center_lat', 'center_lng']).execute()).map((d) => ({ code: d.code, lat: d.center_lat, lng: d.center_lng }));
  const qs = queries(items, districts);
  for (const q of qs.slice(0, 20)) await searchWorkers(database.db, { ...q, offset: 0, limit: 20, timeZone: 'Asia/Shanghai' }); // warm-up
  const times: number[] = [];
  let found = 0;
  for (const q of qs) {
    const t = performance.now();
    const r = await searchWorkers(database.db, { ...q, offset: 0, limit: 20, timeZone: 'Asia/Shanghai' });
    times.push(performance.now() - t);
    found += r.items.length;
  }
  times.sort((a, b) => a - b);
  const total = await sql<{ n: number }>`select count(*)::int as n from worker_profiles`.execute(database.db);
  await database.close();
  const result = { workers: Number(total.rows[0]!.n), queries: QUERIES, database: url ? 'postgresql' : 'pglite', p50_ms: +pct(times, 50).toFixed(2), p99_ms: +pct(times, 99).toFixed(2), max_ms: +times[times.length - 1]!.toFixed(2), mean_results: +(found / QUERIES).toFixed(1) };
  log('filtered worker search (results + total count, page of 20):');
  console.log(JSON.stringify(result));
}

main().catch((err) => { console.error(err); process.exit(1); });
