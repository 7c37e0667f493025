import type { ColumnType, Generated } from 'kysely';

/** Kysely types of the payments tables (migration 0015), kept beside `types.ts`. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T> = ColumnType<T, string | T, string | T>;

export type PayProvider = 'wechat' | 'alipay' | 'card';
export type PaymentStatus = 'pending' | 'paid' | 'failed' | 'closed';
export type RefundKind = 'cancellation' | 'no_show' | 'after_sales' | 'arbitration' | 'manual' | 'service_card' | 'onsite_quote';
export type WithdrawalStatus = 'pending_review' | 'paying' | 'paid' | 'failed' | 'rejected';

export interface LedgerAccountsTable {
  code: string; kind: string; owner_id: string | null; may_go_negative: Generated<boolean>; balance_fen: Generated<number>; created_at: Generated<Date>;
}
export interface JournalEntriesTable {
  id: Generated<number>; key: string; kind: string; order_id: string | null; worker_id: string | null; memo: Generated<string>; created_at: Timestamp;
}
export interface JournalLinesTable { entry_id: number; account_code: string; amount_fen: number }
export interface PaymentSettingsTable { city_code: string; settings: Json<unknown>; updated_at: Timestamp }
export interface PaymentsTable {
  id: Generated<string>; order_id: string | null; service_card_id: string | null; purpose: Generated<'order' | 'extras' | 'service_card'>; provider: PayProvider; out_trade_no: string; amount_fen: number;
  currency: Generated<string>; status: Generated<PaymentStatus>; provider_txn_id: string | null; charge_id: string | null; failed_reason: Generated<string>;
  paid_at: NullableTimestamp; created_at: Timestamp; updated_at: Timestamp;
}
export interface PaymentNotificationsTable {
  id: Generated<number>; provider: string; payment_id: string | null; event_id: Generated<string>; outcome: string; detail: Generated<string>; received_at: Timestamp;
}
export interface RefundsTable {
  id: Generated<string>; order_id: string | null; service_card_id: string | null; payment_id: string; refund_no: string; amount_fen: number; kind: RefundKind; reason: Generated<string>;
  status: Generated<'processing' | 'succeeded'>; provider_refund_id: string | null; created_by: Generated<string>; created_at: Timestamp; succeeded_at: NullableTimestamp;
}
export interface WorkerBankCardsTable {
  id: Generated<string>; worker_id: string; bank_name: string; holder_name: string; card_no_enc: string; card_last4: string; created_at: Timestamp; removed_at: NullableTimestamp;
}
export interface WithdrawalsTable {
  id: Generated<string>; worker_id: string; card_id: string; amount_fen: number; fee_fen: number; net_fen: number; status: WithdrawalStatus;
  attempts: Generated<number>; payout_ref: string | null; failure_reason: Generated<string>; review_note: Generated<string>; reviewed_by: string | null;
  reviewed_at: NullableTimestamp; paid_at: NullableTimestamp; created_at: Timestamp; updated_at: Timestamp;
}
export interface PaysimChargesTable {
  id: string; provider: PayProvider; out_trade_no: string; amount_fen: number; description: Generated<string>; notify_url: string; return_url: string;
  status: Generated<'open' | 'paid' | 'failed' | 'abandoned'>; txn_id: string | null; refunded_fen: Generated<number>; created_at: Timestamp; decided_at: NullableTimestamp;
}
export interface PaysimKeysTable { provider: PayProvider; platform_private_pem: string; platform_public_pem: string; serial: string; api_key: string; created_at: Timestamp }
export interface OrderSettlementsTable {
  order_id: string; kind: 'completion' | 'compensation'; worker_id: string; order_no: string; item_name: string; gross_fen: number; commission_fen: number;
  net_fen: number; insurance_fen: Generated<number>; clawback_fen: Generated<number>; rule: Json<unknown> | null; settled_at: Timestamp; available_at: Timestamp; released_at: NullableTimestamp;
}
export interface PaysimRefundsTable { refund_no: string; out_trade_no: string; amount_fen: number; refund_id: string; created_at: Timestamp }
export interface PaysimPayoutsTable { ref: string; card_last4: string; amount_fen: number; status: 'paid' | 'failed'; created_at: Timestamp }

export interface PaymentNotificationNoncesTable { nonce_key: string; seen_at: Generated<Date> }

export interface PaymentsDB {
  payment_notification_nonces: PaymentNotificationNoncesTable;
  ledger_accounts: LedgerAccountsTable;
  journal_entries: JournalEntriesTable;
  journal_lines: JournalLinesTable;
  payment_settings: PaymentSettingsTable;
  payments: PaymentsTable;
  payment_notifications: PaymentNotificationsTable;
  refunds: RefundsTable;
  worker_bank_cards: WorkerBankCardsTable;
  withdrawals: WithdrawalsTable;
  // The payment simulator's own schema (migration 0036): not app tables.
  'paysim.charges': PaysimChargesTable;
  'paysim.signing_keys': PaysimKeysTable;
  'paysim.payouts': PaysimPayoutsTable;
  'paysim.refunds': PaysimRefundsTable;
  order_settlements: OrderSettlementsTable;
}
