/** Straight-line distance and a city-speed travel estimate (no routing service needed). */
import { haversineKm } from '../../../platform/providers/map';
import type { LatLng } from './types';

export { haversineKm };

export interface TravelParams {
  /** Average door-to-door speed, km/h. */
  speedKmh: number;
  /** Road distance ÷ straight-line distance (≈ 1.3 in dense cities). */
  roadFactor: number;
}

/** Minutes to travel between two points: haversine × road factor at the average speed. */
export function etaMinutes(a: LatLng, b: LatLng, params: TravelParams): number {
  return etaFromKm(haversineKm(a, b), params);
}

/** Minutes to cover a straight-line distance (km) at the configured speed and road factor. */
export function etaFromKm(km: number, params: TravelParams): number {
  return ((km * params.roadFactor) / params.speedKmh) * 60;
}
