import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../src/seed/demo.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

describe('demo city seed', () => {
  it('creates Shanghai with 240 workers spread over districts, a catalogue, customers and an admin per role — once', async () => {
    expect(await seedDemo(t.ctx)).toBe(true);
    expect(await seedDemo(t.ctx)).toBe(false);
    const workers = await t.ctx.db.selectFrom('worker_profiles').select(['district_code', 'rating_avg', 'home_lat', 'home_lng', 'user_id']).execute();
    expect(workers.length).toBeGreaterThanOrEqual(200);
    expect(new Set(workers.map((w) => w.district_code)).size).toBe(16);
    for (const w of workers) {
      expect(w.home_lat).toBeGreaterThan(30.6);
      expect(w.home_lat).toBeLessThan(31.9);
      expect(Number(w.rating_avg)).toBeLessThanOrEqual(5);
    }
    const skills = await t.ctx.db.selectFrom('worker_skills').select('worker_id').execute();
    expect(new Set(skills.map((s) => s.worker_id)).size).toBe(workers.length);
    const hours = await t.ctx.db.selectFrom('worker_hours').select('worker_id').execute();
    expect(new Set(hours.map((h) => h.worker_id)).size).toBe(workers.length);
    const admins = await t.ctx.db.selectFrom('admin_accounts').select('roles').execute();
    expect(new Set(admins.flatMap((a) => a.roles))).toEqual(new Set(['super_admin', 'operations', 'finance', 'support']));
    const items = await t.ctx.db.selectFrom('service_items').select('id').execute();
    expect(items.length).toBeGreaterThanOrEqual(30);
  });
});
