/** Tables of 上门报价 (migration 0039): the worker's itemised on-site proposals of an order (booking domain). */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string | T, string | T>;

export type OnsiteProposalStatus = 'proposed' | 'replaced' | 'accepted' | 'declined' | 'withdrawn';

export interface OnsiteProposalsTable {
  id: Generated<string>;
  order_id: string;
  worker_id: string;
  status: Generated<OnsiteProposalStatus>;
  lines: Json<unknown>;
  out_of_range_reason: string | null;
  quote: Json<unknown>;
  total_fen: number;
  deposit_fen: number;
  balance_due_fen: number;
  refund_due_fen: number;
  previous_price_fen: number;
  created_at: Timestamp;
  decided_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface OnsiteDB {
  onsite_proposals: OnsiteProposalsTable;
}
