import { api } from '../../shared/api';
import type { EmergencyContact } from '../../shared/types';

import type { Incident as SharedIncident } from '../../shared/messaging-types';

export type { IncidentStatus } from '../../shared/messaging-types';

/** An SOS incident as its person sees it (GET /api/sos, POST /api/sos). */
export interface Incident extends SharedIncident {
  /** POST only: true when an incident of mine was still open and is answered instead of a new one. */
  repeated?: boolean;
}

export interface Coordinates {
  lat: number;
  lng: number;
}

/** How long SOS waits for the device's position before it goes on without one. */
export const LOCATE_TIMEOUT_MS = 5_000;

export const sosApi = {
  /** My incidents, newest first. */
  mine: (signal?: AbortSignal) => api<{ items: Incident[] }>('/api/sos', { signal }).then((answer) => answer.items),
  raise: (audience: 'customer' | 'worker', body: { orderId?: string } & Partial<Coordinates>) =>
    api<Incident>('/api/sos', { method: 'POST', query: { audience }, body }),
  emergencyContact: () => api<EmergencyContact | null>('/api/me/emergency-contact'),
};

/**
 * The device's position if the person allows it within `LOCATE_TIMEOUT_MS`; null when refused, unavailable or slow
 * (the timer also covers a permission prompt left unanswered, which the geolocation timeout does not).
 */
export function currentPosition(): Promise<Coordinates | null> {
  if (!('geolocation' in navigator)) return Promise.resolve(null);
  return new Promise((resolve) => {
    const timer = window.setTimeout(() => resolve(null), LOCATE_TIMEOUT_MS + 200);
    const done = (value: Coordinates | null) => {
      window.clearTimeout(timer);
      resolve(value);
    };
    try {
      navigator.geolocation.getCurrentPosition(
        (position) => done({ lat: position.coords.latitude, lng: position.coords.longitude }),
        () => done(null),
        { enableHighAccuracy: true, timeout: LOCATE_TIMEOUT_MS, maximumAge: 60_000 },
      );
    } catch {
      done(null);
    }
  });
}

/** Order states in which SOS is offered on the order page: from acceptance until the customer confirms. */
const SOS_ORDER_STATES: readonly string[] = ['assigned', 'on_the_way', 'in_service', 'awaiting_confirmation'];

export function sosOnOrder(status: string): boolean {
  return SOS_ORDER_STATES.includes(status);
}
