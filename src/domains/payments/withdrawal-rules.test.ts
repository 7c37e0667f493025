import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WITHDRAWAL_RULES, validateWithdrawalRules, withdrawalFee, withdrawalQuote, type WithdrawalRules } from './withdrawal-rules.js';

const quote = (amountFen: number, availableFen = 10_000_000, withdrawnTodayFen = 0, rules?: WithdrawalRules) => withdrawalQuote({ amountFen, availableFen, withdrawnTodayFen, rules });

describe('withdrawalQuote', () => {
  it('charges 1 % with a ¥1 minimum, rounded half away from zero', () => {
    expect(quote(100_000)).toEqual({ ok: true, feeFen: 1000, netFen: 99_000, needsReview: false });
    expect(quote(1000)).toEqual({ ok: true, feeFen: 100, netFen: 900, needsReview: false }); // 1 % = 10 fen < ¥1
    expect(quote(12_350)).toMatchObject({ feeFen: 124, netFen: 12_226 }); // 123.5 → 124
    expect(withdrawalFee(12_349)).toBe(123);
  });

  it('refuses amounts that are not positive whole fen', () => {
    for (const amount of [0, -100, 10.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(quote(amount)).toMatchObject({ ok: false, code: 'INVALID_AMOUNT' });
    }
  });

  it('refuses less than ¥10 with a bilingual message', () => {
    expect(quote(999)).toEqual({ ok: false, code: 'BELOW_MINIMUM', message: { zh: '单笔提现金额不能低于 ¥10.00', en: 'The minimum withdrawal is ¥10.00' } });
  });

  it('refuses more than the available balance', () => {
    expect(quote(5001, 5000)).toMatchObject({ ok: false, code: 'ABOVE_AVAILABLE', message: { zh: '可提现余额不足，当前可提现 ¥50.00' } });
    expect(quote(5000, 5000).ok).toBe(true);
  });

  it('keeps the day within ¥20 000 and says what is left', () => {
    expect(quote(500_000, 10_000_000, 1_500_000).ok).toBe(true);
    const r = quote(500_001, 10_000_000, 1_500_000);
    expect(r).toMatchObject({ ok: false, code: 'DAILY_LIMIT' });
    if (!r.ok) expect(r.message.en).toBe('Over the daily limit of ¥20000.00; ¥5000.00 can still be withdrawn today');
  });

  it('needs review once the day passes ¥5 000, also when split into smaller withdrawals', () => {
    expect(quote(500_000).ok && quote(500_000)).toMatchObject({ needsReview: false });
    expect(quote(500_001)).toMatchObject({ ok: true, needsReview: true });
    expect(quote(200_000, 10_000_000, 400_000)).toMatchObject({ ok: true, needsReview: true });
  });

  it('refuses an amount the fee would eat', () => {
    const rules = { ...DEFAULT_WITHDRAWAL_RULES, feeBp: 9999, minFeeFen: 0, minAmountFen: 1 };
    expect(quote(1000, 10_000, 0, rules)).toMatchObject({ ok: false, code: 'INVALID_AMOUNT', message: { en: 'The amount does not cover the fee' } });
  });

  it('throws on invalid balances and rules (caller bugs, not user input)', () => {
    expect(() => quote(1000, -1)).toThrow(RangeError);
    expect(() => quote(1000, 5000, 0.5)).toThrow(RangeError);
    const bad: Partial<WithdrawalRules>[] = [{ feeBp: 10_000 }, { feeBp: -1 }, { feeBp: 1.5 }, { minFeeFen: 1000 }, { minAmountFen: 0, minFeeFen: 0 }, { dailyLimitFen: 999 }, { reviewAboveFen: -1 }];
    for (const patch of bad) expect(() => validateWithdrawalRules({ ...DEFAULT_WITHDRAWAL_RULES, ...patch }), JSON.stringify(patch)).toThrow(RangeError);
  });

  it('property: an accepted quote respects every rule and adds up', () => {
    const rulesArb: fc.Arbitrary<WithdrawalRules> = fc
      .record({ feeBp: fc.integer({ min: 0, max: 9999 }), minFeeFen: fc.integer({ min: 0, max: 1000 }), extra: fc.integer({ min: 1, max: 5000 }), daily: fc.integer({ min: 0, max: 5_000_000 }), reviewAboveFen: fc.integer({ min: 0, max: 1_000_000 }) })
      .map(({ feeBp, minFeeFen, extra, daily, reviewAboveFen }) => ({ feeBp, minFeeFen, minAmountFen: minFeeFen + extra, dailyLimitFen: minFeeFen + extra + daily, reviewAboveFen }));
    fc.assert(
      fc.property(fc.integer({ min: -10, max: 6_000_000 }), fc.integer({ min: 0, max: 6_000_000 }), fc.integer({ min: 0, max: 6_000_000 }), rulesArb, (amountFen, availableFen, withdrawnTodayFen, rules) => {
        const r = withdrawalQuote({ amountFen, availableFen, withdrawnTodayFen, rules });
        if (!r.ok) {
          expect(r.message.zh.length > 0 && r.message.en.length > 0).toBe(true);
          return;
        }
        expect(Number.isSafeInteger(r.feeFen) && Number.isSafeInteger(r.netFen)).toBe(true);
        expect(r.feeFen + r.netFen).toBe(amountFen);
        expect(r.netFen).toBeGreaterThan(0);
        expect(r.feeFen).toBeGreaterThanOrEqual(rules.minFeeFen);
        expect(amountFen).toBeGreaterThanOrEqual(rules.minAmountFen);
        expect(amountFen).toBeLessThanOrEqual(availableFen);
        expect(withdrawnTodayFen + amountFen).toBeLessThanOrEqual(rules.dailyLimitFen);
        expect(r.needsReview).toBe(withdrawnTodayFen + amountFen > rules.reviewAboveFen);
      }),
      { numRuns: 3000 },
    );
  });
});
