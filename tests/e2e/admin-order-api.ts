// Orders made through the HTTP API (customer signs in by SMS, adds an address, quotes, books, pays), the demo
// worker's reschedule requests and the outbox checks the console order tests need.
import { randomPhone } from './api';
import { adminCall, call, payThroughCashier, customerSignIn, slotStarts, type DemoWorker, type SlotAnswer } from './http';

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
  return slotStarts(answer).filter((start) => new Date(start).getTime() >= notBefore);
}

/**
 * A customer (new phone unless given) books `itemCode` at an address next to the worker's home, at a time the worker
 * is free, and pays: the order ends `paid` (待接单), offered around, with nobody assigned yet.
 */
export async function bookPaidOrder(baseUrl: string, worker: DemoWorker, options: { itemCode?: string; phone?: string; token?: string; addressId?: string; pay?: boolean; skip?: number; start?: string } = {}): Promise<BookedOrder> {
  const phone = options.phone ?? randomPhone();
  // A customer already signed in (SMS codes to one phone are one a minute), or a sign-in now.
  const token = options.token ?? await customerSignIn(baseUrl, phone);
  const itemCode = options.itemCode ?? worker.itemCodes[0]!;
  // An address of the customer's own when given (the demo customer's home), else a new one next to the worker.
  const address = options.addressId ? { id: options.addressId } : await call<{ id: string }>(baseUrl, token, 'POST', '/api/me/addresses', {
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
  if (options.pay !== false) order = await payThroughCashier<OrderView>(baseUrl, token, order.id);
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
