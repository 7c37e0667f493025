import type { ColumnType, Generated } from 'kysely';

/** Kysely types of the promotions tables (migration 0016), kept beside `types.ts`. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type CouponKind = 'spend_threshold' | 'percent_off' | 'new_customer';
export type CustomerCouponStatus = 'available' | 'locked' | 'used';
export type ServiceCardStatus = 'unpaid' | 'active' | 'refunded' | 'void';

export interface CouponCampaignsTable {
  id: Generated<string>; city_code: string; name: string; name_en: Generated<string>; kind: CouponKind;
  off_fen: number | null; threshold_fen: number | null; off_bp: number | null; cap_fen: number | null; min_spend_fen: number | null;
  item_codes: string[] | null; starts_at: Timestamp; ends_at: Timestamp; valid_days: number | null; total_quantity: number | null;
  issued_count: Generated<number>; per_customer: Generated<number>; claimable: Generated<boolean>; status: Generated<'active' | 'stopped'>;
  created_by: string; created_at: Generated<Date>;
}
export interface CustomerCouponsTable {
  id: Generated<string>; campaign_id: string; customer_id: string; status: Generated<CustomerCouponStatus>; valid_from: Timestamp; valid_until: Timestamp;
  order_id: string | null; source: 'claim' | 'grant'; created_at: Generated<Date>; used_at: NullableTimestamp;
}
export interface ServiceCardProductsTable {
  id: Generated<string>; city_code: string; code: string; name: string; name_en: Generated<string>; item_code: string; quantity: Generated<number>;
  visits: number; price_fen: number; list_price_fen: number; valid_days: number; published: Generated<boolean>; created_at: Generated<Date>; updated_at: Generated<Date>;
}
export interface ServiceCardsTable {
  id: Generated<string>; card_no: string; product_id: string; customer_id: string; name: string; item_code: string; quantity: number; visits: number;
  visits_used: Generated<number>; price_fen: number; status: Generated<ServiceCardStatus>; paid_at: NullableTimestamp; expires_at: NullableTimestamp;
  refunded_fen: Generated<number>; created_at: Generated<Date>; updated_at: Generated<Date>;
}
export interface ServiceCardRedemptionsTable {
  order_id: string; card_id: string; amount_fen: number; status: Generated<'redeemed' | 'returned'>; created_at: Generated<Date>; returned_at: NullableTimestamp;
}
export interface InvoiceRequestsTable {
  id: Generated<string>; order_id: string; customer_id: string; title_kind: 'personal' | 'company'; title: string; tax_no: string | null; email: string;
  amount_fen: number; status: Generated<'requested' | 'issued' | 'rejected'>; invoice_no: string | null; note: Generated<string>; decided_by: string | null;
  decided_at: NullableTimestamp; created_at: Generated<Date>;
}

export interface PromotionsDB {
  coupon_campaigns: CouponCampaignsTable;
  customer_coupons: CustomerCouponsTable;
  service_card_products: ServiceCardProductsTable;
  service_cards: ServiceCardsTable;
  service_card_redemptions: ServiceCardRedemptionsTable;
  invoice_requests: InvoiceRequestsTable;
}
