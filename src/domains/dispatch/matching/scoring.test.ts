import { describe, expect, it } from 'vitest';
import { DEFAULT_MATCH_CONFIG } from './config';
import { isPeak, smoothedRating } from './features';
import { rankCandidates } from './rank';
import { NOW, ORIGIN, eastOf, makeOrder, makeWorker } from './test-fixtures';
import { etaFromKm, etaMinutes, haversineKm } from './travel';
import type { MatchCandidate } from './types';

/** Ranks two workers that differ only by `better` vs `worse` and returns ids best first. */
function order(better: Partial<MatchCandidate>, worse: Partial<MatchCandidate>, overrides = {}): string[] {
  // Ids chosen so the id tie-break would favour the worse worker.
  const result = rankCandidates(makeOrder(), [makeWorker('b', worse), makeWorker('z', better)], [], overrides, NOW);
  expect(result.rejected).toEqual([]);
  return result.ranked.map((r) => r.workerId);
}

const score = (patch: Partial<MatchCandidate>, overrides = {}) =>
  rankCandidates(makeOrder(), [makeWorker('w', patch)], [], overrides, NOW).ranked[0];

describe('travel helpers', () => {
  it('computes great-circle km and a road-factored ETA', () => {
    expect(haversineKm(ORIGIN, { lat: 39.9042, lng: 116.4074 })).toBeGreaterThan(1060);
    expect(haversineKm(ORIGIN, { lat: 39.9042, lng: 116.4074 })).toBeLessThan(1075);
    expect(haversineKm(ORIGIN, eastOf(3))).toBeCloseTo(3, 2);
    expect(etaFromKm(10, { speedKmh: 20, roadFactor: 1.3 })).toBeCloseTo(39, 6);
    expect(etaMinutes(ORIGIN, eastOf(10), { speedKmh: 20, roadFactor: 1.3 })).toBeCloseTo(39, 1);
  });
});

describe('feature directions', () => {
  it('prefers the closer worker; proximity is 0 at the radius limit', () => {
    expect(order({ homeLocation: eastOf(1) }, { homeLocation: eastOf(3) })).toEqual(['z', 'b']);
    expect(score({ homeLocation: ORIGIN }).features.proximity).toBe(1);
    expect(score({ homeLocation: eastOf(4.999) }).features.proximity).toBeLessThan(0.01);
  });

  it('measures travel from the previous job, else the current position, else home', () => {
    const fromPrev = score({ previousJobEnd: { location: eastOf(0.5), end: '2025-06-10T04:00:00Z' }, currentLocation: eastOf(3) });
    expect(fromPrev.facts.origin).toBe('previous_job');
    expect(fromPrev.facts.distanceKm).toBeCloseTo(0.5, 2);
    const fromCurrent = score({ currentLocation: eastOf(3) });
    expect(fromCurrent.facts).toMatchObject({ origin: 'current' });
    expect(fromCurrent.facts.distanceKm).toBeCloseTo(3, 2);
    expect(score({}).facts.origin).toBe('home');
  });

  it('prefers the higher rating', () => {
    expect(order({ ratingAvg: 4.9 }, { ratingAvg: 4.5 })).toEqual(['z', 'b']);
  });

  it('smooths ratings so one 5.0 review does not beat 300 reviews of 4.9', () => {
    const prior = DEFAULT_MATCH_CONFIG.rating;
    expect(smoothedRating(5, 1, prior)).toBeLessThan(smoothedRating(4.9, 300, prior));
    expect(smoothedRating(0, 0, prior)).toBe(prior.priorMean);
    expect(order({ ratingAvg: 4.9, ratingCount: 300 }, { ratingAvg: 5, ratingCount: 1 })).toEqual(['z', 'b']);
  });

  it('prefers higher on-time and completion rates', () => {
    expect(order({ onTimeRate: 0.99 }, { onTimeRate: 0.8 })).toEqual(['z', 'b']);
    expect(order({ completionRate: 0.99 }, { completionRate: 0.8 })).toEqual(['z', 'b']);
  });

  it('spreads work: fewer orders and lower earnings today score higher', () => {
    expect(order({ todayOrders: 0 }, { todayOrders: 5 })).toEqual(['z', 'b']);
    expect(order({ todayEarningsFen: 0 }, { todayEarningsFen: 60_000 })).toEqual(['z', 'b']);
    expect(score({ todayOrders: 0, todayEarningsFen: 0 }).features.fairness).toBe(1);
  });

  it('ranks certified badges higher', () => {
    expect(order({ badges: ['certified'] }, { badges: [] })).toEqual(['z', 'b']);
    expect(order({ badges: ['certified'] }, { badges: ['neat'] })).toEqual(['z', 'b']);
    expect(score({ badges: ['certified', 'certified'] }).features.badges).toBe(score({ badges: ['certified'] }).features.badges);
  });

  it('penalises recent declines', () => {
    expect(order({ recentDeclines: 0 }, { recentDeclines: 4 })).toEqual(['z', 'b']);
    expect(score({ recentDeclines: 0 }).features.acceptance).toBe(1);
    expect(score({ recentDeclines: 3 }).features.acceptance).toBeCloseTo(0.5, 9);
  });

  it('boosts newcomers only within the first orders and the first days', () => {
    const joined = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();
    expect(score({ completedOrders: 3, joinedAt: joined(10) }).features.newcomer).toBe(1);
    expect(score({ completedOrders: 3, joinedAt: joined(31) }).features.newcomer).toBe(0);
    expect(score({ completedOrders: 10, joinedAt: joined(10) }).features.newcomer).toBe(0);
    expect(score({ completedOrders: 300 }).features.newcomer).toBe(0);
    expect(order({ completedOrders: 3, joinedAt: joined(5) }, { completedOrders: 30, joinedAt: joined(5) })).toEqual(['z', 'b']);
    expect(score({ completedOrders: 3, joinedAt: joined(5) }, { newcomer: { maxDays: 3 } }).features.newcomer).toBe(0);
  });

  it('weighs distance more in the 7–9 and 18–20 local peaks', () => {
    const peak = DEFAULT_MATCH_CONFIG.peak;
    expect(isPeak(Date.parse('2025-06-10T00:30:00Z'), peak)).toBe(true); // 08:30 Shanghai
    expect(isPeak(Date.parse('2025-06-10T01:00:00Z'), peak)).toBe(false); // 09:00
    expect(isPeak(Date.parse('2025-06-10T10:59:00Z'), peak)).toBe(true); // 18:59
    expect(isPeak(Date.parse('2025-06-10T06:00:00Z'), peak)).toBe(false); // 14:00
    const rank = (start: string, overrides = {}) =>
      rankCandidates(makeOrder({ start }), [makeWorker('w')], [], overrides, NOW).ranked[0];
    const off = rank('2025-06-10T06:00:00Z');
    const on = rank('2025-06-10T00:30:00Z');
    expect(on.facts.peak).toBe(true);
    expect(on.contributions.proximity).toBeGreaterThan(off.contributions.proximity);
    expect(rank('2025-06-10T00:30:00Z', { peak: { proximityMultiplier: 1 } }).contributions).toEqual(off.contributions);
  });

  it('reports contributions that sum to the score', () => {
    const r = score({ badges: ['certified'] });
    const sum = Object.values(r.contributions).reduce((a, b) => a + b, 0);
    expect(r.score).toBeCloseTo(sum, 12);
    for (const [name, value] of Object.entries(r.features)) {
      expect(r.contributions[name as keyof typeof r.features]).toBeCloseTo(DEFAULT_MATCH_CONFIG.weights[name as keyof typeof r.features] * value, 12);
    }
  });

  it('scores 0 for everyone when all weights are 0, and still ranks deterministically', () => {
    const zero = Object.fromEntries(Object.keys(DEFAULT_MATCH_CONFIG.weights).map((k) => [k, 0]));
    const result = rankCandidates(makeOrder(), [makeWorker('b', { homeLocation: eastOf(3) }), makeWorker('a')], [], { weights: zero }, NOW);
    expect(result.ranked.map((r) => [r.workerId, r.score])).toEqual([['a', 0], ['b', 0]]);
  });
});
