import { describe, expect, it } from 'vitest';
import { priceOptions, validateOptions } from './options.js';
import { DAILY_CLEANING, DEEP_CLEANING } from './test-fixtures.js';
import type { OptionDefinition } from './types.js';

const DAILY = DAILY_CLEANING.options!;
const DEEP = DEEP_CLEANING.options!;

function codes(result: ReturnType<typeof validateOptions>): [string, string][] {
  return result.ok ? [] : result.errors.map((e) => [e.field, e.code]);
}

describe('validateOptions', () => {
  it('fills defaults when nothing is chosen', () => {
    const r = validateOptions(DAILY, undefined);
    expect(r).toEqual({ ok: true, values: { supplies: 'own', rooms: 2, pets: false } });
  });

  it('accepts a complete valid choice and normalises it', () => {
    const r = validateOptions(DAILY, {
      focusAreas: ['windows', 'kitchen'],
      supplies: 'worker',
      rooms: 4,
      pets: true,
      allergies: '  对消毒水过敏  ',
      notes: '',
    });
    expect(r).toEqual({
      ok: true,
      values: { focusAreas: ['kitchen', 'windows'], supplies: 'worker', rooms: 4, pets: true, allergies: '对消毒水过敏' },
    });
  });

  it('treats null like an absent value', () => {
    expect(validateOptions(DAILY, { pets: null, supplies: null })).toEqual({
      ok: true,
      values: { supplies: 'own', rooms: 2, pets: false },
    });
  });

  it('reports unknown options', () => {
    expect(codes(validateOptions(DAILY, { sauna: true }))).toEqual([['options.sauna', 'UNKNOWN_OPTION']]);
  });

  it('ignores inherited keys like __proto__ in JSON input', () => {
    const input = JSON.parse('{"__proto__": {"pets": true}}');
    expect(codes(validateOptions(DAILY, input))).toEqual([['options.__proto__', 'UNKNOWN_OPTION']]);
  });

  it('rejects a non-object', () => {
    expect(codes(validateOptions(DAILY, [1, 2]))).toEqual([['options', 'WRONG_TYPE']]);
    expect(codes(validateOptions(DAILY, 'pets'))).toEqual([['options', 'WRONG_TYPE']]);
  });

  it('reports every problem at once, with bilingual messages', () => {
    const r = validateOptions(DAILY, {
      focusAreas: 'kitchen',
      supplies: 'robot',
      rooms: 2.5,
      pets: 'yes',
      allergies: 42,
    });
    expect(codes(r)).toEqual([
      ['options.focusAreas', 'WRONG_TYPE'],
      ['options.supplies', 'INVALID_CHOICE'],
      ['options.rooms', 'WRONG_TYPE'],
      ['options.pets', 'WRONG_TYPE'],
      ['options.allergies', 'WRONG_TYPE'],
    ]);
    if (!r.ok) {
      expect(r.errors[1].message).toEqual({ zh: '无效的选项值：robot', en: 'Invalid choice: robot' });
      expect(r.errors[2].message.zh).toContain('整数');
    }
  });

  it('checks integer ranges (0 and absurd counts)', () => {
    expect(codes(validateOptions(DAILY, { rooms: 0 }))).toEqual([['options.rooms', 'OUT_OF_RANGE']]);
    expect(codes(validateOptions(DAILY, { rooms: 1e9 }))).toEqual([['options.rooms', 'OUT_OF_RANGE']]);
    expect(codes(validateOptions(DAILY, { rooms: -1 }))).toEqual([['options.rooms', 'OUT_OF_RANGE']]);
    expect(codes(validateOptions(DAILY, { rooms: Number.NaN }))).toEqual([['options.rooms', 'WRONG_TYPE']]);
    const r = validateOptions(DAILY, { rooms: 11 });
    expect(r.ok ? null : r.errors[0].message.en).toBe('Out of the allowed range (1 to 10)');
  });

  it('checks multi-select choices, duplicates and counts', () => {
    expect(codes(validateOptions(DAILY, { focusAreas: ['kitchen', 'garage'] }))).toEqual([
      ['options.focusAreas', 'INVALID_CHOICE'],
    ]);
    expect(codes(validateOptions(DAILY, { focusAreas: ['kitchen', 'kitchen'] }))).toEqual([
      ['options.focusAreas', 'DUPLICATE_CHOICE'],
    ]);
    expect(codes(validateOptions(DAILY, { focusAreas: ['kitchen', 1] }))).toEqual([['options.focusAreas', 'WRONG_TYPE']]);
    const limited: OptionDefinition[] = [{ ...(DAILY[0] as Extract<OptionDefinition, { kind: 'multi_select' }>), maxSelected: 2 }];
    expect(codes(validateOptions(limited, { focusAreas: ['kitchen', 'bathroom', 'windows'] }))).toEqual([
      ['options.focusAreas', 'OUT_OF_RANGE'],
    ]);
    expect(validateOptions(DAILY, { focusAreas: [] })).toMatchObject({ ok: true, values: { focusAreas: [] } });
  });

  it('requires required options', () => {
    expect(codes(validateOptions(DEEP, {}))).toEqual([['options.level', 'REQUIRED']]);
    const required: OptionDefinition[] = [
      { key: 'areas', kind: 'multi_select', required: true, label: { zh: '区域', en: 'Areas' }, choices: [{ value: 'a', label: { zh: 'a', en: 'a' } }] },
      { key: 'agree', kind: 'boolean', required: true, label: { zh: '同意', en: 'Agree' } },
      { key: 'count', kind: 'integer', required: true, min: 1, max: 3, label: { zh: '数量', en: 'Count' } },
      { key: 'address', kind: 'text', required: true, maxLength: 10, label: { zh: '门牌', en: 'Door' } },
    ];
    expect(codes(validateOptions(required, { areas: [], address: '   ' }))).toEqual([
      ['options.areas', 'REQUIRED'],
      ['options.agree', 'REQUIRED'],
      ['options.count', 'REQUIRED'],
      ['options.address', 'REQUIRED'],
    ]);
  });

  it('limits text length in characters, not bytes', () => {
    expect(validateOptions(DAILY, { allergies: '猫'.repeat(100) }).ok).toBe(true);
    expect(validateOptions(DAILY, { allergies: '🐱'.repeat(100) }).ok).toBe(true);
    const r = validateOptions(DAILY, { allergies: '猫'.repeat(101) });
    expect(codes(r)).toEqual([['options.allergies', 'TOO_LONG']]);
    expect(r.ok ? null : r.errors[0].message.zh).toBe('最多 100 个字');
  });
});

describe('priceOptions', () => {
  it('prices fixed choices, booleans and per-unit integers', () => {
    const lines = priceOptions(
      DAILY,
      { focusAreas: ['kitchen', 'windows', 'bedroom'], supplies: 'worker', rooms: 4, pets: true, allergies: '花粉' },
      10000,
    );
    expect(lines.map((l) => [l.rule.id, l.quantity, l.unitPriceFen, l.amountFen])).toEqual([
      ['option.focusAreas.kitchen', 1, 3000, 3000],
      ['option.focusAreas.windows', 1, 4000, 4000],
      ['option.supplies.worker', 1, 2000, 2000],
      ['option.rooms', 2, 1000, 2000],
      ['option.pets', 1, 1000, 1000],
    ]);
    expect(lines[1].label).toEqual({ zh: '重点区域：擦玻璃', en: 'Focus areas: Window cleaning' });
    expect(lines[3].rule.description).toEqual({ zh: '超出 2 个后每个 ¥10.00', en: '¥10.00 each above 2' });
    expect(lines.every((l) => l.code === 'OPTION')).toBe(true);
  });

  it('gives no lines for defaults without surcharge', () => {
    expect(priceOptions(DAILY, { supplies: 'own', rooms: 2, pets: false }, 10000)).toEqual([]);
  });

  it('applies percent surcharges to the base amount, rounding half up', () => {
    const [line] = priceOptions(DEEP, { level: 'premium' }, 120005);
    expect(line.amountFen).toBe(36002); // 36001.5 → 36002
    expect(line.rule.description.en).toBe('+30% of base price');
  });
});
