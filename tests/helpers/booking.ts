import { randomUUID } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { ensureAdmin } from '../../src/domains/admin/service.js';
import type { TestApp } from './test-app.js';
import { adminSignIn, createTestApp, smsSignIn } from './test-app.js';
import { shanghaiAt } from './time.js';
import { makeWorkers } from './workers.js';

export const HOME = { lat: 31.1886, lng: 121.4365, districtCode: '310104' };

export type Party = Awaited<ReturnType<typeof smsSignIn>>;

export function caller(t: TestApp, who: { headers: Record<string, string> }) {
  return (method: InjectOptions['method'], url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method, url, headers: { ...who.headers, ...headers }, ...(payload !== undefined ? { payload: payload as object } : {}) });
}

/** A signed-in customer with one address at HOME. */
export async function customerWithAddress(t: TestApp, at = HOME) {
  const customer = await smsSignIn(t.app, t.ctx, 'customer');
  const res = await t.app.inject({ method: 'POST', url: '/api/me/addresses', headers: customer.headers, payload: { label: '家', contactName: '张女士', contactPhone: customer.phone, districtCode: at.districtCode, detail: '漕溪北路 88 号 1201 室', lat: at.lat, lng: at.lng } });
  if (res.statusCode !== 201 && res.statusCode !== 200) throw new Error(`address: ${res.body}`);
  return { ...customer, addressId: res.json().id as string };
}

/** A worker who can sign in (SMS account) with an approved, online profile near HOME. */
export async function signedInWorker(t: TestApp, spec: Parameters<typeof makeWorkers>[1][number] = { name: '李师傅' }) {
  const w = await smsSignIn(t.app, t.ctx, 'worker');
  await makeWorkers(t.ctx, [{ ...spec, userId: w.user.id }]);
  return w;
}
export async function quoteAt(t: TestApp, customer: Party, start: string, itemCode = 'daily-cleaning', quantity = 2) {
  const res = await t.app.inject({ method: 'POST', url: '/api/catalog/quotes', headers: customer.headers, payload: { itemCode, quantity, options: {}, scheduledStart: start } });
  if (res.statusCode !== 201) throw new Error(`quote: ${res.body}`);
  return res.json().id as string;
}

export type Caller = ReturnType<typeof caller>;

/** The file's app, made before its tests and closed after them, handed over with an operations admin's caller. */
export function useAppWithOps(ready: (t: TestApp, ops: Caller) => void): void {
  let app: TestApp | undefined;
  beforeAll(async () => {
    app = await createTestApp();
    ready(app, caller(app, { headers: await opsHeaders(app) }));
  });
  afterAll(async () => { await app?.close(); });
}

/** An operations admin's bearer headers. */
export async function opsHeaders(t: TestApp, role = 'operations') {
  const username = `${role.slice(0, 4)}_${randomUUID().slice(0, 8)}`;
  await ensureAdmin(t.ctx, { username, name: `测试 ${role}`, password: 'houtai2026', roles: [role] });
  return adminSignIn(t.app, username, 'houtai2026');
}

/** Books (and optionally pays) an order for `customer` at `start`, with a chosen worker when given. */
export async function bookOrder(t: TestApp, customer: Party & { addressId: string }, start: string, opts: { workerId?: string; pay?: boolean; itemCode?: string } = {}) {
  const quoteId = await quoteAt(t, customer, start, opts.itemCode);
  const res = await t.app.inject({ method: 'POST', url: '/api/orders', headers: customer.headers, payload: { quoteId, addressId: customer.addressId, ...(opts.workerId ? { workerId: opts.workerId } : {}) } });
  if (res.statusCode !== 201) throw new Error(`book: ${res.body}`);
  if (opts.pay === false) return res.json();
  await payThroughCashier(t, customer, res.json().id, 'alipay');
  return (await t.app.inject({ method: 'GET', url: `/api/orders/${res.json().id}`, headers: customer.headers })).json();
}

/**
 * Pays what is due on an order as a customer does: opens a charge, then presses 确认支付 (or 失败 / 放弃)
 * on the simulator's cashier page, whose signed callback reaches our notify endpoint. Returns the payment.
 */
export async function payThroughCashier(t: TestApp, customer: Party, orderId: string, method: 'wechat' | 'alipay' | 'card' = 'wechat', outcome: 'pay' | 'fail' | 'abandon' = 'pay', headers: Record<string, string> = {}) {
  const opened = await t.app.inject({ method: 'POST', url: `/api/orders/${orderId}/pay`, headers: { ...customer.headers, ...headers }, payload: { method } });
  if (opened.statusCode !== 200) throw new Error(`pay: ${opened.body}`);
  const { paymentId, cashierUrl } = opened.json() as { paymentId: string; cashierUrl: string };
  const decided = await t.app.inject({ method: 'POST', url: `${cashierUrl}/${outcome}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
  if (decided.statusCode !== 303) throw new Error(`cashier: ${decided.statusCode} ${decided.body}`);
  return (await t.app.inject({ method: 'GET', url: `/api/payments/${paymentId}`, headers: customer.headers })).json() as { id: string; status: string; amountFen: number };
}

/** An order of a fresh customer at HOME, two days ahead at 10:00 Shanghai, that a fresh all-day worker has accepted. */
export async function acceptedOrder(t: TestApp, workerName: string) {
  const customer = await customerWithAddress(t);
  const worker = await signedInWorker(t, { name: workerName, hours: ALL_DAY });
  const order = await bookOrder(t, customer, shanghaiAt(2, 10), { workerId: worker.user.id });
  const c = caller(t, customer);
  const w = caller(t, worker);
  const accepted = await w('POST', `/api/worker/orders/${order.id}/accept`, {});
  if (accepted.statusCode !== 200) throw new Error(`accept: ${accepted.body}`);
  return { order, customer, worker, c, w };
}

/** Every day, all day: for tests whose times depend on when they run. */
export const ALL_DAY = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, startMinute: 0, endMinute: 1440 }));

/** The first half-hour slot at least `hours` from now, as an ISO instant. */
export function inHours(hours: number): string {
  const step = 30 * 60_000;
  return new Date(Math.ceil((Date.now() + hours * 3_600_000) / step) * step).toISOString();
}
