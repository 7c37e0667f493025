/**
 * Filtered worker search over N seeded workers on PostgreSQL (or PGlite without a URL):
 *   npm run -s bench:search -- [--workers 100000] [--queries 400] [--url postgres://…] [--json]
 * Creates its own database `daojia_bench` next to the given server's (never touches the test database),
 * seeds the workers once with set-based SQL, then times searchWorkers() with mixed filters.
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { openDatabase, type Database } from '../src/db/database.js';
import { migrate } from '../src/db/migrate.js';
import { searchWorkers, type WorkerSearch } from '../src/domains/workers/search-service.js';
import { rng } from '../src/seed/random.js';
import { benchDatabase, seedBenchWorkers } from './bench-city.js';

const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1]! : fallback; };
const WORKERS = Number(flag('workers', '100000'));
const QUERIES = Number(flag('queries', '400'));
const SERVER = flag('url', process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const json = args.includes('--json');
const log = (...m: unknown[]) => { if (!json) console.log(...m); };

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
  const url = process.argv.includes('--pglite') ? undefined : await benchDatabase(SERVER);
  const database = await openDatabase({ url, poolSize: 4 });
  await migrate(database);
  await seedBenchWorkers(database, WORKERS, log);
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
