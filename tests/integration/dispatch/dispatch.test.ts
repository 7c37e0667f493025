import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { ALL_DAY, bookOrder, caller, customerWithAddress, inHours, opsHeaders, signedInWorker, type Party } from '../../helpers/booking.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

const S = 1000;
// Each scenario in its own corner of the city so other tests' workers (shared PostgreSQL) never interfere.
const spots = [
  { lat: 30.918, lng: 121.474, districtCode: '310120' },
  { lat: 31.623, lng: 121.397, districtCode: '310151' },
  { lat: 30.742, lng: 121.342, districtCode: '310116' },
  { lat: 31.150, lng: 121.124, districtCode: '310118' },
];

async function crew(spot: (typeof spots)[number], n: number, tag: string) {
  const workers: Party[] = [];
  for (let i = 0; i < n; i++) {
    workers.push(await signedInWorker(t, { name: `${tag}${i}师傅`, homeLat: spot.lat + 0.002 * i, homeLng: spot.lng, districtCode: spot.districtCode, serviceRadiusKm: 8, hours: ALL_DAY, ratingAvg: 4.9 - i * 0.05, ratingCount: 50 }));
  }
  return workers;
}

const offeredTo = async (orderId: string) => (await t.ctx.db.selectFrom('order_offers').select(['worker_id', 'status', 'round', 'mode']).where('order_id', '=', orderId).execute());

describe('dispatch', () => {
  it('grab mode: the best K get it, ranked and explained; the first grab wins; the hall of the others no longer shows it', async () => {
    const spot = spots[0]!;
    const workers = await crew(spot, 7, '甲');
    const customer = await customerWithAddress(t, spot);
    const order = await bookOrder(t, customer, inHours(30));
    const offers = await offeredTo(order.id);
    expect(offers).toHaveLength(5);
    expect(offers.every((o) => o.mode === 'grab' && o.status === 'open')).toBe(true);
    const ops = await opsHeaders(t);
    const decisions = (await t.app.inject({ method: 'GET', url: `/api/admin/orders/${order.id}/dispatch`, headers: ops })).json();
    expect(decisions[0]).toMatchObject({ round: 1, mode: 'grab', candidates: 7 });
    expect(decisions[0].ranked[0].explanation.zh).toBeTruthy();
    expect(decisions[0].ranked.map((r: { rank: number }) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7]);

    const offered = workers.filter((w) => offers.some((o) => o.worker_id === w.user.id));
    const outsider = workers.find((w) => !offers.some((o) => o.worker_id === w.user.id))!;
    const hall = (await caller(t, offered[0]!)('GET', '/api/worker/hall')).json();
    expect(hall.items.map((i: { id: string }) => i.id)).toContain(order.id);
    expect(hall.items[0]).toMatchObject({ payFen: order.price.totalFen, fit: expect.any(Number), distanceKm: expect.any(Number) });
    // The take-home after the platform's commission, by the rule that settles the order (default: a fixed share).
    const mine = hall.items.find((i: { id: string }) => i.id === order.id);
    expect(mine.commissionFen).toBeGreaterThan(0);
    expect(mine.takeHomeFen + mine.commissionFen).toBe(order.price.totalFen);
    expect(mine.commissionReason.zh).toMatch(/抽成/);
    expect((await caller(t, outsider)('POST', `/api/worker/orders/${order.id}/accept`, {})).statusCode).toBe(404);

    const results = await Promise.all(offered.map((w) => caller(t, w)('POST', `/api/worker/orders/${order.id}/accept`, {})));
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 409).every((r) => r.json().code === 'ORDER_TAKEN')).toBe(true);
    for (const w of offered) expect((await caller(t, w)('GET', '/api/worker/hall')).json().items.map((i: { id: string }) => i.id)).not.toContain(order.id);
  });

  it('after the grab window: direct assignment round by round, declines move on at once, then the operations queue; manual assignment clears it', async () => {
    const spot = spots[1]!;
    const workers = await crew(spot, 7, '乙');
    const customer = await customerWithAddress(t, spot);
    const order = await bookOrder(t, customer, inHours(30));
    const firstRound = new Set((await offeredTo(order.id)).map((o) => o.worker_id));
    await t.ctx.jobs.runDue(new Date(Date.now() + 121 * S));
    const round2 = (await offeredTo(order.id)).filter((o) => o.round === 2);
    expect(round2).toHaveLength(1);
    expect(round2[0]).toMatchObject({ mode: 'assign', status: 'open' });
    expect(firstRound.has(round2[0]!.worker_id)).toBe(false);
    // A late grab by a round-1 worker is refused.
    const late = workers.find((w) => firstRound.has(w.user.id))!;
    expect((await caller(t, late)('POST', `/api/worker/orders/${order.id}/accept`, {})).json().code).toBe('GRAB_WINDOW_CLOSED');

    const assignee = workers.find((w) => w.user.id === round2[0]!.worker_id)!;
    expect((await caller(t, assignee)('POST', `/api/worker/orders/${order.id}/decline`, { reason: '距离太远' })).statusCode).toBe(204);
    const round3 = (await offeredTo(order.id)).filter((o) => o.round === 3);
    expect(round3).toHaveLength(1);
    await t.ctx.jobs.runDue(new Date(Date.now() + 301 * S));
    const all = await offeredTo(order.id);
    // 7 workers: 5 in the grab round, 2 direct assignments, then nobody is left → the queue.
    expect(all.filter((o) => o.mode === 'assign').map((o) => o.round).sort()).toEqual([2, 3]);
    const ops = await opsHeaders(t);
    const queue = (await t.app.inject({ method: 'GET', url: '/api/admin/dispatch/queue', headers: ops })).json();
    expect(queue.find((q: { id: string }) => q.id === order.id)).toMatchObject({ reasonCode: 'all_busy', reason: '附近符合条件的师傅均无空档' });
    const inEnglish = (await t.app.inject({ method: 'GET', url: '/api/admin/dispatch/queue', headers: { ...ops, 'accept-language': 'en' } })).json();
    expect(inEnglish.find((q: { id: string }) => q.id === order.id).reason).toBe('Every qualified worker nearby is busy then');
    const candidates = (await t.app.inject({ method: 'GET', url: `/api/admin/orders/${order.id}/candidates`, headers: ops })).json();
    expect(candidates[0]).toMatchObject({ score: expect.any(Number), explanation: { zh: expect.any(String), en: expect.any(String) } });
    const assigned = await t.app.inject({ method: 'POST', url: `/api/admin/orders/${order.id}/assign`, headers: ops, payload: { workerId: candidates[0].id, reason: '电话确认可上门' } });
    expect(assigned.json().status).toBe('assigned');
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/dispatch/queue', headers: ops })).json().map((q: { id: string }) => q.id)).not.toContain(order.id);
  });

  it('常客优先: the customer\'s favourite (regular) worker is offered first even if farther; a suspended worker cannot grab; a given-back order is re-dispatched', async () => {
    const spot = spots[2]!;
    const workers = await crew(spot, 4, '丙');
    const customer = await customerWithAddress(t, spot);
    const regular = workers[3]!;
    await caller(t, customer)('PUT', `/api/workers/${regular.user.id}/favourite`, { favourite: true });
    await t.ctx.db.insertInto('favourite_workers').values({ customer_id: customer.user.id, worker_id: regular.user.id }).onConflict((oc) => oc.doNothing()).execute();
    await t.ctx.db.insertInto('dispatch_settings').values({ city_code: t.ctx.config.cityCode, category_code: 'cleaning', settings: JSON.stringify({ mode: 'assign' }) })
      .onConflict((oc) => oc.columns(['city_code', 'category_code']).doUpdateSet({ settings: JSON.stringify({ mode: 'assign' }) })).execute();
    const order = await bookOrder(t, customer, inHours(30));
    const first = await offeredTo(order.id);
    expect(first).toEqual([expect.objectContaining({ worker_id: regular.user.id, mode: 'assign' })]);
    const taken = await caller(t, regular)('POST', `/api/worker/orders/${order.id}/accept`, {});
    expect(taken.json().status).toBe('assigned');
    await caller(t, regular)('POST', `/api/worker/orders/${order.id}/decline`, { reason: '临时生病' });
    const after = await offeredTo(order.id);
    expect(after.filter((o) => o.status === 'open').map((o) => o.worker_id)).not.toContain(regular.user.id);
    expect(after.filter((o) => o.status === 'open')).toHaveLength(1);

    const next = workers.find((w) => after.some((o) => o.status === 'open' && o.worker_id === w.user.id))!;
    await t.ctx.db.updateTable('worker_profiles').set({ suspended_until: new Date(Date.now() + 86_400_000) }).where('user_id', '=', next.user.id).execute();
    expect((await caller(t, next)('POST', `/api/worker/orders/${order.id}/accept`, {})).json().code).toBe('WORKER_UNAVAILABLE');
    await t.ctx.db.deleteFrom('dispatch_settings').where('category_code', '=', 'cleaning').execute();
  });

  it('settings per category are validated and audited', async () => {
    const ops = await opsHeaders(t);
    const saved = await t.app.inject({ method: 'PUT', url: '/api/admin/dispatch/settings/moving', headers: ops, payload: { mode: 'assign', acceptTimeoutSeconds: 180 } });
    expect(saved.json()).toMatchObject({ mode: 'assign', acceptTimeoutSeconds: 180, topK: 5 });
    expect((await t.app.inject({ method: 'PUT', url: '/api/admin/dispatch/settings/nope', headers: ops, payload: { mode: 'assign' } })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'PUT', url: '/api/admin/dispatch/settings/moving', headers: ops, payload: { topK: 0 } })).statusCode).toBe(400);
    await t.ctx.db.deleteFrom('dispatch_settings').where('category_code', '=', 'moving').execute();
  });
});
