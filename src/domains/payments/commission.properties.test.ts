/** Property tests (fast-check): settlement money always adds up; experience never costs a worker more. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commissionRate, selectCommissionRule, settleOrder, workerLevel, WORKER_LEVELS, type CommissionRule, type WorkerLevelCode } from './commission.js';

const bpArb = fc.integer({ min: 0, max: 10_000 });
const boundsArb = fc
  .record({ minFen: fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: undefined }), span: fc.option(fc.integer({ min: 0, max: 50_000 }), { nil: undefined }) })
  .map(({ minFen, span }) => ({
    ...(minFen !== undefined && { minFen }),
    ...(span !== undefined && { maxFen: (minFen ?? 0) + span }),
  }));

/** Valid tiers: start at 0, strictly increasing fromOrders, non-increasing bp. */
const tieredArb: fc.Arbitrary<CommissionRule> = fc
  .array(fc.record({ gap: fc.integer({ min: 1, max: 300 }), drop: fc.integer({ min: 0, max: 2000 }) }), { maxLength: 5 })
  .chain((steps) => fc.tuple(fc.constant(steps), bpArb, boundsArb))
  .map(([steps, first, bounds]) => {
    const tiers = [{ fromOrders: 0, bp: first }];
    for (const s of steps) {
      const prev = tiers[tiers.length - 1];
      tiers.push({ fromOrders: prev.fromOrders + s.gap, bp: Math.max(0, prev.bp - s.drop) });
    }
    return { id: 'tiered', kind: 'tiered_by_orders' as const, tiers, ...bounds };
  });

const levelsArb = fc.array(bpArb, { minLength: 4, maxLength: 4 }).map((bps) => {
  const sorted = [...bps].sort((a, b) => b - a);
  return Object.fromEntries(WORKER_LEVELS.map((l, i) => [l, sorted[i]])) as Record<WorkerLevelCode, number>;
});

const ruleArb: fc.Arbitrary<CommissionRule> = fc.oneof(
  fc.tuple(bpArb, boundsArb).map(([bp, bounds]) => ({ id: 'fixed', kind: 'fixed' as const, bp, ...bounds })),
  tieredArb,
  fc.tuple(levelsArb, boundsArb).map(([levels, bounds]) => ({ id: 'level', kind: 'by_level' as const, levels, ...bounds })),
);

describe('settleOrder properties', () => {
  it('integers ≥ 0, worker + commission = gross, escrow balances, premium never reaches the worker', () => {
    fc.assert(
      fc.property(
        ruleArb,
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.constantFrom(...WORKER_LEVELS),
        fc.integer({ min: 0, max: 100_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (rule, grossFen, completedOrdersBefore, level, insurancePremiumFen, couponShare) => {
          const couponFen = Math.floor(grossFen * couponShare);
          const s = settleOrder({ grossFen, rule, completedOrdersBefore, level, insurancePremiumFen, couponFen });
          for (const [k, v] of Object.entries(s)) {
            if (k === 'appliedRule') continue;
            expect(Number.isSafeInteger(v)).toBe(true);
            if (k !== 'platformFen') expect(v).toBeGreaterThanOrEqual(0);
          }
          expect(s.workerNetFen + s.commissionFen).toBe(grossFen);
          expect(s.customerPaidFen + s.promotionsFen).toBe(grossFen + insurancePremiumFen);
          expect(s.workerNetFen + s.platformFen + s.insuranceFen).toBe(s.customerPaidFen);
          expect(s.insuranceFen).toBe(insurancePremiumFen);
          // The premium and the coupon change nothing for the worker.
          expect(settleOrder({ grossFen, rule, completedOrdersBefore, level }).workerNetFen).toBe(s.workerNetFen);
          if (rule.maxFen !== undefined) expect(s.commissionFen).toBeLessThanOrEqual(rule.maxFen);
          if (rule.minFen !== undefined) expect(s.commissionFen).toBe(Math.min(Math.max(s.commissionFen, rule.minFen), grossFen));
          expect(s.appliedRule.id).toBe(rule.id);
          expect(s.appliedRule.reason.zh.length > 0 && s.appliedRule.reason.en.length > 0).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('more completed orders never raise the tiered rate or the commission', () => {
    fc.assert(
      fc.property(tieredArb, fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 10_000_000 }), (rule, n, extra, grossFen) => {
        expect(commissionRate(rule, n + extra).bp).toBeLessThanOrEqual(commissionRate(rule, n).bp);
        const a = settleOrder({ grossFen, rule, completedOrdersBefore: n });
        const b = settleOrder({ grossFen, rule, completedOrdersBefore: n + extra });
        expect(b.commissionFen).toBeLessThanOrEqual(a.commissionFen);
      }),
      { numRuns: 2000 },
    );
  });

  it('a higher level never pays a higher rate; commission grows with the gross', () => {
    fc.assert(
      fc.property(ruleArb, fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 1_000_000 }), (rule, i, j, gross, more) => {
        const [lo, hi] = [Math.min(i, j), Math.max(i, j)];
        const at = (rank: number, g: number) => settleOrder({ grossFen: g, rule, completedOrdersBefore: 10, level: WORKER_LEVELS[rank] }).commissionFen;
        expect(at(hi, gross)).toBeLessThanOrEqual(at(lo, gross));
        expect(at(lo, gross + more)).toBeGreaterThanOrEqual(at(lo, gross));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('workerLevel properties', () => {
  it('more orders, more ratings or a better average never lower the level', () => {
    const stats = fc.record({ completedOrders: fc.integer({ min: 0, max: 2000 }), ratingAvg: fc.integer({ min: 0, max: 500 }).map((c) => c / 100), ratingCount: fc.integer({ min: 0, max: 1000 }) });
    fc.assert(
      fc.property(stats, fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 500 }), (s, moreOrders, moreCenti, moreRatings) => {
        const better = { completedOrders: s.completedOrders + moreOrders, ratingAvg: Math.min(5, s.ratingAvg + moreCenti / 100), ratingCount: s.ratingCount + moreRatings };
        expect(workerLevel(better).rank).toBeGreaterThanOrEqual(workerLevel(s).rank);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('selectCommissionRule properties', () => {
  it('picks the most specific matching scope, whatever the order of the rules', () => {
    const codes = ['a', 'b'];
    fc.assert(
      fc.property(fc.subarray(['a|a', 'a|*', '*|a', 'b|b', 'b|*', '*|b', 'a|b']), fc.constantFrom(...codes), fc.constantFrom(...codes), fc.boolean(), (keys, category, city, reverse) => {
        const rules: CommissionRule[] = ['*|*', ...keys].map((key) => {
          const [c, t] = key.split('|');
          return { id: key, kind: 'fixed', bp: 1000, scope: { ...(c !== '*' && { categoryCode: c }), ...(t !== '*' && { cityCode: t }) } };
        });
        if (reverse) rules.reverse();
        const expected = [`${category}|${city}`, `${category}|*`, `*|${city}`, '*|*'].find((k) => k === '*|*' || keys.includes(k));
        expect(selectCommissionRule(rules, { categoryCode: category, cityCode: city }).id).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});
