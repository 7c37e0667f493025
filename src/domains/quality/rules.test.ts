import { describe, expect, it } from 'vitest';
import { drawSample, isWeekStart, missingAnswers, passRate, previousWeekStart, sampleSize, weekRange, weekStartOf } from './rules.js';

const TZ = 'Asia/Shanghai';

describe('quality sampling rules', () => {
  it('weeks start on Monday 00:00 in the city zone', () => {
    // Sunday 2026-12-06 23:30 Shanghai = 15:30 UTC: still the week of Monday 11-30.
    expect(weekStartOf(new Date('2026-12-06T15:30:00Z'), TZ)).toBe('2026-11-30');
    // Monday 2026-12-07 00:10 Shanghai = Sunday 16:10 UTC: the new week.
    expect(weekStartOf(new Date('2026-12-06T16:10:00Z'), TZ)).toBe('2026-12-07');
    expect(previousWeekStart(new Date('2026-12-07T03:00:00Z'), TZ)).toBe('2026-11-30');
    const r = weekRange('2026-11-30', TZ);
    expect(r.from.toISOString()).toBe('2026-11-29T16:00:00.000Z');
    expect(r.to.toISOString()).toBe('2026-12-06T16:00:00.000Z');
    expect(isWeekStart('2026-11-30')).toBe(true);
    expect(isWeekStart('2026-12-01')).toBe(false);
    expect(isWeekStart('2026-02-30')).toBe(false);
    expect(isWeekStart('30/11/2026')).toBe(false);
  });

  it('samples the rate rounded, at least one per category with orders, never more than there are', () => {
    expect(sampleSize(0, 1000)).toBe(0);
    expect(sampleSize(1, 1000)).toBe(1);
    expect(sampleSize(14, 1000)).toBe(1);
    expect(sampleSize(15, 1000)).toBe(2);
    expect(sampleSize(100, 1000)).toBe(10);
    expect(sampleSize(3, 10_000)).toBe(3);
  });

  it('draws per category without repeats, from a random source', () => {
    const orders = [
      ...Array.from({ length: 30 }, (_, i) => ({ id: `c${i}`, categoryCode: 'cleaning' })),
      ...Array.from({ length: 4 }, (_, i) => ({ id: `r${i}`, categoryCode: 'repair' })),
    ];
    let seed = 7;
    const random = () => { seed = (seed * 16807) % 2147483647; return (seed - 1) / 2147483646; };
    const s = drawSample(orders, 1000, random);
    expect(s.filter((o) => o.categoryCode === 'cleaning')).toHaveLength(3);
    expect(s.filter((o) => o.categoryCode === 'repair')).toHaveLength(1);
    expect(new Set(s.map((o) => o.id)).size).toBe(s.length);
    // Always the first with random() = 0, always the last with random() → 1.
    expect(drawSample(orders.slice(30), 1, () => 0)[0].id).toBe('r0');
    expect(drawSample(orders.slice(30), 1, () => 0.9999)[0].id).toBe('r3');
  });

  it('pass rate leaves unreachable calls out; needs the questionnaire for pass and issue', () => {
    expect(passRate(3, 1, 5)).toEqual({ passed: 3, issues: 1, unreachable: 5, checked: 4, rate: 0.75 });
    expect(passRate(0, 0, 2).rate).toBeNull();
    expect(passRate(2, 1).rate).toBe(0.667);
    expect(missingAnswers('unreachable', {})).toEqual([]);
    expect(missingAnswers('pass', { onTime: true, asDescribed: true, attitude: 5, extraCharges: false })).toEqual(['satisfaction']);
  });
});
