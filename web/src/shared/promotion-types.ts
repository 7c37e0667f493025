// Shared shapes of the promotions API (src/domains/promotions/routes.ts) used by the customer portal and the console.
import type { Localized } from './catalog-types';

export type CouponKind = 'spend_threshold' | 'percent_off' | 'new_customer';

/** A coupon campaign's rule and window, as both the 领券中心 and the console list it. */
export interface CampaignBase {
  id: string;
  name: string;
  nameEn: string;
  kind: CouponKind;
  /** The rule in words, e.g. `满 ¥100.00 减 ¥20.00`. */
  rule: Localized;
  offFen: number | null;
  thresholdFen: number | null;
  /** Basis points off (1000 = 10 % off). */
  offBp: number | null;
  capFen: number | null;
  minSpendFen: number | null;
  /** Services it is limited to; null = every service. */
  itemCodes: string[] | null;
  startsAt: string;
  endsAt: string;
  /** A claimed coupon is valid this many days (never past endsAt); null = until endsAt. */
  validDays: number | null;
  totalQuantity: number | null;
  issuedCount: number;
  perCustomer: number;
}

/** A service card (次卡) on sale. */
export interface CardProduct {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  itemCode: string;
  /** Hours or units of each visit (the booking's quantity must match). */
  quantity: number;
  visits: number;
  priceFen: number;
  listPriceFen: number;
  savingFen: number;
  perVisitFen: number;
  validDays: number;
  published: boolean;
}

/** `expired`: an active card past its expiry; `void`: an unpaid card given up. */
export type CardStatus = 'unpaid' | 'active' | 'expired' | 'refunded' | 'void';

/** A bought service card as the API presents it (my cards; the console's cards sold add the customer). */
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
