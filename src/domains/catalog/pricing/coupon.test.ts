import { describe, expect, it } from 'vitest';
import { applyCoupon, describeCoupon, evaluateCoupon, MIN_PAYABLE_FEN } from './coupon.js';
import type { Coupon } from './types.js';

const label = { zh: '优惠券', en: 'Coupon' };
const SPEND: Coupon = { id: 'c1', code: 'MAN200JIAN30', kind: 'spend_threshold', thresholdFen: 20000, offFen: 3000, label };
const PERCENT: Coupon = { id: 'c2', code: 'BAZHE', kind: 'percent_off', offBp: 2000, capFen: 5000, label };
const NEWBIE: Coupon = { id: 'c3', code: 'XINREN', kind: 'new_customer', offFen: 2000, label };
const now = new Date('2025-06-09T02:00:00Z');
const input = (subtotalFen: number, extra: Partial<Parameters<typeof evaluateCoupon>[1]> = {}) => ({
  itemCode: 'daily-cleaning',
  subtotalFen,
  now,
  isFirstOrder: false,
  ...extra,
});

describe('满减 spend threshold', () => {
  it('applies at and above the threshold', () => {
    expect(evaluateCoupon(SPEND, input(20000))).toEqual({ applicable: true, discountFen: 3000 });
    expect(evaluateCoupon(SPEND, input(19999))).toEqual({ applicable: false, reason: 'THRESHOLD_NOT_MET' });
  });

  it('never takes the total below the minimum payable', () => {
    const big: Coupon = { ...SPEND, thresholdFen: 0, offFen: 99999 };
    expect(evaluateCoupon(big, input(5000))).toEqual({ applicable: true, discountFen: 5000 - MIN_PAYABLE_FEN });
    expect(evaluateCoupon(big, input(1))).toEqual({ applicable: false, reason: 'NOTHING_TO_DISCOUNT' });
    expect(evaluateCoupon(big, input(0))).toEqual({ applicable: false, reason: 'NOTHING_TO_DISCOUNT' });
  });
});

describe('折扣 percent off', () => {
  it('takes the percentage, rounded half up, up to the cap', () => {
    expect(evaluateCoupon(PERCENT, input(10000))).toEqual({ applicable: true, discountFen: 2000 });
    expect(evaluateCoupon(PERCENT, input(10003))).toEqual({ applicable: true, discountFen: 2001 }); // 2000.6
    expect(evaluateCoupon(PERCENT, input(100000))).toEqual({ applicable: true, discountFen: 5000 });
  });

  it('respects the minimum spend and works without a cap', () => {
    const c: Coupon = { ...PERCENT, capFen: undefined, minSpendFen: 5000 };
    expect(evaluateCoupon(c, input(4999))).toMatchObject({ reason: 'THRESHOLD_NOT_MET' });
    expect(evaluateCoupon(c, input(1_000_000))).toEqual({ applicable: true, discountFen: 200_000 });
  });

  it('a 100 % coupon still leaves 1 fen to pay', () => {
    const all: Coupon = { ...PERCENT, offBp: 10000, capFen: undefined };
    expect(evaluateCoupon(all, input(12345))).toEqual({ applicable: true, discountFen: 12344 });
  });
});

describe('新人券 first order', () => {
  it('applies only to a first order', () => {
    expect(evaluateCoupon(NEWBIE, input(10000, { isFirstOrder: true }))).toEqual({ applicable: true, discountFen: 2000 });
    expect(evaluateCoupon(NEWBIE, input(10000))).toEqual({ applicable: false, reason: 'NOT_FIRST_ORDER' });
  });
});

describe('validity and eligibility', () => {
  it('checks the validity window (validUntil exclusive)', () => {
    const c: Coupon = { ...SPEND, validFrom: '2025-06-09T02:00:00Z', validUntil: '2025-06-10T00:00:00Z' };
    expect(evaluateCoupon(c, input(20000)).applicable).toBe(true);
    expect(evaluateCoupon(c, input(20000, { now: new Date('2025-06-09T01:59:59Z') }))).toMatchObject({ reason: 'NOT_YET_VALID' });
    expect(evaluateCoupon(c, input(20000, { now: new Date('2025-06-10T00:00:00Z') }))).toMatchObject({ reason: 'EXPIRED' });
  });

  it('checks eligible items', () => {
    const c: Coupon = { ...SPEND, itemCodes: ['ac-cleaning'] };
    expect(evaluateCoupon(c, input(20000))).toMatchObject({ reason: 'ITEM_NOT_ELIGIBLE' });
    expect(evaluateCoupon(c, input(20000, { itemCode: 'ac-cleaning' })).applicable).toBe(true);
  });
});

describe('applyCoupon and descriptions', () => {
  it('produces a negative COUPON line and an outcome', () => {
    const r = applyCoupon(SPEND, input(25000));
    expect(r.line).toMatchObject({ code: 'COUPON', quantity: 1, unitPriceFen: -3000, amountFen: -3000, rule: { id: 'coupon.c1' } });
    expect(r.outcome).toEqual({ id: 'c1', code: 'MAN200JIAN30', applied: true });
    expect(applyCoupon(SPEND, input(100))).toEqual({
      outcome: { id: 'c1', code: 'MAN200JIAN30', applied: false, reason: 'THRESHOLD_NOT_MET' },
    });
    expect(applyCoupon(undefined, input(100))).toEqual({});
  });

  it('describes each kind', () => {
    expect(describeCoupon(SPEND)).toEqual({ zh: '满 ¥200.00 减 ¥30.00', en: '¥30.00 off orders of ¥200.00 or more' });
    expect(describeCoupon(PERCENT)).toEqual({ zh: '优惠 20%，最多减 ¥50.00', en: '20% off, at most ¥50.00' });
    expect(describeCoupon(NEWBIE).zh).toBe('新人首单减 ¥20.00');
  });
});
