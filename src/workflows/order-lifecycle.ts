/**
 * The steps an order's transitions take outside booking, in the transition's transaction (see
 * domains/booking/order-steps.ts for when each runs):
 *   pay       → the held coupon is spent (promotions) → dispatch starts (dispatch)
 *   decline   → the next dispatch round or the ops queue (dispatch)
 *   complete  → escrow split to the worker's pending balance and the commission, the coupon funded (payments)
 *   cancel / no-show / arbitrate → refund from escrow or clawed back after a split (payments) → coupon back (promotions)
 */
import { installOrderSteps, type OrderSteps } from '../domains/booking/index.js';
import { afterDecline, dispatchRound, resolveQueued } from '../domains/dispatch/index.js';
import { refundedOfOrder, refundFromEscrow, releaseToWorker } from '../domains/payments/index.js';
import { releaseCouponOf, useCouponOf } from '../domains/promotions/index.js';

export const orderLifecycle: OrderSteps = {
  startDispatch: (db, o, now, exclude) => dispatchRound(db, o, now, exclude),
  leftQueue: resolveQueued,
  declined: afterDecline,
  paid: (db, o, now) => useCouponOf(db, o.id, now),
  completed: releaseToWorker,
  refund: refundFromEscrow,
  refunded: refundedOfOrder,
  cancelled: (db, o) => releaseCouponOf(db, o.id),
};

export function installOrderLifecycle(): void {
  installOrderSteps(orderLifecycle);
}
