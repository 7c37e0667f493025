/**
 * The payment-notification signature scheme shared by the local payment simulator (the signer,
 * playing the PSP) and our notify endpoint (the verifier). Modelled on WeChat Pay API v3:
 *
 * - Signature: SHA256-RSA (PKCS#1 v1.5, RSA ≥ 2048 bits) over `${timestamp}\n${nonce}\n${body}\n`,
 *   where body is the raw request body bytes, sent base64 in `Wechatpay-Signature`, with
 *   `Wechatpay-Timestamp` (Unix seconds), `Wechatpay-Nonce` and `Wechatpay-Serial` naming the key.
 * - Freshness: the timestamp must be within ±300 s of `now` (passed in; this module has no clock).
 * - Replays: inside the window a captured notification verifies again. Deduplication is the
 *   caller's job — remember `(serial, nonce)` for at least the window, and make the effect
 *   idempotent by transaction id (repeated notifications change nothing and still answer success).
 * - Payload: `resource` is AEAD_AES_256_GCM with the 32-byte APIv3 key, a 12-byte nonce and
 *   `associated_data`; `ciphertext` is base64(ciphertext ‖ 16-byte tag), byte-compatible with WeChat.
 */
import { createCipheriv, createDecipheriv, createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomInt, sign, verify, type KeyObject } from 'node:crypto';

export const SIGNATURE_TYPE = 'WECHATPAY2-SHA256-RSA2048';
export const TIMESTAMP_WINDOW_SECONDS = 300;
export const RESOURCE_ALGORITHM = 'AEAD_AES_256_GCM';

export const HEADER = {
  timestamp: 'wechatpay-timestamp',
  nonce: 'wechatpay-nonce',
  signature: 'wechatpay-signature',
  serial: 'wechatpay-serial',
  signatureType: 'wechatpay-signature-type',
} as const;

export type NotificationHeaders = Record<(typeof HEADER)[keyof typeof HEADER], string>;
/** Incoming headers as Node/Fastify give them (any case; duplicates as arrays, which are refused). */
export type IncomingHeaders = Record<string, string | string[] | number | undefined>;

export type KeyInput = KeyObject | string;

export interface MerchantKeys {
  /** 40 uppercase hex characters derived from the public key, like a certificate serial. */
  serial: string;
  privateKeyPem: string;
  publicKeyPem: string;
}

/** Reasons a notification is refused (answer 401 and log; the PSP will retry). */
export type VerifyFailure =
  | 'MISSING_HEADER'
  | 'MALFORMED_HEADER'
  | 'UNSUPPORTED_SIGNATURE_TYPE'
  | 'UNKNOWN_SERIAL'
  | 'TIMESTAMP_OUT_OF_WINDOW'
  | 'BAD_SIGNATURE';

export type VerifyResult = { ok: true; serial: string; timestamp: number; nonce: string } | { ok: false; reason: VerifyFailure };

export interface EncryptedResource {
  algorithm: typeof RESOURCE_ALGORITHM;
  ciphertext: string;
  associated_data: string;
  nonce: string;
  original_type?: string;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const randomAlnum = (length: number) => Array.from({ length }, () => ALNUM[randomInt(ALNUM.length)]).join('');
const NONCE = /^[\x21-\x7e]{1,64}$/; // printable ASCII, no spaces or newlines (they would blur the message fields)
const TIMESTAMP = /^\d{1,12}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

const toPublicKey = (key: KeyInput): KeyObject => (typeof key !== 'string' && key.type === 'public' ? key : createPublicKey(key));
const toPrivateKey = (key: KeyInput): KeyObject => (typeof key === 'string' ? createPrivateKey(key) : key);

/** Serial of a public key (or of a private key's public half): the first 40 hex digits of SHA-256 over its SPKI DER, uppercase. */
export function keySerial(publicKey: KeyInput): string {
  const der = toPublicKey(publicKey).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').slice(0, 40).toUpperCase();
}

/** A fresh RSA-2048 key pair (PEM) and its serial. */
export function generateMerchantKeys(): MerchantKeys {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    serial: keySerial(publicKey),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** The exact bytes that are signed: `timestamp\nnonce\nbody\n`. */
export function notificationMessage(timestamp: string, nonce: string, body: string | Buffer): Buffer {
  return Buffer.concat([Buffer.from(`${timestamp}\n${nonce}\n`, 'utf8'), Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'), Buffer.from('\n')]);
}

const rsaKeyOk = (key: KeyObject) => key.asymmetricKeyType === 'rsa' && (key.asymmetricKeyDetails?.modulusLength ?? 0) >= 2048;

/**
 * Signs a notification body. `timestamp` is Unix seconds; `nonce` defaults to 32 random
 * alphanumerics. Returns the headers to send (lowercase names). Throws RangeError for a non-RSA or
 * short key, a bad timestamp or a nonce that is not 1–64 printable ASCII characters.
 */
export function signNotification(input: { privateKey: KeyInput; serial: string; body: string | Buffer; timestamp: number | string; nonce?: string }): NotificationHeaders {
  const timestamp = String(input.timestamp);
  const nonce = input.nonce ?? randomAlnum(32);
  if (!TIMESTAMP.test(timestamp)) throw new RangeError('timestamp must be Unix seconds');
  if (!NONCE.test(nonce)) throw new RangeError('nonce must be 1-64 printable ASCII characters');
  const key = toPrivateKey(input.privateKey);
  if (key.type !== 'private' || !rsaKeyOk(key)) throw new RangeError('the signing key must be an RSA private key of at least 2048 bits');
  const signature = sign('sha256', notificationMessage(timestamp, nonce, input.body), key).toString('base64');
  return {
    [HEADER.timestamp]: timestamp,
    [HEADER.nonce]: nonce,
    [HEADER.signature]: signature,
    [HEADER.serial]: input.serial,
    [HEADER.signatureType]: SIGNATURE_TYPE,
  } as NotificationHeaders;
}

function header(headers: IncomingHeaders, name: string): string | undefined | null {
  for (const [k, v] of Object.entries(headers)) {
    if (k.toLowerCase() !== name) continue;
    if (Array.isArray(v)) return null;
    return v === undefined ? undefined : String(v);
  }
  return undefined;
}

/**
 * Verifies a notification against the raw body exactly as received (never a re-serialised
 * JSON). `publicKeys` maps serials to the PSP's public keys, so keys can rotate with overlap.
 * Checks: headers present and well-formed, signature type, known serial, timestamp within
 * ±300 s of `now`, then the RSA signature. Does not detect replays (see the module comment).
 */
export function verifyNotification(input: { publicKeys: ReadonlyMap<string, KeyInput>; headers: IncomingHeaders; rawBody: string | Buffer; now: Date | number }): VerifyResult {
  const values = {
    timestamp: header(input.headers, HEADER.timestamp),
    nonce: header(input.headers, HEADER.nonce),
    signature: header(input.headers, HEADER.signature),
    serial: header(input.headers, HEADER.serial),
  };
  const type = header(input.headers, HEADER.signatureType);
  if (Object.values(values).some((v) => v === undefined || v === '')) return { ok: false, reason: 'MISSING_HEADER' };
  const { timestamp, nonce, signature, serial } = values as Record<keyof typeof values, string>;
  if (type === null || Object.values(values).includes(null)) return { ok: false, reason: 'MALFORMED_HEADER' };
  if (!TIMESTAMP.test(timestamp) || !NONCE.test(nonce) || !BASE64.test(signature)) return { ok: false, reason: 'MALFORMED_HEADER' };
  if (type !== undefined && type !== SIGNATURE_TYPE) return { ok: false, reason: 'UNSUPPORTED_SIGNATURE_TYPE' };

  const keyInput = input.publicKeys.get(serial);
  if (keyInput === undefined) return { ok: false, reason: 'UNKNOWN_SERIAL' };

  const nowMs = input.now instanceof Date ? input.now.getTime() : input.now;
  const ts = Number(timestamp);
  if (!Number.isFinite(nowMs) || Math.abs(nowMs / 1000 - ts) > TIMESTAMP_WINDOW_SECONDS) return { ok: false, reason: 'TIMESTAMP_OUT_OF_WINDOW' };

  try {
    const key = toPublicKey(keyInput);
    if (!rsaKeyOk(key)) return { ok: false, reason: 'BAD_SIGNATURE' };
    const good = verify('sha256', notificationMessage(timestamp, nonce, input.rawBody), key, Buffer.from(signature, 'base64'));
    return good ? { ok: true, serial, timestamp: ts, nonce } : { ok: false, reason: 'BAD_SIGNATURE' };
  } catch {
    return { ok: false, reason: 'BAD_SIGNATURE' };
  }
}

/** A random APIv3 key: 32 alphanumeric characters (= 32 bytes), the form WeChat merchants set. */
export function generateApiV3Key(): string {
  return randomAlnum(32);
}

function aesKey(apiV3Key: string | Buffer): Buffer {
  const key = Buffer.isBuffer(apiV3Key) ? apiV3Key : Buffer.from(apiV3Key, 'utf8');
  if (key.length !== 32) throw new RangeError('the APIv3 key must be exactly 32 bytes');
  return key;
}

/**
 * Encrypts a resource plaintext (the JSON of a transaction or refund). `nonce` defaults to 12
 * random alphanumerics; it must be 12 bytes and must never repeat under one key.
 */
export function encryptResource(input: { apiV3Key: string | Buffer; plaintext: string; associatedData?: string; nonce?: string; originalType?: string }): EncryptedResource {
  const nonce = input.nonce ?? randomAlnum(12);
  const iv = Buffer.from(nonce, 'utf8');
  if (iv.length !== 12) throw new RangeError('the resource nonce must be 12 bytes');
  const associatedData = input.associatedData ?? '';
  const cipher = createCipheriv('aes-256-gcm', aesKey(input.apiV3Key), iv);
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(input.plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]).toString('base64');
  return {
    algorithm: RESOURCE_ALGORITHM,
    ciphertext,
    associated_data: associatedData,
    nonce,
    ...(input.originalType !== undefined && { original_type: input.originalType }),
  };
}

/**
 * Decrypts and authenticates a resource. Throws Error('resource decryption failed') for a wrong
 * key, any change to ciphertext, tag, nonce or associated data, or an unknown algorithm; a
 * RangeError for a key that is not 32 bytes.
 */
export function decryptResource(input: { apiV3Key: string | Buffer; resource: EncryptedResource }): string {
  const key = aesKey(input.apiV3Key);
  const { algorithm, ciphertext, associated_data: aad = '', nonce } = input.resource ?? ({} as EncryptedResource);
  const iv = Buffer.from(typeof nonce === 'string' ? nonce : '', 'utf8');
  const data = typeof ciphertext === 'string' && BASE64.test(ciphertext) ? Buffer.from(ciphertext, 'base64') : Buffer.alloc(0);
  if (algorithm !== RESOURCE_ALGORITHM || iv.length !== 12 || data.length < 16 || typeof aad !== 'string') throw new Error('resource decryption failed');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: 16 });
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(data.subarray(data.length - 16));
    return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString('utf8');
  } catch {
    throw new Error('resource decryption failed');
  }
}
