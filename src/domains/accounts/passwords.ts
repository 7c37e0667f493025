import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { AppError } from '../../platform/errors.js';
import { limitError, resetLimit, takeHit, type LimitRule } from '../../platform/limits.js';

/** At least 8 characters, letters and digits, at most 128. */
export function assertStrongPassword(password: string): void {
  const ok = password.length >= 8 && password.length <= 128 && /[A-Za-z]/.test(password) && /\d/.test(password);
  if (!ok) throw new AppError('PASSWORD_WEAK', {}, [{ field: 'password', code: 'weak', message: { zh: '至少 8 位且包含字母和数字', en: 'at least 8 characters with letters and digits' } }]);
}

export const hashPassword = (password: string) => hash(password);

export async function passwordMatches(stored: string | null, password: string): Promise<boolean> {
  if (!stored) return false;
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | null = null;
/** An argon2 hash (same parameters as real ones) of a random secret nobody knows; made once per process. */
const dummyHash = () => (dummy ??= hash(randomBytes(24).toString('base64')));

/** Makes the dummy hash ahead of the first sign-in, so that one is not slower either. */
export const preparePasswordChecks = () => { void dummyHash(); };

/**
 * Checks a password in the same time whether or not there is a real hash to check it against: an unknown account,
 * a deleted one or one without a password is verified against a dummy argon2 hash (always false), so the answer
 * time does not tell which accounts exist.
 */
export async function passwordMatchesInConstantWork(stored: string | null | undefined, password: string): Promise<boolean> {
  if (stored) return passwordMatches(stored, password);
  await passwordMatches(await dummyHash(), password);
  return false;
}

/** Wrong passwords typed inside a session (change password, delete account) per account: a stolen session cannot guess on. */
export const PASSWORD_RECHECK_RULE: LimitRule = { scope: 'password.recheck', limit: 5, windowSeconds: 15 * 60 };

/**
 * Confirms the signed-in person's current password, taking a hit of the re-check limit first (so parallel guesses
 * cannot pass it); a correct password clears the count. Throws PASSWORD_WRONG on `field`, or 429
 * PASSWORD_RECHECK_LOCKED with the wait.
 */
export async function recheckPassword(db: Kysely<DB>, userId: string, stored: string | null, password: string, field: string): Promise<void> {
  const hit = await takeHit(db, PASSWORD_RECHECK_RULE, userId);
  if (!hit.allowed) throw limitError('PASSWORD_RECHECK_LOCKED', hit.retryAfterSeconds);
  if (await passwordMatches(stored, password)) {
    await resetLimit(db, PASSWORD_RECHECK_RULE, hit.key);
    return;
  }
  throw new AppError('PASSWORD_WRONG', {}, [{ field, code: 'wrong', message: field === 'currentPassword' ? { zh: '当前密码不正确', en: 'is wrong' } : { zh: '密码不正确', en: 'is wrong' } }]);
}
