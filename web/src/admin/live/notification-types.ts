// The console's notifications: the same shapes as the portals' (docs/api-messaging.md, "Notifications").
import type { AppNotification } from '../../shared/messaging-types';

export type AdminNotification = AppNotification;
export type { NotificationList } from '../../shared/messaging-types';
