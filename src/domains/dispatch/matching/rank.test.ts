import { describe, expect, it } from 'vitest';
import { rankCandidates, topK } from './rank';
import { NOW, eastOf, makeOrder, makeWorker, syntheticWorkers } from './test-fixtures';
import type { CustomerWorkerHistory } from './types';

const ORDER = makeOrder();
// The regular worker is a little farther and a little worse on paper than the stranger.
const regular = makeWorker('regular', { homeLocation: eastOf(2.5), ratingAvg: 4.7, onTimeRate: 0.93 });
const stranger = makeWorker('stranger', { homeLocation: eastOf(2), ratingAvg: 4.8, onTimeRate: 0.95 });
const HISTORY: CustomerWorkerHistory[] = [{ workerId: 'regular', orders: 4, avgRating: 4.8 }];

describe('regular-customer priority (常客优先)', () => {
  it('puts the customer\'s past well-rated worker first', () => {
    const result = rankCandidates(ORDER, [stranger, regular], HISTORY, {}, NOW);
    expect(result.ranked.map((r) => r.workerId)).toEqual(['regular', 'stranger']);
    expect(result.ranked[0].features.regular).toBe(1);
    expect(result.ranked[0].explanation.zh).toContain('常客');
    expect(result.ranked[1].explanation.en).toContain('regular');
  });

  it('still wins on score alone against a slightly better stranger when "first" is off', () => {
    const result = rankCandidates(ORDER, [stranger, regular], HISTORY, { regular: { first: false } }, NOW);
    expect(result.ranked.map((r) => r.workerId)).toEqual(['regular', 'stranger']);
    expect(result.ranked[0].score).toBeGreaterThan(result.ranked[1].score);
  });

  it('goes first even against a much better stranger unless disabled', () => {
    const star = makeWorker('star', { homeLocation: eastOf(0.2), ratingAvg: 5, ratingCount: 500, onTimeRate: 1, completionRate: 1, badges: ['certified'], todayOrders: 0, recentDeclines: 0 });
    const weak = makeWorker('regular', { homeLocation: eastOf(4.5), ratingAvg: 4.5, todayOrders: 5 });
    const first = rankCandidates(ORDER, [star, weak], HISTORY, {}, NOW).ranked;
    expect(first.map((r) => r.workerId)).toEqual(['regular', 'star']);
    expect(first[1].explanation.zh).toContain('常客优先');
    const off = rankCandidates(ORDER, [star, weak], HISTORY, { regular: { first: false } }, NOW).ranked;
    expect(off.map((r) => r.workerId)).toEqual(['star', 'regular']);
  });

  it('ignores a past worker the customer rated poorly, and a regular who is not eligible', () => {
    const poor = rankCandidates(ORDER, [stranger, regular], [{ workerId: 'regular', orders: 6, avgRating: 4.2 }], {}, NOW);
    expect(poor.ranked.map((r) => r.workerId)).toEqual(['stranger', 'regular']);
    expect(poor.ranked[1].features.regular).toBe(0);
    const busy = makeWorker('regular', { isFreeForWindow: false });
    const result = rankCandidates(ORDER, [stranger, busy], HISTORY, {}, NOW);
    expect(result.ranked.map((r) => r.workerId)).toEqual(['stranger']);
    expect(result.rejected).toEqual([{ workerId: 'regular', reasons: [expect.objectContaining({ code: 'not_free' })] }]);
  });
});

describe('explanations', () => {
  it('explains every ranked worker, including why they trail rank 1', () => {
    const result = rankCandidates(ORDER, [makeWorker('near', { homeLocation: eastOf(0.5) }), makeWorker('far', { homeLocation: eastOf(4) })], [], {}, NOW);
    const [first, second] = result.ranked;
    expect(first.explanation.zh).toMatch(/^第1名，得分 0\.\d{3}；距常驻地 0\.5 公里/);
    expect(first.explanation.en).toMatch(/^Rank 1, score 0\.\d{3}; 0\.5 km from home base/);
    expect(second.explanation.zh).toContain('主要差在距离');
    expect(second.explanation.en).toContain('behind rank 1, mostly on distance');
  });

  it('keeps explanations when the result is serialised', () => {
    const result = rankCandidates(ORDER, [makeWorker('a'), makeWorker('b', { online: false })], [], {}, NOW);
    const json = JSON.parse(JSON.stringify(result));
    expect(json.ranked[0].explanation).toEqual(result.ranked[0].explanation);
    expect(json.ranked[0].features).toEqual(result.ranked[0].features);
    expect(json.rejected[0].reasons[0].message.en).toBe('Worker is offline');
  });
});

describe('determinism', () => {
  it('gives the same ranking for any input order', () => {
    const workers = syntheticWorkers(300, 3);
    const a = JSON.stringify(rankCandidates(ORDER, workers, [], {}, NOW));
    const b = JSON.stringify(rankCandidates(ORDER, [...workers].reverse(), [], {}, NOW));
    expect(b).toBe(a);
  });

  it('breaks score ties by distance, then by id', () => {
    const twins = [makeWorker('c'), makeWorker('a'), makeWorker('b')];
    expect(rankCandidates(ORDER, twins, [], {}, NOW).ranked.map((r) => r.workerId)).toEqual(['a', 'b', 'c']);
    // Same score, different distance: 0 weight on proximity makes the scores equal.
    const result = rankCandidates(ORDER, [makeWorker('a', { homeLocation: eastOf(3) }), makeWorker('b', { homeLocation: eastOf(1) })], [], { weights: { proximity: 0 } }, NOW);
    expect(result.ranked.map((r) => r.workerId)).toEqual(['b', 'a']);
    expect(result.ranked[1].explanation.en).toContain('same score as the leader');
  });

  it('assigns consecutive ranks and rejects duplicate ids', () => {
    const result = rankCandidates(ORDER, [makeWorker('a'), makeWorker('b'), makeWorker('a', { homeLocation: eastOf(0) })], [], {}, NOW);
    expect(result.ranked.map((r) => [r.workerId, r.rank])).toEqual([['a', 1], ['b', 2]]);
    expect(result.ranked[0].facts.distanceKm).toBeCloseTo(2, 2); // the first occurrence wins
    expect(result.rejected.map((r) => [r.workerId, r.reasons[0].code])).toEqual([['a', 'duplicate_candidate']]);
  });
});

describe('topK', () => {
  it('returns the best k for push-to-grab', () => {
    const result = rankCandidates(ORDER, syntheticWorkers(100, 5), [], {}, NOW);
    expect(topK(result, 5).map((r) => r.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(topK(result, 0)).toEqual([]);
    expect(topK(result, 10_000)).toHaveLength(result.ranked.length);
  });

  it('handles no candidates', () => {
    expect(rankCandidates(ORDER, [], [], {}, NOW)).toEqual({ orderId: 'order-1', ranked: [], rejected: [] });
  });
});
