// Shapes of the messaging and SOS API (docs/api-messaging.md) shared by the portals and the console.

/** One notification; texts rendered by the API in the request's language. */
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

/** GET /api/notifications, GET /api/admin/notifications */
export interface NotificationList {
  total: number;
  unread: number;
  items: AppNotification[];
}

export type IncidentStatus = 'open' | 'acknowledged' | 'resolved';

/** An SOS incident (GET /api/sos for its person; the desk adds who raised it). */
export interface Incident {
  id: string;
  incidentNo: string;
  /** Who pressed SOS: a customer or a worker (师傅). */
  role: 'customer' | 'worker';
  orderId: string | null;
  location: { lat: number; lng: number } | null;
  status: IncidentStatus;
  /** The admin's name. */
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
  resolvedBy: string | null;
  resolvedAt: string | null;
  resolution: string | null;
  createdAt: string;
}
