import type { Position } from './order-api';

/** Why the device gave no position. */
export type LocateFailure = 'unsupported' | 'denied' | 'unavailable';

/** The device's position, or why there is none (never rejects). */
export function currentPosition(timeoutMs = 10_000): Promise<{ position: Position } | { failure: LocateFailure }> {
  if (!('geolocation' in navigator)) return Promise.resolve({ failure: 'unsupported' });
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ position: { lat: p.coords.latitude, lng: p.coords.longitude } }),
      (error) => resolve({ failure: error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable' }),
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 30_000 },
    );
  });
}

/** Great-circle distance in metres (haversine), for telling the worker how far off they are. */
export function distanceMeters(a: Position, b: Position): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** `850 米` / `1.2 公里` (English `850 m` / `1.2 km`). */
export function distanceText(meters: number, lang: 'zh-CN' | 'en'): string {
  if (meters < 1000) return lang === 'en' ? `${Math.round(meters)} m` : `${Math.round(meters)} 米`;
  const km = (meters / 1000).toFixed(meters < 10_000 ? 1 : 0);
  return lang === 'en' ? `${km} km` : `${km} 公里`;
}

/** A fix as the tracking API takes it: position, accuracy (metres) and when the device took it. */
export interface Fix extends Position {
  accuracy: number;
  at: number;
}

/** The device's current fix with its accuracy and time, or why there is none (never rejects). */
export function currentFix(timeoutMs = 15_000): Promise<{ fix: Fix } | { failure: LocateFailure }> {
  if (!('geolocation' in navigator)) return Promise.resolve({ failure: 'unsupported' });
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ fix: { lat: p.coords.latitude, lng: p.coords.longitude, accuracy: Math.max(0, p.coords.accuracy || 0), at: Math.min(p.timestamp || Date.now(), Date.now()) } }),
      (error) => resolve({ failure: error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable' }),
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 15_000 },
    );
  });
}
