/**
 * Grab race: N workers who were all pushed one order grab it at the same moment through HTTP.
 *   npm run -s bench:grab -- [--concurrency 1000] [--url postgres://…] [--json]
 * Runs the real app (PostgreSQL, own database `daojia_bench_grab`, recreated each run) on a local port;
 * prints {"concurrency", "winners", "p50_ms", "p99_ms", …}. Exactly one grab may win; every other one must be
 * 409 ORDER_TAKEN.
 */
import { randomInt } from 'node:crypto';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import pg from 'pg';
import { buildApp, LISTEN_BACKLOG } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { migrate } from '../src/db/migrate.js';
import { createQuote } from '../src/domains/catalog/quote-service.js';
import { seedCatalog } from '../src/domains/catalog/service.js';
import { upsertCity } from '../src/domains/geo/service.js';
import { createWorkerProfiles } from '../src/domains/workers/service.js';
import { addAddress } from '../src/domains/accounts/addresses-service.js';
import { createOrder } from '../src/workflows/index.js';
import { startPayment } from '../src/domains/payments/pay-service.js';
import { createSession } from '../src/platform/sessions.js';
import { maskPhone } from '../src/platform/mask.js';
import { DEMO_CATALOG } from '../src/seed/catalog-data.js';
import { loadCityFile, seedCityPricing } from '../src/seed/demo.js';

const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1]! : fallback; };
const N = Number(flag('concurrency', '1000'));
const SERVER = flag('url', process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const json = args.includes('--json');
const log = (...m: unknown[]) => { if (!json) console.log(...m); };
const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const AT = { lat: 31.1886, lng: 121.4365, districtCode: '310104' };

async function freshDatabase(): Promise<string> {
  const admin = new pg.Client({ connectionString: SERVER });
  await admin.connect();
  await admin.query('drop database if exists daojia_bench_grab with (force)');
  await admin.query('create database daojia_bench_grab');
  await admin.end();
  const url = new URL(SERVER);
  url.pathname = '/daojia_bench_grab';
  return url.toString();
}

interface ClientResult { statuses: Record<number, number>; codes: Record<string, number>; times: number[]; winnerMs: number; firstAnswerMs: number; wall: number }

function runClients(target: string, tokens: string[]): Promise<ClientResult> {
  return new Promise((resolve, reject) => {
    // Workers do not inherit tsx's module hooks, so the worker registers them before loading this file.
    const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); })`;
    const worker = new Worker(boot, { eval: true, workerData: { target, tokens } });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

/** One request on node:http (a lean client: fetch's own overhead would dominate the figures). */
function send(agent: http.Agent, url: URL, method: string, token: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const req = http.request(url, { method, agent, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk) => { body += chunk; }).on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end('{}');
  });
}

/** Fires every grab at once and reports each answer's time (runs in the worker thread). */
async function grabAll({ target, tokens }: { target: string; tokens: string[] }): Promise<ClientResult> {
  const statuses: Record<number, number> = {};
  const codes: Record<string, number> = {};
  const times: number[] = [];
  let winnerMs = 0;
  let firstAnswerMs = 0;
  // A connection of its own for each grab, opened by the grab, as 1 000 phones would.
  const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
  const t0 = performance.now();
  await Promise.all(tokens.map(async (token) => {
    const t = performance.now();
    const res = await send(agent, new URL(target), 'POST', token);
    const body = JSON.parse(res.body) as { code?: string };
    const ms = performance.now() - t;
    times.push(ms);
    if (res.status === 200) winnerMs = ms;
    if (!firstAnswerMs) firstAnswerMs = performance.now() - t0;
    statuses[res.status] = (statuses[res.status] ?? 0) + 1;
    if (body.code) codes[body.code] = (codes[body.code] ?? 0) + 1;
  }));
  return { statuses, codes, times, winnerMs, firstAnswerMs, wall: performance.now() - t0 };
}

async function main() {
  const url = await freshDatabase();
  const database = await openDatabase({ url, poolSize: 20 });
  await migrate(database);
  const config = loadConfig({}, { databaseUrl: url, appSecret: 'bench-secret-bench-secret-bench-secret-0', logLevel: 'silent', serveWeb: false, logOutbox: false, seedDemo: false, port: 0, host: '127.0.0.1', dataDir: '/tmp/daojia-bench-grab' });
  const { app, ctx } = await buildApp(config, database);
  const db = ctx.db;
  await upsertCity(db, loadCityFile());
  await seedCatalog(db, DEMO_CATALOG);
  await seedCityPricing(db, config.cityCode);
  const item = await db.selectFrom('service_items').select('id').where('code', '=', 'daily-cleaning').executeTakeFirstOrThrow();

  log(`seeding 1 customer and ${N} workers…`);
  const phone = (i: number) => `15${String(i).padStart(9, '0')}`;
  const customer = await db.insertInto('users').values({ roles: ['customer'], name: '抢单客户', phone_hash: ctx.pii.blindIndex(phone(0)), phone_enc: ctx.pii.encrypt(phone(0)), phone_masked: maskPhone(phone(0)) }).returning('id').executeTakeFirstOrThrow();
  const workers = await db.insertInto('users').values(Array.from({ length: N }, (_, i) => ({ roles: ['worker'], name: `抢单师傅${i}`, phone_hash: ctx.pii.blindIndex(phone(i + 1)), phone_enc: ctx.pii.encrypt(phone(i + 1)), phone_masked: maskPhone(phone(i + 1)) }))).returning('id').execute();
  await createWorkerProfiles(db, workers.map((w, i) => ({
    userId: w.id, displayName: `抢单师傅${i}`, gender: 'female' as const, districtCode: AT.districtCode, homeLat: AT.lat + (randomInt(0, 1000) - 500) / 50_000, homeLng: AT.lng + (randomInt(0, 1000) - 500) / 50_000,
    serviceRadiusKm: 8, experienceYears: 3, ratingAvg: 4.6, ratingCount: 30, ordersDone: 40, online: true, skillItemIds: [item.id],
    hours: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, startMinute: 0, endMinute: 1440 })),
  })));
  const tokens = await Promise.all(workers.map((w) => createSession(db, { kind: 'user', principalId: w.id, remember: false, userAgent: 'bench', ip: '127.0.0.1' }).then((s) => s.token)));

  const address = await addAddress(ctx, customer.id, { label: '家', contactName: '客户', contactPhone: phone(0), districtCode: AT.districtCode, detail: '漕溪北路 1 号', lat: AT.lat, lng: AT.lng });
  const start = new Date(Math.ceil((Date.now() + 30 * 3_600_000) / 1_800_000) * 1_800_000).toISOString();
  const quote = await createQuote(ctx, customer.id, { itemCode: 'daily-cleaning', quantity: 2, options: {}, scheduledStart: start });
  const order = await createOrder(ctx, customer.id, { quoteId: quote.id, addressId: address.id });
  const charge = await startPayment(ctx, customer.id, order.id, 'wechat');
  await ctx.paySim.decide(charge.cashierUrl.split('/').pop()!, 'pay', false); // the simulator's signed callback pays it
  // Everyone was pushed the order in one grab round (the bench widens the round to all N).
  await db.insertInto('order_offers').values(workers.map((w) => ({ order_id: order.id, worker_id: w.id, round: 1, mode: 'grab' as const, score: 0.5, expires_at: new Date(Date.now() + 3_600_000) })))
    .onConflict((oc) => oc.columns(['order_id', 'worker_id']).doNothing()).execute();

  const address0 = await app.listen({ port: 0, host: '127.0.0.1', backlog: LISTEN_BACKLOG });
  const target = `${address0}/api/worker/orders/${order.id}/accept`;
  log(`${N} grabs at once on ${target}`);
  // The grabbing crowd runs in a worker thread (its own core), as a separate client would.
  const { statuses, codes, times, winnerMs, firstAnswerMs, wall } = await runClients(target, tokens);
  times.sort((a, b) => a - b);
  const held = await db.selectFrom('worker_commitments').select('worker_id').where('order_id', '=', order.id).where('active', '=', true).execute();
  await app.close();
  await database.close();
  const result = {
    concurrency: N, winners: statuses[200] ?? 0, p50_ms: +pct(times, 50).toFixed(1), p99_ms: +pct(times, 99).toFixed(1), max_ms: +times[times.length - 1]!.toFixed(1),
    wall_ms: +wall.toFixed(1), winner_ms: +winnerMs.toFixed(1), first_answer_ms: +firstAnswerMs.toFixed(1), statuses, codes, commitments: held.length,
  };
  console.log(JSON.stringify(result));
  if (result.winners !== 1 || held.length !== 1) process.exit(1);
}

if (isMainThread) main().catch((err) => { console.error(err); process.exit(1); });
else grabAll(workerData as { target: string; tokens: string[] }).then((r) => parentPort!.postMessage(r));
