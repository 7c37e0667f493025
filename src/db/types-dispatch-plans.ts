import type { ColumnType, Generated } from 'kysely';

/** Kysely types of `dispatch_plans` (migration 0013), kept beside `types.ts`. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T> = ColumnType<T, string | T, string | T>;

export type DispatchPlanStatus = 'proposed' | 'applied' | 'discarded';

export interface DispatchPlansTable {
  id: Generated<string>;
  city_code: string;
  /** Local date `YYYY-MM-DD`. */
  plan_date: string;
  category_code: string | null;
  status: Generated<DispatchPlanStatus>;
  routes: Json<unknown>;
  totals: Json<unknown>;
  unassigned: Json<unknown>;
  stats: Json<unknown>;
  apply_results: Json<unknown> | null;
  created_by: string;
  created_by_name: Generated<string>;
  created_at: Timestamp;
  applied_by: string | null;
  applied_by_name: string | null;
  applied_at: NullableTimestamp;
  discarded_at: NullableTimestamp;
}

/** The tables of this file, for `DB & DispatchPlansDB` until `DB` lists them itself. */
export interface DispatchPlansDB {
  dispatch_plans: DispatchPlansTable;
}
