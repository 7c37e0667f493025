import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawLastWeekIfDue, drawWeek, qaPassRates } from '../../../src/domains/quality/index.js';
import { previousWeekStart, weekRange, weekStartOf } from '../../../src/domains/quality/rules.js';
import { ALL_DAY, bookOrder, caller, customerWithAddress, HOME, opsHeaders, signedInWorker } from '../../helpers/booking.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { shanghaiAt } from '../../helpers/time.js';
import { agreeEarlyVisit, EARLY_FINISH } from '../booking/visit.js';

const TZ = 'Asia/Shanghai';
const DAY = 86_400_000;
let t: TestApp;
let ops: ReturnType<typeof caller>;
let support: ReturnType<typeof caller>;
let finance: ReturnType<typeof caller>;
beforeAll(async () => {
  t = await createTestApp();
  ops = caller(t, { headers: await opsHeaders(t, 'operations') });
  support = caller(t, { headers: await opsHeaders(t, 'support') });
  finance = caller(t, { headers: await opsHeaders(t, 'finance') });
});
afterAll(async () => { await t?.close(); });

type Worker = Awaited<ReturnType<typeof signedInWorker>>;

/** A completed (验收) order of a fresh customer with `worker`, then dated to `completedAt` (a week already over). */
async function completedOrder(worker: Worker, itemCode: string, completedAt: Date, day = 2, hour = 10) {
  const customer = await customerWithAddress(t);
  const order = await bookOrder(t, customer, shanghaiAt(day, hour), { workerId: worker.user.id, itemCode });
  const c = caller(t, customer);
  const w = caller(t, worker);
  expect((await w('POST', `/api/worker/orders/${order.id}/accept`, {})).statusCode).toBe(200);
  const code = (await c('GET', `/api/orders/${order.id}`)).json().serviceCode;
  await agreeEarlyVisit(w, c, order.id);
  expect((await w('POST', `/api/worker/orders/${order.id}/check-in`, { lat: HOME.lat, lng: HOME.lng, serviceCode: code })).statusCode).toBe(200);
  expect((await w('POST', `/api/worker/orders/${order.id}/finish`, EARLY_FINISH)).statusCode).toBe(200);
  expect((await c('POST', `/api/orders/${order.id}/confirm`, {})).json().status).toBe('completed');
  await t.ctx.db.updateTable('orders').set({ completed_at: completedAt }).where('id', '=', order.id).execute();
  return { orderId: order.id as string, customer };
}

const samplesOf = (week: string) => t.ctx.db.selectFrom('qa_samples').selectAll().where('week_start', '=', week).execute();

describe('quality sampling (抽检回访)', () => {
  it('draws a week once per category at the rate (at least one), records calls, reveals phones audited, and publishes the pass rate', async () => {
    const now = new Date();
    const lastWeek = previousWeekStart(now, TZ);
    const inLastWeek = new Date(weekRange(lastWeek, TZ).from.getTime() + 2 * DAY);
    const a = await signedInWorker(t, { name: '抽检甲', hours: ALL_DAY });
    const b = await signedInWorker(t, { name: '抽检乙', hours: ALL_DAY, skills: ['ac-cleaning'] });
    const cleaning: Awaited<ReturnType<typeof completedOrder>>[] = [];
    for (let i = 0; i < 3; i++) cleaning.push(await completedOrder(a, 'daily-cleaning', new Date(inLastWeek.getTime() + i * 3600_000), 2, 8 + i * 4));
    const ac = await completedOrder(b, 'ac-cleaning', inLastWeek, 3);

    // The current week is not over; a Tuesday is no week start; finance may draw nothing.
    const thisWeek = weekStartOf(now, TZ);
    expect((await ops('POST', '/api/admin/quality/draws', { week: thisWeek })).json().errors[0]).toMatchObject({ field: 'week', code: 'not_over' });
    const tuesday = new Date(weekRange(lastWeek, TZ).from.getTime() + DAY + 9 * 3600_000).toISOString().slice(0, 10);
    expect((await ops('POST', '/api/admin/quality/draws', { week: tuesday })).json().errors[0]).toMatchObject({ field: 'week', code: 'format' });
    expect((await finance('POST', '/api/admin/quality/draws', { week: lastWeek })).statusCode).toBe(403);

    expect((await ops('PUT', '/api/admin/quality/settings', { rateBp: 0 })).json().errors[0].field).toBe('rateBp');
    expect((await ops('PUT', '/api/admin/quality/settings', { rateBp: 10_000 })).json()).toEqual({ rateBp: 10_000 });
    const drawn = await ops('POST', '/api/admin/quality/draws', { week: lastWeek });
    expect(drawn.statusCode, drawn.body).toBe(200);
    expect(drawn.json()).toMatchObject({ week: lastWeek, created: true, ordersInWeek: 4, sampled: 4, rateBp: 10_000 });
    // Twice (ops again, the hourly job) draws nothing more.
    expect((await ops('POST', '/api/admin/quality/draws', { week: lastWeek })).json()).toMatchObject({ created: false, sampled: 4 });
    expect(await drawLastWeekIfDue(t.ctx.db, t.ctx.config.cityCode, now)).toMatchObject({ created: false, sampled: 4 });
    expect(await samplesOf(lastWeek)).toHaveLength(4);

    const page = (await support('GET', `/api/admin/quality/samples?week=${lastWeek}`)).json();
    expect(page.draw).toMatchObject({ ordersInWeek: 4, sampled: 4 });
    expect(page.counts).toEqual({ pending: 4, pass: 0, issue: 0, unreachable: 0 });
    const ofA = page.items.filter((s: { worker: { id: string } }) => s.worker.id === a.user.id);
    const ofB = page.items.find((s: { worker: { id: string } }) => s.worker.id === b.user.id);
    expect(ofA).toHaveLength(3);
    expect(ofB).toMatchObject({ orderId: ac.orderId, categoryCode: 'appliance-cleaning' });
    expect(ofB.worker.name).toMatch(/抽/);
    const customerPhone = cleaning[0].customer.phone as string;
    const first = ofA.find((s: { orderId: string }) => s.orderId === cleaning[0].orderId);
    expect(first.customer.phoneMasked).toMatch(/^1\d{2}\*{4}\d{4}$/);
    expect(JSON.stringify(page)).not.toContain(customerPhone);

    expect((await finance('POST', `/api/admin/quality/samples/${first.id}/reveal-phone`, {})).statusCode).toBe(403);
    expect((await support('POST', `/api/admin/quality/samples/${first.id}/reveal-phone`, {})).json()).toEqual({ phone: customerPhone });
    const audit = await t.ctx.db.selectFrom('audit_log').select(['action', 'actor_name']).where('target_id', '=', first.id).execute();
    expect(audit).toEqual([{ action: 'qa.phone_revealed', actor_name: '测试 support' }]);

    // pass needs the questionnaire; nothing is written without it.
    const incomplete = await support('POST', `/api/admin/quality/samples/${first.id}/result`, { outcome: 'pass', onTime: true });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().errors.map((e: { field: string }) => e.field)).toEqual(['asDescribed', 'attitude', 'extraCharges', 'satisfaction']);
    expect((await support('POST', `/api/admin/quality/samples/${first.id}/result`, { outcome: 'pass', onTime: true, asDescribed: true, attitude: 9, extraCharges: false, satisfaction: 5 })).statusCode).toBe(400);
    expect((await t.ctx.db.selectFrom('qa_samples').select('status').where('id', '=', first.id).executeTakeFirstOrThrow()).status).toBe('pending');

    const good = { onTime: true, asDescribed: true, attitude: 5, extraCharges: false, satisfaction: 5 };
    const [s1, s2, s3] = ofA.map((s: { id: string }) => s.id);
    const passed = await support('POST', `/api/admin/quality/samples/${s1}/result`, { outcome: 'pass', ...good, notes: '客户很满意' });
    expect(passed.json()).toMatchObject({ status: 'pass', answers: good, notes: '客户很满意', calledBy: '测试 support', attempts: 1 });
    expect((await support('POST', `/api/admin/quality/samples/${s1}/result`, { outcome: 'issue', ...good })).json()).toMatchObject({ code: 'QA_SAMPLE_STATE', currentState: 'pass' });
    // Unreachable first, then reached and passed.
    expect((await support('POST', `/api/admin/quality/samples/${s2}/result`, { outcome: 'unreachable', notes: '无人接听' })).json()).toMatchObject({ status: 'unreachable', answers: null });
    expect((await t.ctx.db.selectFrom('qa_samples').select('status').where('id', '=', s2).executeTakeFirstOrThrow()).status).toBe('unreachable');
    expect((await support('POST', `/api/admin/quality/samples/${s2}/result`, { outcome: 'pass', ...good })).json()).toMatchObject({ status: 'pass', attempts: 2 });
    expect((await support('POST', `/api/admin/quality/samples/${s3}/result`, { outcome: 'issue', ...good, extraCharges: true, satisfaction: 2, notes: '师傅私下加收 50 元' })).json().status).toBe('issue');
    expect((await support('POST', `/api/admin/quality/samples/${ofB.id}/result`, { outcome: 'unreachable' })).json().status).toBe('unreachable');

    // 转投诉: only a failed sample, once, as a 'qa' complaint about the worker.
    const complaint = { category: 'overcharge', description: '回访中客户反映师傅私下加收 50 元' };
    expect((await finance('POST', `/api/admin/quality/samples/${s3}/complaint`, complaint)).statusCode).toBe(403);
    expect((await support('POST', `/api/admin/quality/samples/${s1}/complaint`, complaint)).json()).toMatchObject({ code: 'QA_SAMPLE_STATE', currentState: 'pass' });
    const opened = await support('POST', `/api/admin/quality/samples/${s3}/complaint`, complaint);
    expect(opened.statusCode, opened.body).toBe(201);
    const complaintRow = await t.ctx.db.selectFrom('complaints').selectAll().where('id', '=', opened.json().complaintId).executeTakeFirstOrThrow();
    expect(complaintRow).toMatchObject({ source: 'qa', filed_by: null, against_kind: 'worker', against_id: a.user.id, category: 'overcharge' });
    expect((await support('POST', `/api/admin/quality/samples/${s3}/complaint`, complaint)).statusCode).toBe(409);
    expect((await support('GET', `/api/admin/quality/samples?week=${lastWeek}`)).json().items.find((x: { id: string }) => x.id === s3).complaintId).toBe(opened.json().complaintId);

    const customer = caller(t, cleaning[0].customer);
    expect((await customer('GET', `/api/workers/${a.user.id}/quality`)).json()).toEqual({ workerId: a.user.id, passed: 2, issues: 1, unreachable: 0, checked: 3, rate: 0.667 });
    expect((await customer('GET', `/api/workers/${b.user.id}/quality`)).json()).toMatchObject({ passed: 0, issues: 0, unreachable: 1, checked: 0, rate: null });
    const rates = await qaPassRates(t.ctx.db, [a.user.id, b.user.id]);
    expect(rates.get(a.user.id)).toMatchObject({ passed: 2, issues: 1 });
    const after = (await ops('GET', `/api/admin/quality/samples?week=${lastWeek}`)).json();
    expect(after.counts).toEqual({ pending: 0, pass: 2, issue: 1, unreachable: 1 });
    const actions = await t.ctx.db.selectFrom('audit_log').select('action').where('action', 'like', 'qa.%').execute();
    expect(actions.filter((x) => x.action === 'qa.result_recorded')).toHaveLength(5);
    expect(actions.filter((x) => x.action === 'qa.sample_drawn')).toHaveLength(1);
    expect(actions.filter((x) => x.action === 'qa.complaint_opened')).toHaveLength(1);
  });

  it('at 10 % a category with few orders still gets one call; the weekly job draws last week by itself', async () => {
    const now = new Date();
    // Two weeks back from a "now" one week ahead: a week no other test draws (last week's was drawn above).
    const later = new Date(now.getTime() + 7 * DAY);
    const week = previousWeekStart(later, TZ); // the current week, over by `later`
    const inWeek = new Date(Math.min(now.getTime() - 60_000, weekRange(week, TZ).from.getTime() + 3600_000));
    const w = await signedInWorker(t, { name: '抽检丙', hours: ALL_DAY });
    for (let i = 0; i < 3; i++) await completedOrder(w, 'daily-cleaning', new Date(inWeek.getTime() - i * 1000), 4, 8 + i * 4);
    expect((await ops('PUT', '/api/admin/quality/settings', { rateBp: 1000 })).statusCode).toBe(200);
    const result = await drawLastWeekIfDue(t.ctx.db, t.ctx.config.cityCode, later);
    expect(result).toMatchObject({ week, created: true, ordersInWeek: 3, sampled: 1, rateBp: 1000 });
    expect(await drawWeek(t.ctx.db, t.ctx.config.cityCode, week, 'system', later)).toMatchObject({ created: false, sampled: 1 });
    expect(await samplesOf(week)).toHaveLength(1);
  });
});
