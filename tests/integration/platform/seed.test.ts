import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../src/seed/demo.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); }, 120_000);
afterAll(async () => { await t?.close(); });

describe('demo city seed', () => {
  it('creates Shanghai with a crew per district and trade spread over its places, a catalogue, customers and an admin per role — once', async () => {
    expect(await seedDemo(t.ctx)).toBe(true);
    expect(await seedDemo(t.ctx)).toBe(false);
    // The demo workers have 139… phones (other suites may share a PostgreSQL database).
    const workers = await t.ctx.db.selectFrom('worker_profiles as w').innerJoin('users as u', 'u.id', 'w.user_id')
      .select(['w.district_code', 'w.rating_avg', 'w.home_lat', 'w.home_lng', 'w.user_id']).where('u.phone_masked', 'like', '139%').execute();
    expect(workers.length).toBeGreaterThanOrEqual(1000);
    expect(new Set(workers.map((w) => w.district_code)).size).toBe(16);
    // Spread over the district's streets and towns, not stacked at its centre.
    const districts = await t.ctx.db.selectFrom('districts').select(['code', 'center_lat', 'center_lng']).execute();
    for (const d of districts) {
      const here = workers.filter((w) => w.district_code === d.code);
      const atCentre = here.filter((w) => Math.abs(w.home_lat! - d.center_lat) < 0.002 && Math.abs(w.home_lng! - d.center_lng) < 0.002);
      expect(atCentre.length, d.code).toBeLessThan(here.length / 10);
      expect(new Set(here.map((w) => `${w.home_lat!.toFixed(2)},${w.home_lng!.toFixed(2)}`)).size, d.code).toBeGreaterThan(10);
    }
    for (const w of workers) {
      expect(w.home_lat).toBeGreaterThan(30.6);
      expect(w.home_lat).toBeLessThan(31.9);
      expect(Number(w.rating_avg)).toBeLessThanOrEqual(5);
    }
    const ids = workers.map((w) => w.user_id);
    const stats = await t.ctx.db.selectFrom('worker_profiles').select(['rating_histogram', 'rating_count', 'rate_fen', 'rate_unit']).where('user_id', 'in', ids).execute();
    for (const s of stats) {
      expect(s.rating_histogram.reduce((a, b) => a + b, 0)).toBe(s.rating_count);
      expect(s.rate_unit === null ? s.rate_fen === null : s.rate_fen! > 0).toBe(true);
    }
    const skills = await t.ctx.db.selectFrom('worker_skills').select('worker_id').where('worker_id', 'in', ids).execute();
    expect(new Set(skills.map((s) => s.worker_id)).size).toBe(workers.length);
    const hours = await t.ctx.db.selectFrom('worker_hours').select('worker_id').where('worker_id', 'in', ids).execute();
    expect(new Set(hours.map((h) => h.worker_id)).size).toBe(workers.length);
    // Every demo worker is verified (identity on file); gated trades hold verified certificates, a few expiring within 30 days.
    const identities = await t.ctx.db.selectFrom('worker_identities').select('worker_id').where('worker_id', 'in', ids).execute();
    expect(identities).toHaveLength(workers.length);
    const certs = await t.ctx.db.selectFrom('worker_certificates').select(['kind', 'status', 'expires_at']).where('worker_id', 'in', ids).execute();
    expect(new Set(certs.map((c) => c.kind))).toEqual(new Set(['electrician', 'locksmith_record', 'housekeeping', 'health', 'infant_care', 'maternity', 'elder_care']));
    expect(certs.every((c) => c.status === 'verified' && c.expires_at !== null)).toBe(true);
    const soon = certs.filter((c) => Date.parse(String(c.expires_at)) < Date.now() + 30 * 86_400_000);
    expect(soon.length).toBeGreaterThan(0);
    expect(soon.length).toBeLessThan(certs.length / 5);
    // Varied weeks: not everyone works every day.
    const days = await t.ctx.db.selectFrom('worker_hours').select(['worker_id']).select((eb) => eb.fn.countAll<number>().as('n')).where('worker_id', 'in', ids).groupBy('worker_id').execute();
    expect(new Set(days.map((d) => Number(d.n))).size).toBeGreaterThan(1);
    const admins = await t.ctx.db.selectFrom('admin_accounts').select('roles').execute();
    expect(new Set(admins.flatMap((a) => a.roles))).toEqual(new Set(['super_admin', 'operations', 'finance', 'support']));
    const items = await t.ctx.db.selectFrom('service_items').select('id').execute();
    expect(items.length).toBeGreaterThanOrEqual(30);
  }, 300_000);
});
