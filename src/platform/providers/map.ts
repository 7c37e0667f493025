/** Map services behind an interface; the local provider works offline from district centres. */
export interface LatLng { lat: number; lng: number }
export interface DistrictRef { code: string; centerLat: number; centerLng: number }

export interface MapProvider {
  /** Coordinates for an address; `approximate` when only the district is known. */
  geocode(district: DistrictRef, detail: string): Promise<LatLng & { approximate: boolean }>;
  distanceKm(a: LatLng, b: LatLng): number;
}

const EARTH_RADIUS_KM = 6371.0088;

export function haversineKm(a: LatLng, b: LatLng): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function localMapProvider(): MapProvider {
  return {
    async geocode(district) {
      return { lat: district.centerLat, lng: district.centerLng, approximate: true };
    },
    distanceKm: haversineKm,
  };
}
