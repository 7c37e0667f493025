/**
 * Alipay-style asynchronous notifications: form parameters signed RSA2 (SHA256withRSA, PKCS#1 v1.5) over
 * the parameters sorted by name as `k=v` joined by `&`, excluding `sign` and `sign_type` and empty
 * values; amounts are yuan strings ("123.45"). The merchant answers the literal `success`.
 */
import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';

export type Params = Record<string, string>;

export function signingString(params: Params): string {
  return Object.keys(params)
    .filter((k) => k !== 'sign' && k !== 'sign_type' && params[k] !== '' && params[k] !== undefined)
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join('&');
}

export function signParams(params: Params, privateKeyPem: string): Params {
  const signature = sign('sha256', Buffer.from(signingString(params), 'utf8'), createPrivateKey(privateKeyPem)).toString('base64');
  return { ...params, sign_type: 'RSA2', sign: signature };
}

export function verifyParams(params: Params, publicKeyPem: string): boolean {
  if (params.sign_type !== 'RSA2' || !params.sign || !/^[A-Za-z0-9+/]+={0,2}$/.test(params.sign)) return false;
  try {
    return verify('sha256', Buffer.from(signingString(params), 'utf8'), createPublicKey(publicKeyPem), Buffer.from(params.sign, 'base64'));
  } catch {
    return false;
  }
}

/** "123.45" → 12345; null for anything that is not a non-negative amount with at most two decimals. */
export function yuanToFen(yuan: string): number | null {
  const m = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(yuan);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

export function fenToYuan(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}
