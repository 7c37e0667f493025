// 帮助中心 and 客服工单 (docs/api-messaging.md, "Help centre and support").

export interface HelpArticle {
  id: string;
  /** The article's group as operations wrote it (zh). */
  category: string;
  question: string;
  answer: string;
}

export type TicketStatus = 'open' | 'answered' | 'closed';

export interface TicketSummary {
  id: string;
  ticketNo: string;
  subject: string;
  status: TicketStatus;
  orderId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface TicketMessage {
  id: string;
  from: 'user' | 'support';
  /** The support agent's name (empty for the user's own messages). */
  senderName: string;
  body: string;
  createdAt: string;
}

export interface Ticket extends TicketSummary {
  messages: TicketMessage[];
}
