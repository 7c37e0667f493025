import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';

/** The live events of a customer or worker (docs/api-messaging.md, "Real-time events"). */
export interface LiveEventData {
  notification: { id: string; audience: 'customer' | 'worker' | 'admin'; type: string; linkKind: string | null; linkId: string | null; at: string };
  'notification.read': { ids: string[]; at: string };
  order: { orderId: string; status: string; action: string; at: string };
  chat: { orderId: string; messageId: string; from: 'customer' | 'worker' | 'support' | 'system'; at: string };
  support: { ticketId: string; at: string };
  /** The worker's phone reported a position for my order while on the way (位置轨迹). */
  tracking: { orderId: string; at: string };
  /** A 售前咨询 message (`messageId`), or the worker declined / reopened it (`status`). */
  consultation: { consultationId: string; messageId?: string; from?: 'customer' | 'worker'; status?: 'open' | 'declined'; at: string };
  /** My SOS incident (一键求助) was acknowledged or resolved by operations. */
  sos: { incidentId: string; status: 'open' | 'acknowledged' | 'resolved'; at: string };
  /** A custom request of mine changed: an answer came, was edited or withdrawn (`what`). */
  request: { requestId: string; what: string };
  /** Not sent by the server: the stream was reopened after the browser gave up, so what a page shows may be stale. */
  reconnect: Record<string, never>;
}

export type LiveEventType = keyof LiveEventData;
const SERVER_EVENTS = ['notification', 'notification.read', 'order', 'chat', 'support', 'sos', 'consultation', 'tracking', 'request'] as const;

/** `connecting` before the first answer and while the browser retries; `offline` while waiting to reopen it ourselves. */
export type LiveStatus = 'off' | 'connecting' | 'open' | 'offline';

type Handler = (data: unknown) => void;

interface LiveValue {
  status: LiveStatus;
  subscribe: (type: LiveEventType, handler: Handler) => () => void;
}

const LiveContext = createContext<LiveValue | null>(null);

const MAX_BACKOFF_MS = 30_000;

interface LiveEventsProviderProps {
  /** The stream, e.g. `/api/events/stream` (same origin: the session cookie goes with it). */
  url: string;
  /** Signed in: the stream is open only while true (signing out closes it). */
  enabled: boolean;
  /** Called each time the browser gave up on the stream (e.g. to find out whether the session ended). */
  onClosed?: () => void;
  children: ReactNode;
}

/**
 * One EventSource for the whole portal tab, shared by every component that subscribes to an event type.
 * After a dropped connection the browser reconnects by itself and sends `Last-Event-ID`, so the server replays
 * what was missed. When the browser gives up (an error answer, e.g. during a restart) a new EventSource is opened
 * after a growing backoff, resuming with `?lastEventId=` from the last event seen; then `reconnect` subscribers
 * refetch what they show. The state is mirrored on `<html data-live>` (useful to tests and styles).
 */
export function LiveEventsProvider({ url, enabled, onClosed, children }: LiveEventsProviderProps) {
  const handlers = useRef(new Map<LiveEventType, Set<Handler>>());
  const [status, setStatus] = useState<LiveStatus>('off');
  const closedHook = useRef(onClosed);
  closedHook.current = onClosed;

  useEffect(() => {
    document.documentElement.dataset.live = status;
  }, [status]);

  useEffect(() => {
    if (!enabled) {
      setStatus('off');
      return;
    }
    let source: EventSource | null = null;
    let lastId = '';
    let failures = 0;
    let reopened = false;
    let timer: number | undefined;
    let stopped = false;

    const emit = (type: LiveEventType, data: unknown) => {
      for (const handler of [...(handlers.current.get(type) ?? [])]) handler(data);
    };

    const deliver = (type: LiveEventType) => (event: Event) => {
      const message = event as MessageEvent<string>;
      if (message.lastEventId) lastId = message.lastEventId;
      let data: unknown;
      try {
        data = JSON.parse(message.data);
      } catch {
        return;
      }
      emit(type, data);
    };

    function connect() {
      if (stopped) return;
      setStatus('connecting');
      const opened = new EventSource(lastId ? `${url}?lastEventId=${encodeURIComponent(lastId)}` : url, { withCredentials: true });
      source = opened;
      opened.onopen = () => {
        failures = 0;
        setStatus('open');
        if (reopened) emit('reconnect', {});
        reopened = false;
      };
      opened.addEventListener('ready', (event) => {
        const id = (event as MessageEvent).lastEventId;
        if (id) lastId = id;
      });
      for (const type of SERVER_EVENTS) opened.addEventListener(type, deliver(type));
      opened.onerror = () => {
        if (opened.readyState !== EventSource.CLOSED) {
          setStatus('connecting'); // the browser retries by itself with Last-Event-ID
          return;
        }
        opened.close();
        setStatus('offline');
        closedHook.current?.();
        failures += 1;
        reopened = true;
        timer = window.setTimeout(connect, Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(failures - 1, 5)));
      };
    }

    connect();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      source?.close();
    };
  }, [url, enabled]);

  const subscribe = useCallback((type: LiveEventType, handler: Handler) => {
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
  if (!value) throw new Error('useLiveEvent outside LiveEventsProvider');
  return value;
}

/** Calls `handler` for every live event of `type` while the component is mounted (always the latest handler). */
export function useLiveEvent<T extends LiveEventType>(type: T, handler: (data: LiveEventData[T]) => void): void {
  const { subscribe } = useLive();
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => subscribe(type, (data) => latest.current(data as LiveEventData[T])), [subscribe, type]);
}

/** The live connection's state. */
export function useLiveStatus(): LiveStatus {
  return useLive().status;
}
