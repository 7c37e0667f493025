import { useEffect, useRef, type ReactNode } from 'react';
import { api } from '../../shared/api';
import { LiveEventsProvider, useLiveEvent, useLiveStatus as useSharedLiveStatus, type LiveEventData } from '../../shared/live-events';

/** The console's live events (docs/api-messaging.md, "Real-time events"): the portals' event shapes, on the admin stream. */
export type AdminEventType = Exclude<keyof LiveEventData, 'reconnect'>;
export type AdminEventData = LiveEventData;

/** `connecting` before the first answer and while the browser retries; `offline` while we wait to reconnect ourselves. */
export type LiveStatus = 'connecting' | 'open' | 'offline';

/**
 * One EventSource on the admin stream for the whole console tab — the portals' shared live connection
 * (web/src/shared/live-events.tsx: Last-Event-ID resume, backoff, `?lastEventId=` reopen) on the admin's URL. When
 * the browser gives up, the console asks `GET /api/admin/me`, whose 401 signs the tab out (and this provider,
 * inside the signed-in layout, closes).
 */
export function AdminEventsProvider({ children }: { children: ReactNode }) {
  return (
    <LiveEventsProvider url="/api/admin/events/stream" enabled onClosed={() => void api('/api/admin/me').catch(() => undefined)}>
      {children}
    </LiveEventsProvider>
  );
}

/** Calls `handler` for every live event of `type` while the component is mounted (the latest handler is used). */
export const useAdminEvent: <T extends AdminEventType>(type: T, handler: (data: AdminEventData[T]) => void) => void = useLiveEvent;

/** The live connection's state (to refresh what may have changed while it was down, and for the header's indicator). */
export function useLiveStatus(): LiveStatus {
  const status = useSharedLiveStatus();
  return status === 'off' ? 'connecting' : status;
}

/**
 * Calls `callback` whenever the live connection becomes open while the component is mounted (not when it already
 * was): data loaded before the stream was listening may have missed an event, so it is loaded again.
 */
export function useLiveReopened(callback: () => void): void {
  const status = useLiveStatus();
  const previous = useRef(status);
  const latest = useRef(callback);
  latest.current = callback;
  useEffect(() => {
    if (status === 'open' && previous.current !== 'open') latest.current();
    previous.current = status;
  }, [status]);
}
