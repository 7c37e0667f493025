import { describe, expect, it } from 'vitest';
import { priceCustomQuote } from './custom.js';
import { isQuoteConsistent } from './signing.js';
import { APPLIANCE_REPAIR, context, DAILY_CLEANING, SATURDAY_10AM, TUESDAY_10AM } from './test-fixtures.js';
import type { QuoteResult } from './types.js';

const LINES = [
  { kind: 'labour', description: '拆装衣柜人工', quantity: 3, unitPriceFen: 8000 },
  { kind: 'material', description: '五金配件', quantity: 1.5, unitPriceFen: 999 },
];
const errs = (r: QuoteResult) => (r.ok ? [] : r.errors.map((e) => [e.field, e.code]));

describe('priceCustomQuote (需求报价)', () => {
  it('prices the lines as they are: quantity × unit price rounded half away from zero, no surcharge, no multiplier', () => {
    const r = priceCustomQuote(APPLIANCE_REPAIR, { lines: LINES, durationMinutes: 150 }, SATURDAY_10AM, context({ city: { code: 'shanghai', multiplierBp: 12000 } }));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.quote).toMatchObject({ kind: 'custom', itemCode: 'appliance-repair', quantity: 1, durationMinutes: 150, subtotalFen: 24000 + 1499, discountFen: 0, totalFen: 25499 });
    expect(r.quote.lines.map((l) => [l.code, l.label.zh, l.amountFen])).toEqual([['ONSITE_ITEM', '拆装衣柜人工', 24000], ['ONSITE_ITEM', '五金配件', 1499]]);
    expect(r.quote.expiresAt <= new Date(SATURDAY_10AM).toISOString()).toBe(true);
    expect(isQuoteConsistent(r.quote)).toBe(true);
  });

  it('refuses a total under the item\'s reference minimum, naming it', () => {
    const r = priceCustomQuote(APPLIANCE_REPAIR, { lines: [{ kind: 'labour', description: '看一下', quantity: 1, unitPriceFen: 5000 }], durationMinutes: 30 }, TUESDAY_10AM, context());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ field: 'lines', code: 'BELOW_MINIMUM', message: { zh: '报价不能低于平台最低价 ¥80.00' } });
  });

  it('field errors for bad lines, durations and starts; nothing priced', () => {
    const bad = priceCustomQuote(DAILY_CLEANING, { lines: [{ kind: 'labour', description: '', quantity: 1, unitPriceFen: -1 }, { kind: 'bribe', description: 'x', quantity: 0, unitPriceFen: 100 }], durationMinutes: 45, extra: 1 }, TUESDAY_10AM, context());
    expect(errs(bad)).toEqual(expect.arrayContaining([
      ['lines.0.description', 'REQUIRED'], ['lines.0.unitPriceFen', 'OUT_OF_RANGE'], ['lines.1.kind', 'INVALID_CHOICE'], ['lines.1.quantity', 'OUT_OF_RANGE'],
      ['durationMinutes', 'INVALID_STEP'], ['extra', 'UNKNOWN_OPTION'],
    ]));
    expect(errs(priceCustomQuote(DAILY_CLEANING, { lines: [], durationMinutes: 900 }, TUESDAY_10AM, context()))).toEqual([['lines', 'REQUIRED'], ['durationMinutes', 'OUT_OF_RANGE']]);
    expect(errs(priceCustomQuote(DAILY_CLEANING, { lines: LINES, durationMinutes: 60 }, '2025-06-01T10:00:00+08:00', context()))).toEqual([['start', 'START_IN_PAST']]);
    expect(errs(priceCustomQuote(DAILY_CLEANING, { lines: Array.from({ length: 21 }, () => LINES[0]), durationMinutes: 60 }, TUESDAY_10AM, context()))).toEqual([['lines', 'OUT_OF_RANGE']]);
    expect(errs(priceCustomQuote(DAILY_CLEANING, null, TUESDAY_10AM, context()))).toEqual([['proposal', 'WRONG_TYPE']]);
  });
});
