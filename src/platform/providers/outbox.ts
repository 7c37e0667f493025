import type { Kysely } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { DB, OutboxMessagesTable } from '../../db/types.js';
import type { Selectable } from 'kysely';
import { maskPhone } from '../mask.js';

/**
 * The local SMS and e-mail providers: messages land in the `outbox_messages` table (visible in
 * the admin console) and, in development, in the log. A real gateway implements the same interface.
 * `secrets` are the parts that let a reader act as the recipient (a sign-in code, a verification token): they
 * never reach the log, and the console masks them.
 */
export interface SendOptions { secrets?: string[] }
export interface SmsProvider { send(db: Kysely<DB>, to: string, text: string, options?: SendOptions): Promise<void> }
export interface MailProvider { send(db: Kysely<DB>, to: string, subject: string, text: string, options?: SendOptions): Promise<void> }

const HIDDEN = '••••••';

/** The text with every secret replaced. */
export function maskSecrets(text: string, secrets: readonly string[]): string {
  return secrets.filter(Boolean).reduce((out, secret) => out.split(secret).join(HIDDEN), text);
}

/** A phone as 138****0001, an e-mail as z***@example.com. */
export function maskRecipient(to: string): string {
  const at = to.indexOf('@');
  if (at > 0) return `${to[0]}***${to.slice(at)}`;
  return /^\d{11}$/.test(to) ? maskPhone(to) : `${to.slice(0, 3)}****`;
}

export function outboxSmsProvider(log: FastifyBaseLogger, echo: boolean): SmsProvider {
  return {
    async send(db, to, text, options = {}) {
      const secrets = options.secrets ?? [];
      await db.insertInto('outbox_messages').values({ channel: 'sms', recipient: to, body: text, secrets }).execute();
      if (echo) log.info({ to: maskRecipient(to), text: maskSecrets(text, secrets) }, '[sms outbox]');
    },
  };
}

export function outboxMailProvider(log: FastifyBaseLogger, echo: boolean): MailProvider {
  return {
    async send(db, to, subject, text, options = {}) {
      const secrets = options.secrets ?? [];
      await db.insertInto('outbox_messages').values({ channel: 'email', recipient: to, subject, body: text, secrets }).execute();
      if (echo) log.info({ to: maskRecipient(to), subject, text: maskSecrets(text, secrets) }, '[mail outbox]');
    },
  };
}

/** A message as the console shows it: recipient and secrets masked unless `reveal` (super admin, development only). */
export function presentOutbox(m: Selectable<OutboxMessagesTable>, reveal: boolean) {
  return {
    id: m.id, channel: m.channel, recipient: reveal ? m.recipient : maskRecipient(m.recipient),
    subject: reveal ? m.subject : maskSecrets(m.subject, m.secrets), body: reveal ? m.body : maskSecrets(m.body, m.secrets),
    createdAt: m.created_at.toISOString(),
  };
}

export async function listOutbox(db: Kysely<DB>, filter: { channel?: 'sms' | 'email'; offset: number; limit: number }) {
  let q = db.selectFrom('outbox_messages');
  if (filter.channel) q = q.where('channel', '=', filter.channel);
  const [items, total] = await Promise.all([
    q.selectAll().orderBy('created_at', 'desc').offset(filter.offset).limit(filter.limit).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

/** PIPL erasure: what the local gateway holds for a recipient goes with the account. */
export async function eraseOutboxFor(db: Kysely<DB>, recipients: string[]): Promise<void> {
  if (recipients.length) await db.deleteFrom('outbox_messages').where('recipient', 'in', recipients).execute();
}
