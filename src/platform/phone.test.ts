import { describe, expect, it } from 'vitest';
import { maskEmail, maskName, maskPhone } from './mask.js';
import { normaliseEmail, normalisePhone } from './phone.js';

describe('mainland mobile numbers', () => {
  it.each([
    ['13812345678', '13812345678'], ['+8613812345678', '13812345678'], ['86 138-1234-5678', '13812345678'],
    ['19912345678', '19912345678'], [' 138 1234 5678 ', '13812345678'],
  ])('normalises %s', (input, out) => expect(normalisePhone(input)).toBe(out));

  it.each(['12812345678', '1381234567', '138123456789', '+1 4155552671', '1381234567a', ''])('rejects %s', (input) => {
    expect(normalisePhone(input)).toBeNull();
  });
});

describe('e-mail', () => {
  it('lower-cases and validates', () => {
    expect(normaliseEmail(' Li.Na+home@Example.COM ')).toBe('li.na+home@example.com');
    for (const bad of ['a@b', 'no-at.example.com', 'a b@c.com', 'x@-bad.com', `${'a'.repeat(250)}@x.com`]) expect(normaliseEmail(bad), bad).toBeNull();
  });
});

describe('masks', () => {
  it('shows first 3 and last 4 of a phone', () => expect(maskPhone('13812345678')).toBe('138****5678'));
  it('hides most of an e-mail', () => expect(maskEmail('lina@example.com')).toBe('l***@example.com'));
  it('makes 王师傅 from a full name', () => {
    expect(maskName('王建国', '师傅')).toBe('王师傅');
    expect(maskName('欧阳娜娜')).toBe('欧***');
  });
});
