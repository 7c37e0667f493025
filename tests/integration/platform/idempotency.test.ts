import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { bookOrder, caller, payThroughCashier, customerWithAddress, inHours, quoteAt, signedInWorker, ALL_DAY } from '../../helpers/booking.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

describe('Idempotency-Key', () => {
  it('concurrent duplicate bookings with one key create one order; the others replay it or wait-free refuse', async () => {
    const customer = await customerWithAddress(t);
    await signedInWorker(t, { name: '冯师傅', hours: ALL_DAY });
    const quoteId = await quoteAt(t, customer, inHours(30));
    const c = caller(t, customer);
    const body = { quoteId, addressId: customer.addressId };
    const results = await Promise.all(Array.from({ length: 5 }, () => c('POST', '/api/orders', body, { 'idempotency-key': 'double-tap' })));
    const ok = results.filter((r) => r.statusCode === 201);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    expect(new Set(ok.map((r) => r.json().id)).size).toBe(1);
    for (const r of results.filter((x) => x.statusCode !== 201)) expect(r.json().code).toBe('IDEMPOTENCY_IN_PROGRESS');
    const orders = await t.ctx.db.selectFrom('orders').select('id').where('customer_id', '=', customer.user.id).execute();
    expect(orders).toHaveLength(1);
  });

  it('replays a stored error too, and keys are per person', async () => {
    const customer = await customerWithAddress(t);
    const order = await bookOrder(t, customer, inHours(30), { pay: false });
    const c = caller(t, customer);
    const first = await payThroughCashier(t, customer, order.id, 'card', 'pay', { 'idempotency-key': 'p1' });
    expect(first.status).toBe('paid');
    const paidAgain = await c('POST', `/api/orders/${order.id}/pay`, { method: 'card' }, { 'idempotency-key': 'p2' });
    expect(paidAgain.json()).toMatchObject({ code: 'PAYMENT_NOT_DUE', currentState: 'paid' });
    const replayed = await c('POST', `/api/orders/${order.id}/pay`, { method: 'card' }, { 'idempotency-key': 'p2' });
    expect(replayed.statusCode).toBe(409);
    expect(replayed.headers['idempotent-replayed']).toBe('true');
    const other = await customerWithAddress(t);
    expect((await caller(t, other)('POST', `/api/orders/${order.id}/pay`, { method: 'card' }, { 'idempotency-key': 'p1' })).statusCode).toBe(404);
  });
});
