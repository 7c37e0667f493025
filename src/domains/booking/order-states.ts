/** Order states, their labels, and the customer's "my orders" tabs. */
import type { Text } from '../../platform/i18n.js';

export const ORDER_STATES = [
  'created',
  'paid',
  'assigned',
  'on_the_way',
  'in_service',
  'awaiting_confirmation',
  'completed',
  'closed',
  'cancelled',
  'disputed',
  'refunded',
] as const;

export type OrderState = (typeof ORDER_STATES)[number];

/** States nothing leaves except an audited admin `force`. */
export const TERMINAL_STATES: readonly OrderState[] = ['closed', 'cancelled', 'refunded'];

/**
 * States a `dispute` may be opened from. `completed` is open only while the after-sales window
 * runs (the guard checks it); `created` is not: nothing was paid, the customer simply cancels.
 */
export const OPEN_STATES: readonly OrderState[] = ['paid', 'assigned', 'on_the_way', 'in_service', 'awaiting_confirmation', 'completed'];

/** Per-state label (order page, admin list). */
export const STATE_LABELS: Record<OrderState, Text> = {
  created: { zh: '待支付', en: 'Awaiting payment' },
  paid: { zh: '待接单', en: 'Waiting for a worker' },
  assigned: { zh: '已接单', en: 'Worker assigned' },
  on_the_way: { zh: '上门中', en: 'Worker on the way' },
  in_service: { zh: '服务中', en: 'In service' },
  awaiting_confirmation: { zh: '待验收', en: 'Awaiting your confirmation' },
  completed: { zh: '已完成', en: 'Completed' },
  closed: { zh: '已关闭', en: 'Closed' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
  disputed: { zh: '售后处理中', en: 'After-sales in progress' },
  refunded: { zh: '已退款', en: 'Refunded' },
};

export const ORDER_TABS = ['to_pay', 'to_accept', 'to_visit', 'in_service', 'to_confirm', 'done', 'cancelled', 'after_sales'] as const;
export type OrderTab = (typeof ORDER_TABS)[number];

/** Customer "my orders" tabs, in display order. */
export const TAB_LABELS: Record<OrderTab, Text> = {
  to_pay: { zh: '待支付', en: 'To pay' },
  to_accept: { zh: '待接单', en: 'Awaiting worker' },
  to_visit: { zh: '待上门', en: 'Upcoming visit' },
  in_service: { zh: '服务中', en: 'In service' },
  to_confirm: { zh: '待验收', en: 'To confirm' },
  done: { zh: '已完成', en: 'Completed' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
  after_sales: { zh: '售后', en: 'After-sales' },
};

const TAB_OF: Record<OrderState, OrderTab> = {
  created: 'to_pay',
  paid: 'to_accept',
  assigned: 'to_visit',
  on_the_way: 'to_visit',
  in_service: 'in_service',
  awaiting_confirmation: 'to_confirm',
  completed: 'done',
  closed: 'done',
  cancelled: 'cancelled',
  // A refund only comes out of arbitration (cancellation refunds end in `cancelled`), so it is after-sales.
  disputed: 'after_sales',
  refunded: 'after_sales',
};

/** The customer tab an order in `state` is listed under. */
export function tabOf(state: OrderState): OrderTab {
  return TAB_OF[state];
}

/** The states listed under a tab (for the `status = any($1)` filter behind each tab). */
export function statesOfTab(tab: OrderTab): OrderState[] {
  return ORDER_STATES.filter((s) => TAB_OF[s] === tab);
}

/** True for a known state name (input from the database or a request). */
export function isOrderState(value: unknown): value is OrderState {
  return typeof value === 'string' && (ORDER_STATES as readonly string[]).includes(value);
}

/** True for closed, cancelled and refunded. */
export function isTerminal(state: OrderState): boolean {
  return TERMINAL_STATES.includes(state);
}

/**
 * Whether the reschedule flow may start: before the worker sets off. Rescheduling is not a state
 * change; it moves the commitment atomically and leaves `status` as it is.
 */
export function canReschedule(state: OrderState): boolean {
  return state === 'created' || state === 'paid' || state === 'assigned';
}
