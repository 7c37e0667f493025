import type { ColumnType, Generated } from 'kysely';

/** Kysely types of the quality-sampling tables (migration 0024), kept beside `types.ts`. */
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** The Monday a week starts on, 'YYYY-MM-DD' in the city's zone. */
type DateColumn = string;

export type QaOutcome = 'pass' | 'issue' | 'unreachable';
export type QaStatus = 'pending' | QaOutcome;

export interface QaSettingsTable { city_code: string; rate_bp: number; updated_at: Generated<Date> }
export interface QaDrawsTable {
  city_code: string; week_start: DateColumn; rate_bp: number; orders_in_week: number; sampled: number; drawn_by: string; drawn_at: Generated<Date>;
}
export interface QaSamplesTable {
  id: Generated<string>; city_code: string; week_start: DateColumn; order_id: string; order_no: string; category_code: string; item_name: string;
  worker_id: string; worker_name: Generated<string>; customer_id: string; completed_at: Date; status: Generated<QaStatus>;
  on_time: boolean | null; as_described: boolean | null; attitude: number | null; extra_charges: boolean | null; satisfaction: number | null;
  notes: Generated<string>; attempts: Generated<number>; called_by: string | null; called_by_name: Generated<string>; called_at: NullableTimestamp;
  complaint_id: string | null; created_at: Generated<Date>;
}

export interface QualityDB {
  qa_settings: QaSettingsTable;
  qa_draws: QaDrawsTable;
  qa_samples: QaSamplesTable;
}
