import type { CampaignBase, CardProduct, CardStatus, CouponKind } from '../../../shared/promotion-types';

// Answers of the promotions console API (src/domains/promotions/routes.ts, docs/api-payments.md).

export type CampaignKind = CouponKind;
export type { CardProduct, CardStatus };

export interface Campaign extends CampaignBase {
  usedCount: number;
  claimable: boolean;
  status: 'active' | 'stopped';
}

/** POST /api/admin/coupon-campaigns/:id/grant: per customer, the coupon issued or the refusal code. */
export interface GrantResult {
  results: { customerId: string; couponId?: string; error?: string }[];
}

export interface SoldCard {
  id: string;
  cardNo: string;
  productId: string;
  customerId: string;
  name: string;
  itemCode: string;
  quantity: number;
  visits: number;
  visitsUsed: number;
  visitsLeft: number;
  priceFen: number;
  balanceFen: number;
  nextVisitFen: number;
  status: CardStatus;
  paidAt: string | null;
  expiresAt: string | null;
  refundedFen: number;
  createdAt: string;
}
