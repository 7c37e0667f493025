import { describe, expect, it } from 'vitest';
import { localTime, matchTimeRules, parseClock, parseInstant, priceTimeSurcharges, ruleMatches } from './surcharges.js';
import { TIME_RULES } from './test-fixtures.js';
import type { TimeRule } from './types.js';

const rule = (id: string): TimeRule => TIME_RULES.find((r) => r.id === id)!;
const NOW = new Date('2025-06-09T02:00:00Z'); // Monday 10:00 Shanghai
const at = (local: string) => new Date(`${local}+08:00`);
const ids = (start: Date, now = NOW) => matchTimeRules(TIME_RULES, start, now, 'Asia/Shanghai').map((r) => r.id);

describe('parsing', () => {
  it('parses ISO instants with an explicit offset only', () => {
    expect(parseInstant('2025-06-10T10:00:00+08:00')?.toISOString()).toBe('2025-06-10T02:00:00.000Z');
    expect(parseInstant('2025-06-10T02:00Z')?.toISOString()).toBe('2025-06-10T02:00:00.000Z');
    expect(parseInstant('2025-06-10T10:00:00')).toBeNull();
    expect(parseInstant('2025-06-10')).toBeNull();
    expect(parseInstant('2025-13-40T10:00:00Z')).toBeNull();
    expect(parseInstant('tomorrow')).toBeNull();
    expect(parseInstant(1749520800000)).toBeNull();
    expect(parseInstant(new Date('x'))).toBeNull();
  });

  it('parses HH:mm clocks', () => {
    expect(parseClock('08:00')).toBe(480);
    expect(parseClock('23:59')).toBe(1439);
    expect(parseClock('24:00')).toBeNull();
    expect(parseClock('8:00')).toBeNull();
  });

  it('converts to Shanghai wall-clock time', () => {
    // Friday 23:30 UTC is Saturday 07:30 in Shanghai.
    expect(localTime(new Date('2025-06-13T23:30:00Z'))).toEqual({ date: '2025-06-14', weekday: 6, minuteOfDay: 450 });
  });
});

describe('night rule (20:00–08:00 in the city zone)', () => {
  it.each([
    ['2025-06-10T07:59:00', true],
    ['2025-06-10T08:00:00', false],
    ['2025-06-10T12:00:00', false],
    ['2025-06-10T19:59:00', false],
    ['2025-06-10T20:00:00', true],
    ['2025-06-10T23:30:00', true],
    ['2025-06-10T00:00:00', true],
  ])('%s → %s', (local, expected) => {
    expect(ruleMatches(rule('night'), at(local), new Date('2025-06-01T00:00:00Z'))).toBe(expected);
  });

  it('uses the city zone, not UTC', () => {
    // 13:00 UTC is 21:00 in Shanghai.
    expect(ruleMatches(rule('night'), new Date('2025-06-10T13:00:00Z'), NOW, 'Asia/Shanghai')).toBe(true);
    expect(ruleMatches(rule('night'), new Date('2025-06-10T13:00:00Z'), NOW, 'UTC')).toBe(false);
  });

  it('supports a window that does not wrap midnight', () => {
    const lunch: TimeRule = { ...rule('night'), from: '12:00', until: '14:00' } as TimeRule;
    expect(ruleMatches(lunch, at('2025-06-10T12:30:00'), NOW)).toBe(true);
    expect(ruleMatches(lunch, at('2025-06-10T14:00:00'), NOW)).toBe(false);
  });
});

describe('weekend, urgent and holiday rules', () => {
  it('weekend is Saturday/Sunday in Shanghai', () => {
    expect(ids(at('2025-06-14T10:00:00'))).toEqual(['weekend']);
    expect(ids(at('2025-06-15T10:00:00'))).toEqual(['weekend']);
    expect(ids(at('2025-06-16T10:00:00'))).toEqual([]);
    // Sunday 23:00 UTC is Monday 07:00 in Shanghai: night, not weekend.
    expect(ids(new Date('2025-06-15T23:00:00Z'))).toEqual(['night']);
  });

  it('urgent applies when the start is less than 4 h after now', () => {
    expect(ids(at('2025-06-09T13:59:00'))).toEqual(['urgent']);
    expect(ids(at('2025-06-09T14:00:00'))).toEqual([]);
    expect(ruleMatches(rule('urgent'), at('2025-06-09T09:00:00'), NOW)).toBe(false); // already past
  });

  it('holiday excludes the weekend surcharge', () => {
    // 2025-10-04 is a Saturday during National Day.
    expect(ids(at('2025-10-04T10:00:00'))).toEqual(['national-day']);
    expect(ids(at('2025-10-04T21:00:00'))).toEqual(['night', 'national-day']);
  });

  it('rules stack on the same subtotal without compounding', () => {
    const lines = priceTimeSurcharges(TIME_RULES, at('2025-06-14T21:00:00'), at('2025-06-14T19:00:00'), 'Asia/Shanghai', 10000);
    expect(lines.map((l) => [l.code, l.amountFen])).toEqual([
      ['SURCHARGE_NIGHT', 2000],
      ['SURCHARGE_WEEKEND', 1000],
      ['SURCHARGE_URGENT', 3000],
    ]);
    expect(lines[0].rule).toEqual({
      id: 'night',
      description: {
        zh: '20:00 至 08:00 开始的服务，服务小计的 +20%',
        en: 'visits starting 20:00–08:00, +20% of service subtotal',
      },
    });
    expect(lines[2].rule.description.zh).toBe('4 小时内开始的加急服务，固定 +¥30.00');
  });

  it('omits zero-amount surcharges', () => {
    expect(priceTimeSurcharges([rule('weekend')], at('2025-06-14T10:00:00'), NOW, 'Asia/Shanghai', 0)).toEqual([]);
  });
});
