import { createCipheriv, createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  decryptResource,
  encryptResource,
  generateApiV3Key,
  generateMerchantKeys,
  HEADER,
  keySerial,
  notificationMessage,
  signNotification,
  verifyNotification,
} from './pay-signing.js';

const keys = generateMerchantKeys();
const other = generateMerchantKeys();
const NOW = Date.parse('2025-06-12T02:00:00.000Z');
const TS = NOW / 1000;
const body = JSON.stringify({ id: 'EV-2025061202000001', event_type: 'TRANSACTION.SUCCESS', resource: { algorithm: 'AEAD_AES_256_GCM' }, summary: '支付成功' });
const publicKeys = new Map([[keys.serial, keys.publicKeyPem]]);
const signed = (over: Partial<Parameters<typeof signNotification>[0]> = {}) =>
  signNotification({ privateKey: keys.privateKeyPem, serial: keys.serial, body, timestamp: TS, nonce: 'n0nce5a1tABCDEFGHIJKLMNOPQRSTUVW', ...over });
const check = (headers: Record<string, string | string[] | undefined>, rawBody: string | Buffer = body, now: Date | number = NOW) => verifyNotification({ publicKeys, headers, rawBody, now });

describe('notification signatures', () => {
  it('generates RSA-2048 keys named by a 40-hex serial derived from the public key', () => {
    expect(keys.serial).toMatch(/^[0-9A-F]{40}$/);
    expect(keySerial(keys.publicKeyPem)).toBe(keys.serial);
    expect(keySerial(keys.privateKeyPem)).toBe(keys.serial);
    expect(other.serial).not.toBe(keys.serial);
  });

  it('signs timestamp\\nnonce\\nbody\\n and a valid notification verifies', () => {
    const h = signed();
    expect(h).toMatchObject({ [HEADER.timestamp]: String(TS), [HEADER.serial]: keys.serial, [HEADER.signatureType]: 'WECHATPAY2-SHA256-RSA2048' });
    expect(notificationMessage('1', 'n', 'b').toString()).toBe('1\nn\nb\n');
    expect(check(h)).toEqual({ ok: true, serial: keys.serial, timestamp: TS, nonce: 'n0nce5a1tABCDEFGHIJKLMNOPQRSTUVW' });
    expect(check(h, Buffer.from(body, 'utf8')).ok).toBe(true);
  });

  it('takes KeyObjects as well as PEM', () => {
    const h = signed({ privateKey: createPrivateKey(keys.privateKeyPem) });
    const objects = new Map([[keys.serial, createPublicKey(keys.publicKeyPem)]]);
    expect(verifyNotification({ publicKeys: objects, headers: h, rawBody: body, now: NOW }).ok).toBe(true);
    expect(keySerial(createPublicKey(keys.publicKeyPem))).toBe(keys.serial);
  });

  it('matches header names case-insensitively (as Fastify or a proxy may pass them)', () => {
    const upper = Object.fromEntries(Object.entries(signed()).map(([k, v]) => [k.replace(/(^|-)\w/g, (c) => c.toUpperCase()), v]));
    expect(Object.keys(upper)).toContain('Wechatpay-Signature');
    expect(check(upper).ok).toBe(true);
  });

  it('fails for a tampered body, even one changed byte or whitespace', () => {
    expect(check(signed(), body.replace('支付成功', '支付失败'))).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    expect(check(signed(), `${body} `)).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    expect(check(signed(), JSON.stringify(JSON.parse(body), null, 2))).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
  });

  it('fails for tampered headers: nonce, timestamp, signature', () => {
    expect(check({ ...signed(), [HEADER.nonce]: 'another-nonce' }).ok).toBe(false);
    expect(check({ ...signed(), [HEADER.timestamp]: String(TS + 1) })).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    const sig = signed()[HEADER.signature];
    const flipped = (sig[10] === 'A' ? 'B' : 'A');
    expect(check({ ...signed(), [HEADER.signature]: sig.slice(0, 10) + flipped + sig.slice(11) })).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
  });

  it('fails for an unknown serial and for a key that does not match the serial', () => {
    expect(check(signed({ serial: other.serial }))).toEqual({ ok: false, reason: 'UNKNOWN_SERIAL' });
    expect(check(signed({ privateKey: other.privateKeyPem }))).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    const rotated = new Map([[keys.serial, keys.publicKeyPem], [other.serial, other.publicKeyPem]]);
    expect(verifyNotification({ publicKeys: rotated, headers: signed({ privateKey: other.privateKeyPem, serial: other.serial }), rawBody: body, now: NOW }).ok).toBe(true);
  });

  it('accepts ±300 s and refuses stale or future timestamps', () => {
    expect(check(signed(), body, NOW + 300_000).ok).toBe(true);
    expect(check(signed(), body, new Date(NOW - 300_000)).ok).toBe(true);
    expect(check(signed(), body, NOW + 300_001)).toEqual({ ok: false, reason: 'TIMESTAMP_OUT_OF_WINDOW' });
    expect(check(signed({ timestamp: TS + 301 }))).toEqual({ ok: false, reason: 'TIMESTAMP_OUT_OF_WINDOW' });
  });

  it('verifies a replay inside the window again: deduplicating (serial, nonce) is the caller’s job', () => {
    const h = signed();
    const first = check(h);
    const again = check(h, body, NOW + 60_000);
    expect(first.ok && again.ok).toBe(true);
    if (first.ok && again.ok) expect(again.nonce).toBe(first.nonce);
  });

  it('refuses missing, duplicated and malformed headers and other signature types', () => {
    const { [HEADER.signature]: _s, ...noSignature } = signed();
    expect(check(noSignature)).toEqual({ ok: false, reason: 'MISSING_HEADER' });
    expect(check({ ...signed(), [HEADER.serial]: '' })).toEqual({ ok: false, reason: 'MISSING_HEADER' });
    expect(check({ ...signed(), [HEADER.nonce]: ['a', 'b'] })).toEqual({ ok: false, reason: 'MALFORMED_HEADER' });
    expect(check({ ...signed(), [HEADER.timestamp]: '1749693600.5' })).toEqual({ ok: false, reason: 'MALFORMED_HEADER' });
    expect(check({ ...signed(), [HEADER.nonce]: 'has\nnewline' })).toEqual({ ok: false, reason: 'MALFORMED_HEADER' });
    expect(check({ ...signed(), [HEADER.signature]: 'not base64!' })).toEqual({ ok: false, reason: 'MALFORMED_HEADER' });
    expect(check({ ...signed(), [HEADER.signatureType]: 'WECHATPAY2-SM2-WITH-SM3' })).toEqual({ ok: false, reason: 'UNSUPPORTED_SIGNATURE_TYPE' });
    const { [HEADER.signatureType]: _t, ...noType } = signed();
    expect(check(noType).ok).toBe(true);
  });

  it('refuses to sign with a short or non-RSA key, or with a nonce that could blur the message', () => {
    const short = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
    const ec = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey;
    expect(() => signed({ privateKey: short })).toThrow(RangeError);
    expect(() => signed({ privateKey: ec })).toThrow(RangeError);
    expect(() => signed({ nonce: 'a\nb' })).toThrow(RangeError);
    expect(() => signed({ timestamp: -1 })).toThrow(RangeError);
    expect(() => signed({ privateKey: createPublicKey(keys.publicKeyPem) })).toThrow(RangeError);
    expect(signed({ nonce: undefined })[HEADER.nonce]).toMatch(/^[A-Za-z0-9]{32}$/);
  });
});

describe('resource encryption (AEAD_AES_256_GCM)', () => {
  const apiV3Key = generateApiV3Key();
  const plaintext = JSON.stringify({ out_trade_no: 'DJ20250612000001', amount: { total: 19_999, currency: 'CNY' }, trade_state: 'SUCCESS' });

  it('round-trips with a fresh nonce each time', () => {
    expect(apiV3Key).toMatch(/^[A-Za-z0-9]{32}$/);
    const a = encryptResource({ apiV3Key, plaintext, associatedData: 'transaction', originalType: 'transaction' });
    expect(a).toMatchObject({ algorithm: 'AEAD_AES_256_GCM', associated_data: 'transaction', original_type: 'transaction' });
    expect(a.nonce).toMatch(/^[A-Za-z0-9]{12}$/);
    expect(decryptResource({ apiV3Key, resource: a })).toBe(plaintext);
    expect(encryptResource({ apiV3Key, plaintext }).ciphertext).not.toBe(a.ciphertext);
  });

  it('is byte-compatible with WeChat: base64(ciphertext ‖ tag), the nonce string as the IV', () => {
    const key = '0123456789abcdefghijklmnopqrstuv';
    const cipher = createCipheriv('aes-256-gcm', Buffer.from(key), Buffer.from('abcdefghijkl'));
    cipher.setAAD(Buffer.from('transaction'));
    const reference = Buffer.concat([cipher.update('{"ok":true}', 'utf8'), cipher.final(), cipher.getAuthTag()]).toString('base64');
    expect(encryptResource({ apiV3Key: key, plaintext: '{"ok":true}', associatedData: 'transaction', nonce: 'abcdefghijkl' }).ciphertext).toBe(reference);
    expect(decryptResource({ apiV3Key: key, resource: { algorithm: 'AEAD_AES_256_GCM', ciphertext: reference, associated_data: 'transaction', nonce: 'abcdefghijkl' } })).toBe('{"ok":true}');
  });

  it('fails for tampered ciphertext, tag, associated data or nonce, and for a wrong key', () => {
    const r = encryptResource({ apiV3Key, plaintext, associatedData: 'transaction' });
    const bytes = Buffer.from(r.ciphertext, 'base64');
    const flip = (i: number) => { const b = Buffer.from(bytes); b[i] ^= 1; return b.toString('base64'); };
    expect(() => decryptResource({ apiV3Key, resource: { ...r, ciphertext: flip(0) } })).toThrow('resource decryption failed');
    expect(() => decryptResource({ apiV3Key, resource: { ...r, ciphertext: flip(bytes.length - 1) } })).toThrow('resource decryption failed');
    expect(() => decryptResource({ apiV3Key, resource: { ...r, associated_data: 'refund' } })).toThrow('resource decryption failed');
    expect(() => decryptResource({ apiV3Key, resource: { ...r, nonce: 'AAAAAAAAAAAA' } })).toThrow('resource decryption failed');
    expect(() => decryptResource({ apiV3Key: generateApiV3Key(), resource: r })).toThrow('resource decryption failed');
    expect(() => decryptResource({ apiV3Key, resource: { ...r, ciphertext: bytes.subarray(0, 10).toString('base64') } })).toThrow('resource decryption failed');
    expect(() => decryptResource({ apiV3Key, resource: { ...r, algorithm: 'AES_128' as 'AEAD_AES_256_GCM' } })).toThrow('resource decryption failed');
  });

  it('requires a 32-byte key and a 12-byte nonce', () => {
    expect(() => encryptResource({ apiV3Key: 'short', plaintext })).toThrow(RangeError);
    expect(() => encryptResource({ apiV3Key, plaintext, nonce: 'tooshort' })).toThrow(RangeError);
    expect(() => decryptResource({ apiV3Key: Buffer.alloc(16), resource: encryptResource({ apiV3Key, plaintext }) })).toThrow(RangeError);
  });
});
