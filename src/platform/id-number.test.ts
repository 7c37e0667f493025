import { describe, expect, it } from 'vitest';
import { ageOn, maskIdNumber, parseIdNumber } from './id-number.js';

describe('resident ID numbers', () => {
  it('accepts a valid number and reads birth date and gender', () => {
    expect(parseIdNumber('11010519491231002x')).toEqual({ normalised: '11010519491231002X', birthDate: '1949-12-31', gender: 'female' });
  });
  it.each(['110105194912310021', '11010519491231002', '1101051949123100XX', '110105194902300020', 'abcdefghijklmnopqr'])('rejects %s', (bad) => {
    expect(parseIdNumber(bad)).toBeNull();
  });
  it('computes age on a date and masks the number', () => {
    expect(ageOn('2008-11-24', new Date('2026-11-23T00:00:00Z'))).toBe(17);
    expect(ageOn('2008-11-23', new Date('2026-11-23T00:00:00Z'))).toBe(18);
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
  });
});
