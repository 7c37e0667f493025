import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, randomInt } from 'node:crypto';

/**
 * PII protection: AES-256-GCM for values we must read back (phones, exact addresses, ID and card numbers), and a
 * keyed HMAC "blind index" to look a value up without storing it in clear. Every sealed value names its key
 * (`<keyId>.<iv>.<tag>.<body>`): `v1` is derived from APP_SECRET; more keys come from PII_KEYS and PII_KEY_ID picks
 * the one new values use, so keys rotate (`npm run keys:rotate` re-seals what an older key sealed). The blind
 * index stays derived from APP_SECRET (lookups by phone depend on it).
 */
export interface PiiCrypto {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
  blindIndex(value: string): string;
  /** The key id a sealed value names (null when it is not a sealed value). */
  keyIdOf(sealed: string): string | null;
  /** The id of the key new values are sealed with. */
  readonly currentKeyId: string;
}

export const LEGACY_KEY_ID = 'v1';
export const KEY_ID_PATTERN = /^[a-z0-9]{1,16}$/;

export interface PiiKeyOptions { currentKeyId?: string; keys?: Record<string, string> }

const deriveKey = (secret: string, info: string) => Buffer.from(hkdfSync('sha256', secret, 'daojia', info, 32));

export function createPiiCrypto(appSecret: string, options: PiiKeyOptions = {}): PiiCrypto {
  const keys = new Map<string, Buffer>([[LEGACY_KEY_ID, deriveKey(appSecret, 'pii-encryption')]]);
  for (const [id, secret] of Object.entries(options.keys ?? {})) keys.set(id, deriveKey(secret, `pii-encryption:${id}`));
  const currentKeyId = options.currentKeyId ?? LEGACY_KEY_ID;
  const current = keys.get(currentKeyId);
  if (!current) throw new Error(`PII_KEY_ID ${currentKeyId} is not among the keys`);
  const idxKey = deriveKey(appSecret, 'pii-blind-index');
  return {
    currentKeyId,
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [currentKeyId, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join('.');
    },
    decrypt(sealed) {
      const [keyId, iv, tag, body] = sealed.split('.');
      const key = keyId ? keys.get(keyId) : undefined;
      if (!key || !iv || !tag || body === undefined) throw new Error(`unknown PII envelope or key (${keyId ?? '?'})`);
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
    },
    keyIdOf(sealed) {
      const parts = sealed.split('.');
      return parts.length === 4 && KEY_ID_PATTERN.test(parts[0]!) ? parts[0]! : null;
    },
    blindIndex(value) {
      return createHmac('sha256', idxKey).update(value).digest('hex');
    },
  };
}

/** A random opaque token (session, e-mail link) and the hash we store instead of it. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function sixDigitCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}
