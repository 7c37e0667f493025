import { describe, expect, it } from 'vitest';
import {
  commissionRate,
  DEFAULT_COMMISSION_RULE,
  DEFAULT_FIXED_BP,
  DEFAULT_LEVEL_BP,
  DEFAULT_LEVEL_THRESHOLDS,
  selectCommissionRule,
  settleOrder,
  validateCommissionRule,
  validateCommissionRules,
  workerLevel,
  type CommissionRule,
} from './commission.js';

const fixed15: CommissionRule = { id: 'fixed-15', kind: 'fixed', bp: DEFAULT_FIXED_BP };
const byLevel: CommissionRule = { id: 'by-level', kind: 'by_level', levels: DEFAULT_LEVEL_BP };

describe('workerLevel', () => {
  it('starts at 普通 and names levels in zh and en', () => {
    const l = workerLevel({ completedOrders: 0, ratingAvg: 0, ratingCount: 0 });
    expect(l).toMatchObject({ code: 'regular', rank: 0, name: { zh: '普通', en: 'Regular' } });
    expect(l.next).toEqual({ code: 'silver', name: { zh: '银牌', en: 'Silver' }, ordersNeeded: 50, ratingAvg: 4.5, ratingsNeeded: 20 });
  });

  it('climbs with orders, rating and rating count together', () => {
    expect(workerLevel({ completedOrders: 50, ratingAvg: 4.5, ratingCount: 20 }).code).toBe('silver');
    expect(workerLevel({ completedOrders: 49, ratingAvg: 5, ratingCount: 49 }).code).toBe('regular');
    expect(workerLevel({ completedOrders: 300, ratingAvg: 4.49, ratingCount: 300 }).code).toBe('regular');
    expect(workerLevel({ completedOrders: 300, ratingAvg: 4.69, ratingCount: 300 }).code).toBe('silver');
    expect(workerLevel({ completedOrders: 200, ratingAvg: 4.7, ratingCount: 80 }).code).toBe('gold');
    expect(workerLevel({ completedOrders: 200, ratingAvg: 4.9, ratingCount: 79 }).code).toBe('silver');
    const top = workerLevel({ completedOrders: 500, ratingAvg: 4.85, ratingCount: 200 });
    expect(top).toMatchObject({ code: 'diamond', rank: 3, name: { zh: '钻石', en: 'Diamond' }, next: null });
  });

  it('compares ratings at 0.01 so float noise does not cost a level', () => {
    expect(workerLevel({ completedOrders: 200, ratingAvg: 4.699999999, ratingCount: 100 }).code).toBe('gold');
    expect(workerLevel({ completedOrders: 200, ratingAvg: 4.694, ratingCount: 100 }).code).toBe('silver');
  });

  it('tells what is missing for the next level', () => {
    expect(workerLevel({ completedOrders: 120, ratingAvg: 4.8, ratingCount: 60 }).next).toMatchObject({ code: 'gold', ordersNeeded: 80, ratingsNeeded: 20 });
  });

  it('rejects bad stats and thresholds that fall', () => {
    expect(() => workerLevel({ completedOrders: -1, ratingAvg: 4, ratingCount: 1 })).toThrow(RangeError);
    expect(() => workerLevel({ completedOrders: 1.5, ratingAvg: 4, ratingCount: 1 })).toThrow(RangeError);
    expect(() => workerLevel({ completedOrders: 1, ratingAvg: 5.1, ratingCount: 1 })).toThrow(RangeError);
    const falling = { ...DEFAULT_LEVEL_THRESHOLDS, gold: { ...DEFAULT_LEVEL_THRESHOLDS.gold, completedOrders: 10 } };
    expect(() => workerLevel({ completedOrders: 1, ratingAvg: 4, ratingCount: 1 }, falling)).toThrow(RangeError);
  });
});

describe('commission rules', () => {
  it('tiers by orders completed before this one: 20 % for the first 50, 15 % to 200, then 12 %', () => {
    expect(commissionRate(DEFAULT_COMMISSION_RULE, 0).bp).toBe(2000);
    expect(commissionRate(DEFAULT_COMMISSION_RULE, 49).bp).toBe(2000); // the 50th order
    expect(commissionRate(DEFAULT_COMMISSION_RULE, 50)).toEqual({ bp: 1500, tierFromOrders: 50 }); // the 51st
    expect(commissionRate(DEFAULT_COMMISSION_RULE, 199).bp).toBe(1500);
    expect(commissionRate(DEFAULT_COMMISSION_RULE, 200).bp).toBe(1200);
    expect(commissionRate(DEFAULT_COMMISSION_RULE, 10_000).bp).toBe(1200);
  });

  it('charges by level and needs the level', () => {
    expect(commissionRate(byLevel, 0, 'gold')).toEqual({ bp: 1500, level: 'gold' });
    expect(() => commissionRate(byLevel, 0)).toThrow(RangeError);
  });

  it('rejects invalid rules', () => {
    const bad: unknown[] = [
      { id: '', kind: 'fixed', bp: 1500 },
      { id: 'a', kind: 'fixed', bp: 10_001 },
      { id: 'a', kind: 'fixed', bp: 15.5 },
      { id: 'a', kind: 'tiered_by_orders', tiers: [] },
      { id: 'a', kind: 'tiered_by_orders', tiers: [{ fromOrders: 10, bp: 2000 }] },
      { id: 'a', kind: 'tiered_by_orders', tiers: [{ fromOrders: 0, bp: 2000 }, { fromOrders: 0, bp: 1500 }] },
      { id: 'a', kind: 'tiered_by_orders', tiers: [{ fromOrders: 0, bp: 1200 }, { fromOrders: 50, bp: 2000 }] },
      { id: 'a', kind: 'by_level', levels: { regular: 2000, silver: 1800, gold: 1500 } },
      { id: 'a', kind: 'by_level', levels: { regular: 1200, silver: 1800, gold: 1500, diamond: 1200 } },
      { id: 'a', kind: 'fixed', bp: 1500, minFen: 500, maxFen: 100 },
      { id: 'a', kind: 'fixed', bp: 1500, minFen: -1 },
      { id: 'a', kind: 'fixed', bp: 1500, scope: { cityCode: '' } },
      { id: 'a', kind: 'percent', bp: 1500 },
    ];
    for (const rule of bad) expect(() => validateCommissionRule(rule as CommissionRule), JSON.stringify(rule)).toThrow(RangeError);
    expect(() => validateCommissionRule(DEFAULT_COMMISSION_RULE)).not.toThrow();
  });
});

describe('selectCommissionRule', () => {
  const rules: CommissionRule[] = [
    DEFAULT_COMMISSION_RULE,
    { id: 'sh', kind: 'fixed', bp: 1800, scope: { cityCode: '310100' } },
    { id: 'repair', kind: 'fixed', bp: 1500, scope: { categoryCode: 'repair' } },
    { id: 'repair-sh', kind: 'fixed', bp: 1000, scope: { categoryCode: 'repair', cityCode: '310100' } },
  ];
  const pick = (categoryCode: string, cityCode: string) => selectCommissionRule(rules, { categoryCode, cityCode }).id;

  it('lets the most specific rule win: category + city > category > city > default', () => {
    expect(pick('repair', '310100')).toBe('repair-sh');
    expect(pick('repair', '110100')).toBe('repair');
    expect(pick('cleaning', '310100')).toBe('sh');
    expect(pick('cleaning', '110100')).toBe('default-tiered');
    expect(selectCommissionRule([...rules].reverse(), { categoryCode: 'repair', cityCode: '310100' }).id).toBe('repair-sh');
  });

  it('refuses sets without a default, with duplicate ids or with two rules for one scope', () => {
    expect(() => validateCommissionRules(rules.slice(1))).toThrow(/default/);
    expect(() => validateCommissionRules([...rules, { ...fixed15, id: 'sh' }])).toThrow(/duplicate/);
    expect(() => validateCommissionRules([...rules, { ...fixed15, scope: { cityCode: '310100' } }])).toThrow(/same scope/);
    expect(() => selectCommissionRule([], { categoryCode: 'x', cityCode: 'y' })).toThrow(RangeError);
  });
});

describe('settleOrder', () => {
  it('splits a fixed 15 % and stores the rule with a reason', () => {
    // 15 % of ¥199.99 = 2999.85 → 3000 fen.
    const s = settleOrder({ grossFen: 19_999, rule: fixed15, completedOrdersBefore: 3 });
    expect(s).toMatchObject({ commissionFen: 3000, workerNetFen: 16_999, platformFen: 3000, promotionsFen: 0, insuranceFen: 0, customerPaidFen: 19_999 });
    expect(s.appliedRule).toEqual({ id: 'fixed-15', kind: 'fixed', bp: 1500, reason: { zh: '固定抽成 15%', en: 'Fixed commission 15%' } });
  });

  it('uses the tier of the orders completed before and says so', () => {
    const s = settleOrder({ grossFen: 30_000, rule: DEFAULT_COMMISSION_RULE, completedOrdersBefore: 57 });
    expect(s.commissionFen).toBe(4500);
    expect(s.appliedRule).toMatchObject({ kind: 'tiered_by_orders', bp: 1500, tierFromOrders: 50 });
    expect(s.appliedRule.reason.zh).toBe('阶梯抽成：此前已完成 57 单，适用 50 单起档 15%');
  });

  it('uses the level for by_level rules', () => {
    const s = settleOrder({ grossFen: 10_000, rule: byLevel, completedOrdersBefore: 0, level: 'diamond' });
    expect(s).toMatchObject({ commissionFen: 1200, workerNetFen: 8800 });
    expect(s.appliedRule.reason).toEqual({ zh: '等级抽成：钻石师傅 12%', en: 'By level: Diamond worker 12%' });
  });

  it('keeps the coupon off the worker and the premium with the insurer', () => {
    const s = settleOrder({ grossFen: 20_000, rule: fixed15, completedOrdersBefore: 0, couponFen: 5000, insurancePremiumFen: 300 });
    expect(s).toMatchObject({ commissionFen: 3000, workerNetFen: 17_000, platformFen: -2000, promotionsFen: 5000, insuranceFen: 300, customerPaidFen: 15_300 });
  });

  it('applies minimum and maximum commission, never above the gross', () => {
    const bounded: CommissionRule = { ...fixed15, minFen: 500, maxFen: 10_000 };
    expect(settleOrder({ grossFen: 2000, rule: bounded, completedOrdersBefore: 0 })).toMatchObject({ commissionFen: 500, workerNetFen: 1500, appliedRule: { bp: 1500, boundedBy: 'minimum' } });
    expect(settleOrder({ grossFen: 100_000, rule: bounded, completedOrdersBefore: 0 })).toMatchObject({ commissionFen: 10_000, appliedRule: { boundedBy: 'maximum' } });
    const s = settleOrder({ grossFen: 300, rule: bounded, completedOrdersBefore: 0 });
    expect(s).toMatchObject({ commissionFen: 300, workerNetFen: 0, appliedRule: { boundedBy: 'gross' } });
    expect(settleOrder({ grossFen: 2000, rule: bounded, completedOrdersBefore: 0 }).appliedRule.reason.zh).toContain('最低抽成 ¥5.00');
  });

  it('rejects bad amounts, a coupon above the gross and invalid rules', () => {
    expect(() => settleOrder({ grossFen: -1, rule: fixed15, completedOrdersBefore: 0 })).toThrow(RangeError);
    expect(() => settleOrder({ grossFen: 100.5, rule: fixed15, completedOrdersBefore: 0 })).toThrow(RangeError);
    expect(() => settleOrder({ grossFen: 100, rule: fixed15, completedOrdersBefore: 0, couponFen: 101 })).toThrow(RangeError);
    expect(() => settleOrder({ grossFen: 100, rule: fixed15, completedOrdersBefore: 0, insurancePremiumFen: -5 })).toThrow(RangeError);
    expect(() => settleOrder({ grossFen: 100, rule: DEFAULT_COMMISSION_RULE, completedOrdersBefore: -1 })).toThrow(RangeError);
    expect(() => settleOrder({ grossFen: 100, rule: { ...fixed15, bp: -1 }, completedOrdersBefore: 0 })).toThrow(RangeError);
  });
});
