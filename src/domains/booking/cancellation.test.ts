import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cancellationFee, DEFAULT_CANCELLATION_POLICY, type CancellationPolicy } from './cancellation.js';
import type { OrderState } from './order-states.js';

const START = Date.parse('2025-06-12T02:00:00.000Z');
const before = (hours: number) => new Date(START - hours * 3_600_000);
const base = { scheduledStart: new Date(START), priceFen: 19_999 };

describe('cancellationFee', () => {
  it('is free from created, and while 24 h or more remain', () => {
    expect(cancellationFee({ ...base, state: 'created', now: before(1) })).toEqual({ feeFen: 0, workerCompensationFen: 0, platformFen: 0, refundFen: 19_999 });
    expect(cancellationFee({ ...base, state: 'assigned', now: before(24) }).feeFen).toBe(0);
    expect(cancellationFee({ ...base, state: 'assigned', now: before(100) }).feeFen).toBe(0);
  });

  it('charges 20 % within 24 h and 50 % within 2 h, split 70/30 with the assigned worker', () => {
    // 20 % of 199.99 = 39.998 → 4000 fen; 70 % of 4000 = 2800.
    expect(cancellationFee({ ...base, state: 'assigned', now: before(23.99) })).toEqual({ feeFen: 4000, workerCompensationFen: 2800, platformFen: 1200, refundFen: 15_999 });
    expect(cancellationFee({ ...base, state: 'assigned', now: before(2) }).feeFen).toBe(4000);
    // 50 % of 19 999 = 9 999.5 → 10 000 (half away from zero).
    expect(cancellationFee({ ...base, state: 'on_the_way', now: before(1.99) })).toEqual({ feeFen: 10_000, workerCompensationFen: 7000, platformFen: 3000, refundFen: 9999 });
    expect(cancellationFee({ ...base, state: 'on_the_way', now: before(-1) }).feeFen).toBe(10_000);
  });

  it('gives no worker share before a worker is assigned, and can waive the fee then', () => {
    expect(cancellationFee({ ...base, state: 'paid', now: before(1) })).toEqual({ feeFen: 10_000, workerCompensationFen: 0, platformFen: 10_000, refundFen: 9999 });
    const policy = { ...DEFAULT_CANCELLATION_POLICY, chargeWhenUnassigned: false };
    expect(cancellationFee({ ...base, state: 'paid', now: before(1), policy }).feeFen).toBe(0);
  });

  it('refunds in full on a worker no-show or a platform cause', () => {
    expect(cancellationFee({ ...base, state: 'on_the_way', now: before(-1), cause: 'worker_no_show' })).toEqual({ feeFen: 0, workerCompensationFen: 0, platformFen: 0, refundFen: 19_999 });
    expect(cancellationFee({ ...base, state: 'assigned', now: before(1), cause: 'platform' }).refundFen).toBe(19_999);
  });

  it('rejects states that cannot be cancelled and bad input', () => {
    expect(() => cancellationFee({ ...base, state: 'completed', now: before(1) })).toThrow(RangeError);
    expect(() => cancellationFee({ ...base, state: 'paid', now: before(1), priceFen: 1.5 })).toThrow(RangeError);
    expect(() => cancellationFee({ ...base, state: 'paid', now: 'soon' })).toThrow(RangeError);
    const bad = { ...DEFAULT_CANCELLATION_POLICY, tiers: [{ withinHours: 2, feeBp: 12_000 }] };
    expect(() => cancellationFee({ ...base, state: 'paid', now: before(1), policy: bad })).toThrow(RangeError);
  });

  it('property: money always adds up and is never negative', () => {
    const policyArb: fc.Arbitrary<CancellationPolicy> = fc.record({
      freeUntilHoursBefore: fc.integer({ min: 0, max: 72 }),
      tiers: fc.array(fc.record({ withinHours: fc.integer({ min: 0, max: 72 }), feeBp: fc.integer({ min: 0, max: 10_000 }) }), { maxLength: 4 }),
      workerShareBp: fc.integer({ min: 0, max: 10_000 }),
      chargeWhenUnassigned: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.constantFrom<OrderState>('created', 'paid', 'assigned', 'on_the_way'),
        fc.integer({ min: 0, max: 50_000_000 }),
        fc.integer({ min: -100 * 60, max: 100 * 60 }),
        policyArb,
        fc.constantFrom('customer' as const, 'worker_no_show' as const, 'platform' as const),
        (state, priceFen, minutesBefore, policy, cause) => {
          const r = cancellationFee({ state, priceFen, scheduledStart: new Date(START), now: new Date(START - minutesBefore * 60_000), policy, cause });
          for (const v of Object.values(r)) expect(Number.isSafeInteger(v) && v >= 0).toBe(true);
          expect(r.refundFen + r.feeFen).toBe(priceFen);
          expect(r.workerCompensationFen + r.platformFen).toBe(r.feeFen);
          if (cause !== 'customer' || state === 'created') expect(r.refundFen).toBe(priceFen);
          if (state !== 'assigned' && state !== 'on_the_way') expect(r.workerCompensationFen).toBe(0);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
