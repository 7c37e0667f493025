// The HTTP side of the console's messaging journeys: a customer's support tickets (open, add to, read) and
// notifications, and an accepted order whose customer and worker wrote to each other (text with a phone number,
// a quick reply, a photo).
import { call, type DemoWorker } from './http';
import { bookWithWorker, type Booking } from './worker-order-api';
import { pngFile } from './worker-fixtures';

export interface CustomerTicket {
  id: string;
  ticketNo: string;
  subject: string;
  status: 'open' | 'answered' | 'closed';
  orderId: string | null;
  messages: { id: string; from: 'user' | 'support'; senderName: string; body: string }[];
}

/** 联系客服: the customer opens a ticket (about one of their orders when `orderId` is given). */
export function openTicket(baseUrl: string, token: string, ticket: { subject: string; body: string; orderId?: string }): Promise<CustomerTicket> {
  return call<CustomerTicket>(baseUrl, token, 'POST', '/api/support/tickets?audience=customer', ticket);
}

/** The customer adds to their ticket. */
export function replyToTicket(baseUrl: string, token: string, ticketId: string, body: string): Promise<CustomerTicket> {
  return call<CustomerTicket>(baseUrl, token, 'POST', `/api/support/tickets/${ticketId}/messages`, { body });
}

/** The ticket as its customer sees it. */
export function customerTicket(baseUrl: string, token: string, ticketId: string): Promise<CustomerTicket> {
  return call<CustomerTicket>(baseUrl, token, 'GET', `/api/support/tickets/${ticketId}`);
}

export interface CustomerNotification {
  id: string;
  type: string;
  title: string;
  body: string;
  link: { kind: string; id: string | null } | null;
  readAt: string | null;
}

/** The customer's message centre. */
export function customerNotifications(baseUrl: string, token: string): Promise<{ unread: number; items: CustomerNotification[] }> {
  return call(baseUrl, token, 'GET', '/api/notifications?audience=customer');
}

export interface ChattedOrder extends Booking {
  /** What the customer typed (with a phone number) and how the API stored it (masked). */
  typed: string;
  stored: string;
  quick: string;
  paidFen: number;
}

/**
 * A new customer books the demo worker and pays; the worker accepts (the chat opens); the customer writes a text with
 * a phone number in it (masked before storing), the worker answers with a quick reply, and the customer sends a photo.
 */
export async function orderWithChat(baseUrl: string, worker: DemoWorker): Promise<ChattedOrder> {
  const booking = await bookWithWorker(baseUrl, worker);
  const id = booking.order.id;
  await call(baseUrl, worker.token, 'POST', `/api/worker/orders/${id}/accept`, {});
  const typed = '师傅您好，到了打我电话 138 1234 5678，小区东门进';
  const sent = await call<{ body: string; masked: number }>(baseUrl, booking.customerToken, 'POST', `/api/orders/${id}/chat`, { kind: 'text', body: typed });
  if (sent.masked < 1 || sent.body.includes('1234')) throw new Error(`the phone number was not masked: ${sent.body}`);
  const quick = await call<{ body: string }>(baseUrl, worker.token, 'POST', `/api/worker/orders/${id}/chat`, { kind: 'quick', code: 'w_departed' });
  const photo = pngFile('door.png', [40, 140, 200]);
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(photo.buffer)], { type: photo.mimeType }), photo.name);
  const upload = await fetch(`${baseUrl}/api/orders/photos`, { method: 'POST', headers: { authorization: `Bearer ${booking.customerToken}` }, body: form });
  if (!upload.ok) throw new Error(`photo upload → ${upload.status} ${await upload.text()}`);
  const { id: fileId } = (await upload.json()) as { id: string };
  await call(baseUrl, booking.customerToken, 'POST', `/api/orders/${id}/chat`, { kind: 'image', fileId });
  const order = await call<{ price: { paidFen: number } }>(baseUrl, booking.customerToken, 'GET', `/api/orders/${id}`);
  return { ...booking, typed, stored: sent.body, quick: quick.body, paidFen: order.price.paidFen };
}
