// The HTTP side of the worker order journeys: the demo worker, a customer who books them and pays, and the
// customer's answers (service code, extra work, reschedule) that the worker portal waits for.
import { randomPhone, readSmsCode } from './api';

export const DEMO_WORKER_PHONE = '13900000001';

let clientCounter = 0;
/** Each sign-in from its own client address (the e2e server trusts X-Forwarded-For): SMS codes are limited per IP. */
function clientAddress(): string {
  clientCounter += 1;
  return `10.252.${process.pid % 250}.${clientCounter % 250}`;
}

export class ApiCallError extends Error {
  constructor(readonly status: number, readonly body: { code?: string; detail?: string }, what: string) {
    super(`${what} → ${status} ${JSON.stringify(body)}`);
  }
}

/** A JSON call with a bearer token; throws ApiCallError unless 2xx; undefined for 204. */
export async function apiCall<T>(baseUrl: string, token: string | null, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
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
  if (!response.ok) throw new ApiCallError(response.status, (json ?? {}) as ApiCallError['body'], `${method} ${path}`);
  return json as T;
}

export interface Worker {
  token: string;
  id: string;
  home: { lat: number; lng: number };
  districtCode: string;
  skills: string[];
}

/** The demo worker signed in through the API (password) and switched online, so offers reach it. */
export async function onlineDemoWorker(baseUrl: string): Promise<Worker> {
  const { token, user } = await apiCall<{ token: string; user: { id: string } }>(baseUrl, null, 'POST', '/api/auth/password/login', {
    identifier: DEMO_WORKER_PHONE,
    password: 'daojia2026',
    role: 'worker',
  });
  await apiCall(baseUrl, token, 'PUT', '/api/worker/online', { online: true });
  const { profile } = await apiCall<{ profile: { districtCode: string; homeLat: number; homeLng: number; skills: { code: string }[] } }>(
    baseUrl, token, 'GET', '/api/worker/application',
  );
  return { token, id: user.id, home: { lat: profile.homeLat, lng: profile.homeLng }, districtCode: profile.districtCode, skills: profile.skills.map((s) => s.code) };
}

/** Signs a new customer in by SMS code (read from the outbox); returns the session token. */
export async function customerBySms(baseUrl: string, phone = randomPhone()): Promise<string> {
  const ip = clientAddress();
  await apiCall(baseUrl, null, 'POST', '/api/auth/sms/send', { phone, purpose: 'login' }, { 'x-forwarded-for': ip });
  const code = await readSmsCode(baseUrl, phone);
  return (await apiCall<{ token: string }>(baseUrl, null, 'POST', '/api/auth/sms/login', { phone, code, role: 'customer' }, { 'x-forwarded-for': ip })).token;
}

/** The fields of an order view these journeys read. */
export interface OrderLite {
  id: string;
  orderNo: string;
  status: string;
  scheduledStart: string;
  durationMinutes: number;
  serviceCode: string | null;
  address: { detail: string | null; lat: number | null; lng: number | null };
  extras: { id: string; title: string; status: string }[];
  reschedule: { id: string; status: string; requestedBy: string; proposedStart: string } | null;
}

export interface Booking {
  order: OrderLite;
  customerToken: string;
  addressId: string;
  quoteId: string;
  address: { detail: string; lat: number; lng: number };
}

interface SlotAnswer {
  days: { date: string; slots: { start: string }[] }[];
}

/**
 * A new customer books 日常保洁 (or `itemCode`) with the demo worker chosen as `workerId`, at an address by the
 * worker's home, at the first time the worker is free a day or more ahead, and pays: the order is offered to them.
 */
export async function bookWithWorker(baseUrl: string, worker: Worker, options: { itemCode?: string; notBefore?: number; detail?: string } = {}): Promise<Booking> {
  const token = await customerBySms(baseUrl);
  const itemCode = options.itemCode ?? (worker.skills.includes('daily-cleaning') ? 'daily-cleaning' : worker.skills[0]!);
  // A few hundred metres from the worker's home: inside their radius, and a real distance to show.
  const address = { detail: options.detail ?? `张杨路 ${100 + Math.floor(Math.random() * 800)} 号 6 楼 602 室`, lat: worker.home.lat + 0.003, lng: worker.home.lng + 0.002 };
  const { id: addressId } = await apiCall<{ id: string }>(baseUrl, token, 'POST', '/api/me/addresses', {
    label: '家', contactName: '王女士', contactPhone: randomPhone(), districtCode: worker.districtCode, ...address,
  });
  const draft = await apiCall<{ id: string }>(baseUrl, token, 'POST', '/api/catalog/quotes', { itemCode, options: {}, scheduledStart: new Date(Date.now() + 2 * 86_400_000).toISOString() });
  const slots = await apiCall<SlotAnswer>(baseUrl, token, 'GET', `/api/booking/slots?quoteId=${draft.id}&addressId=${addressId}&workerId=${worker.id}`);
  const notBefore = options.notBefore ?? Date.now() + 24 * 3600_000;
  const start = slots.days.flatMap((day) => day.slots.map((slot) => slot.start)).find((s) => new Date(s).getTime() >= notBefore);
  if (!start) throw new Error(`the demo worker has no free time for ${itemCode}`);
  const quote = await apiCall<{ id: string }>(baseUrl, token, 'POST', '/api/catalog/quotes', { itemCode, options: {}, scheduledStart: start });
  const created = await apiCall<OrderLite>(baseUrl, token, 'POST', '/api/orders', { quoteId: quote.id, addressId, workerId: worker.id, notes: '家里有猫，进门请换鞋套' }, { 'idempotency-key': `wo-${quote.id}` });
  const order = await apiCall<OrderLite>(baseUrl, token, 'POST', `/api/orders/${created.id}/pay`, { method: 'wechat' }, { 'idempotency-key': `wo-pay-${created.id}` });
  return { order, customerToken: token, addressId, quoteId: quote.id, address };
}

/** The order as its customer sees it (with the 4-digit `serviceCode` from acceptance until check-in). */
export function customerOrder(baseUrl: string, booking: Booking): Promise<OrderLite> {
  return apiCall<OrderLite>(baseUrl, booking.customerToken, 'GET', `/api/orders/${booking.order.id}`);
}

/** The customer's 上门核销码, available once the worker has accepted. */
export async function serviceCodeOf(baseUrl: string, booking: Booking): Promise<string> {
  const code = (await customerOrder(baseUrl, booking)).serviceCode;
  if (!code) throw new Error(`order ${booking.order.orderNo} shows its customer no service code`);
  return code;
}

/** The customer accepts (or refuses) the newest extra-work proposal. */
export async function answerExtraWork(baseUrl: string, booking: Booking, accept = true): Promise<OrderLite> {
  const { extras } = await customerOrder(baseUrl, booking);
  const proposed = extras.find((extra) => extra.status === 'proposed');
  if (!proposed) throw new Error(`order ${booking.order.orderNo} has no proposed extra work`);
  return apiCall<OrderLite>(baseUrl, booking.customerToken, 'POST', `/api/orders/${booking.order.id}/extras/${proposed.id}/decision`, { accept });
}

/** The customer asks to move an assigned order to `start` (a request `pending_worker`). */
export function customerAsksReschedule(baseUrl: string, booking: Booking, start: string, reason = '临时出差，改到后一天'): Promise<OrderLite> {
  return apiCall<OrderLite>(baseUrl, booking.customerToken, 'POST', `/api/orders/${booking.order.id}/reschedule`, { start, reason });
}

/** Free starts of the booked worker for this booking's item and address (as its customer sees them). */
export async function freeStarts(baseUrl: string, booking: Booking, worker: Worker): Promise<string[]> {
  const slots = await apiCall<SlotAnswer>(baseUrl, booking.customerToken, 'GET', `/api/booking/slots?quoteId=${booking.quoteId}&addressId=${booking.addressId}&workerId=${worker.id}`);
  return slots.days.flatMap((day) => day.slots.map((slot) => slot.start));
}

/** `YYYY-MM-DD` of an instant in Shanghai. */
export function shanghaiDay(iso: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}
