import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fenToYuan, signingString, signParams, verifyParams, yuanToFen } from './alipay-signing.js';

const pair = () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { priv: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), pub: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
};
const keys = pair();

describe('alipay RSA2 notifications', () => {
  it('signs the sorted parameters without sign, sign_type and empty values', () => {
    expect(signingString({ b: '2', a: '1', sign: 'x', sign_type: 'RSA2', c: '' })).toBe('a=1&b=2');
  });
  it('verifies what it signed and refuses any changed parameter, another key, or a missing signature', () => {
    const signed = signParams({ out_trade_no: 'DJ1', total_amount: '88.00', trade_status: 'TRADE_SUCCESS' }, keys.priv);
    expect(verifyParams(signed, keys.pub)).toBe(true);
    expect(verifyParams({ ...signed, total_amount: '0.01' }, keys.pub)).toBe(false);
    expect(verifyParams({ ...signed, extra: '1' }, keys.pub)).toBe(false);
    expect(verifyParams(signed, pair().pub)).toBe(false);
    expect(verifyParams({ ...signed, sign: '' }, keys.pub)).toBe(false);
    expect(verifyParams({ ...signed, sign_type: 'RSA' }, keys.pub)).toBe(false);
  });
  it('converts yuan strings exactly, refusing malformed amounts', () => {
    expect(yuanToFen('123.45')).toBe(12345);
    expect(yuanToFen('0.5')).toBe(50);
    expect(yuanToFen('7')).toBe(700);
    for (const bad of ['-1', '1.234', '1e3', '', ' 1', '0x10']) expect(yuanToFen(bad)).toBeNull();
    expect(fenToYuan(12345)).toBe('123.45');
    expect(fenToYuan(5)).toBe('0.05');
    for (const fen of [0, 1, 99, 100, 123456789]) expect(yuanToFen(fenToYuan(fen))).toBe(fen);
  });
});
