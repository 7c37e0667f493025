import { describe, expect, it } from 'vitest';
import { priceOnSiteProposal } from './onsite.js';
import { computeQuote } from './quote.js';
import { isQuoteConsistent } from './signing.js';
import { APPLIANCE_REPAIR, context, DAILY_CLEANING, SHANGHAI, TUESDAY_10AM } from './test-fixtures.js';
import type { Coupon, Quote, QuoteResult } from './types.js';

function deposit(scheduledStart = TUESDAY_10AM): Quote {
  const r = computeQuote(APPLIANCE_REPAIR, { itemCode: 'appliance-repair', scheduledStart, options: { appliance: 'washer' } }, context());
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.quote;
}
function ok(r: QuoteResult): Quote {
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  expect(isQuoteConsistent(r.quote)).toBe(true);
  return r.quote;
}
function errs(r: QuoteResult): [string, string][] {
  if (r.ok) throw new Error('expected errors');
  return r.errors.map((e) => [e.field, e.code]);
}
// On site, Tuesday 10:20 Shanghai.
const onSite = (extra = {}) => context({ now: '2025-06-10T02:20:00Z', ...extra });
const LINES = [
  { kind: 'labour', description: '检修人工', quantity: 1, unitPriceFen: 8000 },
  { kind: 'parts', description: '更换排水泵', quantity: 1, unitPriceFen: 15000 },
  { kind: 'material', description: '密封胶', quantity: 0.5, unitPriceFen: 999 },
];

describe('priceOnSiteProposal (家电维修)', () => {
  it('prices the worker proposal and settles against the deposit', () => {
    const q = ok(priceOnSiteProposal(APPLIANCE_REPAIR, deposit(), { lines: LINES }, onSite()));
    expect(q.lines.map((l) => [l.code, l.rule.id, l.quantity, l.unitPriceFen, l.amountFen])).toEqual([
      ['ONSITE_ITEM', 'onsite.labour', 1, 8000, 8000],
      ['ONSITE_ITEM', 'onsite.parts', 1, 15000, 15000],
      ['ONSITE_ITEM', 'onsite.material', 0.5, 999, 500], // 499.5 → 500
    ]);
    expect(q).toMatchObject({
      kind: 'on_site_final',
      model: 'on_site_quote',
      totalFen: 23500,
      settlement: { depositPaidFen: 5000, balanceDueFen: 18500, refundDueFen: 0 },
      requiresCustomerAcceptance: true,
      options: { appliance: 'washer' },
      scheduledStart: '2025-06-10T02:00:00.000Z',
      createdAt: '2025-06-10T02:20:00.000Z',
      expiresAt: '2025-06-10T02:50:00.000Z',
    });
    expect(q.lines[1].label).toEqual({ zh: '更换排水泵', en: '更换排水泵' });
    expect(q.flags).toBeUndefined();
  });

  it('applies time surcharges of the booked slot and the coupon to the final price', () => {
    const coupon: Coupon = { id: 's1', code: 'MAN100JIAN10', kind: 'spend_threshold', thresholdFen: 10000, offFen: 1000, label: { zh: '满100减10', en: '¥10 off' } };
    const dep = deposit('2025-06-14T21:00:00+08:00'); // Saturday night, booked days ahead
    const q = ok(priceOnSiteProposal(APPLIANCE_REPAIR, dep, { lines: LINES.slice(0, 1) }, onSite({ now: '2025-06-14T13:10:00Z', coupon })));
    expect(q.lines.map((l) => [l.code, l.amountFen])).toEqual([
      ['ONSITE_ITEM', 8000],
      ['SURCHARGE_NIGHT', 1600],
      ['SURCHARGE_WEEKEND', 800],
      ['COUPON', -1000],
    ]);
    expect(q.totalFen).toBe(9400);
    expect(q.settlement).toEqual({ depositPaidFen: 5000, balanceDueFen: 4400, refundDueFen: 0 });
  });

  it('requires a reason outside the reference range and flags it', () => {
    const cheap = { lines: [{ kind: 'labour', description: '紧固螺丝', quantity: 1, unitPriceFen: 3000 }] };
    const r = priceOnSiteProposal(APPLIANCE_REPAIR, deposit(), cheap, onSite());
    expect(errs(r)).toEqual([['proposal.lines', 'OUT_OF_REFERENCE_RANGE']]);
    if (!r.ok) expect(r.errors[0].message.zh).toBe('报价超出参考价格范围（¥80.00 ~ ¥800.00），请填写原因');
    const q = ok(priceOnSiteProposal(APPLIANCE_REPAIR, deposit(), { ...cheap, outOfRangeReason: '小问题，仅紧固' }, onSite()));
    expect(q.flags).toEqual([{ code: 'OUT_OF_REFERENCE_RANGE', note: '小问题，仅紧固' }]);
    expect(q.settlement).toEqual({ depositPaidFen: 5000, balanceDueFen: 0, refundDueFen: 2000 });
    const dear = { lines: [{ kind: 'parts', description: '更换电机', quantity: 1, unitPriceFen: 90000 }] };
    expect(errs(priceOnSiteProposal(APPLIANCE_REPAIR, deposit(), dear, onSite()))).toEqual([['proposal.lines', 'OUT_OF_REFERENCE_RANGE']]);
  });

  it('accepts a zero-price line (e.g. a free inspection) inside a proposal', () => {
    const lines = [...LINES, { kind: 'other', description: '上门检测', quantity: 1, unitPriceFen: 0 }];
    expect(ok(priceOnSiteProposal(APPLIANCE_REPAIR, deposit(), { lines }, onSite())).totalFen).toBe(23500);
  });

  it('validates every proposal line field', () => {
    const r = priceOnSiteProposal(
      APPLIANCE_REPAIR,
      deposit(),
      {
        lines: [
          { kind: 'bribe', description: '', quantity: 0, unitPriceFen: -1 },
          { kind: 'parts', description: 'x'.repeat(101), quantity: 1.0001, unitPriceFen: 12.5 },
          'labour',
        ],
        outOfRangeReason: 7,
        tip: 100,
      },
      onSite(),
    );
    expect(errs(r)).toEqual([
      ['proposal.lines.0.kind', 'INVALID_CHOICE'],
      ['proposal.lines.0.description', 'REQUIRED'],
      ['proposal.lines.0.quantity', 'OUT_OF_RANGE'],
      ['proposal.lines.0.unitPriceFen', 'OUT_OF_RANGE'],
      ['proposal.lines.1.description', 'TOO_LONG'],
      ['proposal.lines.1.quantity', 'INVALID_STEP'],
      ['proposal.lines.1.unitPriceFen', 'WRONG_TYPE'],
      ['proposal.lines.2', 'WRONG_TYPE'],
      ['proposal.outOfRangeReason', 'WRONG_TYPE'],
      ['proposal.tip', 'UNKNOWN_OPTION'],
    ]);
  });

  it('rejects empty, oversized or malformed proposals', () => {
    expect(errs(priceOnSiteProposal(APPLIANCE_REPAIR, deposit(), { lines: [] }, onSite()))).toEqual([['proposal.lines', 'REQUIRED']]);
    expect(errs(priceOnSiteProposal(APPLIANCE_REPAIR, deposit(), {}, onSite()))).toEqual([['proposal.lines', 'REQUIRED']]);
    expect(errs(priceOnSiteProposal(APPLIANCE_REPAIR, deposit(), { lines: 'a' }, onSite()))).toEqual([['proposal.lines', 'WRONG_TYPE']]);
    const many = { lines: Array.from({ length: 51 }, () => LINES[0]) };
    expect(errs(priceOnSiteProposal(APPLIANCE_REPAIR, deposit(), many, onSite()))).toEqual([['proposal.lines', 'OUT_OF_RANGE']]);
    expect(errs(priceOnSiteProposal(APPLIANCE_REPAIR, deposit(), null, onSite()))).toEqual([['proposal', 'WRONG_TYPE']]);
  });

  it('only accepts a deposit quote of the same item and city', () => {
    const standard = computeQuote(DAILY_CLEANING, { itemCode: 'daily-cleaning', scheduledStart: TUESDAY_10AM }, context());
    if (!standard.ok) throw new Error();
    expect(errs(priceOnSiteProposal(APPLIANCE_REPAIR, standard.quote, { lines: LINES }, onSite()))).toEqual([['depositQuote', 'NOT_ALLOWED']]);
    expect(errs(priceOnSiteProposal(DAILY_CLEANING, deposit(), { lines: LINES }, onSite()))).toEqual([['depositQuote', 'NOT_ALLOWED']]);
    const other = { ...APPLIANCE_REPAIR, code: 'tv-repair' };
    expect(errs(priceOnSiteProposal(other, deposit(), { lines: LINES }, onSite()))).toEqual([['depositQuote.itemCode', 'ITEM_MISMATCH']]);
    expect(errs(priceOnSiteProposal(APPLIANCE_REPAIR, deposit(), { lines: LINES }, onSite({ city: { ...SHANGHAI, code: 'hangzhou' } })))).toEqual([
      ['depositQuote.cityCode', 'ITEM_MISMATCH'],
    ]);
  });
});
