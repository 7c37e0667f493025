/**
 * Durable jobs in PostgreSQL. A job is a row with a unique key and a due time; any number of API
 * instances poll, claim due rows with `FOR UPDATE SKIP LOCKED` under a lease, and run each handler in
 * the transaction that marks the row done — so a job's database effects happen exactly once, and a
 * crashed instance's job is picked up again when its lease runs out. Written here rather than taken
 * from a queue library because jobs are enqueued inside the domain's own transaction (the order and
 * its timers commit together) and must run on PGlite's single session too.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/types.js';

export interface JobRow { id: string; kind: string; key: string; runAt: Date; payload: Record<string, unknown>; attempts: number }
export type JobHandler = (trx: Transaction<DB>, job: JobRow, now: Date) => Promise<void>;
/** A job that calls an outside system (a provider): runs under its lease but outside any transaction, so it must be idempotent. */
export type ExternalJobHandler = (job: JobRow, now: Date) => Promise<void>;

export interface JobSpec { kind: string; key: string; runAt: Date; payload?: Record<string, unknown> }

const LEASE_SECONDS = 120;
const MAX_ATTEMPTS = 8;

/** Enqueues a job once per key (a second schedule with the same key is ignored); call it in the caller's transaction. */
export async function scheduleJob(db: Kysely<DB>, spec: JobSpec): Promise<void> {
  await db.insertInto('jobs').values({ kind: spec.kind, key: spec.key, run_at: spec.runAt, payload: JSON.stringify(spec.payload ?? {}) })
    .onConflict((oc) => oc.column('key').doNothing()).execute();
}

/** Enqueues many jobs at once (an import), each once per key like {@link scheduleJob}. */
export async function scheduleJobs(db: Kysely<DB>, specs: readonly JobSpec[]): Promise<void> {
  for (let i = 0; i < specs.length; i += 2000) {
    await db.insertInto('jobs').values(specs.slice(i, i + 2000).map((spec) => ({ kind: spec.kind, key: spec.key, run_at: spec.runAt, payload: JSON.stringify(spec.payload ?? {}) })))
      .onConflict((oc) => oc.column('key').doNothing()).execute();
  }
}

/** Drops pending jobs whose key starts with `prefix` (e.g. the reminders of a cancelled order). */
export async function cancelJobs(db: Kysely<DB>, prefix: string): Promise<void> {
  await db.updateTable('jobs').set({ done_at: new Date(), last_error: 'cancelled' })
    .where('key', 'like', `${prefix.replace(/[%_\\]/g, (c) => `\\${c}`)}%`).where('done_at', 'is', null).execute();
}

export interface JobRunner {
  register(kind: string, handler: JobHandler): void;
  registerExternal(kind: string, handler: ExternalJobHandler): void;
  /** Work every `ms` besides due jobs (housekeeping); runs on every instance. */
  every(ms: number, fn: () => Promise<void>): void;
  /** Claims and runs the jobs due at `now` (tests pass a future instant); returns how many ran. */
  runDue(now?: Date, limit?: number): Promise<number>;
  start(intervalMs?: number): void;
  stop(): Promise<void>;
}

export function createJobRunner(db: Kysely<DB>, log: { error(obj: unknown, msg?: string): void }): JobRunner {
  const handlers = new Map<string, JobHandler>();
  const external = new Map<string, ExternalJobHandler>();
  const periodic: { ms: number; fn: () => Promise<void>; last: number }[] = [];
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();

  async function claim(now: Date, limit: number): Promise<JobRow[]> {
    const kinds = [...handlers.keys(), ...external.keys()];
    if (!kinds.length) return [];
    const rows = await sql<{ id: string; kind: string; key: string; run_at: Date; payload: Record<string, unknown>; attempts: number }>`
      with due as (
        select id from jobs
        where done_at is null and run_at <= ${now} and kind = any(${kinds}::text[])
          and (locked_until is null or locked_until < now())
        order by run_at limit ${limit} for update skip locked)
      update jobs j set locked_until = now() + make_interval(secs => ${LEASE_SECONDS}), attempts = j.attempts + 1
      from due where j.id = due.id
      returning j.id, j.kind, j.key, j.run_at, j.payload, j.attempts`.execute(db);
    return rows.rows.map((r) => ({ id: r.id, kind: r.kind, key: r.key, runAt: r.run_at, payload: r.payload, attempts: r.attempts }));
  }

  async function runOne(job: JobRow, now: Date): Promise<void> {
    try {
      const outside = external.get(job.kind);
      if (outside) {
        await outside(job, now);
        await db.updateTable('jobs').set({ done_at: new Date(), locked_until: null, last_error: null }).where('id', '=', job.id).where('done_at', 'is', null).execute();
        return;
      }
      await db.transaction().execute(async (trx) => {
        const live = await trx.selectFrom('jobs').select('id').where('id', '=', job.id).where('done_at', 'is', null).forUpdate().executeTakeFirst();
        if (!live) return; // finished by another instance after our lease ran out
        await handlers.get(job.kind)!(trx, job, now);
        await trx.updateTable('jobs').set({ done_at: new Date(), locked_until: null, last_error: null }).where('id', '=', job.id).execute();
      });
    } catch (err) {
      log.error({ err, job: job.key }, 'job failed');
      const dead = job.attempts >= MAX_ATTEMPTS;
      // Never due again before it first was: a handler's time rules (an order's expiry, auto-acceptance) hold then.
      const retryAt = new Date(Math.max(Date.now(), job.runAt.getTime()) + Math.min(3600, 5 * 2 ** job.attempts) * 1000);
      await db.updateTable('jobs').set({ locked_until: null, last_error: String((err as Error)?.message ?? err).slice(0, 500), ...(dead ? { done_at: new Date() } : { run_at: retryAt }) })
        .where('id', '=', job.id).execute().catch(() => {});
    }
  }

  async function runDue(now = new Date(), limit = 50): Promise<number> {
    let total = 0;
    for (;;) {
      const jobs = await claim(now, limit);
      for (const job of jobs) await runOne(job, now);
      total += jobs.length;
      if (jobs.length < limit) return total;
    }
  }

  async function tick() {
    await runDue();
    const t = Date.now();
    for (const p of periodic) {
      if (t - p.last < p.ms) continue;
      p.last = t;
      await p.fn().catch((err) => log.error({ err }, 'periodic task failed'));
    }
  }

  return {
    register(kind, handler) { handlers.set(kind, handler); },
    registerExternal(kind, handler) { external.set(kind, handler); },
    every(ms, fn) { periodic.push({ ms, fn, last: Date.now() }); },
    runDue,
    start(intervalMs = 1000) {
      if (timer) return;
      timer = setInterval(() => {
        running = running.then(tick).catch((err) => log.error({ err }, 'job tick failed'));
      }, intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}
