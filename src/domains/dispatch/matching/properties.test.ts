import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { benchMatching } from './bench';
import { DEFAULT_MATCH_CONFIG } from './config';
import { rankCandidates } from './rank';
import { NOW, eastOf, makeOrder, makeWorker } from './test-fixtures';
import type { MatchCandidate } from './types';

const ORDER = makeOrder({ itemCode: 'appliance-repair', requiredCertificate: 'electrician' });
const ISO_RANGE = { min: new Date('2024-01-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true };

/** Stats of an eligible worker `km` east of the order (radius 5 km, no previous job). */
const eligibleStats = fc.record({
  km: fc.double({ min: 0, max: 4.9, noNaN: true }),
  ratingAvg: fc.double({ min: 0, max: 5, noNaN: true }),
  ratingCount: fc.integer({ min: 0, max: 5000 }),
  onTimeRate: fc.double({ min: 0, max: 1, noNaN: true }),
  completionRate: fc.double({ min: 0, max: 1, noNaN: true }),
  badges: fc.uniqueArray(fc.constantFrom('certified', 'gold', 'quick'), { maxLength: 3 }),
  completedOrders: fc.integer({ min: 0, max: 2000 }),
  joinedAt: fc.date(ISO_RANGE).map((d) => d.toISOString()),
  todayOrders: fc.integer({ min: 0, max: 20 }),
  todayEarningsFen: fc.integer({ min: 0, max: 500_000 }),
  recentDeclines: fc.integer({ min: 0, max: 50 }),
});
type Stats = typeof eligibleStats extends fc.Arbitrary<infer T> ? T : never;

const worker = (id: string, { km, ...s }: Stats): MatchCandidate => makeWorker(id, { ...s, homeLocation: eastOf(km) });
const scoreOf = (s: Stats, history: { workerId: string; orders: number; avgRating: number }[] = []) => {
  const result = rankCandidates(ORDER, [worker('w', s)], history, {}, NOW);
  expect(result.rejected).toEqual([]);
  return result.ranked[0].score;
};

const mostly = fc.constantFrom(true, true, true, false);

/** Any candidate, eligible or not (biased so that a fair share is eligible). */
const anyCandidate = (id: string) => fc.record({
  stats: eligibleStats,
  status: fc.constantFrom('approved', 'approved', 'pending', 'suspended', 'removed') as fc.Arbitrary<MatchCandidate['status']>,
  online: mostly,
  free: mostly,
  hasSkill: mostly,
  certExpiry: fc.option(fc.date(ISO_RANGE).map((d) => d.toISOString()), { freq: 2 }),
  radius: fc.double({ min: 0.5, max: 10, noNaN: true }),
  prevEndMinutesBefore: fc.option(fc.integer({ min: -60, max: 240 })),
}).map((g): MatchCandidate => ({
  ...worker(id, g.stats),
  status: g.status, online: g.online, isFreeForWindow: g.free, serviceRadiusKm: g.radius,
  skills: g.hasSkill ? ['appliance-repair'] : ['home-cleaning'],
  certificates: [{ kind: 'electrician', expiresAt: g.certExpiry }],
  previousJobEnd: g.prevEndMinutesBefore === null ? null : {
    location: eastOf(3), end: new Date(Date.parse(ORDER.start) - g.prevEndMinutesBefore * 60_000).toISOString(),
  },
}));

const candidates = fc.integer({ min: 0, max: 30 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => anyCandidate(`w${i}`))));
const weights = fc.record(Object.fromEntries(Object.keys(DEFAULT_MATCH_CONFIG.weights).map((k) => [k, fc.double({ min: 0, max: 10, noNaN: true })]))) as fc.Arbitrary<Record<string, number>>;

describe('properties', () => {
  it('scores are finite and within [0, 1] for any weights and peak multiplier', () => {
    fc.assert(fc.property(candidates, weights, fc.double({ min: 1, max: 5, noNaN: true }), fc.boolean(), (cs, w, mult, peak) => {
      const order = { ...ORDER, start: peak ? '2025-06-10T00:30:00Z' : ORDER.start };
      const result = rankCandidates(order, cs, [{ workerId: 'w0', orders: 2, avgRating: 5 }], { weights: w, peak: { proximityMultiplier: mult } }, NOW);
      for (const r of result.ranked) {
        expect(Number.isFinite(r.score)).toBe(true);
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(1);
        for (const v of Object.values(r.features)) expect(v >= 0 && v <= 1).toBe(true);
      }
    }));
  });

  it('ranked and rejected partition the input; ranks are 1..n', () => {
    const seen = { ranked: 0, rejected: 0 };
    fc.assert(fc.property(candidates, (cs) => {
      const result = rankCandidates(ORDER, cs, [], {}, NOW);
      const ids = [...result.ranked.map((r) => r.workerId), ...result.rejected.map((r) => r.workerId)].sort();
      expect(ids).toEqual(cs.map((c) => c.id).sort());
      expect(result.ranked.map((r) => r.rank)).toEqual(result.ranked.map((_, i) => i + 1));
      for (const r of result.rejected) expect(r.reasons.length).toBeGreaterThan(0);
      seen.ranked += result.ranked.length;
      seen.rejected += result.rejected.length;
    }));
    expect(seen.ranked).toBeGreaterThan(50);
    expect(seen.rejected).toBeGreaterThan(50);
  });

  it('ranking is independent of the input order', () => {
    fc.assert(fc.property(candidates.chain((cs) => fc.tuple(fc.constant(cs), fc.shuffledSubarray(cs, { minLength: cs.length, maxLength: cs.length }))), ([cs, shuffled]) => {
      expect(JSON.stringify(rankCandidates(ORDER, shuffled, [], {}, NOW))).toBe(JSON.stringify(rankCandidates(ORDER, cs, [], {}, NOW)));
    }));
  });

  const improvements: Record<string, fc.Arbitrary<[Stats, Stats]>> = {
    closer: eligibleStats.chain((s) => fc.double({ min: 0, max: s.km, noNaN: true }).map((km): [Stats, Stats] => [s, { ...s, km }])),
    rating: eligibleStats.chain((s) => fc.double({ min: s.ratingAvg, max: 5, noNaN: true }).map((ratingAvg): [Stats, Stats] => [s, { ...s, ratingAvg }])),
    onTime: eligibleStats.chain((s) => fc.double({ min: s.onTimeRate, max: 1, noNaN: true }).map((onTimeRate): [Stats, Stats] => [s, { ...s, onTimeRate }])),
    completion: eligibleStats.chain((s) => fc.double({ min: s.completionRate, max: 1, noNaN: true }).map((completionRate): [Stats, Stats] => [s, { ...s, completionRate }])),
    fewerToday: eligibleStats.chain((s) => fc.integer({ min: 0, max: s.todayOrders }).map((todayOrders): [Stats, Stats] => [s, { ...s, todayOrders }])),
    lessEarned: eligibleStats.chain((s) => fc.integer({ min: 0, max: s.todayEarningsFen }).map((todayEarningsFen): [Stats, Stats] => [s, { ...s, todayEarningsFen }])),
    fewerDeclines: eligibleStats.chain((s) => fc.integer({ min: 0, max: s.recentDeclines }).map((recentDeclines): [Stats, Stats] => [s, { ...s, recentDeclines }])),
    moreBadges: eligibleStats.map((s): [Stats, Stats] => [{ ...s, badges: s.badges.slice(0, -1) }, s]),
  };

  for (const [name, pair] of Object.entries(improvements)) {
    it(`improving one feature never lowers the score: ${name}`, () => {
      fc.assert(fc.property(pair, ([before, after]) => {
        expect(scoreOf(after)).toBeGreaterThanOrEqual(scoreOf(before));
      }));
    });
  }

  it('becoming a well-rated regular never lowers the score', () => {
    fc.assert(fc.property(eligibleStats, (s) => {
      expect(scoreOf(s, [{ workerId: 'w', orders: 3, avgRating: 4.9 }])).toBeGreaterThanOrEqual(scoreOf(s));
    }));
  });

  it('ranks 2 000 candidates fast (loose bound; see benchMatching for figures)', () => {
    const { p50_ms } = benchMatching(2000, 20);
    expect(p50_ms).toBeLessThan(200);
  });
});
