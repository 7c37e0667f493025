import { describe, expect, it } from 'vitest';
import { createPiiCrypto, newToken, sha256, sixDigitCode } from './crypto.js';

const pii = createPiiCrypto('a-secret-of-at-least-32-characters!!');

describe('PII crypto', () => {
  it('round-trips and never repeats a ciphertext', () => {
    const a = pii.encrypt('13812345678');
    expect(a).not.toContain('13812345678');
    expect(pii.encrypt('13812345678')).not.toBe(a);
    expect(pii.decrypt(a)).toBe('13812345678');
  });

  it('detects tampering and a wrong key', () => {
    const sealed = pii.encrypt('上海市徐汇区漕溪北路 88 号');
    const parts = sealed.split('.');
    parts[3] = Buffer.from('tampered').toString('base64');
    expect(() => pii.decrypt(parts.join('.'))).toThrow();
    expect(() => createPiiCrypto('another-secret-of-32-characters-xx').decrypt(sealed)).toThrow();
  });

  it('gives a stable, keyed blind index', () => {
    expect(pii.blindIndex('13812345678')).toBe(pii.blindIndex('13812345678'));
    expect(pii.blindIndex('13812345678')).not.toBe(createPiiCrypto('another-secret-of-32-characters-xx').blindIndex('13812345678'));
    expect(pii.blindIndex('13812345678')).not.toBe(sha256('13812345678'));
  });

  it('makes random tokens and six-digit codes', () => {
    expect(newToken()).toMatch(/^[\w-]{43}$/);
    expect(newToken()).not.toBe(newToken());
    for (let i = 0; i < 200; i++) expect(sixDigitCode()).toMatch(/^\d{6}$/);
  });
});
