const MAINLAND_MOBILE = /^(?:\+?86)?(1[3-9]\d{9})$/;

/** Normalises a mainland mobile number (spaces, dashes and +86 allowed) to its 11 digits, or null. */
export function normalisePhone(input: string): string | null {
  const compact = input.replace(/[\s-]/g, '');
  return MAINLAND_MOBILE.exec(compact)?.[1] ?? null;
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

export function normaliseEmail(input: string): string | null {
  const email = input.trim().toLowerCase();
  return email.length <= 254 && EMAIL.test(email) ? email : null;
}
