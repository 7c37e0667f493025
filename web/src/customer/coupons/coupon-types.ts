// 我的优惠券 and 领券中心 (`GET /api/coupons`, `GET /api/coupons/center`). Money integer fen, times ISO 8601 UTC.
import type { LocalText } from '../../shared/order-types';

import type { CampaignBase, CouponKind } from '../../shared/promotion-types';

export type { CouponKind };

/** `expired`: an available coupon past its validity; `locked`: held by an order not paid yet. */
export type CouponStatus = 'available' | 'locked' | 'used' | 'expired';

export interface HeldCoupon {
  id: string;
  campaignId: string;
  name: string;
  nameEn: string;
  kind: CouponKind;
  /** The rule in words, e.g. 满 ¥100.00 减 ¥20.00. */
  rule: LocalText;
  /** Services it is limited to; null = every service. */
  itemCodes: string[] | null;
  status: CouponStatus;
  validFrom: string;
  validUntil: string;
  orderId: string | null;
  usedAt: string | null;
  /** With `itemCode` and `subtotalFen` in the query: whether it applies and how much it takes off. */
  usable?: { applicable: boolean; discountFen?: number; reason?: LocalText };
}

export interface CenterCampaign extends CampaignBase {
  /** How many I hold. */
  claimed: number;
  soldOut: boolean;
}
