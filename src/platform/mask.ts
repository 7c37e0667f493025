/** Display masks, e.g. 138****5678 (first 3 + last 4 of a phone). */
export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

export function maskEmail(email: string): string {
  const [local, domain] = email.split('@');
  if (!local || !domain) return '***';
  return `${local.slice(0, 1)}***@${domain}`;
}

/** 王师傅-style masked name: family name + title. */
export function maskName(name: string, title = ''): string {
  if (!name) return title;
  return `${Array.from(name)[0]}${title || '*'.repeat(Math.max(1, Array.from(name).length - 1))}`;
}
