/**
 * Notifications: a domain calls `notify` in the transaction of the change that causes it; the recipient's message
 * centre gets a row at once (and a real-time event), and the SMS / e-mail copies are durable jobs planned by the
 * delivery rules (preferences, verified addresses, quiet hours). Texts are rendered from the template catalogue in
 * the reader's language when read, so a notification reads in Chinese or English alike.
 */
import type { Kysely, Selectable } from 'kysely';
import type { AppContext } from '../../platform/app-context.js';
import type { DB } from '../../db/types.js';
import type { NotificationsTable } from '../../db/types-messaging.js';
import { AppError } from '../../platform/errors.js';
import { publish, topics } from '../../platform/events.js';
import type { Lang } from '../../platform/i18n.js';
import { scheduleJob, type JobRow } from '../../platform/jobs.js';
import type { Permission } from '../../platform/rbac.js';
import { notificationContact } from '../accounts/index.js';
import { adminIdsWith } from '../admin/index.js';
import { DEFAULT_QUIET_HOURS, planNotificationDelivery, type ChannelPreferences } from './delivery-rules.js';
import { NOTIFICATION_CATEGORIES, notificationTemplate, renderNotification, type NotificationType, type NotificationVars } from './templates.js';

type Db = Kysely<DB>;
type Row = Selectable<NotificationsTable>;

export type Recipient = { userId: string; audience: 'customer' | 'worker' } | { adminsWith: Permission } | { adminId: string };
export type Reader = { kind: 'user'; id: string; audience: 'customer' | 'worker' } | { kind: 'admin'; id: string };

export interface NotifyInput<T extends NotificationType> {
  type: T;
  to: Recipient;
  vars: NotificationVars<T>;
  /** The object the notification opens (order id, withdrawal id…). */
  linkId?: string;
  /** A retried cause notifies once: the same key (per recipient) is ignored. */
  dedupeKey?: string;
  /** An SMS that could only leave after this instant is dropped (a reminder after the start is useless). */
  smsNotAfter?: Date;
  now?: Date;
}

async function recipientsOf(db: Db, to: Recipient) {
  if ('userId' in to) return [{ kind: 'user' as const, id: to.userId, audience: to.audience }];
  const ids = 'adminId' in to ? [to.adminId] : await adminIdsWith(db, to.adminsWith);
  return ids.map((id) => ({ kind: 'admin' as const, id, audience: 'admin' as const }));
}

/** Writes the notification for each recipient, announces it live, and schedules its SMS / e-mail copies. */
export async function notify<T extends NotificationType>(db: Db, n: NotifyInput<T>): Promise<void> {
  renderNotification(n.type, n.vars, 'zh-CN'); // a missing or unknown variable is a programming error: fail here, loudly
  const template = notificationTemplate(n.type);
  const now = n.now ?? new Date();
  for (const r of await recipientsOf(db, n.to)) {
    const row = await db.insertInto('notifications').values({
      recipient_kind: r.kind, recipient_id: r.id, audience: r.audience, type: n.type, category: template.category, vars: JSON.stringify(n.vars),
      link_kind: template.link, link_id: n.linkId ?? null, dedupe_key: n.dedupeKey ? `${n.dedupeKey}:${r.id}` : null, created_at: now,
    }).onConflict((oc) => oc.column('dedupe_key').doNothing()).returning('id').executeTakeFirst();
    if (!row) continue;
    await publish(db, [{ topic: r.kind === 'user' ? topics.user(r.id) : topics.admin(r.id), type: 'notification', data: { id: row.id, audience: r.audience, type: n.type, linkKind: template.link, linkId: n.linkId ?? null } }]);
    if (r.kind === 'user') await scheduleCopies(db, row.id, r.id, n.type, now, n.smsNotAfter);
  }
}

async function scheduleCopies(db: Db, notificationId: string, userId: string, type: NotificationType, now: Date, notAfter?: Date) {
  const u = await db.selectFrom('users').select(['phone_enc', 'email_verified_at', 'deleted_at']).where('id', '=', userId).executeTakeFirst();
  if (!u || u.deleted_at) return;
  const plan = planNotificationDelivery(type, {
    recipient: { phoneVerified: !!u.phone_enc, emailVerified: !!u.email_verified_at }, preferences: await preferencesOf(db, userId),
    quietHours: DEFAULT_QUIET_HOURS, now, ...(notAfter ? { notAfter } : {}),
  });
  for (const d of plan.deliveries) {
    if (d.channel === 'in_app') continue;
    await scheduleJob(db, { kind: 'notify.deliver', key: `notify:${notificationId}:${d.channel}`, runAt: d.sendAt, payload: { notificationId, channel: d.channel } });
  }
}

/** Job `notify.deliver`: the SMS or e-mail copy of one notification, through the provider (an outbox offline). */
export async function deliverCopy(ctx: AppContext, trx: Db, job: JobRow): Promise<void> {
  const n = await trx.selectFrom('notifications').selectAll().where('id', '=', String(job.payload.notificationId)).executeTakeFirst();
  if (!n || n.recipient_kind !== 'user') return;
  const contact = await notificationContact(ctx, trx, n.recipient_id);
  const text = renderNotification(n.type as NotificationType, n.vars as never, 'zh-CN');
  if (job.payload.channel === 'sms' && contact?.phone) await ctx.sms.send(trx, contact.phone, text.smsText);
  if (job.payload.channel === 'email' && contact?.email) await ctx.mail.send(trx, contact.email, `【到家】${text.title}`, text.body);
}

function present(n: Row, lang: Lang) {
  const text = renderNotification(n.type as NotificationType, n.vars as never, lang);
  return {
    id: n.id, type: n.type, category: n.category, title: text.title, body: text.body, link: n.link_kind ? { kind: n.link_kind, id: n.link_id } : null,
    createdAt: n.created_at.toISOString(), readAt: n.read_at?.toISOString() ?? null,
  };
}

const mine = (db: Db, r: Reader) => {
  const q = db.selectFrom('notifications').where('recipient_id', '=', r.id).where('recipient_kind', '=', r.kind);
  return r.kind === 'user' ? q.where('audience', '=', r.audience) : q;
};

/** 消息中心: newest first, with the unread count. */
export async function listNotifications(db: Db, r: Reader, f: { offset: number; limit: number; unread?: boolean; lang: Lang }) {
  let q = mine(db, r);
  if (f.unread) q = q.where('read_at', 'is', null);
  const [rows, total, unread] = await Promise.all([
    q.selectAll().orderBy('created_at', 'desc').orderBy('id').offset(f.offset).limit(f.limit).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    unreadCount(db, r),
  ]);
  return { total: Number(total.n), unread, items: rows.map((n) => present(n, f.lang)) };
}

export async function unreadCount(db: Db, r: Reader): Promise<number> {
  const row = await mine(db, r).where('read_at', 'is', null).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One of my notifications (404 for anyone else's), marked read as it is opened. */
export async function openNotification(db: Db, r: Reader, id: string, lang: Lang) {
  const row = await mine(db, r).where('id', '=', id).selectAll().executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  if (!row.read_at) await markRead(db, r, [id]);
  return present({ ...row, read_at: row.read_at ?? new Date() }, lang);
}

/** Marks some (or, without ids, all) of my notifications read; tells my other open portals. */
export async function markRead(db: Db, r: Reader, ids?: string[]) {
  let q = db.updateTable('notifications').set({ read_at: new Date() }).where('recipient_id', '=', r.id).where('recipient_kind', '=', r.kind).where('read_at', 'is', null);
  if (r.kind === 'user') q = q.where('audience', '=', r.audience);
  if (ids) q = q.where('id', 'in', ids.length ? ids : ['00000000-0000-0000-0000-000000000000']);
  const done = await q.returning('id').execute();
  if (done.length) await publish(db, [{ topic: r.kind === 'user' ? topics.user(r.id) : topics.admin(r.id), type: 'notification.read', data: { ids: done.map((d) => d.id) } }]);
  return { marked: done.length, unread: await unreadCount(db, r) };
}

/** The unread 新消息 notices of one conversation (an order's chat, or a 售前咨询 with `consult_message`), read with it. */
export async function markChatNoticesRead(db: Db, r: Reader, linkId: string, type: 'chat_message' | 'consult_message' = 'chat_message') {
  const ids = await mine(db, r).where('type', '=', type).where('link_id', '=', linkId).where('read_at', 'is', null).select('id').execute();
  if (ids.length) await markRead(db, r, ids.map((i) => i.id));
}

const OPTIONAL_CATEGORIES = NOTIFICATION_CATEGORIES.filter((c) => c !== 'safety');

async function preferencesOf(db: Db, userId: string): Promise<ChannelPreferences> {
  const rows = await db.selectFrom('notification_prefs').selectAll().where('user_id', '=', userId).execute();
  const prefs: ChannelPreferences = {};
  for (const r of rows) (prefs[r.category as keyof ChannelPreferences] ??= {})[r.channel] = r.enabled;
  return prefs;
}

/** 通知设置: per category, SMS and e-mail on or off (in-app is always on; safety messages ignore the switches). */
export async function getPreferences(db: Db, userId: string) {
  const prefs = await preferencesOf(db, userId);
  return {
    quietHours: { start: DEFAULT_QUIET_HOURS.start, end: DEFAULT_QUIET_HOURS.end },
    categories: OPTIONAL_CATEGORIES.map((category) => ({
      category, sms: prefs[category]?.sms ?? category !== 'marketing', email: prefs[category]?.email ?? category !== 'marketing',
    })),
  };
}

export async function setPreferences(db: Db, userId: string, changes: { category: string; sms?: boolean; email?: boolean }[]) {
  for (const c of changes) {
    if (!OPTIONAL_CATEGORIES.includes(c.category as never)) {
      throw new AppError('VALIDATION_FAILED', {}, [{ field: 'category', code: 'invalid', message: { zh: '未知或不可关闭的通知类别', en: 'Unknown category, or one that cannot be switched off' } }]);
    }
    for (const channel of ['sms', 'email'] as const) {
      const enabled = c[channel];
      if (enabled === undefined) continue;
      await db.insertInto('notification_prefs').values({ user_id: userId, category: c.category, channel, enabled, updated_at: new Date() })
        .onConflict((oc) => oc.columns(['user_id', 'category', 'channel']).doUpdateSet({ enabled, updated_at: new Date() })).execute();
    }
  }
  return getPreferences(db, userId);
}
