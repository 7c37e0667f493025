import type { ColumnType, Generated } from 'kysely';

/** Kysely types of the relay-call records (migration 0030), kept beside `types.ts`. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface RelayCallsTable {
  id: Generated<string>; provider_call_id: string; order_id: string; worker_id: string; relay_number: string;
  caller_role: 'customer' | 'worker' | 'other';
  outcome: 'answered' | 'no_answer' | 'busy' | 'rejected' | 'failed';
  started_at: Timestamp; answered_at: Timestamp | null; ended_at: Timestamp; talk_seconds: number; received_at: Generated<Date>;
}

export interface CallsDB { relay_calls: RelayCallsTable }
