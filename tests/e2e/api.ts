// Reads what the local SMS and e-mail providers sent, through the admin API (as `super`).

interface OutboxItem {
  recipient: string;
  subject: string | null;
  body: string;
}

const tokens = new Map<string, string>();

export async function adminToken(baseUrl: string, username = 'super'): Promise<string> {
  const cached = tokens.get(`${baseUrl} ${username}`);
  if (cached) return cached;
  const response = await fetch(`${baseUrl}/api/admin/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'daojia2026' }),
  });
  if (!response.ok) throw new Error(`admin login failed: ${response.status} ${await response.text()}`);
  const { token } = (await response.json()) as { token: string };
  tokens.set(`${baseUrl} ${username}`, token);
  return token;
}

async function newestMessageTo(baseUrl: string, channel: 'sms' | 'email', recipient: string): Promise<OutboxItem> {
  const token = await adminToken(baseUrl);
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const response = await fetch(`${baseUrl}/api/admin/outbox?channel=${channel}`, { headers: { authorization: `Bearer ${token}` } });
    const { items } = (await response.json()) as { items: OutboxItem[] };
    const message = items.find((item) => item.recipient === recipient);
    if (message) return message;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`no ${channel} to ${recipient} in the outbox`);
}

/** The 6-digit code of the newest SMS to `phone`. */
export async function readSmsCode(baseUrl: string, phone: string): Promise<string> {
  const message = await newestMessageTo(baseUrl, 'sms', phone);
  const code = /\b(\d{6})\b/.exec(message.body)?.[1];
  if (!code) throw new Error(`no code in "${message.body}"`);
  return code;
}

/** The verification link of the newest e-mail to `email`. */
export async function readVerificationLink(baseUrl: string, email: string): Promise<string> {
  const message = await newestMessageTo(baseUrl, 'email', email);
  const link = /https?:\/\/\S+\/api\/auth\/email\/verify\?\S+/.exec(message.body)?.[0];
  if (!link) throw new Error(`no verification link in "${message.body}"`);
  return link;
}

/** A fresh mainland mobile number 13x xxxx xxxx. */
export function randomPhone(): string {
  return `13${Math.floor(Math.random() * 10)}${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
}
