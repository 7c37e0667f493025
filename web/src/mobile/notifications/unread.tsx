import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api } from '../../shared/api';
import { useLiveEvent, useLiveStatus } from '../../shared/live-events';
import { usePortal } from '../portal';

interface UnreadValue {
  /** Unread notifications of this portal; null until the first answer. */
  unread: number | null;
  refresh: () => void;
}

const UnreadContext = createContext<UnreadValue | null>(null);

/**
 * The message centre's badge for the signed-in user of this portal (`GET /api/notifications/unread-count`),
 * counted again on every live `notification` of this portal, every `notification.read` (also from another tab
 * or device) and whenever the live connection (re)opens.
 */
export function UnreadProvider({ children }: { children: ReactNode }) {
  const { role } = usePortal();
  const status = useLiveStatus();
  const [unread, setUnread] = useState<number | null>(null);

  const refresh = useCallback(() => {
    api<{ unread: number }>('/api/notifications/unread-count', { query: { audience: role } })
      .then((answer) => setUnread(answer.unread))
      .catch(() => undefined); // the badge keeps its last value; the next event tries again
  }, [role]);

  useEffect(refresh, [refresh]);
  // Anything raised before the stream was listening is counted once it is open.
  useEffect(() => {
    if (status === 'open') refresh();
  }, [status, refresh]);
  useLiveEvent('notification', (data) => data.audience === role && refresh());
  useLiveEvent('notification.read', refresh);
  useLiveEvent('reconnect', refresh);

  const value = useMemo(() => ({ unread, refresh }), [unread, refresh]);
  return <UnreadContext.Provider value={value}>{children}</UnreadContext.Provider>;
}

export function useUnread(): UnreadValue {
  const value = useContext(UnreadContext);
  if (!value) throw new Error('useUnread outside UnreadProvider');
  return value;
}
