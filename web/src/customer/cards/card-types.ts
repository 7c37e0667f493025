// 次卡 (`/api/service-cards…`). Money integer fen, times ISO 8601 UTC.

import type { CardStatus } from '../../shared/promotion-types';

export type { CardProduct, CardStatus } from '../../shared/promotion-types';

export interface ServiceCard {
  id: string;
  cardNo: string;
  productId: string;
  name: string;
  itemCode: string;
  quantity: number;
  visits: number;
  visitsUsed: number;
  visitsLeft: number;
  priceFen: number;
  /** What is left on the card: the unused visits' share, refunded on 退卡. */
  balanceFen: number;
  /** What the next visit takes off the card. */
  nextVisitFen: number;
  status: CardStatus;
  paidAt: string | null;
  expiresAt: string | null;
  refundedFen: number;
  createdAt: string;
}

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
