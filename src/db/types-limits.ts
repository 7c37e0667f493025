import type { ColumnType } from 'kysely';

/** Kysely types of the rate-limit counters (migration 0032), kept beside `types.ts`. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface RateLimitCountersTable { scope: string; key: string; window_start: Timestamp; hits: number }

export interface LimitsDB {
  rate_limit_counters: RateLimitCountersTable;
}
