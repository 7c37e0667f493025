// The HTTP side shared by the journeys that drive the API directly: one JSON `call` and its error, the demo
// accounts, signing in by SMS code (read from the outbox) or as the demo worker, and the slot answer.
import { adminToken, randomPhone, readSmsCode } from './api';

/** The seeded demo worker (README: demo accounts) and the demo password of every seeded account. */
export const DEMO_WORKER_PHONE = '13900000001';
export const DEMO_PASSWORD = 'daojia2026';

let clientCounter = 0;
/** A client address of its own for each call (the e2e server trusts X-Forwarded-For): SMS codes are limited per IP. */
function clientAddress(): string {
  clientCounter += 1;
  return `10.251.${process.pid % 250}.${clientCounter % 250}`;
}

export class HttpError extends Error {
  constructor(readonly status: number, readonly body: { code?: string; detail?: string; [key: string]: unknown }, what: string) {
    super(`${what} → ${status} ${JSON.stringify(body)}`);
  }
}

/** A JSON call with a bearer token; throws HttpError unless 2xx; undefined for 204. */
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

/** Pays what is due on an order as its customer: opens the charge, presses 确认支付 on the simulator's cashier; returns the order. */
export async function payThroughCashier<T>(baseUrl: string, token: string, orderId: string, method = 'wechat', headers: Record<string, string> = {}): Promise<T> {
  const charge = await call<{ cashierUrl: string }>(baseUrl, token, 'POST', `/api/orders/${orderId}/pay`, { method }, headers);
  const res = await fetch(`${baseUrl}${charge.cashierUrl}/pay`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '', redirect: 'manual' });
  if (res.status !== 303) throw new Error(`cashier answered ${res.status}`);
  return call<T>(baseUrl, token, 'GET', `/api/orders/${orderId}`);
}

/** The console API as `username` (super by default). */
export async function adminCall<T>(baseUrl: string, method: string, path: string, body?: unknown, username = 'super'): Promise<T> {
  return call<T>(baseUrl, await adminToken(baseUrl, username), method, path, body);
}

/** Signs in (or up) by SMS code read from the outbox, asking for and sending the code from one client address. */
export async function smsSignIn(baseUrl: string, phone: string, role: 'customer' | 'worker'): Promise<{ token: string; user: { id: string } }> {
  const ip = { 'x-forwarded-for': clientAddress() };
  await call(baseUrl, null, 'POST', '/api/auth/sms/send', { phone, purpose: 'login' }, ip);
  const code = await readSmsCode(baseUrl, phone);
  const policy = await call<{ version: string }>(baseUrl, null, 'GET', '/api/legal/privacy');
  return call<{ token: string; user: { id: string } }>(baseUrl, null, 'POST', '/api/auth/sms/login', { phone, code, role, acceptedPolicy: policy.version }, ip);
}

/** Signs a customer in (or up: a new phone unless given) by SMS code; returns the session token. */
export async function customerSignIn(baseUrl: string, phone = randomPhone()): Promise<string> {
  return (await smsSignIn(baseUrl, phone, 'customer')).token;
}

export interface DemoWorker {
  token: string;
  id: string;
  name: string;
  districtCode: string;
  homeLat: number;
  homeLng: number;
  /** Every skill (item code) of the worker. */
  skills: string[];
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

/** The demo worker signed in through the API (password) and switched online, so offers reach it; with the items it may be dispatched for. */
export async function demoWorker(baseUrl: string): Promise<DemoWorker> {
  const { token, user } = await call<{ token: string; user: { id: string } }>(baseUrl, null, 'POST', '/api/auth/password/login', {
    identifier: DEMO_WORKER_PHONE,
    password: DEMO_PASSWORD,
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
  return {
    token,
    id: user.id,
    name: p.displayName,
    districtCode: p.districtCode,
    homeLat: p.homeLat,
    homeLng: p.homeLng,
    skills: p.skills.map((skill) => skill.code),
    itemCodes: items,
    quantities,
  };
}

/** GET /api/booking/slots, as far as the journeys read it. */
export interface SlotAnswer {
  days: { date: string; slots: { start: string; workerCount: number }[] }[];
}

/** Every free start of a slot answer, earliest first. */
export function slotStarts(answer: { days: { slots: { start: string }[] }[] }): string[] {
  return answer.days.flatMap((day) => day.slots.map((slot) => slot.start));
}
