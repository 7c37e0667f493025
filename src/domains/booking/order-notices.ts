/**
 * What the order's people are told when it moves: each transition's `notify.*` effects become messaging
 * notifications (message centre, live event, SMS / e-mail by the recipient's preferences), in the transition's
 * transaction. The texts are the messaging templates'; this module only supplies the order's facts.
 */
import dayjs from 'dayjs';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { publish, topics } from '../../platform/events.js';
import { notify } from '../messaging/notify-service.js';
import { cityTimeZone } from '../geo/service.js';
import { snapshotItem } from './order-facts.js';
import type { WorkerSnapshot } from './present.js';
import type { OrderRow } from './queries.js';
import type { TransitionOk } from './state-machine.js';

type Db = Kysely<DB>;

export const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;

/** Local "YYYY-MM-DD HH:mm" of an instant in the order's city. */
export async function localTime(db: Db, o: OrderRow, at: Date): Promise<string> {
  return dayjs(at).tz(await cityTimeZone(db, o.city_code)).format('YYYY-MM-DD HH:mm');
}

async function userName(db: Db, id: string | null | undefined): Promise<string> {
  if (!id) return '家政人员';
  const u = await db.selectFrom('users').select('name').where('id', '=', id).executeTakeFirst();
  return u?.name ? `${u.name.slice(0, 1)}师傅` : '家政人员';
}

/** The timeline entry the transition just wrote: who did it and the reason they gave. */
async function lastEvent(db: Db, orderId: string, action: string) {
  const e = await db.selectFrom('order_events').select(['note', 'actor_kind']).where('order_id', '=', orderId).where('action', '=', action).orderBy('id', 'desc').limit(1).executeTakeFirst();
  return { note: e?.note || '—', actorKind: e?.actor_kind ?? 'system' };
}

const CANCELLER: Record<string, 'customer' | 'worker' | 'platform'> = { customer: 'customer', worker: 'worker', admin: 'platform', system: 'platform' };

/** The notifications of one applied transition (called by runEffects when the transition has notify effects). */
export async function noticeTransition(db: Db, o: OrderRow, r: TransitionOk, c: { now: Date; autoConfirmHours: number; previousWorkerId?: string | null }) {
  const now = c.now;
  const service = snapshotItem(o).name;
  const customer = { userId: o.customer_id, audience: 'customer' as const };
  const worker = o.worker_id ? { userId: o.worker_id, audience: 'worker' as const } : null;
  const key = `${r.action}:${o.id}:${o.version}`;
  const base = { linkId: o.id, dedupeKey: key, now };
  const workerName = (o.worker_snapshot as WorkerSnapshot | null)?.name ?? await userName(db, o.worker_id);
  switch (r.action) {
    case 'pay':
      return notify(db, { ...base, type: 'order_paid', to: customer, vars: { amount: yuan(o.paid_fen), service, startTime: await localTime(db, o, o.scheduled_start) } });
    case 'accept':
    case 'assign':
      return notify(db, { ...base, type: 'order_accepted', to: customer, vars: { workerName } });
    case 'decline':
      return notify(db, { ...base, type: 'order_declined', to: customer, vars: { workerName: await userName(db, c.previousWorkerId), reason: (await lastEvent(db, o.id, 'decline')).note } });
    case 'depart':
      return notify(db, { ...base, type: 'worker_departed', to: customer, vars: { workerName, eta: o.eta_at ? await localTime(db, o, o.eta_at) : '—' } });
    case 'check_in':
      return notify(db, { ...base, type: 'worker_arrived', to: customer, vars: { workerName, service } });
    case 'finish':
      return notify(db, { ...base, type: 'service_finished', to: customer, vars: { service, deadline: await localTime(db, o, new Date(now.getTime() + c.autoConfirmHours * 3_600_000)) } });
    case 'cancel':
    case 'expire':
    case 'worker_no_show': {
      const vars = { service, startTime: await localTime(db, o, o.scheduled_start), canceller: r.action === 'worker_no_show' ? 'worker' as const : CANCELLER[(await lastEvent(db, o.id, r.action)).actorKind] ?? 'platform' };
      await notify(db, { ...base, type: 'order_cancelled', to: customer, vars });
      if (worker) await notify(db, { ...base, type: 'order_cancelled', to: worker, vars });
      return;
    }
    default:
      return;
  }
}

/** Every move of an order is a live event for its people (open order pages refresh without a reload). */
export async function publishOrderMoved(db: Db, o: OrderRow, r: TransitionOk, previousWorkerId?: string | null) {
  const people = new Set([o.customer_id, o.worker_id, previousWorkerId].filter((id): id is string => !!id));
  const data = { orderId: o.id, status: o.status, action: r.action };
  await publish(db, [...people].map((id) => ({ topic: topics.user(id), type: 'order', data })));
}
