import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../../platform/errors.js';

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
