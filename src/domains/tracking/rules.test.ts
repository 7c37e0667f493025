import { describe, expect, it } from 'vitest';
import { checkFixTime, customerSees, etaFrom, isTracked, travelMinutes } from './rules.js';

describe('location trail rules', () => {
  it('tracks 上门中 and 服务中 only; the customer sees the position only while on the way', () => {
    expect(['assigned', 'on_the_way', 'in_service', 'awaiting_confirmation', 'completed'].map(isTracked)).toEqual([false, true, true, false, false]);
    expect(['on_the_way', 'in_service'].map(customerSees)).toEqual([true, false]);
  });

  it('estimates travel with the dispatch model: straight line × 1.3 at 20 km/h, at least a minute until there', () => {
    expect(travelMinutes(0.03)).toBe(0);
    expect(travelMinutes(0.2)).toBe(1);
    expect(travelMinutes(5)).toBe(20); // 6.5 km road at 20 km/h = 19.5 → 20
    const at = new Date('2026-03-02T02:00:00Z');
    const eta = etaFrom({ lat: 31.2, lng: 121.43, recordedAt: at }, { lat: 31.2, lng: 121.43 + 0.0105 });
    expect(eta.distanceKm).toBeCloseTo(1.0, 1);
    expect(eta.minutes).toBe(4);
    expect(eta.at.toISOString()).toBe('2026-03-02T02:04:00.000Z');
  });

  it('refuses a fix from the future (beyond 2 min of clock drift) or from well before 出发', () => {
    const now = new Date('2026-03-02T02:00:00Z');
    const departed = new Date('2026-03-02T01:30:00Z');
    expect(checkFixTime(new Date('2026-03-02T02:01:30Z'), now, departed)).toBeNull();
    expect(checkFixTime(new Date('2026-03-02T02:03:00Z'), now, departed)).toBe('future');
    expect(checkFixTime(new Date('2026-03-02T01:26:00Z'), now, departed)).toBeNull();
    expect(checkFixTime(new Date('2026-03-02T01:24:00Z'), now, departed)).toBe('before_departure');
    expect(checkFixTime(new Date('2026-03-01T01:24:00Z'), now, null)).toBeNull();
  });
});
