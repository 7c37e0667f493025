/** Builders for matching tests and the bench: one order in Shanghai and well-rounded workers. */
import type { LatLng, MatchCandidate, MatchOrder } from './types';

export const NOW = new Date('2025-06-10T02:00:00Z');
/** People's Square, Shanghai. */
export const ORIGIN: LatLng = { lat: 31.2304, lng: 121.4737 };

/** A point `km` east of `from` (small distances, flat-earth approximation). */
export function eastOf(km: number, from: LatLng = ORIGIN): LatLng {
  return { lat: from.lat, lng: from.lng + km / (111.32 * Math.cos((from.lat * Math.PI) / 180)) };
}

/** 14:00 Shanghai time, off-peak, 2 hours of `home-cleaning`. */
export function makeOrder(patch: Partial<MatchOrder> = {}): MatchOrder {
  return {
    id: 'order-1', itemCode: 'home-cleaning', requiredCertificate: null, location: ORIGIN,
    start: '2025-06-10T06:00:00Z', durationMinutes: 120, customerId: 'customer-1', cityCode: 'shanghai',
    ...patch,
  };
}

/** An approved, online, free worker 2 km away with solid, non-newcomer stats. */
export function makeWorker(id: string, patch: Partial<MatchCandidate> = {}): MatchCandidate {
  return {
    id, status: 'approved', online: true, skills: ['home-cleaning', 'appliance-repair'],
    certificates: [{ kind: 'electrician', expiresAt: '2026-01-01T00:00:00Z' }],
    homeLocation: eastOf(2), currentLocation: null, serviceRadiusKm: 5,
    ratingAvg: 4.8, ratingCount: 120, onTimeRate: 0.95, completionRate: 0.97, badges: [],
    completedOrders: 300, joinedAt: '2023-01-01T00:00:00Z', todayOrders: 2, todayEarningsFen: 30_000,
    recentDeclines: 1, previousJobEnd: null, isFreeForWindow: true,
    ...patch,
  };
}

/** Deterministic pseudo-random workers around ORIGIN (mulberry32), most of them eligible. */
export function syntheticWorkers(count: number, seed = 1): MatchCandidate[] {
  let s = seed >>> 0;
  const rnd = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const workers: MatchCandidate[] = [];
  for (let i = 0; i < count; i++) {
    const angle = rnd() * 2 * Math.PI;
    const km = rnd() * 6;
    const home = { lat: ORIGIN.lat + (km * Math.sin(angle)) / 111.32, lng: eastOf(km * Math.cos(angle)).lng };
    workers.push(makeWorker(`w${String(i).padStart(6, '0')}`, {
      status: rnd() < 0.95 ? 'approved' : 'suspended', online: rnd() < 0.9, homeLocation: home,
      ratingAvg: 3.5 + rnd() * 1.5, ratingCount: Math.floor(rnd() * 400), onTimeRate: 0.7 + rnd() * 0.3,
      completionRate: 0.8 + rnd() * 0.2, badges: rnd() < 0.3 ? ['certified'] : [],
      completedOrders: Math.floor(rnd() * 500), todayOrders: Math.floor(rnd() * 6),
      todayEarningsFen: Math.floor(rnd() * 80_000), recentDeclines: Math.floor(rnd() * 5),
      isFreeForWindow: rnd() < 0.85,
    }));
  }
  return workers;
}
