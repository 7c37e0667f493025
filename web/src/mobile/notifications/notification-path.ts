import type { AppNotification } from './notification-types';

/** Portal pages of link kinds only one portal has, e.g. the worker's `withdrawal` → 提现. */
export type NotificationPaths = Partial<Record<string, (id: string) => string>>;

/**
 * Where tapping a notification leads: its order, that order's chat, the support ticket of a reply, a 售前咨询, a page of the
 * portal for its own kinds, else the notification's own detail page.
 */
export function notificationPath(n: AppNotification, portalPaths: NotificationPaths = {}): string {
  const link = n.link;
  const detail = `/messages/${encodeURIComponent(n.id)}`;
  if (!link?.id) return detail;
  const id = encodeURIComponent(link.id);
  if (link.kind === 'order') return `/orders/${id}`;
  if (link.kind === 'chat') return n.type === 'support_reply' ? `/me/support/${id}` : `/orders/${id}/chat`;
  if (link.kind === 'consultation') return `/consultations/${id}`;
  return portalPaths[link.kind]?.(link.id) ?? detail;
}
