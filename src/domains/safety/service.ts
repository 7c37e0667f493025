/**
 * SOS: a customer or worker in trouble presses SOS (during a visit, or at any time); an incident with their location
 * is recorded, every operations admin is alerted at once (message centre + live event), and the person's emergency
 * contact gets an SMS whatever the hour. Operations acknowledge and resolve it; the person sees its state.
 */
import { randomInt } from 'node:crypto';
import dayjs from 'dayjs';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { AppContext } from '../../platform/app-context.js';
import type { DB } from '../../db/types.js';
import type { IncidentsTable } from '../../db/types-messaging.js';
import { AppError } from '../../platform/errors.js';
import { publish, topics } from '../../platform/events.js';
import { scheduleJob, type JobRow } from '../../platform/jobs.js';
import { orderParties } from '../booking/index.js';
import { DEFAULT_QUIET_HOURS } from '../messaging/index.js';
import { notify } from '../messaging/index.js';
import { renderNotification } from '../messaging/index.js';

type Db = Kysely<DB>;
type Row = Selectable<IncidentsTable>;
/** Everyone who may see the incident desk gets its live updates (only orders:write may act). */
const DESK = topics.permission('orders:read');

const present = (r: Row) => ({
  id: r.id, incidentNo: r.incident_no, role: r.role, orderId: r.order_id, location: r.lat !== null ? { lat: r.lat, lng: r.lng } : null, note: r.note, status: r.status,
  acknowledgedBy: r.acknowledged_by, acknowledgedAt: r.acknowledged_at?.toISOString() ?? null, resolvedBy: r.resolved_by, resolvedAt: r.resolved_at?.toISOString() ?? null,
  resolution: r.resolution, createdAt: r.created_at.toISOString(),
});

const localTime = (at: Date) => dayjs(at).tz(DEFAULT_QUIET_HOURS.timeZone).format('MM-DD HH:mm');
const where = (r: { lat: number | null; lng: number | null }) => (r.lat !== null && r.lng !== null ? `${r.lat.toFixed(5)},${r.lng.toFixed(5)}` : '位置未知');

export interface SosInput { orderId?: string; lat?: number; lng?: number; note?: string }

/**
 * 一键求助: records the incident (or returns the person's incident still open), alerts operations and schedules the
 * emergency contact's SMS. An order given must be the person's own.
 */
export async function raiseSos(db: Db, user: { id: string; name: string }, role: 'customer' | 'worker', input: SosInput) {
  if (input.orderId) {
    const o = await orderParties(db, input.orderId);
    if (!o || (role === 'customer' ? o.customerId : o.workerId) !== user.id) throw new AppError('NOT_FOUND', {}, [{ field: 'orderId', code: 'unknown', message: { zh: '订单不存在', en: 'unknown order' } }]);
  }
  const openOne = () => db.selectFrom('incidents').selectAll().where('user_id', '=', user.id).where('status', '!=', 'resolved').executeTakeFirst();
  const open = await openOne();
  if (open) return { ...present(open), repeated: true };
  const now = new Date();
  const row = await db.insertInto('incidents').values({
    incident_no: `SOS${now.toISOString().slice(2, 10).replace(/-/g, '')}${String(randomInt(0, 1e5)).padStart(5, '0')}`, user_id: user.id, role, order_id: input.orderId ?? null,
    lat: input.lat ?? null, lng: input.lng ?? null, note: (input.note ?? '').trim(), created_at: now,
  }).onConflict((oc) => oc.column('user_id').where('status', '<>', 'resolved').doNothing()).returningAll().executeTakeFirst();
  if (!row) return { ...present((await openOne())!), repeated: true }; // a second press in the same instant
  const vars = { name: `${user.name || (role === 'worker' ? '师傅' : '用户')}（${role === 'worker' ? '家政人员' : '客户'}）`, time: localTime(now), location: where(row) };
  await notify(db, { type: 'sos_raised', to: { adminsWith: 'orders:write' }, vars, linkId: row.id, dedupeKey: `sos:${row.id}`, now });
  await publish(db, [{ topic: DESK, type: 'sos', data: { incidentId: row.id } }]);
  await scheduleJob(db, { kind: 'safety.sos_contact', key: `sos-contact:${row.id}`, runAt: now, payload: { incidentId: row.id } });
  return { ...present(row), repeated: false };
}

/** Job `safety.sos_contact`: the emergency contact's SMS (safety: no quiet hours, no opt-out). */
export async function smsEmergencyContact(ctx: AppContext, trx: Db, job: JobRow) {
  const r = await trx.selectFrom('incidents as i').innerJoin('users as u', 'u.id', 'i.user_id').selectAll('i').select(['u.name', 'u.emergency_contact'])
    .where('i.id', '=', String(job.payload.incidentId)).executeTakeFirst();
  const contact = r?.emergency_contact as { phoneEnc?: string } | null | undefined;
  if (!r || !contact?.phoneEnc) return;
  const text = renderNotification('sos_raised', { name: r.name || '您的家人', time: localTime(r.created_at), location: where(r) }, 'zh-CN');
  await ctx.sms.send(trx, ctx.pii.decrypt(contact.phoneEnc), text.smsText);
}

export async function myIncidents(db: Db, userId: string) {
  const rows = await db.selectFrom('incidents').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').limit(20).execute();
  return { items: rows.map(present) };
}

/** Operations' incident desk: open first, then newest. */
export async function listIncidents(db: Db, status?: string) {
  let q = db.selectFrom('incidents as i').innerJoin('users as u', 'u.id', 'i.user_id').selectAll('i').select(['u.name as user_name', 'u.phone_masked']);
  if (status) q = q.where('i.status', '=', status as never);
  const rows = await q.orderBy(sql`case i.status when 'open' then 0 when 'acknowledged' then 1 else 2 end`).orderBy('i.created_at', 'desc').limit(200).execute();
  return { items: rows.map((r) => ({ ...present(r), userName: r.user_name, userPhone: r.phone_masked })) };
}

/** 确认 (someone is on it) and 处理完毕 (with what was done); the person's portal updates live. */
export async function handleIncident(db: Db, admin: { name: string }, id: string, step: 'acknowledge' | 'resolve', resolution = '') {
  const now = new Date();
  const from = step === 'acknowledge' ? ['open'] : ['open', 'acknowledged'];
  const row = await db.updateTable('incidents')
    .set(step === 'acknowledge' ? { status: 'acknowledged', acknowledged_by: admin.name, acknowledged_at: now } : { status: 'resolved', resolved_by: admin.name, resolved_at: now, resolution: resolution.trim() })
    .where('id', '=', id).where('status', 'in', from as never[]).returningAll().executeTakeFirst();
  if (!row) {
    const exists = await db.selectFrom('incidents').select('status').where('id', '=', id).executeTakeFirst();
    throw new AppError(exists ? 'INCIDENT_STATE' : 'NOT_FOUND', {}, [], exists ? { currentState: exists.status } : {});
  }
  await publish(db, [{ topic: DESK, type: 'sos', data: { incidentId: id } }, { topic: topics.user(row.user_id), type: 'sos', data: { incidentId: id, status: row.status } }]);
  return present(row);
}
