/** Realistic Shanghai catalogue examples used by the tests of this folder (and by README.md). */
import type { CityPricing, QuoteContext, ServiceItem, TimeRule } from './types.js';

export const SHANGHAI: CityPricing = { code: 'shanghai', timeZone: 'Asia/Shanghai' };

export const TIME_RULES: TimeRule[] = [
  {
    id: 'night',
    kind: 'night',
    from: '20:00',
    until: '08:00',
    label: { zh: '夜间服务费', en: 'Night surcharge' },
    adjustment: { type: 'percent', bp: 2000 },
  },
  {
    id: 'weekend',
    kind: 'weekend',
    label: { zh: '周末服务费', en: 'Weekend surcharge' },
    adjustment: { type: 'percent', bp: 1000 },
  },
  {
    id: 'urgent',
    kind: 'urgent',
    withinHours: 4,
    label: { zh: '加急服务费', en: 'Urgent surcharge' },
    adjustment: { type: 'fixed', fen: 3000 },
  },
  {
    id: 'national-day',
    kind: 'holiday',
    dates: ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05', '2025-10-06', '2025-10-07'],
    label: { zh: '节假日服务费', en: 'Holiday surcharge' },
    adjustment: { type: 'percent', bp: 3000 },
    excludes: ['weekend'],
  },
];

/** 日常保洁: 50 元/小时, at least 2 h, in steps of 0.5 h. */
export const DAILY_CLEANING: ServiceItem = {
  code: 'daily-cleaning',
  name: { zh: '日常保洁', en: 'Daily cleaning' },
  model: { kind: 'hourly', pricePerHourFen: 5000, minHours: 2, maxHours: 8, stepHours: 0.5 },
  referenceRange: { minFen: 10000, maxFen: 40000 },
  options: [
    {
      key: 'focusAreas',
      kind: 'multi_select',
      label: { zh: '重点区域', en: 'Focus areas' },
      choices: [
        { value: 'kitchen', label: { zh: '厨房', en: 'Kitchen' }, surcharge: { type: 'fixed', fen: 3000 } },
        { value: 'bathroom', label: { zh: '卫生间', en: 'Bathroom' }, surcharge: { type: 'fixed', fen: 2000 } },
        { value: 'windows', label: { zh: '擦玻璃', en: 'Window cleaning' }, surcharge: { type: 'fixed', fen: 4000 } },
        { value: 'bedroom', label: { zh: '卧室', en: 'Bedroom' } },
      ],
    },
    {
      key: 'supplies',
      kind: 'select',
      label: { zh: '清洁工具', en: 'Supplies' },
      defaultValue: 'own',
      choices: [
        { value: 'own', label: { zh: '自备工具', en: 'My own supplies' } },
        { value: 'worker', label: { zh: '师傅带工具', en: 'Worker brings supplies' }, surcharge: { type: 'fixed', fen: 2000 } },
      ],
    },
    { key: 'rooms', kind: 'integer', label: { zh: '房间数', en: 'Rooms' }, min: 1, max: 10, includedUnits: 2, perUnitFen: 1000, defaultValue: 2 },
    { key: 'pets', kind: 'boolean', label: { zh: '家有宠物', en: 'Pets at home' }, surcharge: { type: 'fixed', fen: 1000 } },
    { key: 'allergies', kind: 'text', label: { zh: '过敏情况', en: 'Allergies' }, maxLength: 100 },
    { key: 'notes', kind: 'text', label: { zh: '备注', en: 'Notes' }, maxLength: 200 },
  ],
};

/** 深度保洁: 10 元/m², 30–500 m². */
export const DEEP_CLEANING: ServiceItem = {
  code: 'deep-cleaning',
  name: { zh: '深度保洁', en: 'Deep cleaning' },
  model: { kind: 'per_unit', unit: 'sqm', unitPriceFen: 1000, minQuantity: 30, maxQuantity: 500 },
  options: [
    {
      key: 'level',
      kind: 'select',
      label: { zh: '清洁等级', en: 'Cleaning level' },
      required: true,
      choices: [
        { value: 'standard', label: { zh: '标准', en: 'Standard' } },
        { value: 'premium', label: { zh: '精细', en: 'Premium' }, surcharge: { type: 'percent', bp: 3000 } },
      ],
    },
    { key: 'windows', kind: 'boolean', label: { zh: '擦玻璃', en: 'Window cleaning' }, surcharge: { type: 'fixed', fen: 8000 } },
  ],
};

/** 空调清洗: 100 元/台. */
export const AC_CLEANING: ServiceItem = {
  code: 'ac-cleaning',
  name: { zh: '空调清洗', en: 'Air-conditioner cleaning' },
  model: { kind: 'per_unit', unit: 'appliance', unitPriceFen: 10000, minQuantity: 1, maxQuantity: 10 },
  options: [
    {
      key: 'type',
      kind: 'select',
      label: { zh: '空调类型', en: 'Type' },
      defaultValue: 'wall',
      choices: [
        { value: 'wall', label: { zh: '挂机', en: 'Wall-mounted' } },
        { value: 'cabinet', label: { zh: '柜机', en: 'Floor-standing' }, surcharge: { type: 'fixed', fen: 5000 } },
      ],
    },
  ],
};

/** 月嫂: 26-day package, ¥12,800, used within 30 days. */
export const MATERNITY_NANNY: ServiceItem = {
  code: 'maternity-nanny',
  name: { zh: '月嫂（26天）', en: 'Maternity nanny (26 days)' },
  model: { kind: 'package', priceFen: 1_280_000, visits: 26, validDays: 30 },
};

/** 家电维修: 50 元 deposit, final price proposed on site, reference ¥80–¥800. */
export const APPLIANCE_REPAIR: ServiceItem = {
  code: 'appliance-repair',
  name: { zh: '家电维修', en: 'Appliance repair' },
  model: { kind: 'on_site_quote', depositFen: 5000 },
  referenceRange: { minFen: 8000, maxFen: 80000 },
  options: [
    { key: 'appliance', kind: 'select', label: { zh: '家电类型', en: 'Appliance' }, required: true, choices: [
      { value: 'washer', label: { zh: '洗衣机', en: 'Washing machine' } },
      { value: 'fridge', label: { zh: '冰箱', en: 'Fridge' } },
    ] },
    { key: 'notes', kind: 'text', label: { zh: '故障描述', en: 'Fault description' }, maxLength: 200 },
  ],
};

/** "Now" for the tests: Monday 2025-06-09 10:00 in Shanghai. */
export const NOW = '2025-06-09T02:00:00.000Z';
/** Tuesday 2025-06-10 10:00 in Shanghai: no time surcharge. */
export const TUESDAY_10AM = '2025-06-10T10:00:00+08:00';
/** Saturday 2025-06-14 10:00 in Shanghai. */
export const SATURDAY_10AM = '2025-06-14T10:00:00+08:00';

export function context(overrides: Partial<QuoteContext> = {}): QuoteContext {
  return { now: NOW, city: SHANGHAI, timeRules: TIME_RULES, ...overrides };
}
