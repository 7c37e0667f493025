// 次卡 (`/api/service-cards…`). Money integer fen, times ISO 8601 UTC.

export type { CardProduct, CardStatus } from '../../shared/promotion-types';

import type { ServiceCard } from '../../shared/promotion-types';

export type { ServiceCard };

/** A visit the card paid (`returned`: the visit was cancelled and came back onto the card). */
export interface CardVisit {
  orderId: string;
  amountFen: number;
  status: 'redeemed' | 'returned';
  createdAt: string;
  returnedAt: string | null;
}

export interface ServiceCardDetail extends ServiceCard {
  redemptions: CardVisit[];
}

/** `POST /api/service-cards` and `/:id/pay`: the provider's cashier to go to. */
export interface CardCharge {
  cardId: string;
  paymentId: string;
  cashierUrl: string;
}
