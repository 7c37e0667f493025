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
