/**
 * What an order's life asks of the domains above booking (dispatch, payments, promotions). Booking decides
 * *when* (the state machine's effects); the workflow layer says *how*: src/workflows/order-lifecycle.ts installs
 * these steps once when the app is built. Every step runs inside the transition's transaction.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import type { RefundKind } from '../../db/types-payments.js';
import type { OrderRow } from './queries.js';

type Db = Kysely<DB>;

export interface OrderSteps {
  /** Offer the order to the best candidates (dispatch), leaving out `exclude`. */
  startDispatch(db: Db, o: OrderRow, now: Date, exclude: string[]): Promise<unknown>;
  /** The order left 待接单: close its place in the ops queue. */
  leftQueue(db: Db, orderId: string, now: Date): Promise<void>;
  /** A worker declined an offer: the next round, or the ops queue. */
  declined(db: Db, o: OrderRow, now: Date): Promise<void>;
  /** The order is paid: a coupon it holds is spent. */
  paid(db: Db, o: OrderRow, now: Date): Promise<void>;
  /** 已完成: escrow is split between the worker and the platform. */
  completed(db: Db, o: OrderRow, now: Date): Promise<void>;
  /** Cancelled, no-show or arbitrated: what is due goes back from escrow. */
  refund(db: Db, o: OrderRow, now: Date, kind: RefundKind, reason: string): Promise<void>;
  /** What was refunded of the order so far (cancellation, finance, arbitration). */
  refunded(db: Db, orderId: string): Promise<number>;
  /** Cancelled: a coupon it held is given back. */
  cancelled(db: Db, o: OrderRow, now: Date): Promise<void>;
}

let installed: OrderSteps | null = null;

export function installOrderSteps(steps: OrderSteps): void {
  installed = steps;
}

export function orderSteps(): OrderSteps {
  if (!installed) throw new Error('order steps are not installed: build the app with buildApp (src/app.ts), which wires src/workflows');
  return installed;
}
