// 客服工单 as the support desk reads them (docs/api-messaging.md, "Help centre and support").

export type TicketStatus = 'open' | 'answered' | 'closed';

/** GET /api/admin/support/tickets → `{items}` (oldest waiting first, at most 200). */
export interface DeskTicket {
  id: string;
  ticketNo: string;
  audience: 'customer' | 'worker';
  orderId: string | null;
  subject: string;
  status: TicketStatus;
  createdAt: string;
  updatedAt: string;
  userName: string;
  /** Masked, e.g. 138****5678. */
  userPhone: string | null;
}

export interface TicketMessage {
  id: string;
  from: 'user' | 'support';
  /** The answering admin's name for `support` messages. */
  senderName: string;
  /** Plain text (rendered as text, never HTML); contact details already masked. */
  body: string;
  createdAt: string;
}

/** GET /api/admin/support/tickets/:id and the answer of POST …/answer. */
export interface DeskTicketThread extends DeskTicket {
  messages: TicketMessage[];
}
