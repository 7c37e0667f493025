import type { OrderSummary, OrderTab } from '../../shared/order-types';
import { useListPages } from '../../mobile/use-list-pages';

/** `GET /api/orders?tab=` page by page (newest first): a new tab starts at page 1; `more` appends the next page. */
export function useOrders(tab: OrderTab | null) {
  return useListPages<OrderSummary>('/api/orders', { tab });
}
