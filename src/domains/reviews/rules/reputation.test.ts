import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CUSTOMER_DIMENSIONS,
  DEFAULT_RATING_PRIOR,
  complaintRate,
  completionRate,
  customerAggregate,
  isOnTime,
  onTimeRate,
  qaPassRate,
  rateBp,
  repeatCustomerRate,
  smoothedRating,
  summarizeReviews,
  workerReputation,
  type CustomerRatingRow,
  type WorkerOrderRow,
  type WorkerReviewRow,
} from './reputation.js';

const review = (stars: number, extra: Partial<WorkerReviewRow> = {}): WorkerReviewRow => ({ stars, isDefault: false, visibility: 'visible', ...extra });
const many = (n: number, stars: number) => Array.from({ length: n }, () => review(stars));

const T0 = new Date('2025-03-01T09:00:00+08:00');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
let seq = 0;
const order = (extra: Partial<WorkerOrderRow> = {}): WorkerOrderRow => ({
  orderId: `o${++seq}`,
  customerId: 'c1',
  outcome: 'completed',
  scheduledStart: T0,
  checkedInAt: T0,
  ...extra,
});

describe('rateBp', () => {
  it('gives basis points rounded half up, null for nothing counted', () => {
    expect(rateBp(1, 3)).toBe(3333);
    expect(rateBp(2, 3)).toBe(6667);
    expect(rateBp(1, 8)).toBe(1250);
    expect(rateBp(1, 20_000)).toBe(1); // 0.5 bp rounds up
    expect(rateBp(0, 5)).toBe(0);
    expect(rateBp(5, 5)).toBe(10_000);
    expect(rateBp(0, 0)).toBeNull();
  });

  it('refuses what is not a share', () => {
    expect(() => rateBp(3, 2)).toThrow(RangeError);
    expect(() => rateBp(-1, 2)).toThrow(RangeError);
    expect(() => rateBp(0.5, 2)).toThrow(RangeError);
  });

  it('is an integer between 0 and 10 000 (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 1_000_000 }).chain((d) => fc.tuple(fc.integer({ min: 0, max: d }), fc.constant(d))), ([n, d]) => {
      const bp = rateBp(n, d) as number;
      expect(Number.isInteger(bp)).toBe(true);
      expect(bp).toBeGreaterThanOrEqual(0);
      expect(bp).toBeLessThanOrEqual(10_000);
      expect(Math.abs(bp - (n * 10_000) / d)).toBeLessThanOrEqual(0.5);
    }));
  });
});

describe('smoothedRating', () => {
  it('one 5-star review does not outrank 300 reviews at 4.9', () => {
    const oneFive = summarizeReviews([review(5)]);
    const threeHundred = summarizeReviews([...many(270, 5), ...many(30, 4)]);
    expect(threeHundred.average).toBe(4.9);
    expect(oneFive.average).toBe(5);
    expect(oneFive.rating).toBe(4.64); // (4.6 × 10 + 5) / 11
    expect(threeHundred.rating).toBe(4.89); // (46 + 1470) / 310
    expect(threeHundred.rating).toBeGreaterThan(oneFive.rating);
  });

  it('is the prior mean with no reviews and the plain mean with weight 0', () => {
    expect(smoothedRating(0, 0)).toBe(4.6);
    expect(smoothedRating(0, 0, { mean: 4.25, weight: 3 })).toBe(4.25);
    expect(smoothedRating(9, 2, { mean: 4.6, weight: 0 })).toBe(4.5);
  });

  it('takes prior mean and weight as parameters', () => {
    expect(smoothedRating(5, 1, { mean: 4, weight: 1 })).toBe(4.5);
    expect(smoothedRating(1, 1, { mean: 5, weight: 3 })).toBe(4);
    expect(DEFAULT_RATING_PRIOR).toEqual({ mean: 4.6, weight: 10 });
  });

  it('refuses impossible inputs', () => {
    expect(() => smoothedRating(0, 0, { mean: 4.6, weight: 0 })).toThrow(RangeError);
    expect(() => smoothedRating(6, 1)).toThrow(RangeError);
    expect(() => smoothedRating(5, 1, { mean: 4.6, weight: 1.5 })).toThrow(RangeError);
    expect(() => smoothedRating(5, 1, { mean: 6, weight: 10 })).toThrow(RangeError);
  });

  it('lies between the prior and the plain mean, 2 decimals (property)', () => {
    const stars = fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 400 });
    fc.assert(fc.property(stars, fc.integer({ min: 100, max: 500 }), fc.integer({ min: 0, max: 50 }), (values, priorHundredths, weight) => {
      const sum = values.reduce((a, b) => a + b, 0);
      const prior = { mean: priorHundredths / 100, weight };
      const r = smoothedRating(sum, values.length, prior);
      const mean = sum / values.length;
      expect(r).toBeGreaterThanOrEqual(Math.min(prior.mean, mean) - 0.005);
      expect(r).toBeLessThanOrEqual(Math.max(prior.mean, mean) + 0.005);
      expect(Math.round(r * 100)).toBeCloseTo(r * 100, 8);
    }));
  });

  it('moves towards a new review and away from the prior as reviews add up (property)', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 200 }), fc.integer({ min: 1, max: 5 }), (values, next) => {
      const sum = values.reduce((a, b) => a + b, 0);
      const before = smoothedRating(sum, values.length);
      const after = smoothedRating(sum + next, values.length + 1);
      if (next * 100 >= before * 100) expect(after).toBeGreaterThanOrEqual(before - 0.01);
      else expect(after).toBeLessThanOrEqual(before + 0.01);
    }));
  });
});

describe('summarizeReviews', () => {
  it('counts, histogram and averages of visible written reviews', () => {
    const rows: WorkerReviewRow[] = [
      review(5, { dimensions: { attitude: 5, skill: 4, efficiency: 5, punctuality: 5 } }),
      review(4, { dimensions: { attitude: 4, skill: 4, efficiency: 3, punctuality: 5 } }),
      review(2, { dimensions: { attitude: 1, skill: null } }),
    ];
    const s = summarizeReviews(rows);
    expect(s.ratedCount).toBe(3);
    expect(s.totalCount).toBe(3);
    expect(s.histogram).toEqual({ 1: 0, 2: 1, 3: 0, 4: 1, 5: 1 });
    expect(s.average).toBe(3.67);
    expect(s.positiveRateBp).toBe(6667);
    expect(s.negativeCount).toBe(1);
    expect(s.dimensions.attitude).toEqual({ average: 3.33, count: 3 });
    expect(s.dimensions.skill).toEqual({ average: 4, count: 2 });
    expect(s.dimensions.efficiency).toEqual({ average: 4, count: 2 });
    expect(s.dimensions.punctuality).toEqual({ average: 5, count: 2 });
  });

  it('keeps default marks and hidden or removed reviews out of averages and histogram, counted apart', () => {
    const rows: WorkerReviewRow[] = [
      review(3),
      review(5, { isDefault: true }),
      review(5, { isDefault: true }),
      review(1, { visibility: 'hidden', dimensions: { attitude: 1 } }),
      review(1, { visibility: 'removed' }),
      review(5, { isDefault: true, visibility: 'hidden' }),
    ];
    const s = summarizeReviews(rows);
    expect(s).toMatchObject({ ratedCount: 1, defaultCount: 2, hiddenCount: 3, totalCount: 6, average: 3 });
    expect(s.histogram).toEqual({ 1: 0, 2: 0, 3: 1, 4: 0, 5: 0 });
    expect(s.dimensions.attitude).toEqual({ average: null, count: 0 });
    expect(s.rating).toBe(smoothedRating(3, 1));
  });

  it('with no review: no average, the prior as rating, empty histogram', () => {
    const s = summarizeReviews([]);
    expect(s.average).toBeNull();
    expect(s.rating).toBe(4.6);
    expect(s.positiveRateBp).toBeNull();
    expect(s.histogram).toEqual({ 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 });
    for (const dim of CUSTOMER_DIMENSIONS) expect(s.dimensions[dim]).toEqual({ average: null, count: 0 });
  });

  it('throws on impossible stars in a counted row only', () => {
    expect(() => summarizeReviews([review(6)])).toThrow(RangeError);
    expect(() => summarizeReviews([review(4.5)])).toThrow(RangeError);
    expect(() => summarizeReviews([review(4, { dimensions: { skill: 0 } })])).toThrow(RangeError);
    expect(() => summarizeReviews([review(0, { isDefault: true })])).not.toThrow();
  });

  it('equals its recomputation from the rows, whatever their order (property)', () => {
    const row = fc.record({
      stars: fc.integer({ min: 1, max: 5 }),
      isDefault: fc.boolean(),
      visibility: fc.constantFrom('visible', 'hidden', 'removed' as const),
      dimensions: fc.record({ attitude: fc.option(fc.integer({ min: 1, max: 5 })), skill: fc.integer({ min: 1, max: 5 }) }, { requiredKeys: [] }),
    }) as fc.Arbitrary<WorkerReviewRow>;
    fc.assert(fc.property(fc.array(row, { maxLength: 80 }), (rows) => {
      const s = summarizeReviews(rows);
      const counted = rows.filter((r) => r.visibility === 'visible' && !r.isDefault);
      expect(s.ratedCount).toBe(counted.length);
      expect(s.ratedCount + s.defaultCount + s.hiddenCount).toBe(rows.length);
      expect(Object.values(s.histogram).reduce((a, b) => a + b, 0)).toBe(counted.length);
      for (const stars of [1, 2, 3, 4, 5] as const) expect(s.histogram[stars]).toBe(counted.filter((r) => r.stars === stars).length);
      const sum = counted.reduce((a, r) => a + r.stars, 0);
      if (counted.length) expect(Math.abs((s.average as number) - sum / counted.length)).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(s.rating).toBe(smoothedRating(sum, counted.length));
      const attitudes = counted.map((r) => r.dimensions?.attitude).filter((v): v is number => typeof v === 'number');
      expect(s.dimensions.attitude.count).toBe(attitudes.length);
      expect(summarizeReviews([...rows].reverse())).toEqual(s);
    }));
  });
});

describe('on-time rate', () => {
  it('counts a check-in up to the grace after the start as on time, early too', () => {
    expect(isOnTime(T0, minutes(-30))).toBe(true);
    expect(isOnTime(T0, minutes(10))).toBe(true);
    expect(isOnTime(T0, new Date(minutes(10).getTime() + 1))).toBe(false);
    expect(isOnTime(T0, minutes(5), 0)).toBe(false);
  });

  it('rates only orders with a check-in and counts the rest apart', () => {
    const rows = [
      order({ checkedInAt: minutes(-5) }),
      order({ checkedInAt: minutes(9) }),
      order({ checkedInAt: minutes(25) }),
      order({ checkedInAt: null, outcome: 'customer_cancelled' }),
    ];
    expect(onTimeRate(rows)).toEqual({ checkedIn: 3, onTime: 2, late: 1, withoutCheckIn: 1, rateBp: 6667 });
    expect(onTimeRate(rows, 30).rateBp).toBe(10_000);
    expect(onTimeRate([]).rateBp).toBeNull();
    expect(() => onTimeRate(rows, -1)).toThrow(RangeError);
  });

  it('never falls when the grace grows (property)', () => {
    const rows = fc.array(fc.option(fc.integer({ min: -120, max: 240 }), { nil: null }).map((m) => order({ checkedInAt: m === null ? null : minutes(m) })), { maxLength: 50 });
    fc.assert(fc.property(rows, fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), (os, a, b) => {
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      expect(onTimeRate(os, hi).onTime).toBeGreaterThanOrEqual(onTimeRate(os, lo).onTime);
    }));
  });
});

describe('completion, complaint, repeat-customer and QA rates', () => {
  it('completion: completed over completed + worker failures; customer cancellations and open orders left out', () => {
    const rows = [order(), order(), order(), order({ outcome: 'worker_failed' }), order({ outcome: 'customer_cancelled' }), order({ outcome: 'open' })];
    expect(completionRate(rows)).toEqual({ completed: 3, failed: 1, rateBp: 7500 });
    expect(completionRate([order({ outcome: 'open' })]).rateBp).toBeNull();
  });

  it('complaint: completed orders with an open or upheld complaint, each order once', () => {
    const a = order();
    const b = order();
    const c = order();
    const d = order();
    const failed = order({ outcome: 'worker_failed' });
    const complaints = [
      { orderId: a.orderId, status: 'upheld' as const },
      { orderId: a.orderId, status: 'open' as const },
      { orderId: b.orderId, status: 'dismissed' as const },
      { orderId: c.orderId, status: 'open' as const },
      { orderId: failed.orderId, status: 'upheld' as const },
      { orderId: 'unknown', status: 'upheld' as const },
    ];
    expect(complaintRate([a, b, c, d, failed], complaints)).toEqual({ complainedOrders: 2, completed: 4, rateBp: 5000 });
    expect(complaintRate([], complaints).rateBp).toBeNull();
  });

  it('repeat customers: share of customers with two or more completed orders', () => {
    const rows = [
      order({ customerId: 'a' }), order({ customerId: 'a' }),
      order({ customerId: 'b' }), order({ customerId: 'b', outcome: 'customer_cancelled' }),
      order({ customerId: 'c' }), order({ customerId: 'c' }), order({ customerId: 'c' }),
      order({ customerId: 'd', outcome: 'worker_failed' }),
    ];
    expect(repeatCustomerRate(rows)).toEqual({ customers: 3, repeatCustomers: 2, rateBp: 6667 });
    expect(repeatCustomerRate([]).rateBp).toBeNull();
  });

  it('QA pass rate over recorded samples, pending ones apart', () => {
    expect(qaPassRate([{ result: 'pass' }, { result: 'pass' }, { result: 'pass' }, { result: 'issue' }, { result: 'pending' }])).toEqual({ recorded: 4, passed: 3, pending: 1, rateBp: 7500 });
    expect(qaPassRate([{ result: 'pending' }]).rateBp).toBeNull();
  });

  it('workerReputation puts the figures together with the options passed', () => {
    const orders = [order({ checkedInAt: minutes(12) }), order()];
    const rep = workerReputation({ reviews: [review(5)], orders, complaints: [], qaSamples: [{ result: 'pass' }] }, { prior: { mean: 4, weight: 1 }, onTimeGraceMinutes: 15 });
    expect(rep.reviews.rating).toBe(4.5);
    expect(rep.onTime.rateBp).toBe(10_000);
    expect(rep.completion.rateBp).toBe(10_000);
    expect(rep.complaints.rateBp).toBe(0);
    expect(rep.repeatCustomers).toEqual({ customers: 1, repeatCustomers: 1, rateBp: 10_000 });
    expect(rep.qa.rateBp).toBe(10_000);
    expect(workerReputation({ reviews: [], orders, complaints: [], qaSamples: [] }).onTime.rateBp).toBe(5000);
  });

  it('rates stay within 0–10 000 whatever the rows (property)', () => {
    const row = fc.record({
      customerId: fc.constantFrom('a', 'b', 'c', 'd'),
      outcome: fc.constantFrom('completed', 'worker_failed', 'customer_cancelled', 'open' as const),
      late: fc.option(fc.integer({ min: -60, max: 60 }), { nil: null }),
    }).map((r) => order({ customerId: r.customerId, outcome: r.outcome, checkedInAt: r.late === null ? null : minutes(r.late) }));
    fc.assert(fc.property(fc.array(row, { maxLength: 40 }), fc.array(fc.constantFrom('open', 'upheld', 'dismissed' as const), { maxLength: 40 }), (orders, statuses) => {
      const complaints = statuses.map((status, i) => ({ orderId: orders[i % Math.max(orders.length, 1)]?.orderId ?? 'x', status }));
      const rep = workerReputation({ reviews: [], orders, complaints, qaSamples: [] });
      for (const bp of [rep.onTime.rateBp, rep.completion.rateBp, rep.complaints.rateBp, rep.repeatCustomers.rateBp]) {
        if (bp !== null) {
          expect(Number.isInteger(bp)).toBe(true);
          expect(bp).toBeGreaterThanOrEqual(0);
          expect(bp).toBeLessThanOrEqual(10_000);
        }
      }
    }));
  });
});

describe('customerAggregate (the worker view of a customer)', () => {
  const rating = (cooperation: number, communication: number, safety: number, accuracy: number, visibility: CustomerRatingRow['visibility'] = 'visible'): CustomerRatingRow => ({
    dimensions: { cooperation, communication, safety, accuracy },
    visibility,
  });

  it('shows nothing below the minimum count of visible ratings', () => {
    expect(customerAggregate([rating(5, 5, 5, 5), rating(4, 4, 4, 4)])).toBeNull();
    expect(customerAggregate([rating(5, 5, 5, 5), rating(4, 4, 4, 4), rating(1, 1, 1, 1, 'hidden')])).toBeNull();
    expect(customerAggregate([rating(5, 5, 5, 5)], 1)).not.toBeNull();
    expect(() => customerAggregate([], 0)).toThrow(RangeError);
  });

  it('averages each dimension and all of them together, 2 decimals', () => {
    const agg = customerAggregate([rating(5, 4, 3, 5), rating(4, 4, 5, 5), rating(5, 3, 4, 4), rating(1, 1, 1, 1, 'removed')]);
    expect(agg).toEqual({
      count: 3,
      overall: 4.25,
      dimensions: { cooperation: 4.67, communication: 3.67, safety: 4, accuracy: 4.67 },
    });
  });

  it('throws on an impossible rating', () => {
    expect(() => customerAggregate([rating(5, 5, 5, 5), rating(5, 5, 5, 5), rating(5, 0, 5, 5)])).toThrow(RangeError);
  });
});
