import { describe, expect, it } from 'vitest';
import * as pricing from './index.js';
import { context, DEEP_CLEANING, SATURDAY_10AM } from './test-fixtures.js';

describe('public API (index.ts)', () => {
  it('exposes the engine end to end: quote → sign → store → verify → validity', () => {
    const r = pricing.computeQuote(
      DEEP_CLEANING,
      { itemCode: 'deep-cleaning', quantity: 120, scheduledStart: SATURDAY_10AM, options: { level: 'standard' } },
      context(),
    );
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(pricing.formatFen(r.quote.totalFen)).toBe('¥1320.00');
    const stored = JSON.parse(JSON.stringify({ ...r.quote, signature: pricing.signQuote(r.quote, 'k') }));
    expect(pricing.verifyQuote(stored, stored.signature, 'k')).toBe(true);
    expect(pricing.isQuoteValid(stored, '2025-06-09T02:10:00Z')).toBe(true);
    expect(pricing.isQuoteValid(stored, '2025-06-09T02:31:00Z')).toBe(false);
  });

  it('exports every documented function', () => {
    for (const name of [
      'computeQuote', 'priceOnSiteProposal', 'validateOptions', 'priceOptions', 'priceTimeSurcharges', 'matchTimeRules',
      'evaluateCoupon', 'applyCoupon', 'canonicalize', 'canonicalQuote', 'signQuote', 'verifyQuote', 'isQuoteValid',
      'isQuoteConsistent', 'validateServiceItem', 'validatePricingContext', 'applyBasisPoints', 'multiplyQuantity',
      'roundDiv', 'formatFen', 'parseYuan',
    ]) {
      expect(typeof (pricing as Record<string, unknown>)[name], name).toBe('function');
    }
  });
});
