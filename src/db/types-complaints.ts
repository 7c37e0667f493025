import type { ColumnType, Generated } from 'kysely';

/** Kysely types of the complaints tables (migration 0022), kept beside `types.ts`. */
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type ComplaintSource = 'customer' | 'worker' | 'qa';
export type ComplaintStatus = 'submitted' | 'in_progress' | 'resolved' | 'rejected';
export type ComplaintCategory = 'late' | 'attitude' | 'damage' | 'loss' | 'safety' | 'overcharge' | 'other';

export interface ComplaintsTable {
  id: Generated<string>; order_id: string; city_code: string; source: ComplaintSource; filed_by: string | null;
  against_kind: 'worker' | 'customer'; against_id: string; category: ComplaintCategory; description: string; evidence_file_ids: Generated<string[]>;
  status: Generated<ComplaintStatus>; owner_admin_id: string | null; owner_name: string | null;
  first_response_due: Timestamp; resolution_due: Timestamp; first_response_at: NullableTimestamp; against_notified_at: NullableTimestamp;
  response_escalated_at: NullableTimestamp; resolution_escalated_at: NullableTimestamp;
  outcome: string | null; penalty_id: string | null; penalty_kind: 'warning' | 'suspension' | 'removal' | null; after_sales_at: NullableTimestamp; closed_by: string | null; closed_at: NullableTimestamp;
  created_at: Timestamp; updated_at: Timestamp;
}
export interface ComplaintEventsTable {
  id: Generated<string>; complaint_id: string; action: string; actor_kind: 'customer' | 'worker' | 'admin' | 'system'; actor_id: string | null; actor_name: Generated<string>;
  note: Generated<string>; visible_to_filer: Generated<boolean>; detail: ColumnType<unknown, string | undefined, string>; at: Timestamp;
}
export interface ComplaintSettingsTable { city_code: string; settings: ColumnType<unknown, string, string>; updated_at: Generated<Date> }

export interface ComplaintsDB {
  complaints: ComplaintsTable;
  complaint_events: ComplaintEventsTable;
  complaint_settings: ComplaintSettingsTable;
}
