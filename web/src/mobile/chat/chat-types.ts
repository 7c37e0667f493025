// 私信 per order (docs/api-messaging.md, "Chat"): the customer under /api/orders, the worker under /api/worker/orders.
import type { UserRole } from '../../shared/types';

export interface ChatMessage {
  id: string;
  from: 'customer' | 'worker' | 'support' | 'system';
  mine: boolean;
  kind: 'text' | 'quick' | 'image';
  /** Plain text (rendered as text, never as HTML); contacts already masked by the API. */
  body: string;
  imageUrl: string | null;
  /** How many contacts the API masked in this message. */
  masked: number;
  createdAt: string;
}

export interface QuickReply {
  code: string;
  zh: string;
  en: string;
}

/** GET …/:id/chat */
export interface Chat {
  orderId: string;
  orderNo: string;
  /** Writing is allowed (from acceptance until the order closes); history stays readable either way. */
  open: boolean;
  unread: number;
  quickReplies: QuickReply[];
  /** The 售前咨询 the customer had with this worker before booking, shown above the order's own messages. */
  earlier: { consultationId: string; items: ChatMessage[] } | null;
  items: ChatMessage[];
}

export type ChatInput = { kind: 'text'; body: string } | { kind: 'quick'; code: string } | { kind: 'image'; fileId: string };

/** The order endpoints of a portal: `/api/orders` (customer) or `/api/worker/orders` (worker). */
export function ordersBase(role: UserRole): string {
  return role === 'worker' ? '/api/worker/orders' : '/api/orders';
}

export function chatPath(role: UserRole, orderId: string): string {
  return `${ordersBase(role)}/${encodeURIComponent(orderId)}/chat`;
}
