import type { OrderState } from '../../shared/order-types';

/** Calendar block colours by order state. */
export const ENTRY_CLASS: Partial<Record<OrderState, string>> = {
  assigned: 'm-cal-assigned',
  on_the_way: 'm-cal-moving',
  in_service: 'm-cal-working',
  awaiting_confirmation: 'm-cal-done',
  completed: 'm-cal-done',
  closed: 'm-cal-done',
};
