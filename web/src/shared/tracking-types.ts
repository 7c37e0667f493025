/** Answers of the tracking API (docs/api-tracking.md). */
import type { LatLng } from './geo-map';

export interface TrailPoint extends LatLng {
  accuracyM: number;
  recordedAt: string;
}

/** `GET /api/orders/:id/tracking`: the worker's position while 上门中. */
export interface CustomerTracking {
  orderId: string;
  status: string;
  sharing: boolean;
  reason: 'waiting' | 'not_departed' | 'arrived' | 'finished' | null;
  position: TrailPoint | null;
  destination: LatLng | null;
  eta: { distanceKm: number; minutes: number; at: string } | null;
  stale: boolean;
  plannedEtaAt: string | null;
  travelModel: { speedKmh: number; roadFactor: number };
}

/** `GET /api/admin/orders/:id/trail`: the order's trail for the dispute and SOS desks. */
export interface AdminTrail {
  orderId: string;
  orderNo: string;
  status: string;
  tracked: boolean;
  address: LatLng;
  checkIn: (LatLng & { distanceM: number; farReason: string | null; at: string | null }) | null;
  departedAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  points: TrailPoint[];
  latest: TrailPoint | null;
  travelledKm: number;
  retentionDays: number;
}
