// The message centre (docs/api-messaging.md, "Notifications"): texts rendered by the API in the request's language.

export type { AppNotification, NotificationList } from '../../shared/messaging-types';

/** GET / PUT /api/me/notification-settings */
export interface NotificationSettings {
  quietHours: { start: string; end: string };
  categories: { category: string; sms: boolean; email: boolean }[];
}
