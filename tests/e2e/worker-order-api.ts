// The HTTP side of the worker order journeys: a customer who books the demo worker (./http) and pays, and the
// customer's answers (service code, extra work, reschedule) that the worker portal waits for.
import { randomPhone } from './api';
import { call, payThroughCashier, customerSignIn, slotStarts, type DemoWorker, type SlotAnswer } from './http';

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

/**
 * A new customer (or the one signed in as `customerToken`) books 日常保洁 (or `itemCode`) with the demo worker chosen as `workerId`, at an address by the
 * worker's home, at the first time the worker is free a day or more ahead, and pays: the order is offered to them.
 */
export async function bookWithWorker(baseUrl: string, worker: DemoWorker, options: { itemCode?: string; notBefore?: number; detail?: string; customerToken?: string } = {}): Promise<Booking> {
  const token = options.customerToken ?? (await customerSignIn(baseUrl));
  const itemCode = options.itemCode ?? (worker.skills.includes('daily-cleaning') ? 'daily-cleaning' : worker.skills[0]!);
  // A few hundred metres from the worker's home: inside their radius, and a real distance to show.
  const address = { detail: options.detail ?? `张杨路 ${100 + Math.floor(Math.random() * 800)} 号 6 楼 602 室`, lat: worker.homeLat + 0.003, lng: worker.homeLng + 0.002 };
  const { id: addressId } = await call<{ id: string }>(baseUrl, token, 'POST', '/api/me/addresses', {
    label: '家', contactName: '王女士', contactPhone: randomPhone(), districtCode: worker.districtCode, ...address,
  });
  const draft = await call<{ id: string }>(baseUrl, token, 'POST', '/api/catalog/quotes', { itemCode, options: {}, scheduledStart: new Date(Date.now() + 2 * 86_400_000).toISOString() });
  const slots = await call<SlotAnswer>(baseUrl, token, 'GET', `/api/booking/slots?quoteId=${draft.id}&addressId=${addressId}&workerId=${worker.id}`);
  const notBefore = options.notBefore ?? Date.now() + 24 * 3600_000;
  const start = slotStarts(slots).find((s) => new Date(s).getTime() >= notBefore);
  if (!start) throw new Error(`the demo worker has no free time for ${itemCode}`);
  const quote = await call<{ id: string }>(baseUrl, token, 'POST', '/api/catalog/quotes', { itemCode, options: {}, scheduledStart: start });
  const created = await call<OrderLite>(baseUrl, token, 'POST', '/api/orders', { quoteId: quote.id, addressId, workerId: worker.id, notes: '家里有猫，进门请换鞋套' }, { 'idempotency-key': `wo-${quote.id}` });
  const order = await payThroughCashier<OrderLite>(baseUrl, token, created.id, 'wechat', { 'idempotency-key': `wo-pay-${created.id}` });
  return { order, customerToken: token, addressId, quoteId: quote.id, address };
}

/** The order as its customer sees it (with the 4-digit `serviceCode` from acceptance until check-in). */
export function customerOrder(baseUrl: string, booking: Booking): Promise<OrderLite> {
  return call<OrderLite>(baseUrl, booking.customerToken, 'GET', `/api/orders/${booking.order.id}`);
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
  return call<OrderLite>(baseUrl, booking.customerToken, 'POST', `/api/orders/${booking.order.id}/extras/${proposed.id}/decision`, { accept });
}

/** The customer asks to move an assigned order to `start` (a request `pending_worker`). */
export function customerAsksReschedule(baseUrl: string, booking: Booking, start: string, reason = '临时出差，改到后一天'): Promise<OrderLite> {
  return call<OrderLite>(baseUrl, booking.customerToken, 'POST', `/api/orders/${booking.order.id}/reschedule`, { start, reason });
}

/** Free starts of the booked worker for this booking's item and address (as its customer sees them). */
export async function freeStarts(baseUrl: string, booking: Booking, worker: DemoWorker): Promise<string[]> {
  const slots = await call<SlotAnswer>(baseUrl, booking.customerToken, 'GET', `/api/booking/slots?quoteId=${booking.quoteId}&addressId=${booking.addressId}&workerId=${worker.id}`);
  return slotStarts(slots);
}

/** `YYYY-MM-DD` of an instant in Shanghai. */
export function shanghaiDay(iso: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}
