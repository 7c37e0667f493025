import type { ColumnType, Generated } from 'kysely';

/** Kysely types of the insurance-claims table (migration 0025), kept beside `types.ts`. */
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type ClaimStatus = 'submitted' | 'reviewing' | 'paid' | 'rejected';
export type ClaimSource = 'incident' | 'dispute';

export interface InsuranceClaimsTable {
  id: Generated<string>; claim_no: string; order_id: string; customer_id: string; worker_id: string | null;
  source: ClaimSource; incident_id: string | null; amount_fen: number; cover_fen: number; description: string;
  document_file_ids: Generated<string[]>; status: Generated<ClaimStatus>;
  filed_by_kind: 'customer' | 'admin'; filed_by_id: string; filed_by_name: Generated<string>;
  reviewing_by_name: string | null; reviewing_at: NullableTimestamp;
  decided_by: string | null; decided_by_name: string | null; decided_at: NullableTimestamp; decision_reason: Generated<string>;
  payout_entry_key: string | null; created_at: Generated<Date>; updated_at: Generated<Date>;
}

export interface ClaimsDB { insurance_claims: InsuranceClaimsTable }
