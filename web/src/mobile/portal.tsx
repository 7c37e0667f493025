import { createContext, useContext, type ComponentType, type ReactNode } from 'react';
import type { OrderSummary } from '../shared/order-types';
import type { UserRole } from '../shared/types';
import type { NotificationPaths } from './notifications/notification-path';

/** What differs between the customer and the worker H5 portals; everything else is shared. */
export interface MobilePortal {
  role: UserRole;
  /** Router basename: `/` or `/worker`. */
  basename: string;
  /** Message key of the portal's name shown on the sign-in page. */
  titleKey: string;
  /** The page of the first tab. */
  Home: ComponentType;
  /** Customers keep service addresses (both portals keep an emergency contact for SOS). */
  hasAddresses: boolean;
  /** Further signed-in pages of the portal (full screen, without the tab bar), e.g. `item/:code`. */
  pages?: { path: string; Component: ComponentType }[];
  /** Extra bottom tabs between 首页 and 我的, e.g. 找师傅 at `workers`. */
  tabs?: { path: string; titleKey: string; icon: ReactNode; Component: ComponentType }[];
  /** Extra entries on the "我的" page, e.g. 常用师傅. */
  meLinks?: { path: string; titleKey: string }[];
  /** Pages for notification link kinds of this portal only (orders, chats and tickets are common), e.g. `withdrawal`. */
  notificationPaths?: NotificationPaths;
  /** Work that runs while the portal is open and signed in, rendering nothing (the worker's location trail). */
  Background?: ComponentType;
  /** My recent orders, newest first, to pick one when writing to support (联系客服). */
  recentOrders: (signal: AbortSignal) => Promise<OrderSummary[]>;
}

export const PortalContext = createContext<MobilePortal | null>(null);

export function usePortal(): MobilePortal {
  const portal = useContext(PortalContext);
  if (!portal) throw new Error('usePortal outside PortalContext');
  return portal;
}
