import { describe, expect, it } from 'vitest';
import { validatePricingContext, validateServiceItem } from './config.js';
import {
  AC_CLEANING,
  APPLIANCE_REPAIR,
  context,
  DAILY_CLEANING,
  DEEP_CLEANING,
  MATERNITY_NANNY,
  SHANGHAI,
  TIME_RULES,
} from './test-fixtures.js';
import type { ServiceItem } from './types.js';

const fields = (errors: { field: string }[]) => errors.map((e) => e.field);

describe('validateServiceItem', () => {
  it('accepts the Shanghai catalogue examples', () => {
    for (const item of [DAILY_CLEANING, DEEP_CLEANING, AC_CLEANING, MATERNITY_NANNY, APPLIANCE_REPAIR]) {
      expect(validateServiceItem(item)).toEqual([]);
    }
  });

  it('reports bad models', () => {
    const bad = (model: ServiceItem['model']) => fields(validateServiceItem({ ...DAILY_CLEANING, options: [], model }));
    expect(bad({ kind: 'fixed', priceFen: -1 })).toEqual(['item.model.priceFen']);
    expect(bad({ kind: 'hourly', pricePerHourFen: 5000, minHours: 4, maxHours: 2 })).toEqual(['item.model.maxHours']);
    expect(bad({ kind: 'hourly', pricePerHourFen: 5000, minHours: 2, stepHours: 0 })).toEqual(['item.model.stepHours']);
    expect(bad({ kind: 'per_unit', unit: 'sqm', unitPriceFen: 1000, minQuantity: 0, maxQuantity: 10 })).toEqual(['item.model.minQuantity']);
    expect(bad({ kind: 'package', priceFen: 100, visits: 0, validDays: 1.5 })).toEqual(['item.model.visits', 'item.model.validDays']);
    expect(bad({ kind: 'on_site_quote', depositFen: 2e9 })).toEqual(['item.model.depositFen']);
  });

  it('reports bad options and ranges', () => {
    const item: ServiceItem = {
      ...DAILY_CLEANING,
      referenceRange: { minFen: 500, maxFen: 100 },
      options: [
        { key: 'level', kind: 'select', label: { zh: '', en: '' }, choices: [], defaultValue: 'x' },
        { key: 'level', kind: 'boolean', label: { zh: '', en: '' }, surcharge: { type: 'percent', bp: -5 } },
        { key: 'rooms', kind: 'integer', label: { zh: '', en: '' }, min: 5, max: 1 },
        { key: '9bad', kind: 'text', label: { zh: '', en: '' }, maxLength: 0 },
      ],
    };
    expect(fields(validateServiceItem(item))).toEqual([
      'item.options',
      'item.options.0.choices',
      'item.options.0.defaultValue',
      'item.options.1.surcharge.bp',
      'item.options.2.max',
      'item.options.3.key',
      'item.options.3.maxLength',
      'item.referenceRange.maxFen',
    ]);
    expect(validateServiceItem(item)[0].message.en).toBe('Invalid pricing configuration: keys must be unique');
  });
});

describe('validatePricingContext', () => {
  it('accepts the Shanghai context', () => {
    expect(validatePricingContext(context())).toEqual([]);
  });

  it('reports bad city, rules, coupon and validity', () => {
    const errors = validatePricingContext({
      now: 'x',
      city: { ...SHANGHAI, multiplierBp: 0, basePriceOverrides: { a: 1.5 } },
      timeRules: [{ ...TIME_RULES[0], from: '25:00' } as (typeof TIME_RULES)[number], { ...TIME_RULES[1], days: [7] } as (typeof TIME_RULES)[number]],
      coupon: { id: 'c', code: 'c', kind: 'percent_off', offBp: 12000, label: { zh: '', en: '' } },
      validityMinutes: 0,
    });
    expect(fields(errors)).toEqual([
      'context.city.multiplierBp',
      'context.city.basePriceOverrides.a',
      'context.timeRules.0',
      'context.timeRules.1.days',
      'context.coupon.offBp',
      'context.validityMinutes',
    ]);
  });
});
