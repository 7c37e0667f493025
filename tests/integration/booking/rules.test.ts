import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, smsSignIn, type TestApp } from '../../helpers/test-app.js';
import { bookOrder, caller, customerWithAddress, HOME, quoteAt, signedInWorker } from '../../helpers/booking.js';
import { shanghaiAt } from '../../helpers/time.js';
import { agreeEarlyVisit, EARLY_FINISH } from './visit.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

const iso = (s: string) => new Date(s).toISOString();

describe('bad input and booking rules', () => {
  it('refuses times in the past, beyond 14 days and off the half-hour grid, with nothing written', async () => {
    const customer = await customerWithAddress(t);
    await signedInWorker(t);
    const c = caller(t, customer);
    const before = await t.ctx.db.selectFrom('orders').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    for (const start of [shanghaiAt(15, 10), `${shanghaiAt(2, 10).slice(0, 14)}10:15:00+08:00`]) {
      const quoteId = await quoteAt(t, customer, start).catch(() => null);
      if (!quoteId) continue; // the quote engine itself refused the time
      const res = await c('POST', '/api/orders', { quoteId, addressId: customer.addressId });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().code).toBe('START_OUT_OF_RANGE');
    }
    const after = await t.ctx.db.selectFrom('orders').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('says clearly when no worker serves the address, and when a chosen worker does not cover it', async () => {
    const far = await customerWithAddress(t, { lat: 31.05, lng: 121.95, districtCode: '310115' });
    const quoteId = await quoteAt(t, far, shanghaiAt(2, 10), 'hood-cleaning');
    const slots = await caller(t, far)('GET', `/api/booking/slots?quoteId=${quoteId}&addressId=${far.addressId}`);
    expect(slots.statusCode).toBe(400);
    expect(slots.json()).toMatchObject({ code: 'ADDRESS_NOT_COVERED', title: expect.stringContaining('暂无可服务的师傅') });
    const en = await t.app.inject({ method: 'POST', url: '/api/orders', headers: { ...far.headers, 'accept-language': 'en' }, payload: { quoteId, addressId: far.addressId } });
    expect(en.json()).toMatchObject({ code: 'ADDRESS_NOT_COVERED', title: expect.stringContaining('No qualified worker') });
  });

  it('a taken slot answers 409 with fresh alternatives; the worker is never double-booked', async () => {
    const worker = await signedInWorker(t, { name: '独一师傅', homeLat: 31.30, homeLng: 121.50, serviceRadiusKm: 3, districtCode: '310110' });
    const at = { lat: 31.301, lng: 121.501, districtCode: '310110' };
    const a = await customerWithAddress(t, at);
    const b = await customerWithAddress(t, at);
    const start = shanghaiAt(3, 10);
    await bookOrder(t, a, start, { workerId: worker.user.id });
    const quoteId = await quoteAt(t, b, start);
    const taken = await caller(t, b)('POST', '/api/orders', { quoteId, addressId: b.addressId, workerId: worker.user.id });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('SLOT_TAKEN');
    expect(taken.json().alternatives.length).toBeGreaterThan(0);
    expect(taken.json().alternatives).not.toContain(iso(start));
    // 2 h job + 30 min buffer: 12:00 is still blocked for this only worker, 12:30 is free.
    const slots = (await caller(t, b)('GET', `/api/booking/slots?quoteId=${quoteId}&addressId=${b.addressId}&workerId=${worker.user.id}&from=${start.slice(0, 10)}&to=${start.slice(0, 10)}`)).json();
    const startsThatDay = slots.days[0].slots.map((s: { start: string }) => s.start);
    expect(startsThatDay).not.toContain(iso(shanghaiAt(3, 12)));
    expect(startsThatDay).toContain(iso(`${start.slice(0, 11)}12:30:00+08:00`));
    const active = await t.ctx.db.selectFrom('worker_commitments').select('id').where('worker_id', '=', worker.user.id).where('active', '=', true).execute();
    expect(active).toHaveLength(1);
  });

  it('two workers racing for one order: exactly one wins, the other sees ORDER_TAKEN', async () => {
    const customer = await customerWithAddress(t, { lat: 31.2201, lng: 121.4801, districtCode: '310101' });
    const w1 = await signedInWorker(t, { name: '甲师傅', homeLat: 31.22, homeLng: 121.48, districtCode: '310101' });
    const w2 = await signedInWorker(t, { name: '乙师傅', homeLat: 31.221, homeLng: 121.481, districtCode: '310101' });
    const order = await bookOrder(t, customer, shanghaiAt(4, 14));
    const results = await Promise.all([w1, w2].map((w) => caller(t, w)('POST', `/api/worker/orders/${order.id}/accept`, {})));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().code).toBe('ORDER_TAKEN');
    // The loser's feed no longer lists it.
    const loser = results[0]!.statusCode === 409 ? w1 : w2;
    const feed = (await caller(t, loser)('GET', '/api/worker/orders?view=offers')).json().items.map((o: { id: string }) => o.id);
    expect(feed).not.toContain(order.id);
  });

  it('no IDOR: another customer or an unrelated worker gets 404 on the order and its photos', async () => {
    const customer = await customerWithAddress(t);
    const order = await bookOrder(t, customer, shanghaiAt(5, 9), { pay: false });
    const stranger = await smsSignIn(t.app, t.ctx, 'customer');
    const otherWorker = await smsSignIn(t.app, t.ctx, 'worker');
    for (const [who, url] of [[stranger, `/api/orders/${order.id}`], [stranger, `/api/orders/${order.id}/cancellation`], [otherWorker, `/api/worker/orders/${order.id}`]] as const) {
      expect((await caller(t, who)('GET', url)).statusCode).toBe(404);
    }
    expect((await caller(t, stranger)('POST', `/api/orders/${order.id}/cancel`, { reason: 'x' })).statusCode).toBe(404);
    expect((await caller(t, otherWorker)('POST', `/api/worker/orders/${order.id}/accept`, {})).statusCode).toBe(404);
  });

  it('check-in from 20 km away is refused without a reason and accepted with one; cancel after completion is refused', async () => {
    const customer = await customerWithAddress(t);
    const worker = await signedInWorker(t);
    const order = await bookOrder(t, customer, shanghaiAt(6, 10), { workerId: worker.user.id });
    const w = caller(t, worker);
    await w('POST', `/api/worker/orders/${order.id}/accept`, {});
    const code = (await caller(t, customer)('GET', `/api/orders/${order.id}`)).json().serviceCode;
    await agreeEarlyVisit(w, caller(t, customer), order.id);
    const twentyKm = { lat: HOME.lat + 0.18, lng: HOME.lng };
    const refused = await w('POST', `/api/worker/orders/${order.id}/check-in`, { ...twentyKm, serviceCode: code });
    expect(refused.json()).toMatchObject({ code: 'CHECK_IN_TOO_FAR', currentState: 'assigned' });
    const ok = await w('POST', `/api/worker/orders/${order.id}/check-in`, { ...twentyKm, serviceCode: code, farReason: '客户临时改到小区门口' });
    expect(ok.json().status).toBe('in_service');
    await w('POST', `/api/worker/orders/${order.id}/finish`, EARLY_FINISH);
    await caller(t, customer)('POST', `/api/orders/${order.id}/confirm`, {});
    const late = await caller(t, customer)('POST', `/api/orders/${order.id}/cancel`, { reason: '不想要了' });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'ILLEGAL_TRANSITION', currentState: 'completed' });
  });

  it('five wrong service codes lock check-in', async () => {
    const customer = await customerWithAddress(t);
    const worker = await signedInWorker(t);
    const order = await bookOrder(t, customer, shanghaiAt(7, 10), { workerId: worker.user.id });
    const w = caller(t, worker);
    await w('POST', `/api/worker/orders/${order.id}/accept`, {});
    const code = (await caller(t, customer)('GET', `/api/orders/${order.id}`)).json().serviceCode as string;
    await agreeEarlyVisit(w, caller(t, customer), order.id);
    const wrong = code === '9999' ? '0000' : '9999';
    for (let i = 0; i < 5; i++) expect((await w('POST', `/api/worker/orders/${order.id}/check-in`, { lat: HOME.lat, lng: HOME.lng, serviceCode: wrong })).statusCode).toBe(409);
    expect((await w('POST', `/api/worker/orders/${order.id}/check-in`, { lat: HOME.lat, lng: HOME.lng, serviceCode: code })).statusCode).toBe(429);
  });

  it('validates bodies with field errors (no 500)', async () => {
    const customer = await customerWithAddress(t);
    const res = await caller(t, customer)('POST', '/api/orders', { quoteId: 'nope', addressId: customer.addressId, extra: 1 });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.length).toBeGreaterThan(0);
    const badKey = await caller(t, customer)('POST', '/api/orders', { quoteId: customer.addressId, addressId: customer.addressId }, { 'idempotency-key': 'x'.repeat(200) });
    expect(badKey.statusCode).toBe(400);
  });
});
