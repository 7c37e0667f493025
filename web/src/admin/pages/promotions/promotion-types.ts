import type { CampaignBase, CardProduct, CardStatus, CouponKind, ServiceCard } from '../../../shared/promotion-types';

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

/** GET /api/admin/service-cards: a card sold, with its customer. */
export interface SoldCard extends ServiceCard {
  customerId: string;
}
