/**
 * Map services behind an interface. The local provider works offline from a gazetteer of the demo city
 * (map-gazetteer.ts): suggestions as the user types, the nearest place to a point, and geocoding a typed
 * address by the place it names (the district centre, marked approximate, when it names none).
 * A provider map (AMap / Tencent) plugs in behind the same interface.
 */
import { shanghaiGazetteer, type Gazetteer, type Place } from './map-gazetteer.js';

export type { Place, PlaceKind } from './map-gazetteer.js';
export interface LatLng { lat: number; lng: number }
export interface DistrictRef { code: string; centerLat: number; centerLng: number }

export interface MapProvider {
  /** Coordinates for an address; `approximate` when only the district is known. */
  geocode(district: DistrictRef, detail: string): Promise<LatLng & { approximate: boolean }>;
  distanceKm(a: LatLng, b: LatLng): number;
  /** Places matching what the user typed (汉字, pinyin or initials), best first; `districtCode` narrows to one district. */
  suggest(query: string, districtCode?: string, limit?: number): Promise<Place[]>;
  /** The place nearest to a point (its district is where the point falls), or null when nothing is near. */
  reverse(point: LatLng): Promise<{ place: Place; distanceKm: number } | null>;
}

const EARTH_RADIUS_KM = 6371.0088;
/** Farther than this from every known place, a point is not in the served city. */
export const REVERSE_MAX_KM = 15;

export function haversineKm(a: LatLng, b: LatLng): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function localMapProvider(gazetteer: Gazetteer = shanghaiGazetteer()): MapProvider {
  return {
    async geocode(district, detail) {
      const place = gazetteer.mentionedIn(detail, district.code);
      return place ? { lat: place.lat, lng: place.lng, approximate: false } : { lat: district.centerLat, lng: district.centerLng, approximate: true };
    },
    distanceKm: haversineKm,
    async suggest(query, districtCode, limit = 10) {
      return gazetteer.search(query, { districtCode, limit });
    },
    async reverse(point) {
      const hit = gazetteer.nearest(point.lat, point.lng);
      return hit && hit.distanceKm <= REVERSE_MAX_KM ? hit : null;
    },
  };
}
