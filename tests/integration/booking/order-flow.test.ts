import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { ALL_DAY, bookOrder, caller, opsHeaders, payThroughCashier, customerWithAddress, HOME, inHours, quoteAt, signedInWorker } from '../../helpers/booking.js';
import { shanghaiAt } from '../../helpers/time.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

describe('booking → visit → acceptance', () => {
  it('runs the whole life of an order with a chosen worker', async () => {
    const customer = await customerWithAddress(t);
    const worker = await signedInWorker(t, { name: '王秀英' });
    const c = caller(t, customer);
    const w = caller(t, worker);
    const start = shanghaiAt(2, 10);

    const quoteId = await quoteAt(t, customer, start);
    const slots = await c('GET', `/api/booking/slots?quoteId=${quoteId}&addressId=${customer.addressId}&workerId=${worker.user.id}`);
    expect(slots.statusCode).toBe(200);
    const starts = slots.json().days.flatMap((d: { slots: { start: string }[] }) => d.slots.map((s) => s.start));
    expect(starts).toContain(new Date(start).toISOString());

    const created = await c('POST', '/api/orders', { quoteId, addressId: customer.addressId, workerId: worker.user.id, notes: '有猫' }, { 'idempotency-key': 'book-1' });
    expect(created.statusCode, created.body).toBe(201);
    const order = created.json();
    expect(order).toMatchObject({ status: 'created', tab: 'to_pay', actions: expect.arrayContaining(['pay', 'cancel']) });
    const replay = await c('POST', '/api/orders', { quoteId, addressId: customer.addressId, workerId: worker.user.id, notes: '有猫' }, { 'idempotency-key': 'book-1' });
    expect(replay.statusCode).toBe(201);
    expect(replay.json().id).toBe(order.id);
    expect((await c('POST', '/api/orders', { quoteId, addressId: customer.addressId }, { 'idempotency-key': 'book-1' })).statusCode).toBe(422);

    // Before paying the worker sees nothing; after paying, an offer without the address.
    expect((await w('GET', `/api/worker/orders/${order.id}`)).statusCode).toBe(404);
    const payment = await payThroughCashier(t, customer, order.id, 'wechat', 'pay', { 'idempotency-key': 'pay-1' });
    expect(payment).toMatchObject({ status: 'paid', amountFen: order.price.totalFen });
    expect((await c('GET', `/api/orders/${order.id}`)).json()).toMatchObject({ status: 'paid', price: { paidFen: order.price.totalFen } });
    const offers = (await w('GET', '/api/worker/orders?view=offers')).json().items;
    expect(offers.map((o: { id: string }) => o.id)).toContain(order.id);
    const offered = (await w('GET', `/api/worker/orders/${order.id}`)).json();
    expect(offered.address.detail).toBeNull();
    expect(offered.worker).toBeNull();
    expect(offered.serviceCode).toBeNull();
    expect(offered.actions).toEqual(['accept', 'decline']);

    const accepted = await w('POST', `/api/worker/orders/${order.id}/accept`, {});
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().address.detail).toContain('漕溪北路');
    expect(accepted.json().worker.relayPhone).toMatch(/^170\d{8}$/);
    expect(accepted.json().serviceCode).toBeNull();
    // Two days ahead: set off and check-in are not open yet; the worker may ask to come earlier.
    expect(accepted.json().actions).toEqual(expect.arrayContaining(['decline', 'reschedule', 'request_early_visit']));
    expect(accepted.json().actions).not.toContain('depart');
    expect(accepted.json().actions).not.toContain('check_in');
    expect(accepted.json().windows).toEqual({
      departOpensAt: new Date(Date.parse(start) - 3 * 3_600_000).toISOString(), checkInOpensAt: new Date(Date.parse(start) - 30 * 60_000).toISOString(), finishWithoutReasonAt: null,
    });
    expect(accepted.json().distanceKm).toBeLessThan(1);
    const customerView = (await c('GET', `/api/orders/${order.id}`)).json();
    expect(customerView.serviceCode).toMatch(/^\d{4}$/);
    expect(customerView.worker.name).toBe('王师傅');

    const cal = (await w('GET', `/api/worker/calendar?from=${start.slice(0, 10)}&to=${start.slice(0, 10)}`)).json();
    expect(cal.items.map((i: { orderId: string }) => i.orderId)).toContain(order.id);

    // Too early: clear refusals, in both languages, with the time each opens.
    const startLocal = `${start.slice(5, 10)} 10:00`;
    const early = await w('POST', `/api/worker/orders/${order.id}/depart`, {});
    expect(early.statusCode).toBe(409);
    expect(early.headers['content-type']).toContain('application/problem+json');
    expect(early.json()).toMatchObject({ code: 'DEPART_NOT_OPEN', currentState: 'assigned', opensAt: new Date(Date.parse(start) - 3 * 3_600_000).toISOString() });
    expect(early.json().detail).toBe(`还不能出发：上门时间 ${startLocal}，${start.slice(5, 10)} 07:00 起可出发`);
    const earlyEn = await t.app.inject({ method: 'POST', url: `/api/worker/orders/${order.id}/depart`, headers: { ...worker.headers, 'accept-language': 'en' }, payload: {} });
    expect(earlyEn.json().detail).toBe(`Too early to set off: the visit starts ${startLocal}; you can set off from ${start.slice(5, 10)} 07:00`);
    const earlyCheckIn = await w('POST', `/api/worker/orders/${order.id}/check-in`, { lat: HOME.lat, lng: HOME.lng, serviceCode: customerView.serviceCode });
    expect(earlyCheckIn.json()).toMatchObject({ code: 'CHECK_IN_NOT_OPEN', opensAt: new Date(Date.parse(start) - 30 * 60_000).toISOString() });
    expect(earlyCheckIn.json().detail).toContain(`${start.slice(5, 10)} 09:30 起可签到`);
    expect((await c('POST', `/api/orders/${order.id}/early-visit`, { agree: true })).json()).toMatchObject({ code: 'NO_EARLY_VISIT_REQUEST' });

    // The worker asks to come now; the customer sees the request on the order page and agrees.
    const asked = (await w('POST', `/api/worker/orders/${order.id}/early-visit`, { note: '前一单提前结束' })).json();
    expect(asked.earlyVisit).toMatchObject({ status: 'requested', at: expect.any(String) });
    expect(asked.actions).not.toContain('depart');
    const toAnswer = (await c('GET', `/api/orders/${order.id}`)).json();
    expect(toAnswer.actions).toContain('answer_early_visit');
    expect(toAnswer.earlyVisit.status).toBe('requested');
    const agreed = (await c('POST', `/api/orders/${order.id}/early-visit`, { agree: true })).json();
    expect(agreed.earlyVisit.status).toBe('agreed');
    expect(agreed.actions).not.toContain('answer_early_visit');
    expect(agreed.timeline.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['early_visit_requested', 'early_visit_agreed']));
    const open = (await w('GET', `/api/worker/orders/${order.id}`)).json();
    expect(open.actions).toEqual(expect.arrayContaining(['depart', 'check_in']));

    const departed = (await w('POST', `/api/worker/orders/${order.id}/depart`, {})).json();
    expect(departed).toMatchObject({ status: 'on_the_way', etaAt: expect.any(String) });
    // Agreed to come now: the ETA is the travel time, before the booked start.
    expect(Date.parse(departed.etaAt)).toBeLessThan(Date.parse(start));
    const wrong = await w('POST', `/api/worker/orders/${order.id}/check-in`, { lat: HOME.lat, lng: HOME.lng, serviceCode: customerView.serviceCode === '0000' ? '1111' : '0000' });
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json()).toMatchObject({ code: 'SERVICE_CODE_INVALID', currentState: 'on_the_way' });
    const far = await w('POST', `/api/worker/orders/${order.id}/check-in`, { lat: HOME.lat + 0.18, lng: HOME.lng, serviceCode: customerView.serviceCode });
    expect(far.json()).toMatchObject({ code: 'CHECK_IN_TOO_FAR' });
    const inService = await w('POST', `/api/worker/orders/${order.id}/check-in`, { lat: HOME.lat + 0.001, lng: HOME.lng, serviceCode: customerView.serviceCode });
    expect(inService.statusCode, inService.body).toBe(200);
    expect(inService.json().status).toBe('in_service');

    const record = await w('POST', `/api/worker/orders/${order.id}/records`, { note: '厨房已清洁', photosBefore: [], photosAfter: [], checklist: [{ label: '地面清扫拖洗', done: true }] });
    expect(record.statusCode).toBe(201);
    const extra = (await w('POST', `/api/worker/orders/${order.id}/extras`, { title: '冰箱内部清洁', amountFen: 3000, reason: '客户要求' })).json();
    expect((await w('POST', `/api/worker/orders/${order.id}/finish`, {})).json()).toMatchObject({ code: 'EXTRA_WORK_PENDING' });
    const withExtra = (await c('POST', `/api/orders/${order.id}/extras/${extra.id}/decision`, { accept: true })).json();
    // Accepted extra work is due, and paid through the cashier like the price (a second charge).
    expect(withExtra.price).toMatchObject({ extrasFen: 3000, dueFen: order.price.totalFen + 3000, paidFen: order.price.totalFen });
    expect(withExtra.actions).toContain('pay');
    expect(await payThroughCashier(t, customer, order.id, 'alipay')).toMatchObject({ status: 'paid', amountFen: 3000 });
    expect((await c('GET', `/api/orders/${order.id}`)).json().price).toMatchObject({ paidFen: order.price.totalFen + 3000 });
    expect((await c('POST', `/api/orders/${order.id}/pay`, { method: 'wechat' })).json().code).toBe('PAYMENT_NOT_DUE');
    expect((await c('POST', `/api/orders/${order.id}/extras/${extra.id}/decision`, { accept: false })).statusCode).toBe(409);

    // Finishing minutes after check-in needs a reason, which the customer then reads on the order.
    const tooSoon = await w('POST', `/api/worker/orders/${order.id}/finish`, {});
    expect(tooSoon.statusCode).toBe(409);
    expect(tooSoon.json()).toMatchObject({ code: 'EARLY_FINISH_REASON_REQUIRED', opensAt: expect.any(String) });
    const finished = await w('POST', `/api/worker/orders/${order.id}/finish`, { reason: '客户只要求打扫厨房' });
    expect(finished.json()).toMatchObject({ status: 'awaiting_confirmation' });
    const toConfirm = (await c('GET', `/api/orders/${order.id}`)).json();
    expect(toConfirm.earlyFinishReason).toBe('客户只要求打扫厨房');
    expect(toConfirm.timeline.find((e: { action: string }) => e.action === 'finish').note).toBe('客户只要求打扫厨房');
    const done = (await c('POST', `/api/orders/${order.id}/confirm`, {})).json();
    expect(done).toMatchObject({ status: 'completed', tab: 'done', afterSalesEndsAt: expect.any(String) });
    expect(done.timeline.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['create', 'pay', 'offered', 'accept', 'depart', 'check_in', 'record', 'extra_proposed', 'extra_accepted', 'finish', 'confirm']));
    // 订单轨迹 in the console says who acted by name (the worker's, the customer's account name or masked phone), not the role twice.
    const ops = caller(t, { headers: await opsHeaders(t) });
    const desk = (await ops('GET', `/api/admin/orders/${order.id}`)).json();
    const by = (action: string) => desk.timeline.find((e: { action: string }) => e.action === action);
    expect(by('accept')).toMatchObject({ actorKind: 'worker', actorName: '王师傅' });
    expect(by('finish')).toMatchObject({ actorKind: 'worker', actorName: '王师傅' });
    expect(by('confirm').actorKind).toBe('customer');
    expect(['客户', '用户', '']).not.toContain(by('confirm').actorName);
    expect(by('early_visit_agreed').actorName).toBe(by('confirm').actorName);
    // The worker still never sees the customer's name.
    expect((await w('GET', `/api/worker/orders/${order.id}`)).json().timeline.find((e: { action: string }) => e.action === 'confirm').actorName).toBe('客户');
    // After the visit the worker no longer sees the address or the relay number.
    const after = (await w('GET', `/api/worker/orders/${order.id}`)).json();
    expect(after.address.detail).toBeNull();
    expect(after.worker.relayPhone).toBeNull();

    const counts = (await c('GET', '/api/orders/counts')).json();
    expect(counts.done).toBe(1);
    expect((await c('GET', '/api/orders?tab=done')).json().items[0].id).toBe(order.id);
  });

  it('sets off within 3 h of the start with an ETA never before the booked start, in the notice and its SMS', async () => {
    const customer = await customerWithAddress(t);
    const worker = await signedInWorker(t, { name: '赵师傅', hours: ALL_DAY });
    const c = caller(t, customer);
    const w = caller(t, worker);
    const start = inHours(2.5);
    const order = await bookOrder(t, customer, start, { workerId: worker.user.id });
    expect((await w('POST', `/api/worker/orders/${order.id}/accept`, {})).statusCode).toBe(200);
    expect((await w('GET', `/api/worker/orders/${order.id}`)).json().actions).toContain('depart');
    const departed = (await w('POST', `/api/worker/orders/${order.id}/depart`, {})).json();
    // The worker lives a few minutes away: travelling now would arrive long before 2.5 h — the customer booked the start.
    expect(departed).toMatchObject({ status: 'on_the_way', etaAt: new Date(start).toISOString() });
    const stamp = new Date(Date.parse(start) + 8 * 3_600_000).toISOString().replace('T', ' ').slice(0, 16);
    const notices = (await c('GET', '/api/notifications?audience=customer')).json().items.filter((n: { type: string }) => n.type === 'worker_departed');
    expect(notices[0].body).toContain(`预计 ${stamp} 到达`);
    // Check-in still waits until 30 min before the start.
    const code = (await c('GET', `/api/orders/${order.id}`)).json().serviceCode;
    expect((await w('POST', `/api/worker/orders/${order.id}/check-in`, { lat: HOME.lat, lng: HOME.lng, serviceCode: code })).json()).toMatchObject({ code: 'CHECK_IN_NOT_OPEN' });
  });
});
