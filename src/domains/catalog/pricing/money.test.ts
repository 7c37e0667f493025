import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyBasisPoints,
  formatBasisPoints,
  formatFen,
  isFen,
  multiplyQuantity,
  parseYuan,
  roundDiv,
  sumFen,
  toMilli,
} from './money.js';

describe('roundDiv (half away from zero)', () => {
  it.each([
    [5n, 10n, 1n],
    [4n, 10n, 0n],
    [15n, 10n, 2n],
    [14n, 10n, 1n],
    [-5n, 10n, -1n],
    [-4n, 10n, 0n],
    [-15n, 10n, -2n],
    [0n, 7n, 0n],
    [20n, 10n, 2n],
  ])('%s / %s = %s', (n, d, q) => {
    expect(roundDiv(n, d)).toBe(q);
  });

  it('rejects a non-positive denominator', () => {
    expect(() => roundDiv(1n, 0n)).toThrow(RangeError);
  });
});

describe('applyBasisPoints', () => {
  it('rounds half up to the fen', () => {
    expect(applyBasisPoints(1999, 500)).toBe(100); // 99.95 → 100
    expect(applyBasisPoints(1990, 500)).toBe(100); // 99.5 → 100
    expect(applyBasisPoints(1989, 500)).toBe(99); // 99.45 → 99
    expect(applyBasisPoints(12000, 2000)).toBe(2400);
    expect(applyBasisPoints(1, 4999)).toBe(0);
    expect(applyBasisPoints(1, 5000)).toBe(1);
  });

  it('is symmetric for negatives (a discount mirrors a surcharge)', () => {
    expect(applyBasisPoints(1990, -500)).toBe(-100);
    expect(applyBasisPoints(-1990, 500)).toBe(-100);
    expect(applyBasisPoints(1989, -500)).toBe(-99);
  });

  it('is exact for amounts whose product exceeds 2^53', () => {
    expect(applyBasisPoints(9_000_000_000_000, 3333)).toBe(2_999_700_000_000);
  });

  it('stays an integer within half a fen of the exact value', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: -100_000, max: 100_000 }), (a, bp) => {
        const r = applyBasisPoints(a, bp);
        expect(Number.isSafeInteger(r)).toBe(true);
        const err = BigInt(a) * BigInt(bp) - BigInt(r) * 10_000n;
        expect((err < 0n ? -err : err) * 2n <= 10_000n).toBe(true);
        expect(applyBasisPoints(-a, bp)).toBe(-r || 0);
      }),
    );
  });
});

describe('quantities', () => {
  it('toMilli accepts up to three decimals', () => {
    expect(toMilli(2.5)).toBe(2500);
    expect(toMilli(0.1)).toBe(100);
    expect(toMilli(1.005)).toBe(1005);
    expect(toMilli(120)).toBe(120000);
    expect(toMilli(1.0005)).toBeNull();
    expect(toMilli(Number.NaN)).toBeNull();
    expect(toMilli(Infinity)).toBeNull();
  });

  it('multiplyQuantity multiplies without float error', () => {
    expect(multiplyQuantity(5000, 2.5)).toBe(12500);
    expect(multiplyQuantity(1000, 120)).toBe(120000);
    expect(multiplyQuantity(333, 0.5)).toBe(167); // 166.5 → 167
    expect(multiplyQuantity(1999, 0.1)).toBe(200); // 199.9 → 200
    expect(() => multiplyQuantity(100, 0.0001)).toThrow(RangeError);
  });
});

describe('formatting and parsing', () => {
  it('formats fen as yuan', () => {
    expect(formatFen(1234)).toBe('¥12.34');
    expect(formatFen(5)).toBe('¥0.05');
    expect(formatFen(0)).toBe('¥0.00');
    expect(formatFen(-5)).toBe('-¥0.05');
    expect(formatFen(1_280_000)).toBe('¥12800.00');
    expect(formatFen(1234, '')).toBe('12.34');
  });

  it('formats basis points', () => {
    expect(formatBasisPoints(500)).toBe('5%');
    expect(formatBasisPoints(1250)).toBe('12.5%');
    expect(formatBasisPoints(1)).toBe('0.01%');
    expect(formatBasisPoints(-500)).toBe('-5%');
  });

  it('parses yuan strings without floats', () => {
    expect(parseYuan('12.34')).toBe(1234);
    expect(parseYuan('12.3')).toBe(1230);
    expect(parseYuan('50')).toBe(5000);
    expect(parseYuan(' 0.07 ')).toBe(7);
    expect(parseYuan('-0.05')).toBe(-5);
    expect(parseYuan('-0')).toBe(0);
    expect(parseYuan('1.234')).toBeNull();
    expect(parseYuan('1e3')).toBeNull();
    expect(parseYuan('')).toBeNull();
    expect(parseYuan('¥5')).toBeNull();
  });

  it('round-trips format and parse', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (fen) => {
        expect(parseYuan(formatFen(fen, ''))).toBe(fen);
      }),
    );
  });

  it('isFen and sumFen', () => {
    expect(isFen(1)).toBe(true);
    expect(isFen(-1)).toBe(true);
    expect(isFen(1.5)).toBe(false);
    expect(isFen('1')).toBe(false);
    expect(isFen(2 ** 53)).toBe(false);
    expect(sumFen([])).toBe(0);
    expect(sumFen([100, -30, 5])).toBe(75);
  });
});
