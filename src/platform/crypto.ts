import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, randomInt } from 'node:crypto';

/**
 * PII protection: AES-256-GCM for values we must read back (phones, exact addresses), and a keyed
 * HMAC "blind index" to look a value up without storing it in clear. Keys derive from APP_SECRET.
 */
export interface PiiCrypto {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
  blindIndex(value: string): string;
}

export function createPiiCrypto(appSecret: string): PiiCrypto {
  const encKey = Buffer.from(hkdfSync('sha256', appSecret, 'daojia', 'pii-encryption', 32));
  const idxKey = Buffer.from(hkdfSync('sha256', appSecret, 'daojia', 'pii-blind-index', 32));
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join('.');
    },
    decrypt(sealed) {
      const [version, iv, tag, body] = sealed.split('.');
      if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('unknown PII envelope');
      const decipher = createDecipheriv('aes-256-gcm', encKey, Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
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
