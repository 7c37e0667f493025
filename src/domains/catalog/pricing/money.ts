/**
 * Money helpers. Money is integer fen; no floating-point arithmetic is ever done on money.
 * Products (amount × basis points, amount × fractional quantity) are computed with BigInt and
 * divided with {@link roundDiv}: round half away from zero, so 0.5 fen → 1 fen and
 * -0.5 fen → -1 fen (a discount of x is exactly the negation of a surcharge of x).
 */
import type { BasisPoints, Fen } from './types.js';

/** 100 % in basis points. */
export const BP_ONE = 10_000;
/** Quantities (hours, m², units) are exact to 1/1000 of a unit. */
export const QUANTITY_SCALE = 1000;

/** True when `value` is a safe integer (a valid fen amount, possibly negative). */
export function isFen(value: unknown): value is Fen {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** Sum of fen amounts (plain integer addition, exact while within the safe-integer range). */
export function sumFen(amounts: readonly Fen[]): Fen {
  let total = 0;
  for (const a of amounts) total += a;
  return total;
}

/**
 * Integer division of `numerator / denominator` rounded half away from zero.
 * `denominator` must be positive.
 */
export function roundDiv(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError('denominator must be positive');
  const negative = numerator < 0n;
  const abs = negative ? -numerator : numerator;
  const q = (abs * 2n + denominator) / (denominator * 2n);
  return negative ? -q : q;
}

/**
 * `amountFen × bp / 10000`, rounded half away from zero to the fen.
 * Example: applyBasisPoints(1999, 500) = 100 (5 % of ¥19.99 = 99.95 分 → 100 分).
 */
export function applyBasisPoints(amountFen: Fen, bp: BasisPoints): Fen {
  return Number(roundDiv(BigInt(amountFen) * BigInt(bp), BigInt(BP_ONE)));
}

/**
 * Converts a quantity with at most three decimals into an integer count of thousandths
 * (2.5 → 2500). Returns null for non-finite numbers or finer precision (1.0005).
 */
export function toMilli(quantity: number): number | null {
  if (typeof quantity !== 'number' || !Number.isFinite(quantity)) return null;
  const scaled = quantity * QUANTITY_SCALE;
  const rounded = Math.round(scaled);
  if (Math.abs(scaled - rounded) > 1e-6 || !Number.isSafeInteger(rounded)) return null;
  return rounded;
}

/**
 * `unitPriceFen × quantity` for a quantity with at most three decimals, rounded half away from
 * zero to the fen. Example: 5000 分/h × 2.5 h = 12500 分.
 */
export function multiplyQuantity(unitPriceFen: Fen, quantity: number): Fen {
  const milli = toMilli(quantity);
  if (milli === null) throw new RangeError(`quantity has more than 3 decimals: ${quantity}`);
  return Number(roundDiv(BigInt(unitPriceFen) * BigInt(milli), BigInt(QUANTITY_SCALE)));
}

/** Formats fen as yuan: 1234 → "¥12.34", -5 → "-¥0.05". */
export function formatFen(fen: Fen, symbol = '¥'): string {
  const negative = fen < 0;
  const abs = BigInt(Math.abs(fen));
  const yuan = abs / 100n;
  const cents = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${symbol}${yuan}.${cents}`;
}

/** Formats basis points as a percentage: 500 → "5%", 1250 → "12.5%", -500 → "-5%". */
export function formatBasisPoints(bp: BasisPoints): string {
  const negative = bp < 0;
  const abs = Math.abs(bp);
  const whole = Math.floor(abs / 100);
  const frac = (abs % 100).toString().padStart(2, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${frac ? `.${frac}` : ''}%`;
}

/**
 * Parses a yuan amount written as text ("12", "12.3", "12.34", "-0.05") into fen without
 * floating point. Returns null for anything else (more than two decimals, exponents, blanks).
 */
export function parseYuan(text: string): Fen | null {
  const m = /^(-?)(\d{1,13})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] === '-' && fen !== 0 ? -fen : fen;
}
