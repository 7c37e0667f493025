import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { api } from '../../shared/api';

/** The console's live events (docs/api-messaging.md, "Real-time events"). */
export type AdminEventType = 'notification' | 'notification.read' | 'support' | 'order' | 'chat' | 'sos';
const EVENT_TYPES: readonly AdminEventType[] = ['notification', 'notification.read', 'support', 'order', 'chat', 'sos'];

export interface AdminEventData {
  notification: { id: string; audience: 'admin'; type: string; linkKind: string | null; linkId: string | null; at: string };
  'notification.read': { ids: string[]; at: string };
  support: { ticketId: string; at: string };
  order: { orderId: string; status: string; action: string; at: string };
  chat: { orderId: string; messageId: string; from: string; at: string };
  /** An SOS incident was raised, acknowledged or resolved (only on the `orders:write` desk's stream). */
  sos: { incidentId: string };
}

/** `connecting` before the first answer and while the browser retries; `offline` while we wait to reconnect ourselves. */
export type LiveStatus = 'connecting' | 'open' | 'offline';

type Handler = (data: unknown) => void;

interface LiveValue {
  status: LiveStatus;
  subscribe: (type: AdminEventType, handler: Handler) => () => void;
}

const LiveContext = createContext<LiveValue | null>(null);

const STREAM = '/api/admin/events/stream';
const MAX_BACKOFF_MS = 30_000;

/**
 * One EventSource on the admin stream for the whole console tab (the admin cookie goes with it, same origin), shared
 * by every component that subscribes to an event type. The browser reconnects by itself after a dropped connection
 * and sends `Last-Event-ID`, so the server replays what was missed. When the browser gives up (the answer was an
 * error, e.g. during a restart) a new EventSource is opened after a backoff, resuming with `?lastEventId=` from the
 * last event seen, so nothing is lost or delivered twice. A refusal may mean the session ended: the console then asks
 * `GET /api/admin/me`, whose 401 signs the tab out (and this provider, inside the signed-in layout, closes).
 */
export function AdminEventsProvider({ children }: { children: ReactNode }) {
  const handlers = useRef(new Map<AdminEventType, Set<Handler>>());
  const [status, setStatus] = useState<LiveStatus>('connecting');

  useEffect(() => {
    let source: EventSource | null = null;
    let lastId = '';
    let failures = 0;
    let timer: number | undefined;
    let stopped = false;

    const deliver = (type: AdminEventType) => (event: MessageEvent<string>) => {
      if (event.lastEventId) lastId = event.lastEventId;
      let data: unknown;
      try {
        data = JSON.parse(event.data);
      } catch {
        return;
      }
      for (const handler of [...(handlers.current.get(type) ?? [])]) handler(data);
    };

    function connect() {
      if (stopped) return;
      setStatus('connecting');
      const opened = new EventSource(lastId ? `${STREAM}?lastEventId=${encodeURIComponent(lastId)}` : STREAM);
      source = opened;
      opened.onopen = () => {
        failures = 0;
        setStatus('open');
      };
      opened.addEventListener('ready', (event) => {
        if ((event as MessageEvent).lastEventId) lastId = (event as MessageEvent).lastEventId;
      });
      for (const type of EVENT_TYPES) opened.addEventListener(type, deliver(type) as EventListener);
      opened.onerror = () => {
        if (opened.readyState !== EventSource.CLOSED) {
          setStatus('connecting'); // the browser retries by itself (Last-Event-ID)
          return;
        }
        opened.close();
        setStatus('offline');
        void api('/api/admin/me').catch(() => undefined); // a 401 here ends the session through the API client's handler
        failures += 1;
        timer = window.setTimeout(connect, Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(failures - 1, 5)));
      };
    }

    connect();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      source?.close();
    };
  }, []);

  const subscribe = useCallback((type: AdminEventType, handler: Handler) => {
    const set = handlers.current.get(type) ?? new Set<Handler>();
    handlers.current.set(type, set);
    set.add(handler);
    return () => {
      set.delete(handler);
    };
  }, []);

  const value = useMemo(() => ({ status, subscribe }), [status, subscribe]);
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}

function useLive(): LiveValue {
  const value = useContext(LiveContext);
  if (!value) throw new Error('useAdminEvent outside AdminEventsProvider');
  return value;
}

/** Calls `handler` for every live event of `type` while the component is mounted (the latest handler is used). */
export function useAdminEvent<T extends AdminEventType>(type: T, handler: (data: AdminEventData[T]) => void): void {
  const { subscribe } = useLive();
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => subscribe(type, (data) => latest.current(data as AdminEventData[T])), [subscribe, type]);
}

/** The live connection's state (to refresh what may have changed while it was down, and for the header's indicator). */
export function useLiveStatus(): LiveStatus {
  return useLive().status;
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
