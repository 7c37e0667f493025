import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { ALL_DAY, bookOrder, caller, customerWithAddress, signedInWorker } from '../../helpers/booking.js';
import { shanghaiAt } from '../../helpers/time.js';
import { openSse, type SseClient } from '../../helpers/sse.js';

let t: TestApp;
let base = '';
const streams: SseClient[] = [];
beforeAll(async () => {
  t = await createTestApp();
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  for (const name of ['常驻一', '常驻二', '常驻三']) await signedInWorker(t, { name, hours: ALL_DAY }); // cover orders booked without a chosen worker
});
afterAll(async () => {
  for (const s of streams) s.close();
  await t?.close();
});

async function stream(headers: Record<string, string>, lastEventId?: string) {
  const s = await openSse(`${base}/api/events/stream`, { ...headers, ...(lastEventId ? { 'last-event-id': lastEventId } : {}) });
  streams.push(s);
  return s;
}

const later = (hours: number) => new Date(Date.now() + hours * 3_600_000);

describe('notifications', () => {
  it('an accepted order reaches the customer\'s message centre live, in the seed\'s words, with an SMS copy', async () => {
    const customer = await customerWithAddress(t);
    const worker = await signedInWorker(t, { name: '王小明', hours: ALL_DAY });
    const live = await stream(customer.headers);
    await live.waitFor((e) => e.event === 'ready');
    const order = await bookOrder(t, customer, shanghaiAt(2, 10), { workerId: worker.user.id });
    await live.waitFor((e) => e.event === 'notification' && e.data.type === 'order_paid');
    expect((await caller(t, worker)('POST', `/api/worker/orders/${order.id}/accept`, {})).statusCode).toBe(200);
    const accepted = await live.waitFor((e) => e.event === 'notification' && e.data.type === 'order_accepted');
    expect(accepted.data).toMatchObject({ audience: 'customer', linkKind: 'order', linkId: order.id });

    const c = caller(t, customer);
    const list = (await c('GET', '/api/notifications?audience=customer')).json();
    expect(list.unread).toBe(2);
    expect(list.items[0]).toMatchObject({ type: 'order_accepted', title: '家政人员已接单', link: { kind: 'order', id: order.id }, readAt: null });
    expect(list.items[0].body).toBe('您发布的家政服务需求已被 王师傅 接单，请留意服务时间');
    const en = (await c('GET', '/api/notifications?audience=customer', undefined, { 'accept-language': 'en' })).json();
    expect(en.items[0].body).toBe('Your home-service request has been accepted by 王师傅. Please keep an eye on the service time.');

    await t.ctx.jobs.runDue(later(12)); // an SMS waits out the quiet hours at most until morning
    const sms = await t.ctx.db.selectFrom('outbox_messages').select('body').where('recipient', '=', customer.phone).where('channel', '=', 'sms').execute();
    expect(sms.map((m) => m.body)).toContain('【到家】您发布的家政服务需求已被 王师傅 接单，请留意服务时间');
  });

  it('is read one by one or all at once, only by its recipient and only in its portal', async () => {
    const customer = await customerWithAddress(t);
    const other = await customerWithAddress(t);
    await bookOrder(t, customer, shanghaiAt(2, 11));
    const c = caller(t, customer);
    const [first] = (await c('GET', '/api/notifications?audience=customer')).json().items;
    expect((await caller(t, other)('GET', `/api/notifications/${first.id}?audience=customer`)).statusCode).toBe(404);
    expect((await c('GET', '/api/notifications?audience=worker')).statusCode).toBe(403);
    const opened = (await c('GET', `/api/notifications/${first.id}?audience=customer`)).json();
    expect(opened.readAt).not.toBeNull();
    expect((await c('GET', '/api/notifications/unread-count?audience=customer')).json().unread).toBe(0);
    await bookOrder(t, customer, shanghaiAt(2, 14));
    expect((await c('GET', '/api/notifications/unread-count?audience=customer')).json().unread).toBe(1);
    expect((await c('POST', '/api/notifications/read?audience=customer', {})).json()).toEqual({ marked: 1, unread: 0 });
  });

  it('SMS and e-mail follow the user\'s switches; in-app cannot be switched off', async () => {
    const customer = await customerWithAddress(t);
    const worker = await signedInWorker(t, { name: '赵师傅', hours: ALL_DAY });
    const c = caller(t, customer);
    const refused = await c('PUT', '/api/me/notification-settings', { categories: [{ category: 'safety', sms: false }] });
    expect(refused.statusCode).toBe(400);
    const saved = (await c('PUT', '/api/me/notification-settings', { categories: [{ category: 'order', sms: false }] })).json();
    expect(saved.categories.find((x: { category: string }) => x.category === 'order')).toEqual({ category: 'order', sms: false, email: true });
    const order = await bookOrder(t, customer, shanghaiAt(2, 15), { workerId: worker.user.id });
    expect((await caller(t, worker)('POST', `/api/worker/orders/${order.id}/accept`, {})).statusCode).toBe(200);
    await t.ctx.jobs.runDue(later(12));
    const sms = await t.ctx.db.selectFrom('outbox_messages').select('body').where('recipient', '=', customer.phone).where('channel', '=', 'sms').execute();
    expect(sms.some((m) => m.body.includes('接单'))).toBe(false);
    expect((await c('GET', '/api/notifications?audience=customer')).json().items[0].type).toBe('order_accepted');
  });

  it('a reconnecting stream gets what it missed after its last event id, and nothing twice', async () => {
    const customer = await customerWithAddress(t);
    const first = await stream(customer.headers);
    const ready = await first.waitFor((e) => e.event === 'ready');
    first.close();
    await bookOrder(t, customer, shanghaiAt(3, 10));
    await bookOrder(t, customer, shanghaiAt(3, 14));
    const again = await stream(customer.headers, ready.id!);
    await again.waitFor((e) => e.event === 'notification' && again.events.filter((x) => x.event === 'notification').length === 2);
    const ids = again.events.map((e) => Number(e.id));
    expect(ids.every((id) => id > Number(ready.id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect((await t.app.inject({ method: 'GET', url: '/api/events/stream' })).statusCode).toBe(401);
  });
});
