/**
 * Dispatch matching latency: rank the best candidates for a paid order among N workers on PostgreSQL.
 *   npm run -s bench:match -- [--workers 100000] [--orders 300] [--url postgres://…] [--json]
 * Each query is what a dispatch round does (`rankOrder`): the nearest covering workers with the skill
 * (pool of 200, GiST nearest-first), who of them is free for the slot (hours, commitments, rest), their
 * facts and order statistics, the customer's history, then the pure weighted ranking; the top 20 are kept.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { openDatabase } from '../src/db/database.js';
import { migrate } from '../src/db/migrate.js';
import type { OrderRow } from '../src/domains/booking/queries.js';
import { rankOrder } from '../src/domains/dispatch/service.js';
import { DEFAULT_DISPATCH_SETTINGS } from '../src/domains/dispatch/settings.js';
import { rng } from '../src/seed/random.js';
import { benchDatabase, seedBenchWorkers } from './bench-city.js';

const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1]! : fallback; };
const WORKERS = Number(flag('workers', '100000'));
const ORDERS = Number(flag('orders', '300'));
const SERVER = flag('url', process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const json = args.includes('--json');
const log = (...m: unknown[]) => { if (!json) console.log(...m); };
const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

function fakeOrder(item: { id: string; code: string; category: string }, at: { lat: number; lng: number }, start: Date): OrderRow {
  return {
    id: randomUUID(), order_no: 'BENCH', city_code: '310100', kind: 'normal', parent_order_id: null, channel: 'app', booked_by_admin_id: null, booked_by_admin_name: null,
    customer_id: randomUUID(), worker_id: null, preferred_worker_id: null, item_id: item.id, item_code: item.code, category_code: item.category, status: 'paid', version: 1,
    scheduled_start: start, duration_minutes: 120, buffer_minutes: 30, district_code: '310104', lat: at.lat, lng: at.lng, quote_id: null,
    quote_snapshot: { quote: {}, item: { code: item.code, name: item.code, nameEn: item.code, unit: '', included: [], requiredCertificate: null } },
    address_enc: '', address_label: '', worker_snapshot: null, price_fen: 10000, extras_fen: 0, paid_fen: 10000, refund_fen: 0, fee_fen: 0, worker_compensation_fen: 0,
    pay_method: null, service_code: '0000', check_in_failures: 0, notes: '', photo_file_ids: [], relay_number: null, eta_at: null, paid_at: null, accepted_at: null,
    departed_at: null, started_at: null, finished_at: null, completed_at: null, closed_at: null, cancelled_at: null, cancel_reason: '', check_in: null, late_flagged_at: null,
    created_at: new Date(), updated_at: new Date(),
  } as unknown as OrderRow;
}

async function main() {
  const url = await benchDatabase(SERVER);
  const database = await openDatabase({ url, poolSize: 4 });
  await migrate(database);
  await seedBenchWorkers(database, WORKERS, log);
  const db = database.db;
  const items = (await db.selectFrom('service_items as i').innerJoin('service_categories as c', 'c.id', 'i.category_id').select(['i.id', 'i.code', 'c.code as category']).where('i.required_certificate', 'is', null).execute());
  const districts = await db.selectFrom('districts').select(['center_lat', 'center_lng']).execute();
  const r = rng(7);
  // Tomorrow 10:00 in Shanghai: inside everyone's hours (08–18 … 10–20).
  const start = new Date(`${new Date(Date.now() + 8 * 3_600_000 + 86_400_000).toISOString().slice(0, 10)}T10:00:00+08:00`);
  const orders = Array.from({ length: ORDERS }, () => {
    const d = r.pick(districts);
    return fakeOrder(r.pick(items), { lat: d.center_lat + (r.next() - 0.5) * 0.05, lng: d.center_lng + (r.next() - 0.5) * 0.05 }, start);
  });
  const now = new Date();
  for (const o of orders.slice(0, 20)) await rankOrder(db, o, now, DEFAULT_DISPATCH_SETTINGS); // warm-up
  const times: number[] = [];
  let ranked = 0;
  let pool = 0;
  for (const o of orders) {
    const t = performance.now();
    const { result, candidates } = await rankOrder(db, o, now, DEFAULT_DISPATCH_SETTINGS);
    const top = result.ranked.slice(0, 20);
    times.push(performance.now() - t);
    ranked += top.length;
    pool += candidates;
  }
  times.sort((a, b) => a - b);
  const total = await sql<{ n: number }>`select count(*)::int as n from worker_profiles`.execute(db);
  await database.close();
  const result = {
    workers: Number(total.rows[0]!.n), orders: ORDERS, database: 'postgresql', p50_ms: +pct(times, 50).toFixed(2), p99_ms: +pct(times, 99).toFixed(2),
    max_ms: +times[times.length - 1]!.toFixed(2), mean_pool: +(pool / ORDERS).toFixed(1), mean_top: +(ranked / ORDERS).toFixed(1),
  };
  log('dispatch ranking (pool of nearest covering workers → free → facts → score, top 20):');
  console.log(JSON.stringify(result));
}

main().catch((err) => { console.error(err); process.exit(1); });
