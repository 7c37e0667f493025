/**
 * Pure rules of the location trail: which order states are tracked and shown, when a reported fix is acceptable
 * and how an ETA is estimated from a distance. No I/O, no clock.
 */
import { haversineKm } from '../../platform/providers/map.js';

export interface LatLng { lat: number; lng: number }

/** 出发 … 完成: the phone reports its position while the order is 上门中 or 服务中. */
export const TRACKED_STATES = ['on_the_way', 'in_service'] as const;
/** The customer sees the worker's position only while the worker is on the way (not once arrived or finished). */
export const CUSTOMER_VISIBLE_STATES = ['on_the_way'] as const;

export const isTracked = (status: string) => (TRACKED_STATES as readonly string[]).includes(status);
export const customerSees = (status: string) => (CUSTOMER_VISIBLE_STATES as readonly string[]).includes(status);

/** A fix may be stamped at most this far in the future (phone clocks drift) … */
export const FUTURE_SKEW_MS = 2 * 60_000;
/** … and no earlier than this before 出发 (a fix taken while the worker pressed 出发). */
export const BEFORE_DEPARTURE_MS = 5 * 60_000;
/** Light rate limit: at most this many new fixes of one order received within a minute (the portal sends one a minute). */
export const RATE_PER_MINUTE = 6;
/** A shown position older than this is marked stale (the phone stopped reporting). */
export const STALE_AFTER_MS = 5 * 60_000;

/**
 * The travel model, the same as dispatch's matching default (`src/domains/dispatch/matching/config.ts`, travel:
 * 20 km/h door to door, road distance ≈ 1.3 × the straight line). The geo domain has no travel-time estimate and
 * dispatch sits above tracking, so the numbers are restated here.
 */
export const TRAVEL = { speedKmh: 20, roadFactor: 1.3 } as const;

/** Minutes to cover the straight-line distance `km` (at least 1 while not there yet). */
export function travelMinutes(km: number): number {
  if (km <= 0.05) return 0;
  return Math.max(1, Math.ceil(((km * TRAVEL.roadFactor) / TRAVEL.speedKmh) * 60));
}

export interface Eta { distanceKm: number; minutes: number; at: Date }

/** ETA from a fix to the address, counted from when the fix was taken (a stale fix gives an earlier, honest figure). */
export function etaFrom(fix: LatLng & { recordedAt: Date }, to: LatLng): Eta {
  const km = haversineKm(fix, to);
  const minutes = travelMinutes(km);
  return { distanceKm: Math.round(km * 100) / 100, minutes, at: new Date(fix.recordedAt.getTime() + minutes * 60_000) };
}

export type FixProblem = 'future' | 'before_departure';

/** Whether a fix's timestamp is acceptable for an order that set off at `departedAt` (null: not yet). */
export function checkFixTime(recordedAt: Date, now: Date, departedAt: Date | null): FixProblem | null {
  if (recordedAt.getTime() > now.getTime() + FUTURE_SKEW_MS) return 'future';
  if (departedAt && recordedAt.getTime() < departedAt.getTime() - BEFORE_DEPARTURE_MS) return 'before_departure';
  return null;
}
