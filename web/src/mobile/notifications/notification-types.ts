// The message centre (docs/api-messaging.md, "Notifications"): texts rendered by the API in the request's language.

export interface AppNotification {
  id: string;
  type: string;
  category: string;
  title: string;
  body: string;
  /** `order` (id = order), `chat` (chat_message: id = order; support_reply: id = ticket), `withdrawal`, `application`, `penalty`, `review`, `incident`. */
  link: { kind: string; id: string | null } | null;
  createdAt: string;
  readAt: string | null;
}

/** GET /api/notifications */
export interface NotificationList {
  total: number;
  unread: number;
  items: AppNotification[];
}

/** GET / PUT /api/me/notification-settings */
export interface NotificationSettings {
  quietHours: { start: string; end: string };
  categories: { category: string; sms: boolean; email: boolean }[];
}
