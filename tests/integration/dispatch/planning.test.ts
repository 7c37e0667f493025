import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookOrder, caller, customerWithAddress, opsHeaders, signedInWorker, type Party } from '../../helpers/booking.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { shanghaiAt } from '../../helpers/time.js';

// A corner of the city (宝山区) and a day (10 days ahead) no other test uses, so a plan here sees only these orders.
const DAYS_AHEAD = 10;
const A_HOME = { lat: 31.4, lng: 121.49, districtCode: '310113' };
const B_HOME = { lat: 31.4, lng: 121.532, districtCode: '310113' }; // ~4 km east
const NEAR_A = { lat: 31.404, lng: 121.49, districtCode: '310113' };

let t: TestApp;
let ops: Record<string, string>;
let a: Party;
let b: Party;
const order: Record<string, { id: string; orderNo: string; scheduledStart: string }> = {};
let date: string;

interface Stop { orderId: string; fixed: boolean; leave: string; arrive: string; start: string; end: string; travelKm: number; travelMinutes: number; waitMinutes: number }
interface Route { workerId: string; workerName: string; stops: Stop[]; travelKm: number; planned: number; leaveHome: string; returnHome: string }
interface Plan {
  id: string; status: string; date: string; totals: Record<string, number>; routes: Route[];
  unassigned: { orderId: string; reason: string; eligibleWorkers: number }[];
  applyResults: { orderId: string; workerId: string; outcome: string; code: string | null; message: { zh: string; en: string } | null }[] | null;
}

const routeOf = (plan: Plan, workerId: string) => plan.routes.find((r) => r.workerId === workerId);
const idsOf = (route: Route | undefined) => route?.stops.map((s) => s.orderId) ?? [];

beforeAll(async () => {
  t = await createTestApp();
  ops = await opsHeaders(t);
  const spec = { serviceRadiusKm: 8, districtCode: '310113' };
  a = await signedInWorker(t, { name: '规划甲', homeLat: A_HOME.lat, homeLng: A_HOME.lng, ...spec });
  b = await signedInWorker(t, { name: '规划乙', homeLat: B_HOME.lat, homeLng: B_HOME.lng, ...spec });
  const atA = await customerWithAddress(t, A_HOME);
  const atA2 = await customerWithAddress(t, A_HOME);
  const atB = await customerWithAddress(t, B_HOME);
  const nearA = await customerWithAddress(t, NEAR_A);
  order.a9 = await bookOrder(t, atA, shanghaiAt(DAYS_AHEAD, 9));
  order.b9 = await bookOrder(t, atB, shanghaiAt(DAYS_AHEAD, 9));
  order.extra9 = await bookOrder(t, atA2, shanghaiAt(DAYS_AHEAD, 9));
  order.a12 = await bookOrder(t, nearA, shanghaiAt(DAYS_AHEAD, 12));
  // B already holds a job at 12:00 (fixed stop), and a customer chose B for 15:00 near A (only B may take it).
  order.fixedB = await bookOrder(t, atB, shanghaiAt(DAYS_AHEAD, 12), { workerId: b.user.id });
  const accepted = await caller(t, b)('POST', `/api/worker/orders/${order.fixedB.id}/accept`, {});
  expect(accepted.statusCode, accepted.body).toBe(200);
  order.chosenB = await bookOrder(t, nearA, shanghaiAt(DAYS_AHEAD, 15), { workerId: b.user.id });
  date = shanghaiAt(DAYS_AHEAD, 9).slice(0, 10);
});
afterAll(async () => { await t?.close(); });

describe('day planning', () => {
  let plan: Plan;

  it('proposes routes: nearest workers, fixed stops kept, the chosen worker honoured, the surplus explained', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/admin/dispatch/plans', headers: ops, payload: { date } });
    expect(res.statusCode, res.body).toBe(201);
    plan = res.json();
    expect(plan).toMatchObject({ status: 'proposed', date, applyResults: null });
    const ra = routeOf(plan, a.user.id)!;
    const rb = routeOf(plan, b.user.id)!;
    expect(idsOf(rb)).toEqual([order.b9.id, order.fixedB.id, order.chosenB.id]);
    expect(rb.stops.map((s) => s.fixed)).toEqual([false, true, false]);
    // Two 9:00 jobs at A's door and one worker there: one goes to A, the other stays unassigned.
    expect(idsOf(ra)).toHaveLength(2);
    expect([order.a9.id, order.extra9.id]).toContain(ra.stops[0].orderId);
    expect(ra.stops[1].orderId).toBe(order.a12.id);
    expect(plan.unassigned).toHaveLength(1);
    expect(plan.unassigned[0]).toMatchObject({ reason: 'workers_fully_booked', eligibleWorkers: 2 });
    expect(plan.totals).toMatchObject({ orders: 5, planned: 4, fixed: 1, unassigned: 1, workersUsed: 2 });
    expect(plan.totals.travelKm).toBeCloseTo(ra.travelKm + rb.travelKm, 0);

    // The ETA chain: leave home just in time, then straight on after each job, waiting for the next start.
    const first = ra.stops[0];
    expect(first.arrive).toBe(first.start);
    expect(first.start).toBe(new Date(shanghaiAt(DAYS_AHEAD, 9)).toISOString());
    expect(first.travelKm).toBeLessThan(0.1);
    const second = ra.stops[1];
    expect(second.leave).toBe(first.end);
    expect(new Date(second.arrive).getTime()).toBeGreaterThan(new Date(second.leave).getTime());
    expect(second.travelKm).toBeCloseTo(0.6, 1); // 445 m × 1.3
    expect(rb.stops[2].travelKm).toBeGreaterThan(4);
    expect(ra.workerName).toBe('规师傅');

    const fetched = await t.app.inject({ method: 'GET', url: `/api/admin/dispatch/plans/${plan.id}`, headers: ops });
    expect(fetched.json()).toMatchObject({ id: plan.id, totals: plan.totals });
  });

  it('a new proposal for the day replaces the earlier one; both are listed', async () => {
    const again = (await t.app.inject({ method: 'POST', url: '/api/admin/dispatch/plans', headers: ops, payload: { date } })).json() as Plan;
    const list = (await t.app.inject({ method: 'GET', url: `/api/admin/dispatch/plans?date=${date}`, headers: ops })).json();
    expect(list.items.map((p: { id: string }) => p.id)).toEqual([again.id, plan.id]);
    expect(list.items[1].status).toBe('discarded');
    expect(list.items[0].routes).toBeUndefined();
    const stale = await t.app.inject({ method: 'POST', url: `/api/admin/dispatch/plans/${plan.id}/apply`, headers: ops, payload: {} });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'PLAN_STATE', currentState: 'discarded' });
    plan = again;
  });

  it('applies order by order: the world changed for two of them, the rest are assigned', async () => {
    const ra = routeOf(plan, a.user.id)!;
    const a9 = ra.stops[0].orderId;
    // Meanwhile ops give A's 9:00 job to B by hand: that one is taken, and B is no longer free at 9:00.
    const manual = await t.app.inject({ method: 'POST', url: `/api/admin/orders/${a9}/assign`, headers: ops, payload: { workerId: b.user.id, reason: '电话确认' } });
    expect(manual.statusCode, manual.body).toBe(200);

    const res = await t.app.inject({ method: 'POST', url: `/api/admin/dispatch/plans/${plan.id}/apply`, headers: ops, payload: {} });
    expect(res.statusCode, res.body).toBe(200);
    const applied: Plan = res.json();
    expect(applied.status).toBe('applied');
    const result = new Map(applied.applyResults!.map((r) => [r.orderId, r]));
    expect(result.get(a9)).toMatchObject({ outcome: 'conflict', code: 'ORDER_TAKEN' });
    expect(result.get(order.b9.id)).toMatchObject({ outcome: 'conflict', code: 'SCHEDULE_CONFLICT', message: { zh: expect.stringContaining('冲突') } });
    expect(result.get(order.a12.id)).toMatchObject({ outcome: 'assigned', workerId: a.user.id });
    expect(result.get(order.chosenB.id)).toMatchObject({ outcome: 'assigned', workerId: b.user.id });
    expect(result.has(order.fixedB.id)).toBe(false);

    const view = async (id: string) => (await t.app.inject({ method: 'GET', url: `/api/admin/orders/${id}`, headers: ops })).json();
    expect(await view(order.a12.id)).toMatchObject({ status: 'assigned', worker: { id: a.user.id } });
    expect(await view(order.chosenB.id)).toMatchObject({ status: 'assigned', worker: { id: b.user.id } });
    expect((await view(order.b9.id)).status).toBe('paid');

    const twice = await t.app.inject({ method: 'POST', url: `/api/admin/dispatch/plans/${plan.id}/apply`, headers: ops, payload: {} });
    expect(twice.json()).toMatchObject({ code: 'PLAN_STATE', currentState: 'applied' });
    const audit = await t.ctx.db.selectFrom('audit_log').select(['action', 'detail']).where('target_id', '=', plan.id).execute();
    expect(audit.map((x) => x.action)).toEqual(expect.arrayContaining(['dispatch.plan_created', 'dispatch.plan_applied']));
  });

  it("shows each worker the day's route with the ETA chain from home", async () => {
    const res = await caller(t, b)('GET', `/api/worker/route?date=${date}`);
    expect(res.statusCode, res.body).toBe(200);
    const route = res.json();
    expect(route).toMatchObject({ date, timeZone: 'Asia/Shanghai', hasHome: true });
    expect(route.stops.map((s: { orderNo: string }) => s.orderNo).length).toBe(3);
    const [first, second, third] = route.stops;
    expect(first.travelKm).toBeGreaterThan(4); // B's home → the job at A's door
    expect(route.leaveHome).toBe(first.leave);
    expect(new Date(first.arrive).getTime()).toBe(new Date(first.start).getTime());
    expect(second.leave).toBe(first.end);
    expect(third).toMatchObject({ orderId: order.chosenB.id, status: 'assigned', itemName: '日常保洁' });
    expect(new Date(route.returnHome).getTime()).toBeGreaterThan(new Date(third.end).getTime());
    expect(route.travelKm).toBeGreaterThan(12);

    const mineA = (await caller(t, a)('GET', `/api/worker/route?date=${date}`)).json();
    expect(mineA.stops.map((s: { orderId: string }) => s.orderId)).toEqual([order.a12.id]);
    const otherDay = (await caller(t, a)('GET', `/api/worker/route?date=${shanghaiAt(DAYS_AHEAD + 1, 9).slice(0, 10)}`)).json();
    expect(otherDay).toMatchObject({ stops: [], leaveHome: null });
  });

  it('checks permissions and dates', async () => {
    const finance = await opsHeaders(t, 'finance');
    expect((await t.app.inject({ method: 'POST', url: '/api/admin/dispatch/plans', headers: finance, payload: { date } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/dispatch/plans', headers: finance })).statusCode).toBe(403);
    const past = await t.app.inject({ method: 'POST', url: '/api/admin/dispatch/plans', headers: ops, payload: { date: '2020-01-01' } });
    expect(past.statusCode).toBe(400);
    expect(past.json().errors[0].field).toBe('date');
    expect((await t.app.inject({ method: 'POST', url: '/api/admin/dispatch/plans', headers: ops, payload: { date, extra: 1 } })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/dispatch/plans/00000000-0000-4000-8000-000000000000', headers: ops })).statusCode).toBe(404);
    const customer = await customerWithAddress(t, A_HOME);
    expect((await caller(t, customer)('GET', `/api/worker/route?date=${date}`)).statusCode).toBe(403);
    expect((await caller(t, a)('GET', '/api/worker/route?date=tomorrow')).statusCode).toBe(400);
  });

  it('plans one category only, and tomorrow by default', async () => {
    const none = (await t.app.inject({ method: 'POST', url: '/api/admin/dispatch/plans', headers: ops, payload: { date, categoryCode: 'moving' } })).json() as Plan;
    expect(none.totals).toMatchObject({ orders: 0, planned: 0 });
    const tomorrow = (await t.app.inject({ method: 'POST', url: '/api/admin/dispatch/plans', headers: ops, payload: { categoryCode: 'moving' } })).json() as Plan;
    expect(tomorrow.date).toBe(shanghaiAt(1, 12).slice(0, 10));
  });
});
