/** Canonical serialisation, HMAC-SHA256 signing and validity checks of quotes. */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { isFen, sumFen } from './money.js';
import type { Quote } from './types.js';

/**
 * Deterministic JSON: object keys sorted by UTF-16 code unit order at every level, no
 * whitespace, `undefined` object members dropped (as JSON.stringify does), Dates as ISO strings.
 * Throws TypeError on values JSON cannot represent exactly (NaN, Infinity, bigint, functions),
 * which never occur in a quote produced by this module.
 */
export function canonicalize(value: unknown): string {
  if (value === null) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`cannot canonicalize ${value}`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) {
        return `[${value.map((v) => (v === undefined ? 'null' : canonicalize(v))).join(',')}]`;
      }
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj)
        .filter((k) => obj[k] !== undefined)
        .sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalize(obj[k])}`).join(',')}}`;
    }
    default:
      throw new TypeError(`cannot canonicalize a ${typeof value}`);
  }
}

/**
 * Canonical serialisation of a quote, the exact bytes that are signed. A top-level `signature`
 * member (when the quote is stored together with its signature) is not part of it.
 */
export function canonicalQuote(quote: Quote): string {
  const { signature: _ignored, ...rest } = quote as Quote & { signature?: unknown };
  return canonicalize(rest);
}

/** HMAC-SHA256 of the canonical quote, as 64 lowercase hex characters. */
export function signQuote(quote: Quote, secret: string | Buffer): string {
  if (secret.length === 0) throw new TypeError('quote signing secret must not be empty');
  return createHmac('sha256', secret).update(canonicalQuote(quote), 'utf8').digest('hex');
}

/**
 * True when `signature` is the HMAC of this exact quote under `secret` (constant-time compare).
 * Any change to any field, line or total gives false; so does a malformed signature.
 */
export function verifyQuote(quote: Quote, signature: string, secret: string | Buffer): boolean {
  if (typeof signature !== 'string' || !/^[0-9a-f]{64}$/i.test(signature)) return false;
  let expected: string;
  try {
    expected = signQuote(quote, secret);
  } catch {
    return false;
  }
  return timingSafeEqual(Buffer.from(expected, 'hex'), Buffer.from(signature.toLowerCase(), 'hex'));
}

/**
 * True when the quote's arithmetic is self-consistent: integer amounts, each line's amount
 * non-fractional, subtotal = sum of non-coupon lines, discount = -COUPON, total = sum of all lines,
 * total >= 0.
 */
export function isQuoteConsistent(quote: Quote): boolean {
  if (!Array.isArray(quote.lines)) return false;
  for (const l of quote.lines) {
    if (!isFen(l.amountFen) || !isFen(l.unitPriceFen)) return false;
  }
  const coupon = quote.lines.filter((l) => l.code === 'COUPON');
  const others = quote.lines.filter((l) => l.code !== 'COUPON');
  return (
    coupon.length <= 1 &&
    quote.subtotalFen === sumFen(others.map((l) => l.amountFen)) &&
    quote.discountFen === -sumFen(coupon.map((l) => l.amountFen)) &&
    quote.totalFen === sumFen(quote.lines.map((l) => l.amountFen)) &&
    quote.totalFen >= 0
  );
}

/**
 * True when the quote may still be used at `now`: createdAt <= now < expiresAt and the quote is
 * {@link isQuoteConsistent}. Authenticity is checked separately with {@link verifyQuote}.
 */
export function isQuoteValid(quote: Quote, now: Date | string): boolean {
  const t = (now instanceof Date ? now : new Date(now)).getTime();
  const created = new Date(quote.createdAt).getTime();
  const expires = new Date(quote.expiresAt).getTime();
  if (![t, created, expires].every(Number.isFinite)) return false;
  return created <= t && t < expires && isQuoteConsistent(quote);
}
