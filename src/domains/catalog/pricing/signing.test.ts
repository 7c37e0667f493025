import { describe, expect, it } from 'vitest';
import { computeQuote } from './quote.js';
import { canonicalize, canonicalQuote, isQuoteConsistent, isQuoteValid, signQuote, verifyQuote } from './signing.js';
import { context, DAILY_CLEANING, TUESDAY_10AM } from './test-fixtures.js';
import type { Quote } from './types.js';

const SECRET = 'test-secret-不要在生产使用';

function quote(): Quote {
  const r = computeQuote(
    DAILY_CLEANING,
    { itemCode: 'daily-cleaning', quantity: 3, scheduledStart: TUESDAY_10AM, options: { pets: true, focusAreas: ['kitchen'] } },
    context(),
  );
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.quote;
}

describe('canonicalize', () => {
  it('sorts keys at every level and drops undefined members', () => {
    expect(canonicalize({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' }, u: undefined })).toBe(
      '{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}',
    );
    expect(canonicalize([undefined, null, true])).toBe('[null,null,true]');
    expect(canonicalize('引号"\n')).toBe('"引号\\"\\n"');
    expect(canonicalize(new Date('2025-06-09T02:00:00Z'))).toBe('"2025-06-09T02:00:00.000Z"');
  });

  it('does not depend on insertion order', () => {
    const q = quote();
    const reversed = Object.fromEntries(Object.entries(q).reverse()) as unknown as Quote;
    expect(canonicalQuote(reversed)).toBe(canonicalQuote(q));
    expect(JSON.parse(canonicalQuote(q))).toEqual(q);
  });

  it('rejects values JSON cannot carry exactly', () => {
    expect(() => canonicalize(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalize({ a: Infinity })).toThrow(TypeError);
    expect(() => canonicalize(1n)).toThrow(TypeError);
    expect(() => canonicalize(() => 1)).toThrow(TypeError);
  });
});

describe('signQuote / verifyQuote', () => {
  it('produces a stable hex HMAC-SHA256 that verifies', () => {
    const q = quote();
    const sig = signQuote(q, SECRET);
    expect(sig).toMatch(/^[0-9a-f]{64}$/);
    expect(signQuote(structuredClone(q), SECRET)).toBe(sig);
    expect(verifyQuote(q, sig, SECRET)).toBe(true);
    expect(verifyQuote(q, sig.toUpperCase(), SECRET)).toBe(true);
    expect(verifyQuote(q, sig, Buffer.from(SECRET))).toBe(true);
  });

  it('still verifies after a JSON round trip (as stored in the database)', () => {
    const q = quote();
    const sig = signQuote(q, SECRET);
    expect(verifyQuote(JSON.parse(JSON.stringify(q)) as Quote, sig, SECRET)).toBe(true);
  });

  it('ignores a stored top-level signature member', () => {
    const q = quote();
    const sig = signQuote(q, SECRET);
    expect(verifyQuote({ ...q, signature: sig } as Quote, sig, SECRET)).toBe(true);
  });

  it('detects tampering with a line, the total, the expiry or the options', () => {
    const q = quote();
    const sig = signQuote(q, SECRET);
    const tampered: ((x: Quote) => void)[] = [
      (x) => (x.totalFen -= 1),
      (x) => (x.lines[0].amountFen = 1),
      (x) => (x.lines[0].unitPriceFen = 1),
      (x) => x.lines.pop(),
      (x) => (x.lines[1].rule.id = 'x'),
      (x) => (x.expiresAt = '2030-01-01T00:00:00.000Z'),
      (x) => (x.options.pets = false),
      (x) => (x.itemCode = 'deep-cleaning'),
    ];
    for (const change of tampered) {
      const copy = structuredClone(q);
      change(copy);
      expect(verifyQuote(copy, sig, SECRET)).toBe(false);
    }
  });

  it('rejects a wrong secret or a malformed signature without throwing', () => {
    const q = quote();
    const sig = signQuote(q, SECRET);
    expect(verifyQuote(q, sig, 'other')).toBe(false);
    expect(verifyQuote(q, '', SECRET)).toBe(false);
    expect(verifyQuote(q, sig.slice(1), SECRET)).toBe(false);
    expect(verifyQuote(q, 'z'.repeat(64), SECRET)).toBe(false);
    expect(verifyQuote(q, sig, '')).toBe(false);
    expect(() => signQuote(q, '')).toThrow(TypeError);
  });
});

describe('isQuoteValid', () => {
  it('is valid from createdAt until just before expiresAt', () => {
    const q = quote();
    expect(isQuoteValid(q, q.createdAt)).toBe(true);
    expect(isQuoteValid(q, new Date('2025-06-09T02:29:59.999Z'))).toBe(true);
    expect(isQuoteValid(q, q.expiresAt)).toBe(false);
    expect(isQuoteValid(q, '2025-06-09T01:59:59Z')).toBe(false);
    expect(isQuoteValid(q, 'garbage')).toBe(false);
  });

  it('is invalid when the arithmetic does not add up', () => {
    const q = quote();
    expect(isQuoteConsistent(q)).toBe(true);
    const broken = structuredClone(q);
    broken.lines[0].amountFen += 1;
    expect(isQuoteConsistent(broken)).toBe(false);
    expect(isQuoteValid(broken, q.createdAt)).toBe(false);
    const fractional = structuredClone(q);
    fractional.lines[0].amountFen += 0.5;
    fractional.subtotalFen += 0.5;
    fractional.totalFen += 0.5;
    expect(isQuoteConsistent(fractional)).toBe(false);
  });
});
