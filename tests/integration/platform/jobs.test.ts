import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { cancelJobs, createJobRunner, scheduleJob } from '../../../src/platform/jobs.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

const silent = { error: () => {} };

describe('durable jobs', () => {
  it('runs a due job once, in its own transaction, and ignores a second schedule with the same key', async () => {
    const runner = createJobRunner(t.ctx.db, silent);
    const seen: string[] = [];
    runner.register('test.once', async (trx, job) => {
      seen.push(job.key);
      await trx.insertInto('audit_log').values({ actor_kind: 'system', action: 'test.job_ran', target_id: job.key, detail: '{}' }).execute();
    });
    const runAt = new Date(Date.now() + 60_000);
    await scheduleJob(t.ctx.db, { kind: 'test.once', key: 'k1', runAt });
    await scheduleJob(t.ctx.db, { kind: 'test.once', key: 'k1', runAt: new Date() });
    expect(await runner.runDue(new Date())).toBe(0);
    expect(await runner.runDue(new Date(Date.now() + 61_000))).toBe(1);
    expect(await runner.runDue(new Date(Date.now() + 61_000))).toBe(0);
    expect(seen).toEqual(['k1']);
  });

  it('a retry is never due before the job first was, whatever clock ran the failed attempt', async () => {
    const runner = createJobRunner(t.ctx.db, silent);
    let attempts = 0;
    runner.register('test.early', async () => { attempts++; if (attempts === 1) throw new Error('boom'); });
    const runAt = new Date(Date.now() + 3_600_000);
    await scheduleJob(t.ctx.db, { kind: 'test.early', key: 'early:1', runAt });
    await runner.runDue(new Date(runAt.getTime() + 1000)); // a simulated clock an hour ahead: the attempt fails
    const row = await t.ctx.db.selectFrom('jobs').select('run_at').where('key', '=', 'early:1').executeTakeFirstOrThrow();
    expect(row.run_at.getTime()).toBeGreaterThan(runAt.getTime());
    expect(await runner.runDue(new Date())).toBe(0); // the wall clock does not reach it
    await runner.runDue(new Date(row.run_at.getTime() + 1000));
    expect(attempts).toBe(2);
  });

  it('a failing handler rolls back its writes and is retried later; cancelled jobs never run', async () => {
    const runner = createJobRunner(t.ctx.db, silent);
    let attempts = 0;
    runner.register('test.flaky', async (trx, job) => {
      attempts++;
      await trx.insertInto('audit_log').values({ actor_kind: 'system', action: 'test.flaky_write', target_id: job.key, detail: '{}' }).execute();
      if (attempts === 1) throw new Error('boom');
    });
    await scheduleJob(t.ctx.db, { kind: 'test.flaky', key: 'f1', runAt: new Date() });
    await scheduleJob(t.ctx.db, { kind: 'test.flaky', key: 'gone:1', runAt: new Date() });
    await cancelJobs(t.ctx.db, 'gone:');
    await runner.runDue(new Date());
    const row = await t.ctx.db.selectFrom('jobs').selectAll().where('key', '=', 'f1').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ done_at: null, last_error: 'boom', attempts: 1 });
    expect(await runner.runDue(new Date(Date.now() + 3_600_000))).toBe(1);
    const writes = await t.ctx.db.selectFrom('audit_log').select('target_id').where('action', '=', 'test.flaky_write').execute();
    expect(writes.map((w) => w.target_id)).toEqual(['f1']);
    expect(attempts).toBe(2);
  });

  it('two runners (two API instances) never run the same job twice', async () => {
    const counts = new Map<string, number>();
    const make = () => {
      const r = createJobRunner(t.ctx.db, silent);
      r.register('test.shared', async (_trx, job) => { counts.set(job.key, (counts.get(job.key) ?? 0) + 1); });
      return r;
    };
    for (let i = 0; i < 20; i++) await scheduleJob(t.ctx.db, { kind: 'test.shared', key: `s${i}`, runAt: new Date() });
    await Promise.all([make().runDue(new Date(), 3), make().runDue(new Date(), 3)]);
    expect(counts.size).toBe(20);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  });
});
