/** Property tests (fast-check) over randomly generated items, contexts and requests. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MIN_PAYABLE_FEN } from './coupon.js';
import { sumFen } from './money.js';
import { priceOnSiteProposal } from './onsite.js';
import { computeQuote } from './quote.js';
import { isQuoteConsistent, signQuote, verifyQuote } from './signing.js';
import { APPLIANCE_REPAIR, context, DAILY_CLEANING, TIME_RULES, TUESDAY_10AM } from './test-fixtures.js';
import type { Adjustment, Coupon, OptionDefinition, Quote, QuoteContext, ServiceItem, TimeRule } from './types.js';

const NOW = '2025-06-09T02:00:00.000Z';
const fenArb = fc.integer({ min: 0, max: 5_000_000 });
const adjustmentArb: fc.Arbitrary<Adjustment> = fc.oneof(
  fenArb.map((fen) => ({ type: 'fixed' as const, fen })),
  fc.integer({ min: 0, max: 20_000 }).map((bp) => ({ type: 'percent' as const, bp })),
);
const label = { zh: '标签', en: 'label' };

const modelArb: fc.Arbitrary<ServiceItem['model']> = fc.oneof(
  fc.record({ kind: fc.constant('fixed' as const), priceFen: fenArb, maxQuantity: fc.integer({ min: 1, max: 5 }) }),
  fc
    .record({ step: fc.constantFrom(0.5, 1, 0.25), minSteps: fc.integer({ min: 1, max: 8 }), extra: fc.integer({ min: 0, max: 20 }), price: fenArb })
    .map(({ step, minSteps, extra, price }) => ({
      kind: 'hourly' as const,
      pricePerHourFen: price,
      minHours: step * minSteps,
      maxHours: step * (minSteps + extra),
      stepHours: step,
    })),
  fc
    .record({ min: fc.integer({ min: 1, max: 50 }), extra: fc.integer({ min: 0, max: 500 }), price: fenArb })
    .map(({ min, extra, price }) => ({
      kind: 'per_unit' as const,
      unit: 'sqm' as const,
      unitPriceFen: price,
      minQuantity: min,
      maxQuantity: min + extra,
    })),
  fc.record({
    kind: fc.constant('package' as const),
    priceFen: fenArb,
    visits: fc.integer({ min: 1, max: 30 }),
    validDays: fc.integer({ min: 1, max: 90 }),
    maxQuantity: fc.integer({ min: 1, max: 3 }),
  }),
);

const optionsArb: fc.Arbitrary<OptionDefinition[]> = fc.tuple(adjustmentArb, adjustmentArb, adjustmentArb, fc.integer({ min: 0, max: 50_000 })).map(
  ([a, b, c, perUnit]) => [
    { key: 'level', kind: 'select', label, defaultValue: 'std', choices: [{ value: 'std', label }, { value: 'deep', label, surcharge: a }] },
    { key: 'areas', kind: 'multi_select', label, choices: [{ value: 'k', label, surcharge: b }, { value: 'w', label }] },
    { key: 'pets', kind: 'boolean', label, surcharge: c },
    { key: 'rooms', kind: 'integer', label, min: 1, max: 10, includedUnits: 2, perUnitFen: perUnit },
    { key: 'notes', kind: 'text', label, maxLength: 50 },
  ],
);
const optionValuesArb = fc.record(
  {
    level: fc.constantFrom('std', 'deep'),
    areas: fc.subarray(['k', 'w']),
    pets: fc.boolean(),
    rooms: fc.integer({ min: 1, max: 10 }),
    notes: fc.string({ maxLength: 50 }),
  },
  { requiredKeys: [] },
);

const couponArb: fc.Arbitrary<Coupon> = fc.oneof(
  fc.record({ kind: fc.constant('spend_threshold' as const), thresholdFen: fenArb, offFen: fenArb }),
  fc.record({ kind: fc.constant('percent_off' as const), offBp: fc.integer({ min: 0, max: 10_000 }), capFen: fc.option(fenArb, { nil: undefined }) }),
  fc.record({ kind: fc.constant('new_customer' as const), offFen: fenArb }),
).map((c) => ({ id: 'c', code: 'C', label, ...c }) as Coupon);

const timeRulesArb: fc.Arbitrary<TimeRule[]> = fc
  .tuple(adjustmentArb, adjustmentArb, adjustmentArb)
  .map(([n, w, u]) => [
    { ...TIME_RULES[0], adjustment: n },
    { ...TIME_RULES[1], adjustment: w },
    { ...TIME_RULES[2], adjustment: u },
  ] as TimeRule[]);

const scenarioArb = fc.record({
  model: modelArb,
  options: optionsArb,
  values: optionValuesArb,
  multiplierBp: fc.integer({ min: 5_000, max: 20_000 }),
  timeRules: timeRulesArb,
  // Start 1 minute to 30 days after now.
  startOffsetMin: fc.integer({ min: 1, max: 30 * 24 * 60 }),
  steps: fc.tuple(fc.nat({ max: 1000 }), fc.nat({ max: 1000 })),
  coupon: couponArb,
  firstOrder: fc.boolean(),
});
type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

function bounds(model: ServiceItem['model']): { min: number; step: number; count: number } {
  switch (model.kind) {
    case 'hourly':
      return { min: model.minHours, step: model.stepHours!, count: Math.round((model.maxHours! - model.minHours) / model.stepHours!) + 1 };
    case 'per_unit':
      return { min: model.minQuantity, step: 1, count: model.maxQuantity - model.minQuantity + 1 };
    default:
      return { min: 1, step: 1, count: (model as { maxQuantity?: number }).maxQuantity ?? 1 };
  }
}
function quantityAt(model: ServiceItem['model'], i: number): number {
  const b = bounds(model);
  return b.min + (i % b.count) * b.step;
}

function run(s: Scenario, quantity: number, withCoupon: boolean): Quote {
  const item: ServiceItem = { code: 'x', name: label, model: s.model, options: s.options };
  const ctx: QuoteContext = {
    now: NOW,
    city: { code: 'shanghai', multiplierBp: s.multiplierBp },
    timeRules: s.timeRules,
    coupon: withCoupon ? s.coupon : undefined,
    customer: { isFirstOrder: s.firstOrder },
  };
  const start = new Date(Date.parse(NOW) + s.startOffsetMin * 60_000).toISOString();
  const r = computeQuote(item, { itemCode: 'x', quantity, options: s.values, scheduledStart: start }, ctx);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.quote;
}

describe('quote properties', () => {
  it('totals equal the sum of lines, are integers and never negative', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const q = run(s, quantityAt(s.model, s.steps[0]), true);
        expect(q.totalFen).toBe(sumFen(q.lines.map((l) => l.amountFen)));
        expect(q.subtotalFen - q.discountFen).toBe(q.totalFen);
        for (const l of q.lines) expect(Number.isSafeInteger(l.amountFen)).toBe(true);
        expect(q.totalFen).toBeGreaterThanOrEqual(0);
        expect(isQuoteConsistent(q)).toBe(true);
      }),
    );
  });

  it('is monotone (non-decreasing) in quantity', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const [a, b] = [quantityAt(s.model, s.steps[0]), quantityAt(s.model, s.steps[1])];
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(run(s, lo, false).totalFen).toBeLessThanOrEqual(run(s, hi, false).totalFen);
        // With a coupon the pre-discount subtotal is still monotone (a 满减 threshold may make the total drop).
        expect(run(s, lo, true).subtotalFen).toBeLessThanOrEqual(run(s, hi, true).subtotalFen);
      }),
    );
  });

  it('a coupon never increases the price and leaves at least the minimum payable', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const qty = quantityAt(s.model, s.steps[0]);
        const without = run(s, qty, false);
        const withC = run(s, qty, true);
        expect(withC.totalFen).toBeLessThanOrEqual(without.totalFen);
        expect(withC.subtotalFen).toBe(without.subtotalFen);
        expect(withC.discountFen).toBeGreaterThanOrEqual(0);
        if (withC.coupon?.applied) expect(withC.totalFen).toBeGreaterThanOrEqual(MIN_PAYABLE_FEN);
        else expect(withC.totalFen).toBe(without.totalFen);
      }),
    );
  });

  it('a signature detects any single-field change', () => {
    type Leaf = { parent: Record<string, unknown> | unknown[]; key: string | number };
    const leaves = (node: unknown, out: Leaf[] = []): Leaf[] => {
      if (node && typeof node === 'object') {
        for (const [k, v] of Object.entries(node)) {
          const key = Array.isArray(node) ? Number(k) : k;
          if (v && typeof v === 'object') leaves(v, out);
          else out.push({ parent: node as Record<string, unknown>, key });
        }
      }
      return out;
    };
    fc.assert(
      fc.property(scenarioArb, fc.nat(), fc.string({ minLength: 1, maxLength: 3 }), (s, pick, suffix) => {
        const q = run(s, quantityAt(s.model, s.steps[0]), true);
        const sig = signQuote(q, 'secret');
        const copy = structuredClone(q);
        const all = leaves(copy);
        const { parent, key } = all[pick % all.length];
        const p = parent as Record<string | number, unknown>;
        const v = p[key];
        p[key] = typeof v === 'number' ? v + 1 : typeof v === 'boolean' ? !v : `${String(v)}${suffix}`;
        expect(verifyQuote(copy, sig, 'secret')).toBe(false);
        expect(verifyQuote(structuredClone(q), sig, 'secret')).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('robustness: never throws on user input', () => {
  it('computeQuote returns structured errors for arbitrary requests', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), (quantity, options, scheduledStart) => {
        const r = computeQuote(DAILY_CLEANING, { itemCode: 'daily-cleaning', quantity, options, scheduledStart }, context());
        if (!r.ok) {
          expect(r.errors.length).toBeGreaterThan(0);
          for (const e of r.errors) expect(typeof e.message.zh === 'string' && typeof e.message.en === 'string').toBe(true);
        } else expect(isQuoteConsistent(r.quote)).toBe(true);
      }),
    );
    fc.assert(
      fc.property(fc.anything(), (req) => {
        expect(typeof computeQuote(DAILY_CLEANING, req, context()).ok).toBe('boolean');
      }),
    );
  });

  it('priceOnSiteProposal returns structured errors for arbitrary proposals', () => {
    const dep = computeQuote(APPLIANCE_REPAIR, { itemCode: 'appliance-repair', scheduledStart: TUESDAY_10AM, options: { appliance: 'fridge' } }, context());
    if (!dep.ok) throw new Error();
    const lineArb = fc.record({
      kind: fc.oneof(fc.constantFrom('labour', 'parts', 'material', 'other'), fc.anything()),
      description: fc.oneof(fc.string({ maxLength: 120 }), fc.anything()),
      quantity: fc.oneof(fc.double(), fc.integer({ min: -5, max: 20 }), fc.anything()),
      unitPriceFen: fc.oneof(fc.integer({ min: -100, max: 100_000 }), fc.double(), fc.anything()),
    });
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.record({ lines: fc.array(lineArb, { maxLength: 5 }), outOfRangeReason: fc.anything() })), (proposal) => {
        const r = priceOnSiteProposal(APPLIANCE_REPAIR, dep.quote, proposal, context({ now: '2025-06-10T02:20:00Z' }));
        if (r.ok) {
          expect(isQuoteConsistent(r.quote)).toBe(true);
          expect(r.quote.lines.every((l) => l.amountFen >= 0 || l.code === 'COUPON')).toBe(true);
        } else expect(r.errors.length).toBeGreaterThan(0);
      }),
      // A kind that cannot be turned into a string (found by a PostgreSQL CI run's random seed -810189584).
      { examples: [[{ lines: [{ kind: { toString: null }, description: 0, quantity: false, unitPriceFen: [] }], outOfRangeReason: [] }]] },
    );
  });
});
