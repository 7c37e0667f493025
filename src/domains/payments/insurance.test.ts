import { describe, expect, it } from 'vitest';
import { DEFAULT_INSURANCE, insuranceOf, insuranceProblems, MAX_COVER_FEN } from './insurance.js';

describe('accident insurance', () => {
  it('applies a mandatory plan whatever the customer chose, an optional one only when wanted', () => {
    expect(insuranceOf(DEFAULT_INSURANCE, 'care', false)).toEqual({ plan: 'care:mandatory', premiumFen: 500, coverFen: MAX_COVER_FEN });
    expect(insuranceOf(DEFAULT_INSURANCE, 'cleaning', undefined)).toBeNull();
    expect(insuranceOf(DEFAULT_INSURANCE, 'cleaning', true)).toEqual({ plan: 'default:optional', premiumFen: 300, coverFen: MAX_COVER_FEN / 2 });
  });

  it('never offers a plan that is off', () => {
    const rules = { default: { mode: 'off' as const, premiumFen: 0, coverFen: 0 }, byCategory: {} };
    expect(insuranceOf(rules, 'cleaning', true)).toBeNull();
    expect(insuranceProblems(rules)).toEqual([]);
  });

  it('refuses covers above ¥100 000, free offered plans and unknown modes', () => {
    expect(insuranceProblems(DEFAULT_INSURANCE)).toEqual([]);
    const bad = { default: { mode: 'optional' as const, premiumFen: 0, coverFen: MAX_COVER_FEN + 1 }, byCategory: { care: { mode: 'always' as never, premiumFen: 1, coverFen: 1 } } };
    expect(insuranceProblems(bad)).toEqual([
      'default: an offered plan needs a premium', `default: coverFen must be 0..${MAX_COVER_FEN}`, 'care: mode must be off, optional or mandatory',
    ]);
  });
});
