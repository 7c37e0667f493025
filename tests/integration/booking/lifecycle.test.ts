import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, latestOutbox, type TestApp } from '../../helpers/test-app.js';
import { ALL_DAY, bookOrder, caller, customerWithAddress, HOME, inHours, opsHeaders, signedInWorker } from '../../helpers/booking.js';
import { agreeEarlyVisit, EARLY_FINISH } from './visit.js';


let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

const H = 3_600_000;

async function accepted(start: string) {
  const customer = await customerWithAddress(t);
  const worker = await signedInWorker(t, { name: '周师傅', hours: ALL_DAY });
  const order = await bookOrder(t, customer, start, { workerId: worker.user.id });
  const res = await caller(t, worker)('POST', `/api/worker/orders/${order.id}/accept`, {});
  if (res.statusCode !== 200) throw new Error(res.body);
  return { customer, worker, order: res.json(), c: caller(t, customer), w: caller(t, worker) };
}

describe('cancellation', () => {
  it('is free a day ahead, then costs a fee that partly compensates the worker', async () => {
    const free = await accepted(inHours(30));
    expect((await free.c('GET', `/api/orders/${free.order.id}/cancellation`)).json()).toMatchObject({ feeFen: 0, refundFen: free.order.price.paidFen, freeUntil: expect.any(String) });

    const soon = await accepted(inHours(5));
    const preview = (await soon.c('GET', `/api/orders/${soon.order.id}/cancellation`)).json();
    const price = soon.order.price.paidFen;
    expect(preview).toMatchObject({ feeFen: Math.round(price * 0.2), refundFen: price - Math.round(price * 0.2), freeUntil: null });
    expect(preview.workerCompensationFen + preview.platformFen).toBe(preview.feeFen);
    const cancelled = await soon.c('POST', `/api/orders/${soon.order.id}/cancel`, { reason: '临时有事' }, { 'idempotency-key': `c-${soon.order.id}` });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', price: { feeFen: preview.feeFen, refundFen: preview.refundFen, workerCompensationFen: preview.workerCompensationFen } });
    const again = await soon.c('POST', `/api/orders/${soon.order.id}/cancel`, { reason: '临时有事' }, { 'idempotency-key': `c-${soon.order.id}` });
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const active = await t.ctx.db.selectFrom('worker_commitments').select('id').where('order_id', '=', soon.order.id).where('active', '=', true).execute();
    expect(active).toHaveLength(0);
    // The worker's time is free again.
    const offers = await soon.w('GET', `/api/worker/calendar?from=${soon.order.scheduledStart.slice(0, 10)}&to=${soon.order.scheduledStart.slice(0, 10)}`);
    expect(offers.json().items.map((i: { orderId: string }) => i.orderId)).not.toContain(soon.order.id);
  });

  it('an unpaid order cancels for free with nothing to refund', async () => {
    const customer = await customerWithAddress(t);
    await signedInWorker(t, { name: '何师傅', hours: ALL_DAY });
    const order = await bookOrder(t, customer, inHours(3), { pay: false });
    const c = caller(t, customer);
    expect((await c('GET', `/api/orders/${order.id}/cancellation`)).json()).toMatchObject({ feeFen: 0, refundFen: 0 });
    expect((await c('POST', `/api/orders/${order.id}/cancel`, { reason: '不需要了' })).json()).toMatchObject({ status: 'cancelled', price: { refundFen: 0, feeFen: 0, paidFen: 0 } });
  });

  it('worker no-show: full refund and a warning for the worker', async () => {
    const { c, order, worker } = await accepted(inHours(6));
    expect((await c('POST', `/api/orders/${order.id}/no-show`, {})).json().code).toBe('TOO_EARLY');
    await t.ctx.db.updateTable('orders').set({ scheduled_start: new Date(Date.now() - H) }).where('id', '=', order.id).execute();
    const res = (await c('POST', `/api/orders/${order.id}/no-show`, { reason: '等了一小时' })).json();
    expect(res).toMatchObject({ status: 'cancelled', price: { refundFen: order.price.paidFen, feeFen: 0 } });
    const penalties = await t.ctx.db.selectFrom('worker_penalties').select(['kind', 'reason']).where('worker_id', '=', worker.user.id).execute();
    expect(penalties).toEqual([expect.objectContaining({ kind: 'warning' })]);
  });

  it('change worker: back to 待接单, the old worker loses the order and its time', async () => {
    const { c, w, order, worker } = await accepted(inHours(30));
    const changed = (await c('POST', `/api/orders/${order.id}/change-worker`, { reason: '想换一位' })).json();
    expect(changed).toMatchObject({ status: 'paid', worker: null });
    expect((await w('GET', `/api/worker/orders/${order.id}`)).json().address.detail).toBeNull();
    const active = await t.ctx.db.selectFrom('worker_commitments').select('worker_id').where('order_id', '=', order.id).where('active', '=', true).execute();
    expect(active.map((a) => a.worker_id)).not.toContain(worker.user.id);
    const history = (await w('GET', '/api/worker/orders?view=history')).json().items.map((o: { id: string }) => o.id);
    expect(history).toContain(order.id);
  });
});

describe('reschedule', () => {
  it('without a worker the customer moves the order at once', async () => {
    const customer = await customerWithAddress(t);
    await signedInWorker(t, { name: '孙师傅', hours: ALL_DAY });
    const order = await bookOrder(t, customer, inHours(30));
    const to = inHours(50);
    const moved = (await caller(t, customer)('POST', `/api/orders/${order.id}/reschedule`, { start: to, reason: '改天' })).json();
    expect(moved).toMatchObject({ status: 'paid', scheduledStart: to });
  });

  it('customer asks, the worker agrees: order and commitment move together', async () => {
    const { c, w, order, worker } = await accepted(inHours(30));
    const to = inHours(54);
    const asked = (await c('POST', `/api/orders/${order.id}/reschedule`, { start: to, reason: '出差' })).json();
    expect(asked.reschedule).toMatchObject({ status: 'pending_worker', proposedStart: to });
    expect(asked.scheduledStart).toBe(order.scheduledStart);
    expect((await c('POST', `/api/orders/${order.id}/reschedule`, { start: to, reason: '再来' })).json().code).toBe('RESCHEDULE_PENDING');
    const done = (await w('POST', `/api/worker/orders/${order.id}/reschedule/${asked.reschedule.id}/decision`, { approve: true })).json();
    expect(done).toMatchObject({ scheduledStart: to, reschedule: { status: 'approved' } });
    const row = await t.ctx.db.selectFrom('worker_commitments').select((eb) => eb.fn<Date>('lower', ['during']).as('s')).where('order_id', '=', order.id).where('active', '=', true).executeTakeFirstOrThrow();
    expect(new Date(row.s).toISOString()).toBe(to);
    expect(worker.user.id).toBeTruthy();
  });

  it('worker asks → ops approve → customer consents; any "no" leaves the order untouched', async () => {
    const ops = await opsHeaders(t);
    const { c, w, order } = await accepted(inHours(30));
    const to = inHours(60);
    const asked = (await w('POST', `/api/worker/orders/${order.id}/reschedule`, { start: to, reason: '车坏了' })).json();
    expect(asked.reschedule.status).toBe('pending_ops');
    expect((await c('POST', `/api/orders/${order.id}/reschedule/${asked.reschedule.id}/decision`, { approve: true })).json().code).toBe('RESCHEDULE_STATE');
    const queue = (await t.app.inject({ method: 'GET', url: '/api/admin/reschedules', headers: ops })).json();
    expect(queue.map((r: { id: string }) => r.id)).toContain(asked.reschedule.id);
    expect((await t.app.inject({ method: 'POST', url: `/api/admin/reschedules/${asked.reschedule.id}/decision`, headers: ops, payload: { approve: true, note: '同意' } })).statusCode).toBe(204);
    const consented = (await c('POST', `/api/orders/${order.id}/reschedule/${asked.reschedule.id}/decision`, { approve: true })).json();
    expect(consented.scheduledStart).toBe(to);

    const second = await accepted(inHours(30));
    const req = (await second.w('POST', `/api/worker/orders/${second.order.id}/reschedule`, { start: inHours(70), reason: '家里有事' })).json().reschedule;
    await t.app.inject({ method: 'POST', url: `/api/admin/reschedules/${req.id}/decision`, headers: ops, payload: { approve: true } });
    const refused = (await second.c('POST', `/api/orders/${second.order.id}/reschedule/${req.id}/decision`, { approve: false })).json();
    expect(refused).toMatchObject({ scheduledStart: second.order.scheduledStart, reschedule: { status: 'rejected' } });
  });
});

describe('timers (durable jobs)', () => {
  it('cancels unpaid orders after 15 minutes and frees a held worker', async () => {
    const customer = await customerWithAddress(t);
    const worker = await signedInWorker(t, { name: '钱师傅', hours: ALL_DAY });
    const order = await bookOrder(t, customer, inHours(30), { workerId: worker.user.id, pay: false });
    await t.ctx.jobs.runDue(new Date(Date.now() + 10 * 60_000));
    expect((await caller(t, customer)('GET', `/api/orders/${order.id}`)).json().status).toBe('created');
    await t.ctx.jobs.runDue(new Date(Date.now() + 16 * 60_000));
    const after = (await caller(t, customer)('GET', `/api/orders/${order.id}`)).json();
    expect(after.status).toBe('cancelled');
    expect(after.timeline.at(-1).action).toBe('expire');
    expect(await t.ctx.db.selectFrom('worker_commitments').select('id').where('order_id', '=', order.id).where('active', '=', true).execute()).toHaveLength(0);
  });

  it('reminds both sides before the start, flags a late arrival, auto-accepts after 48 h and closes after 72 h', async () => {
    const { customer, c, w, order } = await accepted(inHours(5));
    const start = new Date(order.scheduledStart).getTime();
    await t.ctx.jobs.runDue(new Date(start - 119 * 60_000));
    // In the message centre of both sides (an SMS copy too, unless quiet hours hold it past the start).
    const reminders = async (who: typeof c, audience: string) => (await who('GET', `/api/notifications?audience=${audience}`)).json().items.filter((n: { type: string }) => n.type === 'reminder_before_start');
    expect((await reminders(c, 'customer'))[0].body).toContain('服务将于');
    expect(await reminders(w, 'worker')).toHaveLength(1);
    await t.ctx.jobs.runDue(new Date(start + 11 * 60_000));
    expect((await c('GET', `/api/orders/${order.id}`)).json().lateFlagged).toBe(true);

    const code = (await c('GET', `/api/orders/${order.id}`)).json().serviceCode;
    await agreeEarlyVisit(w, c, order.id);
    await w('POST', `/api/worker/orders/${order.id}/check-in`, { lat: HOME.lat, lng: HOME.lng, serviceCode: code });
    await w('POST', `/api/worker/orders/${order.id}/finish`, EARLY_FINISH);
    await t.ctx.jobs.runDue(new Date(Date.now() + 47 * H));
    expect((await c('GET', `/api/orders/${order.id}`)).json().status).toBe('awaiting_confirmation');
    await t.ctx.jobs.runDue(new Date(Date.now() + 49 * H));
    expect((await c('GET', `/api/orders/${order.id}`)).json().status).toBe('completed');
    await t.ctx.jobs.runDue(new Date(Date.now() + (49 + 73) * H));
    expect((await c('GET', `/api/orders/${order.id}`)).json().status).toBe('closed');
    // Running the timers again changes nothing on this order.
    const before = (await c('GET', `/api/orders/${order.id}`)).json();
    await t.ctx.jobs.runDue(new Date(Date.now() + 200 * H));
    const after = (await c('GET', `/api/orders/${order.id}`)).json();
    expect(after.status).toBe('closed');
    expect(after.timeline).toHaveLength(before.timeline.length);
  });
});

describe('after-sales', () => {
  it('a free rework visit by the same worker within 72 h; its acceptance closes the case', async () => {
    const { c, w, order } = await accepted(inHours(5));
    const code = (await c('GET', `/api/orders/${order.id}`)).json().serviceCode;
    await agreeEarlyVisit(w, c, order.id);
    await w('POST', `/api/worker/orders/${order.id}/check-in`, { lat: HOME.lat, lng: HOME.lng, serviceCode: code });
    await w('POST', `/api/worker/orders/${order.id}/finish`, EARLY_FINISH);
    const reported = (await c('POST', `/api/orders/${order.id}/problem`, { kind: 'rework', reason: '厨房没擦干净', reworkStart: inHours(28) })).json();
    expect(reported).toMatchObject({ status: 'disputed', tab: 'after_sales', reworkOrderId: expect.any(String) });
    const rework = (await c('GET', `/api/orders/${reported.reworkOrderId}`)).json();
    expect(rework).toMatchObject({ kind: 'rework', status: 'paid', totalFen: 0, reworkOf: order.id });
    const acc = (await w('POST', `/api/worker/orders/${rework.id}/accept`, {})).json();
    const code2 = (await c('GET', `/api/orders/${rework.id}`)).json().serviceCode;
    await agreeEarlyVisit(w, c, acc.id);
    await w('POST', `/api/worker/orders/${acc.id}/check-in`, { lat: HOME.lat, lng: HOME.lng, serviceCode: code2 });
    await w('POST', `/api/worker/orders/${acc.id}/finish`, EARLY_FINISH);
    await c('POST', `/api/orders/${rework.id}/confirm`, {});
    expect((await c('GET', `/api/orders/${order.id}`)).json().status).toBe('completed');
  });
});

describe('console', () => {
  it('lists with filters and anomalies, assigns manually (only legal candidates), forces with an audited reason', async () => {
    const ops = await opsHeaders(t);
    const a = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => t.app.inject({ method, url, headers: ops, ...(payload ? { payload } : {}) });
    const customer = await customerWithAddress(t);
    const worker = await signedInWorker(t, { name: '吴师傅', hours: ALL_DAY });
    const unpaid = await bookOrder(t, customer, inHours(30), { pay: false });
    const soon = await bookOrder(t, customer, inHours(1));
    const anomalies = (await a('GET', '/api/admin/orders?anomaly=unpaid&pageSize=100')).json();
    expect(anomalies.items.map((o: { id: string }) => o.id)).toContain(unpaid.id);
    const unassigned = (await a('GET', '/api/admin/orders?anomaly=unassigned_soon&pageSize=100')).json();
    expect(unassigned.items.find((o: { id: string }) => o.id === soon.id)?.anomalies).toContain('unassigned_soon');
    expect((await a('GET', `/api/admin/orders?q=${soon.orderNo}`)).json().items).toHaveLength(1);

    const candidates = (await a('GET', `/api/admin/orders/${soon.id}/candidates`)).json();
    expect(candidates.map((w: { id: string }) => w.id)).toContain(worker.user.id);
    const stranger = await signedInWorker(t, { name: '远方师傅', homeLat: 31.05, homeLng: 121.95, districtCode: '310115', hours: ALL_DAY });
    expect((await a('POST', `/api/admin/orders/${soon.id}/assign`, { workerId: stranger.user.id, reason: '试试' })).json().code).toBe('WORKER_NOT_QUALIFIED');
    const assigned = (await a('POST', `/api/admin/orders/${soon.id}/assign`, { workerId: worker.user.id, reason: '临近开始人工派单' })).json();
    expect(assigned).toMatchObject({ status: 'assigned', worker: { id: worker.user.id } });

    expect((await a('POST', `/api/admin/orders/${soon.id}/force`, { target: 'in_service' })).statusCode).toBe(400);
    const forced = (await a('POST', `/api/admin/orders/${soon.id}/force`, { target: 'in_service', reason: '师傅已到场，系统未签到' })).json();
    expect(forced.status).toBe('in_service');
    expect(forced.timeline.at(-1)).toMatchObject({ action: 'force', note: '师傅已到场，系统未签到' });
    const audit = await t.ctx.db.selectFrom('audit_log').select('action').where('target_id', '=', soon.id).execute();
    expect(audit.map((r) => r.action)).toEqual(expect.arrayContaining(['order.assign', 'order.force']));
    const support = await opsHeaders(t, 'support');
    expect((await t.app.inject({ method: 'POST', url: `/api/admin/orders/${soon.id}/force`, headers: support, payload: { target: 'paid', reason: 'x' } })).statusCode).toBe(403);
  });

  it('代客下单: support books for a caller who gets an SMS pay link and the order in the app', async () => {
    const support = await opsHeaders(t, 'support');
    await signedInWorker(t, { name: '郑师傅', hours: ALL_DAY });
    const phone = `15${String(Date.now()).slice(-9)}`;
    const start = inHours(26);
    const slots = await t.app.inject({ method: 'GET', url: `/api/admin/booking/slots?itemCode=daily-cleaning&quantity=2&districtCode=310104`, headers: support });
    expect(slots.statusCode).toBe(200);
    const res = await t.app.inject({ method: 'POST', url: '/api/admin/orders', headers: support, payload: {
      customerPhone: phone, customerName: '陈阿姨', itemCode: 'daily-cleaning', quantity: 2, options: {}, scheduledStart: start,
      address: { districtCode: '310104', detail: '宛平南路 100 号', contactName: '陈阿姨', contactPhone: phone }, notes: '电话预约',
    } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ channel: 'phone', status: 'created', bookedByAdmin: expect.any(String) });
    expect((await latestOutbox(t.ctx, phone))?.body).toContain(`/orders/${res.json().id}`);
  });

  it('booking settings: read, change, validate', async () => {
    const ops = await opsHeaders(t);
    const current = (await t.app.inject({ method: 'GET', url: '/api/admin/booking/settings', headers: ops })).json();
    expect(current.bufferMinutes).toBe(30);
    const saved = await t.app.inject({ method: 'PUT', url: '/api/admin/booking/settings', headers: ops, payload: { ...current, freeCancelHours: 12 } });
    expect(saved.json().freeCancelHours).toBe(12);
    expect((await t.app.inject({ method: 'PUT', url: '/api/admin/booking/settings', headers: ops, payload: { ...current, workerShareBp: 20000 } })).statusCode).toBe(400);
    await t.app.inject({ method: 'PUT', url: '/api/admin/booking/settings', headers: ops, payload: current });
  });
});

