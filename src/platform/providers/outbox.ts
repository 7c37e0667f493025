import type { Kysely } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { DB } from '../../db/types.js';

/**
 * The local SMS and e-mail providers: messages land in the `outbox_messages` table (visible in
 * the admin console) and, in development, in the log. A real gateway implements the same interface.
 */
export interface SmsProvider { send(db: Kysely<DB>, to: string, text: string): Promise<void> }
export interface MailProvider { send(db: Kysely<DB>, to: string, subject: string, text: string): Promise<void> }

export function outboxSmsProvider(log: FastifyBaseLogger, echo: boolean): SmsProvider {
  return {
    async send(db, to, text) {
      await db.insertInto('outbox_messages').values({ channel: 'sms', recipient: to, body: text }).execute();
      if (echo) log.info({ to, text }, '[sms outbox]');
    },
  };
}

export function outboxMailProvider(log: FastifyBaseLogger, echo: boolean): MailProvider {
  return {
    async send(db, to, subject, text) {
      await db.insertInto('outbox_messages').values({ channel: 'email', recipient: to, subject, body: text }).execute();
      if (echo) log.info({ to, subject, text }, '[mail outbox]');
    },
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
