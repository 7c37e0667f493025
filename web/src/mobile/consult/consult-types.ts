// 售前咨询 (docs/api-messaging.md, "售前咨询"): the customer under /api/consultations, the worker under /api/worker/consultations.
import type { UserRole } from '../../shared/types';
import type { ChatMessage } from '../chat/chat-types';

export interface Consultation {
  id: string;
  workerId: string;
  /** The other side, by a masked name (张* / 王师傅): a consultation never shows a phone or an address. */
  peer: { role: 'customer' | 'worker'; name: string };
  /** `declined`: the worker stopped the customer's messages (and may reopen). */
  status: 'open' | 'declined';
  declinedAt: string | null;
  canSend: boolean;
  createdAt: string;
  lastMessageAt: string;
}

/** GET …/consultations/:id */
export interface ConsultationThread extends Consultation {
  unread: number;
  items: ChatMessage[];
}

/** GET …/consultations */
export interface ConsultationList {
  unread: number;
  items: (Consultation & { lastMessage: string; unread: number })[];
}

export function consultBase(role: UserRole): string {
  return role === 'worker' ? '/api/worker/consultations' : '/api/consultations';
}
