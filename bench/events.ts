/**
 * Real-time event fan-out across API instances:
 *   npm run -s bench:events -- [--subscribers 2000] [--events 2000] [--writers 8] [--json]
 * Two event hubs on two separate connection pools to one database stand in for two API instances behind a load
 * balancer. Hub B follows one topic per subscriber (as one SSE stream per signed-in user would); writers on
 * instance A commit events in their own transactions (publish() = insert + NOTIFY, as every domain change does),
 * each to a random subscriber. Measured: latency from A's commit to B's delivery (p50 / p99 / max), delivered
 * count (every event exactly once, in position order per topic) and throughput.
 * PostgreSQL when DATABASE_URL is set (the bench creates and drops its own database `daojia_bench_events` on that
 * server), else PGlite in memory (one process: both "instances" share it, so this measures the hub alone).
 * The last line of --json output is one JSON object.
 */
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/database.js';
import { migrate } from '../src/db/migrate.js';
import { EventHub, publish } from '../src/platform/events.js';

const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1]! : fallback; };
const SUBSCRIBERS = Number(flag('subscribers', '2000'));
const EVENTS = Number(flag('events', '2000'));
const WRITERS = Number(flag('writers', '8'));
const json = args.includes('--json');
const log = (...m: unknown[]) => { if (!json) console.log(...m); };
const BENCH_DB = 'daojia_bench_events';

async function admin(url: string, statement: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try { await client.query(statement); } finally { await client.end(); }
}

async function databases(): Promise<{ a: Database; b: Database; kind: string; done: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const one = await openDatabase({});
    await migrate(one);
    return { a: one, b: one, kind: 'pglite', done: () => one.close() };
  }
  await admin(url, `drop database if exists ${BENCH_DB} with (force)`);
  await admin(url, `create database ${BENCH_DB}`);
  const own = new URL(url);
  own.pathname = `/${BENCH_DB}`;
  const a = await openDatabase({ url: own.toString(), poolSize: WRITERS + 2 });
  await migrate(a);
  const b = await openDatabase({ url: own.toString(), poolSize: 4 });
  return {
    a, b, kind: 'postgresql',
    done: async () => { await a.close(); await b.close(); await admin(url, `drop database if exists ${BENCH_DB} with (force)`); },
  };
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function main() {
  const { a, b, kind, done } = await databases();
  const hub = new EventHub(b);
  await hub.start();
  const latencies: number[] = [];
  const lastSeen = new Map<string, number>();
  let outOfOrder = 0;
  const subs = [];
  for (let i = 0; i < SUBSCRIBERS; i++) {
    const topic = `user:bench-${i}`;
    subs.push(await hub.subscribe([topic], null, (e) => {
      latencies.push(performance.now() - Number(e.data.committedAt));
      if ((lastSeen.get(topic) ?? 0) >= e.id) outOfOrder += 1;
      lastSeen.set(topic, e.id);
    }));
  }
  log(`${kind}: ${SUBSCRIBERS} subscribers on instance B, ${EVENTS} events from ${WRITERS} writers on instance A`);
  const started = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: WRITERS }, async () => {
    while (next < EVENTS) {
      next += 1;
      const to = Math.floor(Math.random() * SUBSCRIBERS);
      // The timestamp is taken just before commit: latency = commit + NOTIFY + B's read + fan-out.
      await a.db.transaction().execute(async (trx) => {
        await publish(trx, [{ topic: `user:bench-${to}`, type: 'bench', data: { committedAt: performance.now() } }]);
      });
    }
  }));
  const written = performance.now() - started;
  const deadline = performance.now() + 30_000;
  while (latencies.length < EVENTS && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  const total = performance.now() - started;
  for (const s of subs) s.close();
  await hub.stop();
  await done();
  const sorted = [...latencies].sort((x, y) => x - y);
  const result = {
    database: kind, subscribers: SUBSCRIBERS, events: EVENTS, writers: WRITERS, delivered: latencies.length, outOfOrder,
    writeSeconds: Number((written / 1000).toFixed(2)), eventsPerSecond: Math.round(EVENTS / (total / 1000)),
    latencyMs: { p50: Number(pct(sorted, 50).toFixed(1)), p99: Number(pct(sorted, 99).toFixed(1)), max: Number(sorted.at(-1)!.toFixed(1)) },
  };
  log(`delivered ${result.delivered}/${EVENTS} (out of order: ${outOfOrder}) in ${(total / 1000).toFixed(2)} s; commit → delivery p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms, max ${result.latencyMs.max} ms`);
  if (json) console.log(JSON.stringify(result));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
