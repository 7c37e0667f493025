import type { ColumnType, Generated } from 'kysely';

/** Kysely types of the pre-booking consultation tables (migration 0026, support domain), kept beside `types.ts`. */
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type ConsultationStatus = 'open' | 'declined';

export interface ConsultationsTable {
  id: Generated<string>; customer_id: string; worker_id: string; customer_label: string; worker_label: string;
  status: Generated<ConsultationStatus>; declined_at: NullableTimestamp; created_at: Timestamp; last_message_at: Timestamp;
}
export interface ConsultationMessagesTable {
  id: Generated<string>; consultation_id: string; sender_kind: 'customer' | 'worker'; sender_id: string; body: string;
  masked: Generated<number>; created_at: Timestamp;
}
export interface ConsultationReadsTable { consultation_id: string; reader_id: string; read_at: Date }

/** Support's per-city settings (migration 0034). */
export interface SupportSettingsTable { city_code: string; chat_image_retention_days: number; updated_at: Generated<Date> }

export interface ConsultationsDB {
  support_settings: SupportSettingsTable;
  consultations: ConsultationsTable;
  consultation_messages: ConsultationMessagesTable;
  consultation_reads: ConsultationReadsTable;
}
