import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureAdmin } from '../../../src/domains/admin/service.js';
import { adminSignIn, createTestApp, smsSignIn, type TestApp } from '../../helpers/test-app.js';
import { makeWorkers } from '../../helpers/workers.js';

let t: TestApp;
let ops: Record<string, string>;
let customer: Awaited<ReturnType<typeof smsSignIn>>;
const tag = randomUUID().slice(0, 4);
const name = (s: string) => `${s}${tag}`;

beforeAll(async () => {
  t = await createTestApp();
  await ensureAdmin(t.ctx, { username: `pen_${tag}`, name: '运营 小赵', password: 'houtai2026', roles: ['operations'] });
  ops = await adminSignIn(t.app, `pen_${tag}`, 'houtai2026');
  customer = await smsSignIn(t.app, t.ctx);
});
afterAll(async () => { await t?.close(); });

const search = async (query: string) => (await t.app.inject({ method: 'GET', url: `/api/workers?q=${encodeURIComponent(tag)}&${query}`, headers: customer.headers })).json();
const ids = (r: { items: { id: string }[] }) => r.items.map((i) => i.id);

describe('customer worker search', () => {
  let near: string, far: string, senior: string, offline: string, male: string;
  beforeAll(async () => {
    [near, far, senior, offline, male] = await makeWorkers(t.ctx, [
      { name: name('王秀英'), homeLat: 31.1886, homeLng: 121.4365, serviceRadiusKm: 5, ratingAvg: 4.9, ordersDone: 50, experienceYears: 2 },
      { name: name('李桂英'), districtCode: '310115', homeLat: 31.2215, homeLng: 121.5447, serviceRadiusKm: 3, ratingAvg: 4.6, ordersDone: 300, experienceYears: 4, skills: ['deep-cleaning'] },
      { name: name('张玉兰'), homeLat: 31.20, homeLng: 121.44, serviceRadiusKm: 8, ratingAvg: 4.2, ordersDone: 120, experienceYears: 9, hours: [{ weekday: 1, startMinute: 480, endMinute: 720 }] },
      { name: name('赵红梅'), online: false },
      { name: name('陈建国'), gender: 'male', ratingAvg: 4.7, homeLat: 31.1890, homeLng: 121.4370 },
    ]);
  });

  it('shows approved online workers only, with masked names', async () => {
    const all = await search('');
    expect(ids(all).sort()).toEqual([near, far, senior, male].sort());
    expect(all.items.find((i: { id: string }) => i.id === near).name).toBe('王师傅');
    expect(JSON.stringify(all)).not.toContain('秀英');
    expect(ids(all)).not.toContain(offline);
  });

  it('filters by skill, district, rating, experience, gender and sorts by rating or orders', async () => {
    expect(ids(await search('skill=deep-cleaning'))).toEqual([far]);
    expect(ids(await search('districtCode=310115'))).toEqual([far]);
    expect(ids(await search('ratingMin=4.65')).sort()).toEqual([near, male].sort());
    expect(ids(await search('experience=5%2B'))).toEqual([senior]);
    expect(ids(await search('experience=3-5'))).toEqual([far]);
    expect(ids(await search('gender=male'))).toEqual([male]);
    expect(ids(await search('sort=rating'))).toEqual([near, male, far, senior]);
    expect(ids(await search('sort=orders'))[0]).toBe(far);
    expect((await t.app.inject({ method: 'GET', url: '/api/workers?experience=10%2B', headers: customer.headers })).statusCode).toBe(400);
  });

  it('sorts by the smoothed rating: one 5-star review does not outrank 300 reviews at 4.9', async () => {
    const newTag = randomUUID().slice(0, 4);
    const [lucky, proven] = await makeWorkers(t.ctx, [
      { name: `刘芳${newTag}`, ratingAvg: 5, ratingCount: 1 },
      { name: `周敏${newTag}`, ratingAvg: 4.9, ratingCount: 300 },
    ]);
    const r = (await t.app.inject({ method: 'GET', url: `/api/workers?q=${encodeURIComponent(newTag)}&sort=rating`, headers: customer.headers })).json();
    expect(ids(r)).toEqual([proven, lucky]);
  });

  it('finds workers whose service radius covers a point, nearest first', async () => {
    const r = await search('lat=31.1887&lng=121.4366&sort=distance');
    expect(ids(r)).toEqual([near, male, senior]);
    expect(r.items[0].distanceKm).toBeLessThan(0.1);
  });

  it('keeps only workers working at a chosen time', async () => {
    const mondayNextWeek = new Date();
    mondayNextWeek.setUTCDate(mondayNextWeek.getUTCDate() + ((8 - mondayNextWeek.getUTCDay()) % 7 || 7));
    const day = mondayNextWeek.toISOString().slice(0, 10);
    expect(ids(await search(`availableAt=${day}T01:00:00Z&durationMinutes=120`)).sort()).toEqual([near, far, senior, male].sort()); // 09:00 Shanghai
    expect(ids(await search(`availableAt=${day}T05:00:00Z&durationMinutes=120`)).sort()).toEqual([near, far, male].sort()); // 13:00: senior works mornings only
    expect(ids(await search(`availableAt=${day}T12:00:00Z`))).toEqual([]); // 20:00
  });

  it('filters by asking rate (期望薪资) in its unit', async () => {
    await t.ctx.db.updateTable('worker_profiles').set({ rate_fen: 800_000, rate_unit: 'month' }).where('user_id', '=', senior).execute();
    await t.ctx.db.updateTable('worker_profiles').set({ rate_fen: 6_000, rate_unit: 'hour' }).where('user_id', '=', near).execute();
    expect(ids(await search('priceMinFen=700000&priceMaxFen=900000&priceUnit=month'))).toEqual([senior]);
    expect(ids(await search('priceMaxFen=7000'))).toEqual([near]);
    expect(ids(await search('priceMinFen=7000'))).toEqual([]);
    const profile = (await t.app.inject({ method: 'GET', url: `/api/workers/${senior}`, headers: customer.headers })).json();
    expect(profile.rate).toEqual({ fen: 800_000, unit: 'month' });
  });

  it('opens a profile and keeps favourites (常用师傅)', async () => {
    const profile = (await t.app.inject({ method: 'GET', url: `/api/workers/${near}`, headers: customer.headers })).json();
    expect(profile).toMatchObject({ name: '王师傅', verified: true, favourite: false, skills: [{ code: 'daily-cleaning' }] });
    expect(profile.nextFreeTimes.length).toBeGreaterThan(0);
    expect(profile.ratingBreakdown.map((b: { stars: number }) => b.stars)).toEqual([5, 4, 3, 2, 1]);
    expect((await t.app.inject({ method: 'PUT', url: `/api/me/favourite-workers/${near}`, headers: customer.headers })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'PUT', url: `/api/me/favourite-workers/${near}`, headers: customer.headers })).statusCode).toBe(204);
    const favs = (await t.app.inject({ method: 'GET', url: '/api/me/favourite-workers', headers: customer.headers })).json();
    expect(favs).toEqual([expect.objectContaining({ id: near, name: '王师傅', available: true })]);
    expect((await t.app.inject({ method: 'GET', url: `/api/workers/${offline}`, headers: customer.headers })).statusCode).toBe(404);
    await t.app.inject({ method: 'DELETE', url: `/api/me/favourite-workers/${near}`, headers: customer.headers });
    expect((await t.app.inject({ method: 'GET', url: '/api/me/favourite-workers', headers: customer.headers })).json()).toEqual([]);
  });
});

describe('penalties and appeals', () => {
  it('suspends a worker (hidden, cannot go online), takes one appeal, and lifts the suspension when revoked', async () => {
    const w = await smsSignIn(t.app, t.ctx, 'worker');
    await t.ctx.db.insertInto('worker_profiles').values({ user_id: w.user.id, display_name: name('孙丽娟'), district_code: '310104', home_lat: 31.19, home_lng: 121.43, service_radius_km: 5, status: 'approved', online: true }).execute();
    expect(ids(await search(''))).toContain(w.user.id);
    const pen = await t.app.inject({ method: 'POST', url: `/api/admin/workers/${w.user.id}/penalties`, headers: ops, payload: { kind: 'suspension', reason: '连续两次迟到超过 1 小时', days: 3 } });
    expect(pen.statusCode).toBe(201);
    expect(ids(await search(''))).not.toContain(w.user.id);
    expect((await t.app.inject({ method: 'PUT', url: '/api/worker/online', headers: w.headers, payload: { online: true } })).json().code).toBe('REVIEW_STATE');
    const app = (await t.app.inject({ method: 'GET', url: '/api/worker/application', headers: w.headers })).json();
    expect(app.suspendedUntil).not.toBeNull();
    expect(app.penalties[0]).toMatchObject({ kind: 'suspension', reason: '连续两次迟到超过 1 小时', canAppeal: true });

    const appeal = (text: string) => t.app.inject({ method: 'POST', url: `/api/worker/penalties/${pen.json().id}/appeal`, headers: w.headers, payload: { text } });
    expect((await appeal('当天地铁故障，有截图为证')).statusCode).toBe(204);
    expect((await appeal('再申诉一次试试看')).json().code).toBe('APPEAL_NOT_ALLOWED');
    const decided = await t.app.inject({ method: 'POST', url: `/api/admin/penalties/${pen.json().id}/appeal-decision`, headers: ops, payload: { outcome: 'revoked', note: '核实属实' } });
    expect(decided.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'PUT', url: '/api/worker/online', headers: w.headers, payload: { online: true } })).json()).toEqual({ online: true });
    expect(ids(await search(''))).toContain(w.user.id);
    const missingDays = await t.app.inject({ method: 'POST', url: `/api/admin/workers/${w.user.id}/penalties`, headers: ops, payload: { kind: 'suspension', reason: '测试原因' } });
    expect(missingDays.statusCode).toBe(400);
    const removal = await t.app.inject({ method: 'POST', url: `/api/admin/workers/${w.user.id}/penalties`, headers: ops, payload: { kind: 'removal', reason: '严重违规' } });
    expect(removal.statusCode).toBe(201);
    expect((await t.app.inject({ method: 'GET', url: '/api/worker/application', headers: w.headers })).json().status).toBe('removed');
    expect(ids(await search(''))).not.toContain(w.user.id);
  });

  it('flags certificates that expire soon for ops', async () => {
    const [w] = await makeWorkers(t.ctx, [{ name: name('周淑珍') }]);
    const file = await t.ctx.db.insertInto('files').values({ owner_kind: 'user', owner_id: w!, purpose: 'certificate', content_type: 'image/png', size_bytes: 1, storage_key: 'x' }).returning('id').executeTakeFirstOrThrow();
    const soon = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    await t.ctx.db.insertInto('worker_certificates').values({ worker_id: w!, kind: 'health', number: 'JK-1', expires_at: soon, file_id: file.id, status: 'verified' }).execute();
    const list = (await t.app.inject({ method: 'GET', url: '/api/admin/certificates/expiring', headers: ops })).json();
    const cert = list.find((c: { workerId: string }) => c.workerId === w);
    const decide = (payload: object) => t.app.inject({ method: 'POST', url: `/api/admin/workers/${w}/certificates/${cert.id}/decision`, headers: ops, payload });
    expect((await decide({ status: 'rejected' })).statusCode).toBe(400);
    expect((await decide({ status: 'rejected', reason: '照片不清晰' })).statusCode).toBe(204);
    const row = await t.ctx.db.selectFrom('worker_certificates').select(['status', 'review_note']).where('id', '=', cert.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'rejected', review_note: '照片不清晰' });
    const [other] = await makeWorkers(t.ctx, [{ name: name('吴巧云') }]);
    expect((await t.app.inject({ method: 'POST', url: `/api/admin/workers/${other}/certificates/${cert.id}/decision`, headers: ops, payload: { status: 'verified' } })).statusCode).toBe(404);
    await decide({ status: 'verified' });
    expect(list.find((c: { workerId: string }) => c.workerId === w)).toMatchObject({ expiresAt: soon, expiringSoon: true, daysLeft: 5 });
  });
});
