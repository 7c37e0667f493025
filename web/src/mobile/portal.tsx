import { createContext, useContext, type ComponentType } from 'react';
import type { UserRole } from '../shared/types';

/** What differs between the customer and the worker H5 portals; everything else is shared. */
export interface MobilePortal {
  role: UserRole;
  /** Router basename: `/` or `/worker`. */
  basename: string;
  /** Message key of the portal's name shown on the sign-in page. */
  titleKey: string;
  /** The page of the first tab. */
  Home: ComponentType;
  /** Customers keep service addresses and an emergency contact. */
  hasAddresses: boolean;
  /** Further signed-in pages of the portal (full screen, without the tab bar), e.g. `item/:code`. */
  pages?: { path: string; Component: ComponentType }[];
}

export const PortalContext = createContext<MobilePortal | null>(null);

export function usePortal(): MobilePortal {
  const portal = useContext(PortalContext);
  if (!portal) throw new Error('usePortal outside PortalContext');
  return portal;
}
