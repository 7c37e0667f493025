import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import { api, ApiError } from '../../shared/api';
import { translate, useI18n, type Messages } from '../../shared/i18n';
import { useLiveEvent } from '../../shared/live-events';
import { currentFix, distanceMeters, type Fix, type LocateFailure } from './geolocation';
import { workerOrders } from './order-api';

/** 出发 … 完成: the states in which the phone reports its position (the server refuses others). */
const TRACKED = ['on_the_way', 'in_service'];
const EVERY_MS = 60_000;
/** Fewer reports when standing still: skip when moved < 30 m and the last sent fix is < 5 min old. */
const SKIP_WITHIN_M = 30;
const SKIP_FOR_MS = 5 * 60_000;

type SharingState = { kind: 'idle' } | { kind: 'sharing'; at: number } | { kind: 'failed'; failure: LocateFailure };

// What the reporter last did, for the order page's note (one reporter per portal tab).
let state: SharingState = { kind: 'idle' };
const listeners = new Set<() => void>();
function setState(next: SharingState) {
  state = next;
  for (const listener of listeners) listener();
}
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** The last fix sent per order survives a reload of the tab, so reopening the app does not resend an unchanged place. */
const SENT_KEY = 'dj_trail_sent';
function sentOf(orderId: string): Fix | null {
  try {
    return (JSON.parse(sessionStorage.getItem(SENT_KEY) ?? '{}') as Record<string, Fix>)[orderId] ?? null;
  } catch {
    return null;
  }
}
function remember(orderId: string, fix: Fix) {
  try {
    const all = JSON.parse(sessionStorage.getItem(SENT_KEY) ?? '{}') as Record<string, Fix>;
    sessionStorage.setItem(SENT_KEY, JSON.stringify({ ...all, [orderId]: fix }));
  } catch {
    // No storage: the next report is simply not skipped.
  }
}

async function send(orderId: string, fix: Fix): Promise<boolean> {
  const body = { lat: fix.lat, lng: fix.lng, accuracy: Math.round(fix.accuracy * 10) / 10, recordedAt: new Date(fix.at).toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await api(`/api/worker/orders/${encodeURIComponent(orderId)}/location`, { body });
      return true;
    } catch (error) {
      // A refusal (the order moved on, rate limit) is final for this fix; a lost answer is retried (idempotent).
      if (error instanceof ApiError) return false;
    }
  }
  return false;
}

/**
 * 位置轨迹: while the worker portal is open, every 60 s (and at once on 出发 and when the app comes to the front) the
 * phone's position is sent for each of my orders that is 上门中 or 服务中. Renders nothing.
 */
export function TrailReporter() {
  const running = useRef(false);
  const tick = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    try {
      const { items } = await workerOrders.list('upcoming');
      const active = items.filter((order) => TRACKED.includes(order.status));
      if (!active.length) {
        setState({ kind: 'idle' });
        return;
      }
      const located = await currentFix();
      if ('failure' in located) {
        setState({ kind: 'failed', failure: located.failure });
        return;
      }
      const fix = located.fix;
      for (const order of active) {
        const last = sentOf(order.id);
        if (last && distanceMeters(last, fix) < SKIP_WITHIN_M && fix.at - last.at < SKIP_FOR_MS) continue;
        if (await send(order.id, fix)) remember(order.id, fix);
      }
      setState({ kind: 'sharing', at: fix.at });
    } catch {
      // Offline: try again at the next tick.
    } finally {
      running.current = false;
    }
  }, []);

  useEffect(() => {
    void tick();
    const timer = window.setInterval(() => void tick(), EVERY_MS);
    const onVisible = () => document.visibilityState === 'visible' && void tick();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [tick]);
  // 出发 (or an order moving into service) starts the sharing at once.
  useLiveEvent('order', (data) => TRACKED.includes(data.status) && void tick());
  return null;
}

const TEXT: Messages = {
  sharing: ['位置共享中：上门途中客户可看到您的位置，服务中仅平台可见（完成后停止）', 'Sharing your location: the customer sees it on your way, only the platform during the visit (stops when finished)'],
  denied: ['未获得定位权限：请在浏览器设置中允许定位，客户才能看到您的位置', 'Location permission denied: allow it in the browser so the customer can see you coming'],
  unavailable: ['暂时无法获取位置，稍后自动重试', 'Location unavailable for now; retrying shortly'],
};

/** The worker's note on an order 上门中 / 服务中: whether the position is being shared. */
export function TrailSharingNote({ status }: { status: string }) {
  const { lang } = useI18n();
  const current = useSyncExternalStore(subscribe, () => state);
  if (!TRACKED.includes(status)) return null;
  const key = current.kind === 'failed' ? (current.failure === 'denied' ? 'denied' : 'unavailable') : 'sharing';
  return (
    <div
      data-testid="trail-sharing"
      data-state={current.kind}
      style={{ margin: '12px', padding: '10px 12px', borderRadius: 10, fontSize: 13, lineHeight: 1.5, color: current.kind === 'failed' ? '#ad4e00' : '#0958d9', background: current.kind === 'failed' ? '#fff7e6' : '#e6f4ff' }}
    >
      <span aria-hidden style={{ marginRight: 6 }}>{current.kind === 'failed' ? '⚠' : '●'}</span>
      {translate(TEXT, lang, key)}
    </div>
  );
}
