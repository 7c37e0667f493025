import { api } from '../../shared/api';
import type { OrderView, SlotAnswer } from '../../shared/order-types';
import { useLoad, type Loaded } from '../../shared/use-load';

/**
 * Free starts for moving an order (改约) or booking its rework: `GET /api/booking/slots?orderId=` asks for
 * the order's item, duration and address, only its worker's times when one is assigned, and leaves the
 * order's own booking out (so times next to it are offered).
 */
export function useOrderSlots(order: OrderView, enabled: boolean): Loaded<SlotAnswer | null> {
  return useLoad(
    (signal) => (enabled ? api<SlotAnswer>('/api/booking/slots', { query: { orderId: order.id }, signal }) : Promise.resolve(null)),
    [order.id, order.worker?.id, enabled],
  );
}
