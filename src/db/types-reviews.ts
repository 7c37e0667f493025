import type { ColumnType, Generated } from 'kysely';

/** Kysely types of the reviews tables (migration 0020), kept beside `types.ts`. */
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Dimension = number | null;

export type ReviewStatus = 'visible' | 'hidden' | 'removed';

export interface ReviewsTable {
  id: Generated<string>; order_id: string; customer_id: string; worker_id: string; item_code: string; stars: number;
  attitude: Dimension; skill: Dimension; efficiency: Dimension; punctuality: Dimension;
  tags: Generated<string[]>; body: Generated<string>; photo_file_ids: Generated<string[]>; anonymous: Generated<boolean>; is_default: Generated<boolean>;
  status: Generated<ReviewStatus>; masked_hits: Generated<number>;
  follow_up_body: string | null; follow_up_photo_file_ids: Generated<string[]>; follow_up_at: NullableTimestamp;
  reply_body: string | null; reply_at: NullableTimestamp; created_at: Generated<Date>; updated_at: Generated<Date>;
}
export interface ReviewAppealsTable {
  id: Generated<string>; review_id: string; worker_id: string; reason: string; evidence_file_ids: Generated<string[]>;
  status: Generated<'pending' | 'kept' | 'hidden' | 'removed'>; decision_note: Generated<string>; decided_by: string | null; decided_at: NullableTimestamp; created_at: Generated<Date>;
}
export interface ReviewReportsTable { review_id: string; reporter_id: string; reason: string; created_at: Generated<Date> }
export interface CustomerRatingsTable {
  order_id: string; worker_id: string; customer_id: string; punctuality: number; communication: number; environment: number; accuracy: number;
  body: Generated<string>; created_at: Generated<Date>;
}

export interface ReviewSettingsTable { city_code: string; settings: ColumnType<unknown, string, string>; updated_at: Generated<Date> }

export interface ReviewsDB {
  review_settings: ReviewSettingsTable;
  reviews: ReviewsTable;
  review_appeals: ReviewAppealsTable;
  review_reports: ReviewReportsTable;
  customer_ratings: CustomerRatingsTable;
}
