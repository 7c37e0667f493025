import { useLiveEvent } from '../shared/live-events';

/**
 * Reloads an open order page when the order moves (live `order` event), when a notification about it arrives
 * (reschedule answers and other changes that are not moves), and after the live connection was reopened.
 */
export function useOrderLive(orderId: string, reload: () => void): void {
  useLiveEvent('order', (data) => data.orderId === orderId && reload());
  useLiveEvent('notification', (data) => data.linkId === orderId && data.linkKind !== 'chat' && reload());
  useLiveEvent('reconnect', reload);
}
