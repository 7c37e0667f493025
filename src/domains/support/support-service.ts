/**
 * 客服: the help centre's questions and answers, and support tickets — a customer or worker writes (about an order
 * or not), the support desk answers in the console, both sides see the thread update live; the user is notified of
 * each answer. Messages are masked like chat (no contact details leave through support either).
 */
import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { AppError } from '../../platform/errors.js';
import { publish, topics } from '../../platform/events.js';
import type { Lang } from '../../platform/i18n.js';
import { orderParties } from '../booking/index.js';
import { prepareChatMessage } from '../messaging/index.js';
import { notify } from '../messaging/index.js';

type Db = Kysely<DB>;
type Audience = 'customer' | 'worker';
const DESK = topics.permission('support:answer');

/** 帮助中心 for one portal, grouped by category, in the reader's language; `q` filters by words in question or answer. */
export async function helpCentre(db: Db, audience: Audience, lang: Lang, q?: string) {
  const rows = await db.selectFrom('help_articles').selectAll().where('audience', '=', audience).orderBy('sort').execute();
  const en = lang === 'en';
  const needle = q?.trim().toLowerCase();
  const items = rows.map((r) => ({ id: r.id, category: en ? r.category_en : r.category, question: en ? r.question_en : r.question, answer: en ? r.answer_en : r.answer }))
    .filter((a) => !needle || a.question.toLowerCase().includes(needle) || a.answer.toLowerCase().includes(needle));
  return { items };
}

function cleanBody(text: string) {
  const prepared = prepareChatMessage(text);
  if (!prepared.ok) throw new AppError('VALIDATION_FAILED', {}, [{ field: 'body', code: prepared.code.toLowerCase(), message: prepared.message }]);
  return prepared.text;
}

const ticketNo = () => `KF${new Date().toISOString().slice(2, 10).replace(/-/g, '')}${String(randomInt(0, 1e6)).padStart(6, '0')}`;

async function thread(db: Db, ticketId: string) {
  const rows = await db.selectFrom('support_messages').selectAll().where('ticket_id', '=', ticketId).orderBy('created_at').orderBy('id').execute();
  return rows.map((m) => ({ id: m.id, from: m.sender_kind, senderName: m.sender_kind === 'support' ? m.sender_name || '客服' : '', body: m.body, createdAt: m.created_at.toISOString() }));
}

type TicketRow = { id: string; ticket_no: string; audience: string; order_id: string | null; subject: string; status: string; created_at: Date; updated_at: Date };
const presentTicket = (t: TicketRow) => ({
  id: t.id, ticketNo: t.ticket_no, audience: t.audience, orderId: t.order_id, subject: t.subject, status: t.status, createdAt: t.created_at.toISOString(), updatedAt: t.updated_at.toISOString(),
});

/** 联系客服: opens a ticket with its first message; an order must be the user's own. */
export async function openTicket(db: Db, userId: string, audience: Audience, input: { subject: string; body: string; orderId?: string }) {
  if (input.orderId) {
    const o = await orderParties(db, input.orderId);
    if (!o || (audience === 'customer' ? o.customerId : o.workerId) !== userId) throw new AppError('NOT_FOUND', {}, [{ field: 'orderId', code: 'unknown', message: { zh: '订单不存在', en: 'unknown order' } }]);
  }
  const body = cleanBody(input.body);
  const t = await db.insertInto('support_tickets').values({ ticket_no: ticketNo(), user_id: userId, audience, order_id: input.orderId ?? null, subject: input.subject.trim() })
    .returningAll().executeTakeFirstOrThrow();
  await db.insertInto('support_messages').values({ ticket_id: t.id, sender_kind: 'user', sender_id: userId, body }).execute();
  await publish(db, [{ topic: DESK, type: 'support', data: { ticketId: t.id } }]);
  return { ...presentTicket(t), messages: await thread(db, t.id) };
}

async function myTicket(db: Db, userId: string, id: string) {
  const t = await db.selectFrom('support_tickets').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  if (!t) throw new AppError('NOT_FOUND');
  return t;
}

export async function myTickets(db: Db, userId: string, audience: Audience) {
  const rows = await db.selectFrom('support_tickets').selectAll().where('user_id', '=', userId).where('audience', '=', audience).orderBy('updated_at', 'desc').limit(100).execute();
  return { items: rows.map(presentTicket) };
}

export async function ticketOfUser(db: Db, userId: string, id: string) {
  const t = await myTicket(db, userId, id);
  return { ...presentTicket(t), messages: await thread(db, t.id) };
}

/** The user adds to their ticket (a closed one cannot take more: open a new one). */
export async function replyAsUser(db: Db, userId: string, id: string, text: string) {
  const t = await myTicket(db, userId, id);
  if (t.status === 'closed') throw new AppError('SUPPORT_TICKET_CLOSED');
  await db.insertInto('support_messages').values({ ticket_id: t.id, sender_kind: 'user', sender_id: userId, body: cleanBody(text) }).execute();
  await db.updateTable('support_tickets').set({ status: 'open', updated_at: new Date() }).where('id', '=', t.id).execute();
  await publish(db, [{ topic: DESK, type: 'support', data: { ticketId: t.id } }, { topic: topics.user(userId), type: 'support', data: { ticketId: t.id } }]);
  return ticketOfUser(db, userId, id);
}

/** The support desk: tickets by status, oldest waiting first. */
export async function deskTickets(db: Db, status?: string) {
  let q = db.selectFrom('support_tickets as t').innerJoin('users as u', 'u.id', 't.user_id').selectAll('t').select(['u.name as user_name', 'u.phone_masked']);
  if (status) q = q.where('t.status', '=', status as never);
  const rows = await q.orderBy('t.updated_at').limit(200).execute();
  return { items: rows.map((t) => ({ ...presentTicket(t), userName: t.user_name, userPhone: t.phone_masked })) };
}

export async function deskTicket(db: Db, id: string) {
  const t = await db.selectFrom('support_tickets as t').innerJoin('users as u', 'u.id', 't.user_id').selectAll('t').select(['u.name as user_name', 'u.phone_masked']).where('t.id', '=', id).executeTakeFirst();
  if (!t) throw new AppError('NOT_FOUND');
  return { ...presentTicket(t), userName: t.user_name, userPhone: t.phone_masked, messages: await thread(db, t.id) };
}

/** Support answers (and may close); the user is notified and their open portal updates. */
export async function answerTicket(db: Db, admin: { id: string; name: string }, id: string, input: { body?: string; close?: boolean }) {
  const t = await db.selectFrom('support_tickets').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!t) throw new AppError('NOT_FOUND');
  if (t.status === 'closed') throw new AppError('SUPPORT_TICKET_CLOSED');
  const now = new Date();
  if (input.body) await db.insertInto('support_messages').values({ ticket_id: t.id, sender_kind: 'support', sender_id: admin.id, sender_name: admin.name, body: cleanBody(input.body), created_at: now }).execute();
  await db.updateTable('support_tickets').set({ status: input.close ? 'closed' : input.body ? 'answered' : t.status, assignee_admin_id: admin.id, updated_at: now }).where('id', '=', t.id).execute();
  await publish(db, [{ topic: DESK, type: 'support', data: { ticketId: t.id } }, { topic: topics.user(t.user_id), type: 'support', data: { ticketId: t.id } }]);
  if (input.body) await notify(db, { type: 'support_reply', to: { userId: t.user_id, audience: t.audience }, vars: { topic: t.subject }, linkId: t.id, now });
  return deskTicket(db, id);
}
