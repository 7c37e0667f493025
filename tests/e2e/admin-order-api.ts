// Orders made through the HTTP API (customer signs in by SMS, adds an address, quotes, books, pays), the demo
// worker's side (sign-in, reschedule requests) and the outbox checks the console order tests need.
import { adminToken, randomPhone, readSmsCode } from './api';

export const DEMO_WORKER_PHONE = '13900000001';
const PASSWORD = 'daojia2026';

let clientCounter = 0;
/** A client address of its own for each sign-in (the server trusts X-Forwarded-For in the e2e setup): SMS codes are limited per IP. */
function clientAddress(): string {
  clientCounter += 1;
  return `10.251.${process.pid % 250}.${clientCounter % 250}`;
}

export class HttpError extends Error {
  constructor(readonly status: number, readonly body: { code?: string; detail?: string; [key: string]: unknown }, what: string) {
    super(`${what} → ${status} ${JSON.stringify(body)}`);
  }
}

/** A JSON call with a bearer token; throws HttpError unless 2xx. */
export async function call<T>(baseUrl: string, token: string | null, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      'x-forwarded-for': clientAddress(),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const json = text ? (JSON.parse(text) as unknown) : undefined;
  if (!response.ok) throw new HttpError(response.status, (json ?? {}) as HttpError['body'], `${method} ${path}`);
  return json as T;
}

/** The console API as `username` (super by default). */
export async function adminCall<T>(baseUrl: string, method: string, path: string, body?: unknown, username = 'super'): Promise<T> {
  return call<T>(baseUrl, await adminToken(baseUrl, username), method, path, body);
}

/** Signs a customer in (or up) by SMS code read from the outbox; returns the session token. */
export async function customerSignIn(baseUrl: string, phone: string): Promise<string> {
  const ip = clientAddress();
  await call(baseUrl, null, 'POST', '/api/auth/sms/send', { phone, purpose: 'login' }, { 'x-forwarded-for': ip });
  const code = await readSmsCode(baseUrl, phone);
  const answer = await call<{ token: string }>(baseUrl, null, 'POST', '/api/auth/sms/login', { phone, code, role: 'customer' }, { 'x-forwarded-for': ip });
  return answer.token;
}

export interface DemoWorker {
  token: string;
  id: string;
  name: string;
  districtCode: string;
  homeLat: number;
  homeLng: number;
  /** Items the worker offers that need no certificate. */
  itemCodes: string[];
  /** The smallest bookable quantity of each of those items. */
  quantities: Record<string, number>;
}

interface ItemDetailLite {
  code: string;
  name: string;
  requiredCertificate: string | null;
  pricing: { kind: string; minHours?: number; minQuantity?: number };
}

/** The demo worker (password sign-in), online, with the items it may be dispatched for. */
export async function demoWorker(baseUrl: string): Promise<DemoWorker> {
  const { token, user } = await call<{ token: string; user: { id: string } }>(baseUrl, null, 'POST', '/api/auth/password/login', {
    identifier: DEMO_WORKER_PHONE,
    password: PASSWORD,
    role: 'worker',
  });
  await call(baseUrl, token, 'PUT', '/api/worker/online', { online: true });
  const application = await call<{ profile: { displayName: string; districtCode: string; homeLat: number; homeLng: number; skills: { code: string }[] } }>(baseUrl, token, 'GET', '/api/worker/application');
  const p = application.profile;
  const items: string[] = [];
  const quantities: Record<string, number> = {};
  for (const { code } of p.skills) {
    const item = await call<ItemDetailLite>(baseUrl, null, 'GET', `/api/catalog/items/${code}`).catch(() => null);
    if (!item || item.requiredCertificate || item.pricing.kind === 'on_site_quote') continue;
    items.push(code);
    quantities[code] = item.pricing.minHours ?? item.pricing.minQuantity ?? 1;
  }
  if (items.length === 0) throw new Error(`the demo worker has no certificate-free item among ${p.skills.map((skill) => skill.code).join(', ')}`);
  return { token, id: user.id, name: p.displayName, districtCode: p.districtCode, homeLat: p.homeLat, homeLng: p.homeLng, itemCodes: items, quantities };
}

export interface SlotAnswer {
  days: { date: string; slots: { start: string; workerCount: number }[] }[];
}

export interface OrderView {
  id: string;
  orderNo: string;
  status: string;
  scheduledStart: string;
  worker: { id: string; name: string } | null;
  reschedule: { id: string; status: string; proposedStart: string } | null;
}

interface Quote {
  id: string;
  totalFen: number;
}

export interface BookedOrder {
  order: OrderView;
  customerToken: string;
  customerPhone: string;
  addressId: string;
  quoteId: string;
}

/** Starts of `slots` at least a day ahead (so no urgent surcharge or START_PASSED), and within working daytime. */
export function laterStarts(answer: SlotAnswer, notBefore = Date.now() + 26 * 3600_000): string[] {
  return answer.days.flatMap((day) => day.slots.map((slot) => slot.start)).filter((start) => new Date(start).getTime() >= notBefore);
}

/**
 * A customer (new phone unless given) books `itemCode` at an address next to the worker's home, at a time the worker
 * is free, and pays: the order ends `paid` (待接单), offered around, with nobody assigned yet.
 */
export async function bookPaidOrder(baseUrl: string, worker: DemoWorker, options: { itemCode?: string; phone?: string; pay?: boolean; skip?: number; start?: string } = {}): Promise<BookedOrder> {
  const phone = options.phone ?? randomPhone();
  const token = await customerSignIn(baseUrl, phone);
  const itemCode = options.itemCode ?? worker.itemCodes[0]!;
  const address = await call<{ id: string }>(baseUrl, token, 'POST', '/api/me/addresses', {
    label: '家',
    contactName: `测试${phone.slice(-4)}`,
    contactPhone: phone,
    districtCode: worker.districtCode,
    detail: `测试路 ${phone.slice(-3)} 号 2 楼`,
    lat: worker.homeLat,
    lng: worker.homeLng,
  });
  const provisional = new Date(Date.now() + 2 * 86_400_000).toISOString();
  const firstQuote = await call<Quote>(baseUrl, token, 'POST', '/api/catalog/quotes', { itemCode, quantity: worker.quantities[itemCode], options: {}, scheduledStart: provisional });
  const slots = await call<SlotAnswer>(baseUrl, token, 'GET', `/api/booking/slots?quoteId=${firstQuote.id}&addressId=${address.id}&workerId=${worker.id}`);
  const starts = laterStarts(slots);
  const start = options.start ?? starts[Math.min(options.skip ?? 0, starts.length - 1)];
  if (!start) throw new Error(`the demo worker has no free time for ${itemCode}`);
  const quote = await call<Quote>(baseUrl, token, 'POST', '/api/catalog/quotes', { itemCode, quantity: worker.quantities[itemCode], options: {}, scheduledStart: start });
  let order = await call<OrderView>(baseUrl, token, 'POST', '/api/orders', { quoteId: quote.id, addressId: address.id, notes: 'e2e：请带鞋套' }, { 'idempotency-key': `e2e-${quote.id}` });
  if (options.pay !== false) order = await call<OrderView>(baseUrl, token, 'POST', `/api/orders/${order.id}/pay`, { method: 'wechat' });
  return { order, customerToken: token, customerPhone: phone, addressId: address.id, quoteId: quote.id };
}

/** The worker's free starts for the order's item at its address (as the customer sees them), other than the booked one. */
export async function otherFreeStarts(baseUrl: string, booked: BookedOrder, worker: DemoWorker): Promise<string[]> {
  const slots = await call<SlotAnswer>(baseUrl, booked.customerToken, 'GET', `/api/booking/slots?quoteId=${booked.quoteId}&addressId=${booked.addressId}&workerId=${worker.id}`);
  const booked0 = new Date(booked.order.scheduledStart).getTime();
  // A different day, so the order's own commitment does not matter.
  return laterStarts(slots).filter((start) => Math.abs(new Date(start).getTime() - booked0) >= 20 * 3600_000);
}

/** The assigned worker asks to move the visit (→ `pending_ops`, waiting for 改约审批). */
export async function workerAsksReschedule(baseUrl: string, worker: DemoWorker, orderId: string, start: string, reason: string): Promise<OrderView> {
  return call<OrderView>(baseUrl, worker.token, 'POST', `/api/worker/orders/${orderId}/reschedule`, { start, reason });
}

/** The order as the console sees it. */
export function adminOrder(baseUrl: string, orderId: string): Promise<OrderView & { timeline: { action: string; note: string }[]; channel: string }> {
  return adminCall(baseUrl, 'GET', `/api/admin/orders/${orderId}`);
}

interface OutboxItem {
  recipient: string;
  body: string;
  createdAt: string;
}

/** The newest SMS to `phone` whose text contains a link (the pay link of a phone booking), waiting up to 10 s. */
export async function readPayLinkSms(baseUrl: string, phone: string): Promise<{ body: string; link: string }> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const { items } = await adminCall<{ items: OutboxItem[] }>(baseUrl, 'GET', '/api/admin/outbox?channel=sms');
    const message = items.find((item) => item.recipient === phone && /https?:\/\/\S+/.test(item.body));
    if (message) return { body: message.body, link: /https?:\/\/\S+/.exec(message.body)![0] };
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`no SMS with a link to ${phone} in the outbox`);
}
