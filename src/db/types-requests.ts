import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/** Kysely types of custom requests (migration 0038), kept beside `types.ts`. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type RequestStatus = 'draft' | 'open' | 'chosen' | 'expired' | 'cancelled';
export type RequestClosedReason = 'none_nearby' | 'all_busy' | 'no_answer' | 'not_chosen' | 'cancelled' | 'chosen';
export type AnswerStatus = 'open' | 'withdrawn' | 'chosen' | 'closed';
export interface StoredWindow { start: string; end: string }
export interface StoredAnswerLine { kind: 'labour' | 'parts' | 'material' | 'other'; description: string; quantity: number; unitPriceFen: number; amountFen: number }

export interface RequestSettingsTable {
  city_code: string; expiry_hours: Generated<number>; round_size: Generated<number>; target_answers: Generated<number>;
  round_minutes: Generated<number>; max_rounds: Generated<number>; updated_at: Generated<Date>;
}

export interface ServiceRequestsTable {
  id: Generated<string>; request_no: string; city_code: string; customer_id: string; category_code: string; item_id: string; item_code: string;
  description: string; photo_file_ids: ColumnType<string[], string[] | undefined, string[]>;
  address_id: string | null; address_enc: string | null; address_label: Generated<string>; district_code: string | null; lat: number | null; lng: number | null;
  windows: JSONColumnType<StoredWindow[], string | undefined, string>;
  budget_min_fen: number | null; budget_max_fen: number | null; special_needs: ColumnType<string[], string[] | undefined, string[]>; notes: Generated<string>;
  status: ColumnType<RequestStatus, RequestStatus | undefined, RequestStatus>; rounds: Generated<number>;
  published_at: NullableTimestamp; expires_at: NullableTimestamp; first_answer_at: NullableTimestamp;
  chosen_answer_id: string | null; order_id: string | null; closed_at: NullableTimestamp; closed_reason: RequestClosedReason | null;
  version: Generated<number>; created_at: Generated<Date>; updated_at: Generated<Date>;
}

export interface RequestInvitationsTable {
  request_id: string; worker_id: string; round: number; distance_km: number; score: number | null;
  explanation: JSONColumnType<unknown[], string | undefined, string>; invited_by_admin_id: string | null; invited_by_admin_name: string | null; created_at: Generated<Date>;
}

export interface RequestAnswersTable {
  id: Generated<string>; request_id: string; worker_id: string; lines: JSONColumnType<StoredAnswerLine[], string, string>; total_fen: number;
  start_at: Timestamp; duration_minutes: number; message: Generated<string>; status: ColumnType<AnswerStatus, AnswerStatus | undefined, AnswerStatus>;
  created_at: Generated<Date>; updated_at: Timestamp;
}

export interface RequestsDB {
  request_settings: RequestSettingsTable;
  service_requests: ServiceRequestsTable;
  request_invitations: RequestInvitationsTable;
  request_answers: RequestAnswersTable;
}
