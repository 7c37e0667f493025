/**
 * Crash injection for integration tests. Test-only: nothing in src knows about it. Two seams, both at the
 * edge of the app, so every code path keeps running unchanged:
 *
 * - **The database the app is built on** (`crashingDb`). `createCrashTestApp` opens the database as
 *   `createTestApp` does and hands `buildApp` a Kysely whose `transaction().execute(fn)` runs `fn` and then
 *   may throw before COMMIT, so Kysely rolls the whole transaction back: the process (or its connection) died
 *   just before the commit. Every transaction goes through it — the services' and the durable job runner's (a
 *   job's work and the row marking it done commit together); single statements outside a transaction (the
 *   idempotency keys, the simulator's own rows: it plays the provider) are left alone.
 * - **The payment gateway** (`crashingGateway`, installed over `ctx.pay`, which services read at call time).
 *   A provider call — open a charge, query it, refund, pay out — is made and answered, then the caller is told
 *   it failed: the process died after the provider did its part, before our follow-up bookkeeping.
 *
 * An injected crash is an `InjectedCrash` (a plain Error, so the app answers 500 and the job runner retries).
 * Crashes are drawn from a seeded generator within a budget per plan, so a run is reproducible and a client
 * that retries after a crash always gets through in the end.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrate.js';
import type { DB } from '../../src/db/types.js';
import { seedCatalog } from '../../src/domains/catalog/service.js';
import { upsertCity } from '../../src/domains/geo/service.js';
import type { PaymentGateway, PaymentProvider, PayProvider } from '../../src/platform/providers/payments/types.js';
import { DEMO_CATALOG } from '../../src/seed/catalog-data.js';
import { loadCityFile, seedCityPricing } from '../../src/seed/demo.js';
import { testDatabaseUrl } from './pg-databases.js';
import type { TestApp } from './test-app.js';

export class InjectedCrash extends Error {
  constructor(readonly point: string) {
    super(`injected crash: ${point}`);
    this.name = 'InjectedCrash';
  }
}

/** mulberry32: a small seeded generator (fast-check hands us the seeds, so a failing run replays). */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface FaultPlan {
  seed: number;
  /** Chance that one crash point (a commit, a provider call) crashes. */
  rate: number;
  /** At most this many crashes under the plan. */
  budget: number;
}

export class FaultInjector {
  private next = rng(1);
  private rate = 0;
  private budget = 0;
  /** Crashes injected so far, in total and per point. */
  crashes = 0;
  readonly byPoint = new Map<string, number>();

  plan(p: FaultPlan) {
    this.next = rng(p.seed);
    this.rate = p.rate;
    this.budget = p.budget;
  }

  /** No more crashes until the next plan. */
  calm() {
    this.rate = 0;
    this.budget = 0;
  }

  /** Called at a crash point: throws an InjectedCrash when the plan says so. */
  point(name: string) {
    if (this.budget <= 0 || this.rate <= 0) return;
    if (this.next() >= this.rate) return;
    this.budget -= 1;
    this.crashes += 1;
    this.byPoint.set(name, (this.byPoint.get(name) ?? 0) + 1);
    throw new InjectedCrash(name);
  }
}

const bindAll = <T extends object>(target: T, prop: string | symbol) => {
  const value = Reflect.get(target, prop, target);
  return typeof value === 'function' ? value.bind(target) : value;
};

/** A transaction builder whose `execute(fn)` may crash after `fn` ran, before COMMIT (Kysely then rolls back). */
function crashingTransactionBuilder<B extends object>(builder: B, faults: FaultInjector): B {
  return new Proxy(builder, {
    get(target, prop) {
      if (prop === 'execute') {
        return async (fn: (trx: unknown) => Promise<unknown>) => (target as unknown as { execute: (f: typeof fn) => Promise<unknown> }).execute(async (trx) => {
          const result = await fn(trx);
          faults.point('commit');
          return result;
        });
      }
      const value = bindAll(target, prop);
      // setIsolationLevel / setAccessMode return a new builder: keep wrapping it.
      return typeof value === 'function' ? (...args: unknown[]) => {
        const out = value(...args);
        return out && typeof out === 'object' && 'execute' in out ? crashingTransactionBuilder(out, faults) : out;
      } : value;
    },
  });
}

/** The app's Kysely with crash points before every COMMIT; everything else passes through. */
export function crashingDb(db: Kysely<DB>, faults: FaultInjector): Kysely<DB> {
  return new Proxy(db, {
    get(target, prop) {
      if (prop === 'transaction') return () => crashingTransactionBuilder(target.transaction(), faults);
      return bindAll(target, prop);
    },
  });
}

/** The payment gateway with a crash point right after each provider call that changes or reports money. */
export function crashingGateway(inner: PaymentGateway, faults: FaultInjector): PaymentGateway {
  const after = async <T>(point: string, call: Promise<T>): Promise<T> => {
    const answer = await call;
    faults.point(point);
    return answer;
  };
  const wrapped = new Map<PayProvider, PaymentProvider>();
  const wrap = (p: PaymentProvider): PaymentProvider => ({
    ...p,
    createCharge: (request) => after(`${p.name}.createCharge`, p.createCharge(request)),
    queryCharge: (outTradeNo) => after(`${p.name}.queryCharge`, p.queryCharge(outTradeNo)),
    refund: (input) => after(`${p.name}.refund`, p.refund(input)),
  });
  return {
    provider(name) {
      let p = wrapped.get(name);
      if (!p) wrapped.set(name, (p = wrap(inner.provider(name))));
      return p;
    },
    payouts: { payout: (input) => after('payout', inner.payouts.payout(input)) },
  };
}

export interface CrashTestApp extends TestApp {
  faults: FaultInjector;
  /** The database without crash points, for the test's own reads and checks. */
  rawDb: Kysely<DB>;
}

/** `createTestApp` with both crash seams installed; the injector starts calm. */
export async function createCrashTestApp(options: { poolSize?: number } = {}): Promise<CrashTestApp> {
  const url = await testDatabaseUrl();
  const dataDir = mkdtempSync(join(tmpdir(), 'daojia-crash-'));
  const database = await openDatabase({ url, poolSize: options.poolSize ?? 4 });
  if (!url) await migrate(database);
  const faults = new FaultInjector();
  const config = loadConfig({}, {
    dataDir, databaseUrl: url, appSecret: 'test-secret-test-secret-test-secret-0123', logLevel: 'silent',
    serveWeb: false, logOutbox: false, seedDemo: false,
  });
  const { app, ctx } = await buildApp(config, { ...database, db: crashingDb(database.db, faults) });
  ctx.pay = crashingGateway(ctx.pay, faults);
  await upsertCity(ctx.db, loadCityFile());
  await seedCatalog(ctx.db, DEMO_CATALOG);
  await seedCityPricing(ctx.db, ctx.config.cityCode);
  await app.ready();
  return {
    app, ctx, faults, rawDb: database.db,
    async close() {
      await app.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
