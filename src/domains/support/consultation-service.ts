/**
 * 售前咨询: a customer writes to a worker from the worker's profile before booking (seed 000: 在平台内即时沟通,
 * 咨询细节并确认时间、价格). One conversation per customer × worker. Messages are sanitised and their contacts
 * masked exactly like the order chat (messaging's `prepareChatMessage`), so nobody takes the job off the platform;
 * the worker sees the customer's masked name only — never a phone or an address, which an order reveals while it
 * needs them. The worker may decline further messages (the customer then cannot send) and reopen. When the customer
 * books that worker, the order's chat shows these messages above its own (`earlierMessagesOf`, used by chat-service).
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../../db/types.js';
import type { ConsultationMessagesTable, ConsultationsTable } from '../../db/types-consultations.js';
import type { AppContext } from '../../platform/app-context.js';
import { AppError } from '../../platform/errors.js';
import { publish, topics } from '../../platform/events.js';
import { maskName } from '../../platform/mask.js';
import { userContact } from '../accounts/index.js';
import { markChatNoticesRead, notify, prepareChatMessage } from '../messaging/index.js';
import { publicProfile } from '../workers/index.js';

type Db = Kysely<DB>;
type Conversation = Selectable<ConsultationsTable>;
type Message = Selectable<ConsultationMessagesTable>;
export type ConsultRole = 'customer' | 'worker';

/** Rate limits. A customer: a burst of 10 messages a minute and 100 in 24 hours over all consultations, and at most 20 new workers a day; a worker answers up to 30 a minute. */
export const CONSULT_LIMITS = { customerPerMinute: 10, customerPerDay: 100, newPerDay: 20, workerPerMinute: 30 } as const;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

function present(m: Message, viewerId: string | null) {
  return { id: m.id, consultationId: m.consultation_id, from: m.sender_kind, mine: viewerId !== null && m.sender_id === viewerId, kind: 'text' as const, body: m.body, imageUrl: null, masked: m.masked, createdAt: m.created_at.toISOString() };
}
export type ConsultationMessage = ReturnType<typeof present>;

/** The conversation, checked: the caller is its customer or its worker (404 otherwise, so others learn nothing). */
async function partyConversation(db: Db, id: string, userId: string, role: ConsultRole): Promise<Conversation> {
  const c = await db.selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!c || (role === 'customer' ? c.customer_id : c.worker_id) !== userId) throw new AppError('NOT_FOUND');
  return c;
}

async function readAt(db: Db, id: string, readerId: string) {
  return (await db.selectFrom('consultation_reads').select('read_at').where('consultation_id', '=', id).where('reader_id', '=', readerId).executeTakeFirst())?.read_at ?? null;
}

function header(c: Conversation, role: ConsultRole) {
  return {
    id: c.id, workerId: c.worker_id, peer: { role: role === 'customer' ? 'worker' as const : 'customer' as const, name: role === 'customer' ? c.worker_label : c.customer_label },
    status: c.status, declinedAt: c.declined_at?.toISOString() ?? null,
    /** The customer may write only while the worker accepts messages; the worker may always answer while open. */
    canSend: c.status === 'open', createdAt: c.created_at.toISOString(), lastMessageAt: c.last_message_at.toISOString(),
  };
}

/**
 * 咨询 from a worker's profile: the customer's conversation with that worker, started now if there is none. The
 * worker must be one customers can see (approved, online, not suspended): 404 `CONSULT_WORKER_UNAVAILABLE` otherwise.
 */
export async function openConsultation(ctx: AppContext, db: Db, customerId: string, workerId: string, now = new Date()) {
  const existing = await db.selectFrom('consultations').selectAll().where('customer_id', '=', customerId).where('worker_id', '=', workerId).executeTakeFirst();
  if (existing) return { ...header(existing, 'customer'), created: false };
  if (customerId === workerId) throw new AppError('CONSULT_WORKER_UNAVAILABLE');
  const worker = await publicProfile({ ...ctx, db }, workerId).catch((e: unknown) => {
    if (e instanceof AppError && e.code === 'NOT_FOUND') throw new AppError('CONSULT_WORKER_UNAVAILABLE');
    throw e;
  });
  await lockSender(db, customerId);
  const started = await db.selectFrom('consultations').select((eb) => eb.fn.countAll<number>().as('n')).where('customer_id', '=', customerId).where('created_at', '>', new Date(now.getTime() - DAY)).executeTakeFirstOrThrow();
  if (Number(started.n) >= CONSULT_LIMITS.newPerDay) throw new AppError('CONSULT_NEW_LIMIT', { limit: CONSULT_LIMITS.newPerDay });
  const customer = await userContact(ctx, db, customerId);
  // Without a name (most sign up by SMS alone): 客户 and four characters of the account id, so a worker tells customers apart.
  const customerLabel = customer?.name ? maskName(customer.name) : `客户 ${customerId.replace(/-/g, '').slice(-4).toUpperCase()}`;
  const row = await db.insertInto('consultations').values({ customer_id: customerId, worker_id: workerId, customer_label: customerLabel, worker_label: worker.name, created_at: now, last_message_at: now })
    .onConflict((oc) => oc.columns(['customer_id', 'worker_id']).doNothing()).returningAll().executeTakeFirst();
  // Two taps at once: the other request created it; answer with that one.
  const c = row ?? await db.selectFrom('consultations').selectAll().where('customer_id', '=', customerId).where('worker_id', '=', workerId).executeTakeFirstOrThrow();
  return { ...header(c, 'customer'), created: !!row };
}

/** My consultations, latest activity first, each with the last message and what I have not read. */
export async function myConsultations(db: Db, userId: string, role: ConsultRole) {
  const mine = role === 'customer' ? 'c.customer_id' as const : 'c.worker_id' as const;
  const rows = await db.selectFrom('consultations as c')
    .leftJoin('consultation_reads as r', (j) => j.onRef('r.consultation_id', '=', 'c.id').on('r.reader_id', '=', userId))
    .selectAll('c')
    .select((eb) => [
      eb.selectFrom('consultation_messages as m').select('m.body').whereRef('m.consultation_id', '=', 'c.id').orderBy('m.created_at', 'desc').orderBy('m.id', 'desc').limit(1).as('last_body'),
      eb.selectFrom('consultation_messages as m').select((e) => e.fn.countAll<number>().as('n')).whereRef('m.consultation_id', '=', 'c.id').where('m.sender_id', '!=', userId)
        .where((e) => e.or([e('r.read_at', 'is', null), e('m.created_at', '>', e.ref('r.read_at'))])).as('unread'),
    ])
    .where(mine, '=', userId)
    .where((eb) => eb.exists(eb.selectFrom('consultation_messages as m').select('m.id').whereRef('m.consultation_id', '=', 'c.id')))
    .orderBy('c.last_message_at', 'desc').limit(200).execute();
  const items = rows.map((r) => ({ ...header(r, role), lastMessage: r.last_body ?? '', unread: Number(r.unread ?? 0) }));
  return { items, unread: items.reduce((sum, i) => sum + i.unread, 0) };
}

/** One conversation for one of its sides (`after`: only newer messages), with what is unread. */
export async function consultationOf(db: Db, id: string, userId: string, role: ConsultRole, after?: string) {
  const c = await partyConversation(db, id, userId, role);
  let q = db.selectFrom('consultation_messages').selectAll().where('consultation_id', '=', id);
  if (after) q = q.where('created_at', '>', new Date(after));
  const [rows, read] = await Promise.all([q.orderBy('created_at').orderBy('id').limit(500).execute(), readAt(db, id, userId)]);
  const unread = rows.filter((m) => m.sender_id !== userId && (!read || m.created_at > read)).length;
  return { ...header(c, role), unread, items: rows.map((m) => present(m, userId)) };
}

/** Serialises one sender's sends, so the rate limits hold when requests race. */
async function lockSender(db: Db, userId: string) {
  await sql`select pg_advisory_xact_lock(hashtext(${`consult:${userId}`}))`.execute(db);
}

async function sentSince(db: Db, userId: string, since: Date) {
  const r = await db.selectFrom('consultation_messages').select((eb) => eb.fn.countAll<number>().as('n')).where('sender_id', '=', userId).where('created_at', '>', since).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Sends a text: the side, the worker's decline, the rate limits; sanitised and masked; told live to the other side. */
export async function sendConsultation(db: Db, id: string, userId: string, role: ConsultRole, text: string, now = new Date()) {
  const c = await partyConversation(db, id, userId, role);
  if (c.status === 'declined') throw new AppError(role === 'customer' ? 'CONSULT_DECLINED' : 'CONSULT_CLOSED_BY_YOU');
  const prepared = prepareChatMessage(text);
  if (!prepared.ok) throw new AppError('VALIDATION_FAILED', {}, [{ field: 'body', code: prepared.code.toLowerCase(), message: prepared.message }]);
  await lockSender(db, userId);
  if (role === 'customer') {
    if (await sentSince(db, userId, new Date(now.getTime() - MINUTE)) >= CONSULT_LIMITS.customerPerMinute) throw new AppError('CONSULT_RATE_LIMITED', { limit: CONSULT_LIMITS.customerPerMinute });
    if (await sentSince(db, userId, new Date(now.getTime() - DAY)) >= CONSULT_LIMITS.customerPerDay) throw new AppError('CONSULT_DAILY_LIMIT', { limit: CONSULT_LIMITS.customerPerDay });
  } else if (await sentSince(db, userId, new Date(now.getTime() - MINUTE)) >= CONSULT_LIMITS.workerPerMinute) {
    throw new AppError('CONSULT_RATE_LIMITED', { limit: CONSULT_LIMITS.workerPerMinute });
  }
  const row = await db.insertInto('consultation_messages').values({ consultation_id: id, sender_kind: role, sender_id: userId, body: prepared.text, masked: prepared.masked, created_at: now })
    .returningAll().executeTakeFirstOrThrow();
  await db.updateTable('consultations').set({ last_message_at: now }).where('id', '=', id).execute();
  const otherId = role === 'customer' ? c.worker_id : c.customer_id;
  const data = { consultationId: id, messageId: row.id, from: role };
  await publish(db, [{ topic: topics.user(userId), type: 'consultation', data }, { topic: topics.user(otherId), type: 'consultation', data }]);
  const read = await readAt(db, id, otherId);
  await notify(db, {
    type: 'consult_message', to: { userId: otherId, audience: role === 'customer' ? 'worker' : 'customer' },
    vars: { sender: role === 'customer' ? c.customer_label : c.worker_label, preview: prepared.text.length > 20 ? `${prepared.text.slice(0, 20)}…` : prepared.text },
    linkId: id, dedupeKey: `consult:${id}:${read?.toISOString() ?? 'never'}`, now, // one notice per unread streak
  });
  return present(row, userId);
}

/** The worker stops (`declined`) or resumes (`open`) the customer's messages; both sides are told live. */
export async function setConsultationStatus(db: Db, id: string, workerId: string, status: 'open' | 'declined', now = new Date()) {
  const c = await partyConversation(db, id, workerId, 'worker');
  if (c.status !== status) {
    await db.updateTable('consultations').set({ status, declined_at: status === 'declined' ? now : null }).where('id', '=', id).execute();
    const data = { consultationId: id, status };
    await publish(db, [{ topic: topics.user(c.worker_id), type: 'consultation', data }, { topic: topics.user(c.customer_id), type: 'consultation', data }]);
  }
  return header({ ...c, status, declined_at: status === 'declined' ? (c.status === status ? c.declined_at : now) : null }, 'worker');
}

/** Marks the conversation read up to now for the caller, with its message-centre notices. */
export async function markConsultationRead(db: Db, id: string, userId: string, role: ConsultRole) {
  await partyConversation(db, id, userId, role);
  const now = new Date();
  await db.insertInto('consultation_reads').values({ consultation_id: id, reader_id: userId, read_at: now })
    .onConflict((oc) => oc.columns(['consultation_id', 'reader_id']).doUpdateSet({ read_at: now })).execute();
  await markChatNoticesRead(db, { kind: 'user', id: userId, audience: role }, id, 'consult_message');
  return { readAt: now.toISOString() };
}

/**
 * What the customer and the worker wrote before the order was booked, for the order's chat: the consultation's
 * messages up to the order's creation, when the order's worker is the one consulted. Nothing is copied, so a
 * reassigned order (another worker) shows none of it.
 */
export async function earlierMessagesOf(db: Db, o: { customerId: string; workerId: string | null; bookedAt: Date }, viewerId: string | null) {
  if (!o.workerId) return null;
  const c = await db.selectFrom('consultations').select(['id']).where('customer_id', '=', o.customerId).where('worker_id', '=', o.workerId).executeTakeFirst();
  if (!c) return null;
  const rows = await db.selectFrom('consultation_messages').selectAll().where('consultation_id', '=', c.id).where('created_at', '<=', o.bookedAt)
    .orderBy('created_at').orderBy('id').limit(500).execute();
  return rows.length ? { consultationId: c.id, items: rows.map((m) => present(m, viewerId)) } : null;
}

/** PIPL: the consultations of an account (export) and their erasure (注销: the person's messages go). */
export async function exportConsultations(db: Db, userId: string) {
  const rows = await db.selectFrom('consultation_messages as m').innerJoin('consultations as c', 'c.id', 'm.consultation_id')
    .select(['c.id', 'c.created_at as started', 'm.sender_kind', 'm.body', 'm.created_at']).where('m.sender_id', '=', userId).orderBy('m.created_at').execute();
  return rows.map((r) => ({ consultationId: r.id, from: r.sender_kind, body: r.body, at: r.created_at.toISOString() }));
}
export async function eraseConsultations(db: Db, userId: string) {
  await db.deleteFrom('consultations').where((eb) => eb.or([eb('customer_id', '=', userId), eb('worker_id', '=', userId)])).execute();
}
