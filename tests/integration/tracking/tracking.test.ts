import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestWorkerFix, orderTrail } from '../../../src/domains/tracking/index.js';
import { ensurePurgeScheduled, purgeJobOf } from '../../../src/domains/tracking/jobs.js';
import { acceptedOrder, ALL_DAY, caller, customerWithAddress, HOME, opsHeaders, signedInWorker } from '../../helpers/booking.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { agreeEarlyVisit, EARLY_FINISH } from '../booking/visit.js';

let t: TestApp;
let ops: ReturnType<typeof caller>;
beforeAll(async () => {
  t = await createTestApp();
  ops = caller(t, { headers: await opsHeaders(t, 'operations') });
});
afterAll(async () => { await t?.close(); });

const MIN = 60_000;
/** About 1.2 km north-west of HOME (the customer's address), then nearer. */
const FAR = { lat: 31.1975, lng: 121.4290 };
const NEAR = { lat: 31.1900, lng: 121.4355 };

/** An accepted order of a fresh customer with a fresh worker, the early visit agreed (not set off yet). */
async function acceptedEarly() {
  const o = await acceptedOrder(t, '轨迹师傅');
  await agreeEarlyVisit(o.w, o.c, o.order.id);
  return o;
}

async function departed() {
  const o = await acceptedEarly();
  expect((await o.w('POST', `/api/worker/orders/${o.order.id}/depart`, FAR)).json().status).toBe('on_the_way');
  return o;
}

const fix = (at: Date, p = FAR, accuracy = 25) => ({ lat: p.lat, lng: p.lng, accuracy, recordedAt: at.toISOString() });
const count = (orderId: string) => t.ctx.db.selectFrom('location_points').select((eb) => eb.fn.countAll<number>().as('n')).where('order_id', '=', orderId).executeTakeFirstOrThrow().then((r) => Number(r.n));

describe('location trail (位置轨迹)', () => {
  it('a fix is taken only for the worker\'s own order between 出发 and 完成; a retry is idempotent', async () => {
    const { order, w, c, worker, customer } = await acceptedEarly();
    const now = Date.now();
    // Not set off yet: refused, nothing written.
    const early = await w('POST', `/api/worker/orders/${order.id}/location`, fix(new Date(now)));
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'ORDER_STATE', currentState: 'assigned' });
    expect(await count(order.id)).toBe(0);

    expect((await w('POST', `/api/worker/orders/${order.id}/depart`, FAR)).statusCode).toBe(200);
    const first = await w('POST', `/api/worker/orders/${order.id}/location`, fix(new Date(now)));
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ created: true, point: { lat: FAR.lat, lng: FAR.lng, accuracyM: 25 } });
    // The same fix again (a retry after a lost answer): the stored one, nothing new.
    const retry = await w('POST', `/api/worker/orders/${order.id}/location`, fix(new Date(now)));
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual({ created: false, point: first.json().point });
    // The same instant with another position is not a retry.
    const clash = await w('POST', `/api/worker/orders/${order.id}/location`, fix(new Date(now), NEAR));
    expect(clash.statusCode).toBe(422);
    expect(clash.json().errors[0]).toMatchObject({ field: 'recordedAt', code: 'conflict' });
    expect(await count(order.id)).toBe(1);
    // The customer's event stream is told (the open order page refreshes the position).
    const events = await t.ctx.db.selectFrom('events').select(['type', 'data']).where('topic', '=', `user:${customer.user.id}`).where('type', '=', 'tracking').execute();
    expect(events.map((e) => (e.data as { orderId: string }).orderId)).toEqual([order.id]);

    // In service the phone still reports (ops' trail), after 完成 it is refused.
    const code = (await c('GET', `/api/orders/${order.id}`)).json().serviceCode;
    expect((await w('POST', `/api/worker/orders/${order.id}/check-in`, { lat: HOME.lat, lng: HOME.lng, serviceCode: code })).json().status).toBe('in_service');
    expect((await w('POST', `/api/worker/orders/${order.id}/location`, fix(new Date(now + MIN), { lat: HOME.lat, lng: HOME.lng }))).statusCode).toBe(201);
    expect((await w('POST', `/api/worker/orders/${order.id}/finish`, EARLY_FINISH)).json().status).toBe('awaiting_confirmation');
    const after = await w('POST', `/api/worker/orders/${order.id}/location`, fix(new Date(now + 2 * MIN), { lat: HOME.lat, lng: HOME.lng }));
    expect(after.statusCode).toBe(409);
    expect(after.json().currentState).toBe('awaiting_confirmation');
    expect(await count(order.id)).toBe(2);

    // orderTrail (for the evidence pack) is oldest first; the SOS desk's latest fix of the worker is the newest.
    const trail = await orderTrail(t.ctx.db, order.id);
    expect(trail.map((p) => p.lat)).toEqual([FAR.lat, HOME.lat]);
    expect(await latestWorkerFix(t.ctx.db, worker.user.id)).toMatchObject({ orderId: order.id, lat: HOME.lat, lng: HOME.lng });
  });

  it('another worker, a customer, a stranger or no session cannot report; the order is not revealed', async () => {
    const { order, c } = await departed();
    const other = caller(t, await signedInWorker(t, { name: '别的师傅', hours: ALL_DAY }));
    const res = await other('POST', `/api/worker/orders/${order.id}/location`, fix(new Date()));
    expect(res.statusCode).toBe(404);
    expect((await c('POST', `/api/worker/orders/${order.id}/location`, fix(new Date()))).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: `/api/worker/orders/${order.id}/location`, payload: fix(new Date()) })).statusCode).toBe(401);
    // A stranger customer cannot read the tracking of someone else's order.
    const stranger = caller(t, await customerWithAddress(t));
    expect((await stranger('GET', `/api/orders/${order.id}/tracking`)).statusCode).toBe(404);
    // Nor a worker, nor an admin of the customer API.
    expect((await other('GET', `/api/orders/${order.id}/tracking`)).statusCode).toBe(403);
    expect(await count(order.id)).toBe(0);
  });

  it('bad input is a field-level problem in zh-CN and en, and nothing is written', async () => {
    const { order, w } = await departed();
    const url = `/api/worker/orders/${order.id}/location`;
    const now = new Date();
    const cases: [unknown, string, string][] = [
      [{ ...fix(now), lat: 91 }, 'lat', ''],
      [{ ...fix(now), lng: -181 }, 'lng', ''],
      [{ ...fix(now), accuracy: -1 }, 'accuracy', ''],
      [{ ...fix(now), recordedAt: 'yesterday' }, 'recordedAt', ''],
      [{ lat: FAR.lat, lng: FAR.lng, recordedAt: now.toISOString() }, 'accuracy', ''],
      [{ ...fix(now), speed: 3 }, 'speed', ''],
      [fix(new Date(now.getTime() + 10 * MIN)), 'recordedAt', 'future'],
      [fix(new Date(now.getTime() - 60 * MIN)), 'recordedAt', 'before_departure'],
    ];
    for (const [body, field, code] of cases) {
      for (const lang of ['zh-CN', 'en']) {
        const res = await w('POST', url, body, { 'accept-language': lang });
        expect(res.statusCode, JSON.stringify(body)).toBe(400);
        expect(res.headers['content-type']).toContain('application/problem+json');
        const error = res.json().errors.find((e: { field: string }) => e.field === field);
        expect(error, `${field} in ${res.body}`).toBeTruthy();
        if (code) expect(error.code).toBe(code);
        expect(error.message).toMatch(lang === 'en' ? /^[\x20-\x7e]+$/ : /[\u4e00-\u9fff]/);
      }
    }
    expect((await w('POST', `/api/worker/orders/not-a-uuid/location`, fix(now))).statusCode).toBe(400);
    expect(await count(order.id)).toBe(0);
  });

  it('a light rate limit: at most 6 new fixes of an order a minute; retries are not counted', async () => {
    const { order, w } = await departed();
    const url = `/api/worker/orders/${order.id}/location`;
    const base = Date.now() - 3 * MIN;
    for (let i = 0; i < 6; i++) expect((await w('POST', url, fix(new Date(base + i * 10_000)))).statusCode).toBe(201);
    const seventh = await w('POST', url, fix(new Date(base + 70_000)));
    expect(seventh.statusCode).toBe(429);
    expect(seventh.json().code).toBe('RATE_LIMITED');
    expect((await w('POST', url, fix(new Date(base)))).statusCode).toBe(200); // a retry still gets its answer
    expect(await count(order.id)).toBe(6);
  });

  it('the customer sees the latest position and an ETA only while the worker is on the way', async () => {
    const { order, c, w } = await acceptedEarly();
    const url = `/api/orders/${order.id}/tracking`;
    expect((await c('GET', url)).json()).toMatchObject({ sharing: false, reason: 'not_departed', position: null, eta: null });
    expect((await w('POST', `/api/worker/orders/${order.id}/depart`, FAR)).statusCode).toBe(200);
    expect((await c('GET', url)).json()).toMatchObject({ sharing: true, reason: 'waiting', position: null, destination: { lat: HOME.lat, lng: HOME.lng } });

    const t1 = new Date(Date.now() - 30_000);
    await w('POST', `/api/worker/orders/${order.id}/location`, fix(t1, FAR));
    const far = (await c('GET', url)).json();
    expect(far).toMatchObject({ sharing: true, position: { lat: FAR.lat, lng: FAR.lng, recordedAt: t1.toISOString() }, stale: false, travelModel: { speedKmh: 20, roadFactor: 1.3 } });
    // ≈ 1.2 km straight line × 1.3 at 20 km/h ≈ 5 minutes.
    expect(far.eta.distanceKm).toBeGreaterThan(1);
    expect(far.eta.distanceKm).toBeLessThan(1.5);
    expect(far.eta.minutes).toBe(Math.ceil(((far.eta.distanceKm * 1.3) / 20) * 60));
    expect(new Date(far.eta.at).getTime()).toBe(t1.getTime() + far.eta.minutes * MIN);

    await w('POST', `/api/worker/orders/${order.id}/location`, fix(new Date(), NEAR));
    const near = (await c('GET', url)).json();
    expect(near.position).toMatchObject(NEAR);
    expect(near.eta.minutes).toBeLessThan(far.eta.minutes);

    // Arrived (签到): the position is gone.
    const code = (await c('GET', `/api/orders/${order.id}`)).json().serviceCode;
    await w('POST', `/api/worker/orders/${order.id}/check-in`, { lat: HOME.lat, lng: HOME.lng, serviceCode: code });
    expect((await c('GET', url)).json()).toMatchObject({ sharing: false, reason: 'arrived', position: null, destination: null, eta: null });
    await w('POST', `/api/worker/orders/${order.id}/finish`, EARLY_FINISH);
    expect((await c('GET', url)).json()).toMatchObject({ sharing: false, reason: 'finished', position: null });
  });

  it('operations read the trail with the address and the check-in point; each view is audited', async () => {
    const { order, c, w } = await departed();
    const now = Date.now();
    await w('POST', `/api/worker/orders/${order.id}/location`, fix(new Date(now - 2 * MIN), FAR));
    await w('POST', `/api/worker/orders/${order.id}/location`, fix(new Date(now - MIN), NEAR));
    const code = (await c('GET', `/api/orders/${order.id}`)).json().serviceCode;
    await w('POST', `/api/worker/orders/${order.id}/check-in`, { lat: HOME.lat + 0.0005, lng: HOME.lng, serviceCode: code });

    const res = await ops('GET', `/api/admin/orders/${order.id}/trail`);
    expect(res.statusCode).toBe(200);
    const trail = res.json();
    expect(trail).toMatchObject({ orderId: order.id, status: 'in_service', tracked: true, address: { lat: HOME.lat, lng: HOME.lng }, retentionDays: 30 });
    expect(trail.points.map((p: { lat: number }) => p.lat)).toEqual([FAR.lat, NEAR.lat]);
    expect(trail.latest).toMatchObject(NEAR);
    expect(trail.checkIn).toMatchObject({ lat: HOME.lat + 0.0005, lng: HOME.lng });
    expect(trail.checkIn.distanceM).toBeGreaterThan(40);
    expect(trail.checkIn.at).toBeTruthy();
    expect(trail.travelledKm).toBeGreaterThan(0.9);
    const audit = await t.ctx.db.selectFrom('audit_log').select(['action']).where('target_id', '=', order.id).where('action', '=', 'tracking.trail_viewed').execute();
    expect(audit).toHaveLength(1);

    // Customers and workers have no console access; an unknown order is 404.
    expect([401, 403]).toContain((await c('GET', `/api/admin/orders/${order.id}/trail`)).statusCode);
    expect((await ops('GET', `/api/admin/orders/00000000-0000-4000-8000-000000000000/trail`)).statusCode).toBe(404);
  });

  it('PIPL: the worker\'s export lists their fixes', async () => {
    const { order, w } = await departed();
    const at = new Date(Date.now() - 5_000);
    await w('POST', `/api/worker/orders/${order.id}/location`, fix(at, NEAR));
    const exported = await w('GET', '/api/me/export');
    expect(exported.statusCode).toBe(200);
    expect(JSON.stringify(exported.json())).toContain(at.toISOString());
  });

  it('retention: the daily durable job deletes fixes older than the city setting and keeps recent ones', async () => {
    const { order, w } = await departed();
    const now = Date.now();
    await w('POST', `/api/worker/orders/${order.id}/location`, fix(new Date(now - 20_000), FAR));
    await w('POST', `/api/worker/orders/${order.id}/location`, fix(new Date(now - 10_000), NEAR));

    // The setting: range checked, audited; finance may not change it.
    const finance = caller(t, { headers: await opsHeaders(t, 'finance') });
    expect((await finance('PUT', '/api/admin/tracking/settings', { retentionDays: 7 })).statusCode).toBe(403);
    const bad = await ops('PUT', '/api/admin/tracking/settings', { retentionDays: 0 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('retentionDays');
    expect((await ops('GET', '/api/admin/tracking/settings')).json()).toEqual({ retentionDays: 30 });
    expect((await ops('PUT', '/api/admin/tracking/settings', { retentionDays: 10 })).json()).toEqual({ retentionDays: 10 });

    // Today's purge is queued once (start-up and the hourly check use one key per Shanghai day).
    await ensurePurgeScheduled(t.ctx.db, new Date(now));
    await ensurePurgeScheduled(t.ctx.db, new Date(now));
    const today = purgeJobOf(new Date(now));
    expect(await t.ctx.db.selectFrom('jobs').select('key').where('key', '=', today.key).execute()).toHaveLength(1);

    // 9 days on nothing is old enough; 10½ days on (a later day's job) the fixes go, a newer one of another order stays.
    const nine = new Date(now + 9 * 86_400_000);
    await t.ctx.jobs.runDue(nine);
    expect(await count(order.id)).toBe(2);
    const other = await departed();
    await t.ctx.db.insertInto('location_points').values({ order_id: other.order.id, worker_id: other.worker.user.id, city_code: t.ctx.config.cityCode, lat: FAR.lat, lng: FAR.lng, accuracy_m: 10, recorded_at: new Date(now + 5 * 86_400_000) }).execute();
    const later = new Date(now + 10.5 * 86_400_000);
    await ensurePurgeScheduled(t.ctx.db, later);
    await t.ctx.jobs.runDue(later);
    expect(await count(order.id)).toBe(0);
    expect(await count(other.order.id)).toBe(1);
    // Each run queued the next day's purge.
    const next = purgeJobOf(new Date(purgeJobOf(later).runAt.getTime() + 86_400_000));
    expect(await t.ctx.db.selectFrom('jobs').select(['key', 'done_at']).where('key', '=', next.key).executeTakeFirst()).toMatchObject({ done_at: null });
    await ops('PUT', '/api/admin/tracking/settings', { retentionDays: 30 });
  });
});
