import type { Localized } from '../../../shared/catalog-types';

// Answers of the promotions console API (src/domains/promotions/routes.ts, docs/api-payments.md).

export type CampaignKind = 'spend_threshold' | 'percent_off' | 'new_customer';

export interface Campaign {
  id: string;
  name: string;
  nameEn: string;
  kind: CampaignKind;
  /** The rule in words, e.g. `满 ¥100.00 减 ¥20.00`. */
  rule: Localized;
  offFen: number | null;
  thresholdFen: number | null;
  offBp: number | null;
  capFen: number | null;
  minSpendFen: number | null;
  itemCodes: string[] | null;
  startsAt: string;
  endsAt: string;
  validDays: number | null;
  totalQuantity: number | null;
  issuedCount: number;
  usedCount: number;
  perCustomer: number;
  claimable: boolean;
  status: 'active' | 'stopped';
}

/** POST /api/admin/coupon-campaigns/:id/grant: per customer, the coupon issued or the refusal code. */
export interface GrantResult {
  results: { customerId: string; couponId?: string; error?: string }[];
}

export interface CardProduct {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  itemCode: string;
  quantity: number;
  visits: number;
  priceFen: number;
  listPriceFen: number;
  savingFen: number;
  perVisitFen: number;
  validDays: number;
  published: boolean;
}

export type CardStatus = 'unpaid' | 'active' | 'expired' | 'refunded';

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
