/**
 * 私信 per order between its customer and its worker: open from acceptance until the after-sales window closes
 * (the order's `completed` state ends at close), history kept and readable by support. Phone numbers, WeChat / QQ
 * ids and e-mail addresses typed into a message are masked before it is stored, so neither side can take the
 * conversation off the platform; calls go through the order's relay number.
 */
import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../db/types.js';
import type { ChatMessagesTable } from '../../db/types-messaging.js';
import { AppError } from '../../platform/errors.js';
import { publish, topics } from '../../platform/events.js';
import { findOrder, orderParties } from '../booking/index.js';
import { earlierMessagesOf } from './consultation-service.js';
import { prepareChatMessage } from '../messaging/index.js';
import { markChatNoticesRead, notify } from '../messaging/index.js';

type Db = Kysely<DB>;
type Row = Selectable<ChatMessagesTable>;
export type ChatRole = 'customer' | 'worker';

/** Order states in which the two sides may write; before acceptance there is nobody to talk to, after close it is history. */
const OPEN_FOR_CHAT = new Set(['assigned', 'on_the_way', 'in_service', 'awaiting_confirmation', 'completed', 'disputed']);
/** Before a worker took the order (待支付 / 待接单): the conversation has not begun — not "ended". */
const BEFORE_CHAT = new Set(['created', 'paid']);
export type ChatPhase = 'not_started' | 'open' | 'closed';
/** Where the conversation stands: not started before the order has a worker, open while it runs, closed after. */
export function chatPhase(status: string): ChatPhase {
  return OPEN_FOR_CHAT.has(status) ? 'open' : BEFORE_CHAT.has(status) ? 'not_started' : 'closed';
}
/** Messages per sender per minute (a flood answers 429). */
export const CHAT_RATE_PER_MINUTE = 20;

export const QUICK_REPLIES: Record<ChatRole, { code: string; zh: string; en: string }[]> = {
  customer: [
    { code: 'c_door', zh: '到了请直接敲门', en: 'Please knock when you arrive' },
    { code: 'c_parking', zh: '小区门口可以停车', en: 'You can park at the gate' },
    { code: 'c_wait', zh: '我晚几分钟到家，请稍等', en: 'I will be home in a few minutes, please wait' },
    { code: 'c_thanks', zh: '辛苦了，谢谢！', en: 'Thank you!' },
  ],
  worker: [
    { code: 'w_departed', zh: '我已出发，预计准时到达', en: 'I am on my way and should be on time' },
    { code: 'w_late', zh: '路上有点堵，可能晚到 10 分钟，抱歉', en: 'Traffic is slow, I may be 10 minutes late, sorry' },
    { code: 'w_arrived', zh: '我已到楼下', en: 'I am downstairs' },
    { code: 'w_done', zh: '服务已完成，请您验收', en: 'The work is done, please check it' },
  ],
};

/** The order, checked: the caller is its customer or its worker (404 otherwise, so others learn nothing). */
async function partyOrder(db: Db, orderId: string, userId: string, role: ChatRole) {
  const o = await orderParties(db, orderId);
  const mine = o && (role === 'customer' ? o.customerId === userId : o.workerId === userId);
  if (!o || !mine) throw new AppError('NOT_FOUND');
  return o;
}

function present(m: Row, viewerId: string | null) {
  return {
    id: m.id, orderId: m.order_id, from: m.sender_kind, mine: viewerId !== null && m.sender_id === viewerId, kind: m.kind, body: m.body,
    imageUrl: m.file_id ? `/api/orders/${m.order_id}/files/${m.file_id}` : null, masked: m.masked, createdAt: m.created_at.toISOString(),
  };
}

async function history(db: Db, orderId: string, after?: string) {
  let q = db.selectFrom('chat_messages').selectAll().where('order_id', '=', orderId);
  if (after) q = q.where('created_at', '>', new Date(after));
  return q.orderBy('created_at').orderBy('id').limit(500).execute();
}

/** The conversation of an order for one of its two sides, with whether it is still open and what is unread. */
export async function chatOf(db: Db, orderId: string, userId: string, role: ChatRole, after?: string) {
  const o = await partyOrder(db, orderId, userId, role);
  const [rows, read] = await Promise.all([
    history(db, orderId, after),
    db.selectFrom('chat_reads').select('read_at').where('order_id', '=', orderId).where('reader_id', '=', userId).executeTakeFirst(),
  ]);
  const unread = rows.filter((m) => m.sender_id !== userId && (!read || m.created_at > read.read_at)).length;
  return { orderId, orderNo: o.orderNo, open: OPEN_FOR_CHAT.has(o.status), phase: chatPhase(o.status), unread, quickReplies: QUICK_REPLIES[role], earlier: await earlierOf(db, o, userId), items: rows.map((m) => present(m, userId)) };
}

/** 售前咨询 the customer had with this order's worker before booking it: shown above the order's own messages. */
async function earlierOf(db: Db, o: { id: string; customerId: string; workerId: string | null }, viewerId: string | null) {
  if (!o.workerId) return null;
  const order = await findOrder(db, o.id);
  return order ? earlierMessagesOf(db, { customerId: o.customerId, workerId: o.workerId, bookedAt: order.created_at }, viewerId) : null;
}

/** Support reads any order's conversation (disputes). */
export async function chatForSupport(db: Db, orderId: string) {
  const o = await orderParties(db, orderId);
  if (!o) throw new AppError('NOT_FOUND');
  return { orderId, orderNo: o.orderNo, open: OPEN_FOR_CHAT.has(o.status), phase: chatPhase(o.status), earlier: await earlierOf(db, o, null), items: (await history(db, orderId)).map((m) => present(m, null)) };
}

export type ChatInput = { kind: 'text'; body: string } | { kind: 'quick'; code: string } | { kind: 'image'; fileId: string };

async function contentOf(db: Db, userId: string, role: ChatRole, input: ChatInput) {
  if (input.kind === 'quick') {
    const quick = QUICK_REPLIES[role].find((q) => q.code === input.code);
    if (!quick) throw new AppError('VALIDATION_FAILED', {}, [{ field: 'code', code: 'unknown', message: { zh: '未知快捷回复', en: 'unknown quick reply' } }]);
    return { body: quick.zh, masked: 0, fileId: null };
  }
  if (input.kind === 'image') {
    const f = await db.selectFrom('files').select('id').where('id', '=', input.fileId).where('owner_id', '=', userId).where('purpose', '=', 'order_photo').executeTakeFirst();
    if (!f) throw new AppError('FILE_NOT_OWNED');
    return { body: '', masked: 0, fileId: f.id };
  }
  const prepared = prepareChatMessage(input.body);
  if (!prepared.ok) throw new AppError('VALIDATION_FAILED', {}, [{ field: 'body', code: prepared.code.toLowerCase(), message: prepared.message }]);
  return { body: prepared.text, masked: prepared.masked, fileId: null };
}

/** Sends a message: checks the side, the window, the rate; masks contacts; tells the other side live. */
export async function sendChat(db: Db, orderId: string, userId: string, role: ChatRole, input: ChatInput, now = new Date()) {
  const o = await partyOrder(db, orderId, userId, role);
  if (!OPEN_FOR_CHAT.has(o.status)) throw new AppError('CHAT_CLOSED');
  const recent = await db.selectFrom('chat_messages').select((eb) => eb.fn.countAll<number>().as('n')).where('sender_id', '=', userId).where('created_at', '>', new Date(now.getTime() - 60_000)).executeTakeFirstOrThrow();
  if (Number(recent.n) >= CHAT_RATE_PER_MINUTE) throw new AppError('RATE_LIMITED');
  const content = await contentOf(db, userId, role, input);
  const row = await db.insertInto('chat_messages').values({ order_id: orderId, sender_kind: role, sender_id: userId, kind: input.kind, body: content.body, file_id: content.fileId, masked: content.masked, created_at: now })
    .returningAll().executeTakeFirstOrThrow();
  const otherId = role === 'customer' ? o.workerId : o.customerId;
  const otherRole: ChatRole = role === 'customer' ? 'worker' : 'customer';
  const data = { orderId, messageId: row.id, from: role };
  await publish(db, [{ topic: topics.user(userId), type: 'chat', data }, ...(otherId ? [{ topic: topics.user(otherId), type: 'chat', data }] : [])]);
  if (otherId) await noticeUnread(db, orderId, otherId, otherRole, role, content.body, now);
  return present(row, userId);
}

/** One message-centre entry per unread streak (not one per message): keyed by the reader's last read. */
async function noticeUnread(db: Db, orderId: string, readerId: string, readerRole: ChatRole, from: ChatRole, body: string, now: Date) {
  const read = await db.selectFrom('chat_reads').select('read_at').where('order_id', '=', orderId).where('reader_id', '=', readerId).executeTakeFirst();
  const preview = body ? (body.length > 20 ? `${body.slice(0, 20)}…` : body) : '[图片]';
  await notify(db, {
    type: 'chat_message', to: { userId: readerId, audience: readerRole }, vars: { sender: from === 'customer' ? '客户' : '家政人员', preview },
    linkId: orderId, dedupeKey: `chat:${orderId}:${read?.read_at.toISOString() ?? 'never'}`, now,
  });
}

/** Marks the conversation read up to now for the caller. */
export async function markChatRead(db: Db, orderId: string, userId: string, role: ChatRole) {
  await partyOrder(db, orderId, userId, role);
  const now = new Date();
  await db.insertInto('chat_reads').values({ order_id: orderId, reader_id: userId, read_at: now })
    .onConflict((oc) => oc.columns(['order_id', 'reader_id']).doUpdateSet({ read_at: now })).execute();
  await markChatNoticesRead(db, { kind: 'user', id: userId, audience: role }, orderId); // the conversation read is its notices read
  return { readAt: now.toISOString() };
}

/** Files shown in an order's conversation (the order's file route serves them to its parties). */
export async function chatFileIds(db: Db, orderId: string): Promise<string[]> {
  const rows = await db.selectFrom('chat_messages').select('file_id').where('order_id', '=', orderId).where('file_id', 'is not', null).execute();
  return rows.map((r) => r.file_id!);
}
