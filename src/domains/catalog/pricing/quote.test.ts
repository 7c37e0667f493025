import { describe, expect, it } from 'vitest';
import { computeQuote } from './quote.js';
import { isQuoteConsistent } from './signing.js';
import {
  AC_CLEANING,
  APPLIANCE_REPAIR,
  context,
  DAILY_CLEANING,
  DEEP_CLEANING,
  MATERNITY_NANNY,
  NOW,
  SATURDAY_10AM,
  SHANGHAI,
  TUESDAY_10AM,
} from './test-fixtures.js';
import type { Coupon, Quote, QuoteContext, QuoteResult, ServiceItem } from './types.js';

function ok(result: QuoteResult): Quote {
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  expect(isQuoteConsistent(result.quote)).toBe(true);
  return result.quote;
}
function errs(result: QuoteResult): [string, string][] {
  if (result.ok) throw new Error('expected errors');
  return result.errors.map((e) => [e.field, e.code]);
}
const summary = (q: Quote) => q.lines.map((l) => [l.code, l.rule.id, l.quantity, l.unitPriceFen, l.amountFen]);

const DRAIN: ServiceItem = {
  code: 'drain-unblock',
  name: { zh: '管道疏通', en: 'Drain unblocking' },
  model: { kind: 'fixed', priceFen: 12000, maxQuantity: 3 },
};

describe('日常保洁 hourly 50 元/h', () => {
  it('itemises base × hours and option surcharges', () => {
    const q = ok(
      computeQuote(
        DAILY_CLEANING,
        {
          itemCode: 'daily-cleaning',
          quantity: 2.5,
          scheduledStart: TUESDAY_10AM,
          options: { focusAreas: ['windows'], supplies: 'worker', pets: true, rooms: 3, allergies: '猫毛过敏' },
        },
        context(),
      ),
    );
    expect(summary(q)).toEqual([
      ['BASE', 'base.hourly', 2.5, 5000, 12500],
      ['OPTION', 'option.focusAreas.windows', 1, 4000, 4000],
      ['OPTION', 'option.supplies.worker', 1, 2000, 2000],
      ['OPTION', 'option.rooms', 1, 1000, 1000],
      ['OPTION', 'option.pets', 1, 1000, 1000],
    ]);
    expect(q).toMatchObject({
      version: 1,
      kind: 'standard',
      currency: 'CNY',
      itemCode: 'daily-cleaning',
      cityCode: 'shanghai',
      model: 'hourly',
      quantity: 2.5,
      subtotalFen: 20500,
      discountFen: 0,
      totalFen: 20500,
      scheduledStart: '2025-06-10T02:00:00.000Z',
      createdAt: NOW,
      expiresAt: '2025-06-09T02:30:00.000Z',
      referenceRange: { minFen: 10000, maxFen: 40000 },
    });
    expect(q.options).toEqual({ focusAreas: ['windows'], supplies: 'worker', rooms: 3, pets: true, allergies: '猫毛过敏' });
    expect(q.lines[0].label).toEqual({ zh: '日常保洁', en: 'Daily cleaning' });
    expect(q.lines[0].rule.description).toEqual({
      zh: '¥50.00/小时，最少 2 小时，按 0.5 小时计',
      en: '¥50.00 per hour, minimum 2 h, in steps of 0.5 h',
    });
  });

  it('defaults to the minimum hours', () => {
    const q = ok(computeQuote(DAILY_CLEANING, { itemCode: 'daily-cleaning', scheduledStart: TUESDAY_10AM }, context()));
    expect(q.quantity).toBe(2);
    expect(q.totalFen).toBe(10000);
  });

  it.each([
    [1.5, 'OUT_OF_RANGE'],
    [0, 'OUT_OF_RANGE'],
    [-2, 'OUT_OF_RANGE'],
    [9, 'OUT_OF_RANGE'],
    [1e12, 'OUT_OF_RANGE'],
    [2.25, 'INVALID_STEP'],
    [2.0001, 'INVALID_STEP'],
    ['3', 'WRONG_TYPE'],
    [Number.POSITIVE_INFINITY, 'WRONG_TYPE'],
  ])('rejects quantity %s with %s', (quantity, code) => {
    expect(errs(computeQuote(DAILY_CLEANING, { itemCode: 'daily-cleaning', quantity, scheduledStart: TUESDAY_10AM }, context()))).toEqual([
      ['quantity', code],
    ]);
  });

  it('adds night, weekend and urgent surcharges on the service subtotal', () => {
    // Saturday 2025-06-14 21:00 Shanghai, booked at 19:00 the same day.
    const q = ok(
      computeQuote(
        DAILY_CLEANING,
        { itemCode: 'daily-cleaning', quantity: 3, scheduledStart: '2025-06-14T21:00:00+08:00', options: { pets: true } },
        context({ now: '2025-06-14T11:00:00Z' }),
      ),
    );
    expect(summary(q)).toEqual([
      ['BASE', 'base.hourly', 3, 5000, 15000],
      ['OPTION', 'option.pets', 1, 1000, 1000],
      ['SURCHARGE_NIGHT', 'night', 1, 3200, 3200],
      ['SURCHARGE_WEEKEND', 'weekend', 1, 1600, 1600],
      ['SURCHARGE_URGENT', 'urgent', 1, 3000, 3000],
    ]);
    expect(q.totalFen).toBe(23800);
    // A quote never outlives the visit start, and here 30 min is earlier anyway.
    expect(q.expiresAt).toBe('2025-06-14T11:30:00.000Z');
  });

  it('expires at the start when the visit is sooner than the validity', () => {
    const q = ok(
      computeQuote(DAILY_CLEANING, { itemCode: 'daily-cleaning', scheduledStart: '2025-06-09T02:10:00Z' }, context()),
    );
    expect(q.expiresAt).toBe('2025-06-09T02:10:00.000Z');
    const longer = ok(
      computeQuote(DAILY_CLEANING, { itemCode: 'daily-cleaning', scheduledStart: TUESDAY_10AM }, context({ validityMinutes: 120 })),
    );
    expect(longer.expiresAt).toBe('2025-06-09T04:00:00.000Z');
  });
});

describe('深度保洁 per m² 10 元', () => {
  it('120 m², premium level (+30 %), windows, on a Saturday (+10 %)', () => {
    const q = ok(
      computeQuote(
        DEEP_CLEANING,
        { itemCode: 'deep-cleaning', quantity: 120, scheduledStart: SATURDAY_10AM, options: { level: 'premium', windows: true } },
        context(),
      ),
    );
    expect(summary(q)).toEqual([
      ['BASE', 'base.per_unit', 120, 1000, 120000],
      ['OPTION', 'option.level.premium', 1, 36000, 36000],
      ['OPTION', 'option.windows', 1, 8000, 8000],
      ['SURCHARGE_WEEKEND', 'weekend', 1, 16400, 16400],
    ]);
    expect(q.totalFen).toBe(180400);
    expect(q.lines[0].rule.description.zh).toBe('¥10.00/平方米，30–500 平方米');
  });

  it('requires an area and a level', () => {
    expect(errs(computeQuote(DEEP_CLEANING, { itemCode: 'deep-cleaning', scheduledStart: SATURDAY_10AM }, context()))).toEqual([
      ['quantity', 'REQUIRED'],
      ['options.level', 'REQUIRED'],
    ]);
    expect(
      errs(computeQuote(DEEP_CLEANING, { itemCode: 'deep-cleaning', quantity: 10000, scheduledStart: SATURDAY_10AM, options: { level: 'standard' } }, context())),
    ).toEqual([['quantity', 'OUT_OF_RANGE']]);
  });
});

describe('空调清洗 per appliance 100 元', () => {
  it('3 floor-standing units at 20:30 on a Tuesday (night +20 %)', () => {
    const q = ok(
      computeQuote(
        AC_CLEANING,
        { itemCode: 'ac-cleaning', quantity: 3, scheduledStart: '2025-06-10T20:30:00+08:00', options: { type: 'cabinet' } },
        context(),
      ),
    );
    expect(summary(q)).toEqual([
      ['BASE', 'base.per_unit', 3, 10000, 30000],
      ['OPTION', 'option.type.cabinet', 1, 5000, 5000],
      ['SURCHARGE_NIGHT', 'night', 1, 7000, 7000],
    ]);
    expect(q.totalFen).toBe(42000);
  });

  it('rejects fractional appliances', () => {
    expect(errs(computeQuote(AC_CLEANING, { itemCode: 'ac-cleaning', quantity: 1.5, scheduledStart: TUESDAY_10AM }, context()))).toEqual([
      ['quantity', 'INVALID_STEP'],
    ]);
  });
});

describe('月嫂 package and fixed price', () => {
  it('prices a 26-day package with a 折扣 coupon (20 % off, cap ¥500)', () => {
    const coupon: Coupon = { id: 'p1', code: 'YUESAO', kind: 'percent_off', offBp: 2000, capFen: 50000, label: { zh: '月嫂八折券', en: '20% off' } };
    const q = ok(computeQuote(MATERNITY_NANNY, { itemCode: 'maternity-nanny', scheduledStart: TUESDAY_10AM }, context({ coupon })));
    expect(summary(q)).toEqual([
      ['BASE', 'base.package', 1, 1_280_000, 1_280_000],
      ['COUPON', 'coupon.p1', 1, -50000, -50000],
    ]);
    expect(q).toMatchObject({ subtotalFen: 1_280_000, discountFen: 50000, totalFen: 1_230_000, package: { visits: 26, validDays: 30 } });
    expect(q.coupon).toEqual({ id: 'p1', code: 'YUESAO', applied: true });
    expect(q.lines[0].rule.description.zh).toBe('套餐 ¥12800.00：26 次服务，30 天内有效');
  });

  it('a package may not be bought twice by default', () => {
    expect(errs(computeQuote(MATERNITY_NANNY, { itemCode: 'maternity-nanny', quantity: 2, scheduledStart: TUESDAY_10AM }, context()))).toEqual([
      ['quantity', 'OUT_OF_RANGE'],
    ]);
  });

  it('fixed price × count', () => {
    const q = ok(computeQuote(DRAIN, { itemCode: 'drain-unblock', quantity: 2, scheduledStart: TUESDAY_10AM }, context()));
    expect(summary(q)).toEqual([['BASE', 'base.fixed', 2, 12000, 24000]]);
    expect(errs(computeQuote(DRAIN, { itemCode: 'drain-unblock', quantity: 4, scheduledStart: TUESDAY_10AM }, context()))).toEqual([
      ['quantity', 'OUT_OF_RANGE'],
    ]);
  });
});

describe('家电维修 on-site quote deposit', () => {
  it('charges the 50 元 deposit only; surcharges and coupons wait for the final price', () => {
    const coupon: Coupon = { id: 'n1', code: 'XINREN', kind: 'new_customer', offFen: 2000, label: { zh: '新人券', en: 'Welcome' } };
    const q = ok(
      computeQuote(
        APPLIANCE_REPAIR,
        { itemCode: 'appliance-repair', scheduledStart: '2025-06-14T21:00:00+08:00', options: { appliance: 'washer', notes: '不脱水' } },
        context({ coupon, customer: { isFirstOrder: true } }),
      ),
    );
    expect(summary(q)).toEqual([['DEPOSIT', 'base.on_site_quote', 1, 5000, 5000]]);
    expect(q).toMatchObject({ kind: 'deposit', totalFen: 5000, referenceRange: { minFen: 8000, maxFen: 80000 } });
    expect(q.coupon).toEqual({ id: 'n1', code: 'XINREN', applied: false, reason: 'NOT_APPLICABLE_TO_DEPOSIT' });
    expect(q.options).toEqual({ appliance: 'washer', notes: '不脱水' });
    expect(q.lines[0].label).toEqual({ zh: '家电维修（订金）', en: 'Appliance repair (deposit)' });
  });

  it('has no quantity', () => {
    expect(
      errs(computeQuote(APPLIANCE_REPAIR, { itemCode: 'appliance-repair', quantity: 2, scheduledStart: TUESDAY_10AM, options: { appliance: 'fridge' } }, context())),
    ).toEqual([['quantity', 'NOT_ALLOWED']]);
  });
});

describe('city adjustment', () => {
  const city = (extra: Partial<QuoteContext['city']>): QuoteContext => context({ city: { ...SHANGHAI, ...extra } });

  it('applies a multiplier to base + options as its own line', () => {
    const q = ok(computeQuote(DAILY_CLEANING, { itemCode: 'daily-cleaning', scheduledStart: SATURDAY_10AM, options: { pets: true } }, city({ multiplierBp: 10500 })));
    expect(summary(q)).toEqual([
      ['BASE', 'base.hourly', 2, 5000, 10000],
      ['OPTION', 'option.pets', 1, 1000, 1000],
      ['CITY_ADJUSTMENT', 'city.shanghai.multiplier', 1, 550, 550],
      ['SURCHARGE_WEEKEND', 'weekend', 1, 1155, 1155], // 10 % of 11550
    ]);
    expect(q.lines[2].rule.description.en).toBe('shanghai city multiplier 10500 bp (+5%) of base price and options');
  });

  it('a multiplier below 100 % gives a negative line', () => {
    const q = ok(computeQuote(DEEP_CLEANING, { itemCode: 'deep-cleaning', quantity: 33, scheduledStart: TUESDAY_10AM, options: { level: 'standard' } }, city({ multiplierBp: 9250 })));
    expect(q.lines[1]).toMatchObject({ code: 'CITY_ADJUSTMENT', amountFen: -2475 }); // -7.5 % of 33000
    expect(q.totalFen).toBe(30525);
  });

  it('a base price override replaces the price and skips the multiplier', () => {
    const q = ok(
      computeQuote(
        DAILY_CLEANING,
        { itemCode: 'daily-cleaning', scheduledStart: TUESDAY_10AM },
        city({ multiplierBp: 10500, basePriceOverrides: { 'daily-cleaning': 6000 }, referenceRanges: { 'daily-cleaning': { minFen: 12000, maxFen: 48000 } } }),
      ),
    );
    expect(summary(q)).toEqual([['BASE', 'city.shanghai.base.daily-cleaning', 2, 6000, 12000]]);
    expect(q.lines[0].rule.description.zh).toContain('（shanghai 城市价）');
    expect(q.referenceRange).toEqual({ minFen: 12000, maxFen: 48000 });
  });
});

describe('request validation', () => {
  it('never throws on garbage and reports field errors', () => {
    for (const bad of [null, 42, 'x', [], undefined]) {
      expect(errs(computeQuote(DAILY_CLEANING, bad, context()))).toEqual([['request', 'WRONG_TYPE']]);
    }
    expect(errs(computeQuote(DAILY_CLEANING, {}, context()))).toEqual([
      ['itemCode', 'ITEM_MISMATCH'],
      ['scheduledStart', 'REQUIRED'],
    ]);
  });

  it('checks the start time', () => {
    const start = (scheduledStart: unknown) => computeQuote(DAILY_CLEANING, { itemCode: 'daily-cleaning', scheduledStart }, context());
    expect(errs(start('2025-06-10 10:00'))).toEqual([['scheduledStart', 'INVALID_DATE']]);
    expect(errs(start('2025-06-09T09:59:00+08:00'))).toEqual([['scheduledStart', 'START_IN_PAST']]);
    expect(errs(start(NOW))).toEqual([['scheduledStart', 'START_IN_PAST']]);
  });

  it('combines errors from every field with bilingual messages', () => {
    const r = computeQuote(DEEP_CLEANING, { itemCode: 'deep-cleaning', quantity: 0, scheduledStart: TUESDAY_10AM, options: { level: 'gold', sauna: 1 } }, context());
    expect(errs(r)).toEqual([
      ['quantity', 'OUT_OF_RANGE'],
      ['options.sauna', 'UNKNOWN_OPTION'],
      ['options.level', 'INVALID_CHOICE'],
    ]);
    if (!r.ok) expect(r.errors[0].message).toEqual({ zh: '超出允许范围（30 ~ 500）', en: 'Out of the allowed range (30 to 500)' });
  });

  it('rejects an invalid configuration instead of pricing with it', () => {
    const broken: ServiceItem = { ...DAILY_CLEANING, model: { kind: 'hourly', pricePerHourFen: 49.5, minHours: 2 } };
    expect(errs(computeQuote(broken, { itemCode: 'daily-cleaning', scheduledStart: TUESDAY_10AM }, context()))).toEqual([
      ['item.model.pricePerHourFen', 'INVALID_CONFIG'],
    ]);
    expect(errs(computeQuote(DAILY_CLEANING, { itemCode: 'daily-cleaning', scheduledStart: TUESDAY_10AM }, context({ now: 'now' })))).toEqual([
      ['context.now', 'INVALID_DATE'],
    ]);
  });

  it('accepts a Date for now', () => {
    const q = ok(computeQuote(DAILY_CLEANING, { itemCode: 'daily-cleaning', scheduledStart: TUESDAY_10AM }, context({ now: new Date(NOW) })));
    expect(q.createdAt).toBe(NOW);
  });
});
