// 抢单大厅: `GET /api/worker/hall` (src/domains/dispatch/hall-service.ts) and what a refused accept means.
import { api, ApiError } from '../../shared/api';
import type { WorkerOrderSummary } from '../../shared/order-types';

/** How the order reached me: a grab round (the first valid grab wins), a direct assignment, or the customer chose me. */
export type OfferMode = 'grab' | 'assign' | 'chosen';

/** One open offer I am still free and qualified for. */
export interface HallItem extends WorkerOrderSummary {
  /** Match score 0–100 (null for offers made before scoring). */
  fit: number | null;
  /** The booked price, without extras (the order total the customer pays). */
  payFen: number;
  /** 预计到手: my share after the platform's commission, by the rule that settles the order. */
  takeHomeFen: number;
  commissionFen: number;
  commissionReason: { zh: string; en: string };
  mode: OfferMode;
  /** End of the grab window / accept timeout; null = open until taken. */
  expiresAt: string | null;
  /** Travel minutes from my home to the address (null without a distance). */
  etaMinutes?: number | null;
  /** How workers rated this customer, averaged (null below 3 ratings; single ratings are never shown). */
  customerRating?: { count: number; punctuality: number; communication: number; environment: number; accuracy: number } | null;
}

/** Best fit first; equal fits: the nearer, then the sooner. */
export function byFit(a: HallItem, b: HallItem): number {
  return (b.fit ?? -1) - (a.fit ?? -1) || (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity) || a.scheduledStart.localeCompare(b.scheduledStart);
}

export const workerHall = {
  list: async (signal?: AbortSignal) => {
    const { items } = await api<{ items: HallItem[] }>('/api/worker/hall', { signal });
    return { items: [...items].sort(byFit) };
  },
};

/** Refusals of `POST /api/worker/orders/:id/accept` with their own explanation (key `grab.error.<code>`). */
const KNOWN = ['ORDER_TAKEN', 'GRAB_WINDOW_CLOSED', 'WORKER_UNAVAILABLE', 'SCHEDULE_CONFLICT', 'REST_RULE', 'NOT_FOUND'] as const;
export type GrabRefusal = (typeof KNOWN)[number];

/** The refusal an accept error stands for, or null for anything else (network, 5xx …). */
export function grabRefusal(error: unknown): GrabRefusal | null {
  if (!(error instanceof ApiError)) return null;
  if (error.status === 404) return 'NOT_FOUND';
  return (KNOWN as readonly string[]).includes(error.code) ? (error.code as GrabRefusal) : null;
}

/** After these the offer is gone for good: its card leaves the hall. WORKER_UNAVAILABLE is about me, not the order. */
export function offerIsGone(refusal: GrabRefusal): boolean {
  return refusal !== 'WORKER_UNAVAILABLE';
}

/** The message key for a refusal; WORKER_UNAVAILABLE says why when the API tells (offline, suspended, not approved). */
export function refusalKey(refusal: GrabRefusal, error: unknown): string {
  if (refusal === 'WORKER_UNAVAILABLE' && error instanceof ApiError) {
    const reason = error.problem.reason;
    if (reason === 'offline' || reason === 'suspended' || reason === 'not_approved') return `grab.error.WORKER_UNAVAILABLE.${reason}`;
  }
  return `grab.error.${refusal}`;
}
