/** Mainland resident ID (GB 11643-1999): 17 digits + check character. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export interface ParsedId { normalised: string; birthDate: string; gender: 'male' | 'female' }

/** Validates format, checksum and birth date; returns the birth date (YYYY-MM-DD) and gender, or null. */
export function parseIdNumber(input: string): ParsedId | null {
  const id = input.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return null;
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(id[i]), 0);
  if (CHECK[sum % 11] !== id[17]) return null;
  const [y, m, d] = [Number(id.slice(6, 10)), Number(id.slice(10, 12)), Number(id.slice(12, 14))];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || y < 1900) return null;
  return { normalised: id, birthDate: date.toISOString().slice(0, 10), gender: Number(id[16]) % 2 === 1 ? 'male' : 'female' };
}

/** Whole years between a birth date (YYYY-MM-DD) and `on`. */
export function ageOn(birthDate: string, on: Date): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  let age = on.getUTCFullYear() - y;
  if (on.getUTCMonth() + 1 < m || (on.getUTCMonth() + 1 === m && on.getUTCDate() < d)) age -= 1;
  return age;
}

export const maskIdNumber = (id: string) => `${id.slice(0, 4)}**********${id.slice(-4)}`;
