import type { OrderState, OrderTab } from '../../shared/order-types';

/** The tabs of 我的订单 in display order (`null` = 全部). */
export const ORDER_TABS: (OrderTab | null)[] = [null, 'to_pay', 'to_accept', 'to_visit', 'in_service', 'to_confirm', 'done', 'cancelled', 'after_sales'];

/** Tabs whose count is shown as a badge (things waiting on someone); finished ones carry no badge. */
export const BADGE_TABS: readonly OrderTab[] = ['to_pay', 'to_accept', 'to_visit', 'in_service', 'to_confirm', 'after_sales'];

/** The colour family of a state's label: to act on, in progress, done, or stopped. */
export function statusColor(state: OrderState): 'action' | 'progress' | 'done' | 'stopped' {
  switch (state) {
    case 'created':
    case 'awaiting_confirmation':
      return 'action';
    case 'paid':
    case 'assigned':
    case 'on_the_way':
    case 'in_service':
    case 'disputed':
      return 'progress';
    case 'completed':
    case 'closed':
      return 'done';
    case 'cancelled':
    case 'refunded':
      return 'stopped';
  }
}

/** States after which the page need not follow the order any more. */
export function isSettled(state: OrderState): boolean {
  return state === 'closed' || state === 'cancelled' || state === 'refunded';
}
