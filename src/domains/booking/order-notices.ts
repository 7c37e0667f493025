/**
 * What the order's people are told when it moves: each transition's `notify.*` effects become messaging
 * notifications (message centre, live event, SMS / e-mail by the recipient's preferences), in the transition's
 * transaction. The texts are the messaging templates'; this module only supplies the order's facts.
 */
import dayjs from 'dayjs';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { publish, topics } from '../../platform/events.js';
import { notify } from '../messaging/index.js';
import { cityTimeZone, getDistrict } from '../geo/index.js';
import { snapshotItem, type WorkerSnapshot } from './order-facts.js';
import type { OrderRow } from './queries.js';
import type { TransitionOk } from './state-machine.js';

type Db = Kysely<DB>;

export const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;

/** Local "YYYY-MM-DD HH:mm" of an instant in the order's city. */
export async function localTime(db: Db, o: OrderRow, at: Date): Promise<string> {
  return dayjs(at).tz(await cityTimeZone(db, o.city_code)).format('YYYY-MM-DD HH:mm');
}

export async function districtName(db: Db, o: OrderRow): Promise<string> {
  return (await getDistrict(db, o.district_code))?.name ?? '';
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
      return notify(db, { ...base, type: 'order_accepted', to: customer, vars: { workerName } });
    case 'assign':
      await notify(db, { ...base, type: 'order_accepted', to: customer, vars: { workerName } });
      if (worker) await notify(db, { ...base, type: 'order_assigned', to: worker, vars: { service, startTime: await localTime(db, o, o.scheduled_start), district: await districtName(db, o) } });
      return;
    case 'dispute':
    case 'report_problem': {
      const e = await lastEvent(db, o.id, r.action);
      const party = e.actorKind === 'worker' ? 'worker' as const : e.actorKind === 'customer' ? 'customer' as const : 'platform' as const;
      return notify(db, { ...base, type: 'dispute_opened', to: { adminsWith: 'orders:write' }, vars: { orderNo: o.order_no, party, reason: e.note } });
    }
    case 'arbitrate': {
      const outcome = r.to === 'completed' ? { decision: 'completed' as const } : { decision: o.refund_fen >= o.paid_fen ? 'refund_full' as const : 'refund_partial' as const, amount: yuan(o.refund_fen) };
      const vars = { service, ...outcome };
      await notify(db, { ...base, type: 'arbitration_decided', to: customer, vars });
      if (worker) await notify(db, { ...base, type: 'arbitration_decided', to: worker, vars });
      return;
    }
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
  await publishOrderChanged(db, o, r.action, previousWorkerId);
}

/** A change of the order that is not a status move (extra work proposed, decided, paid) is live for its people too. */
export async function publishOrderChanged(db: Db, o: OrderRow, action: string, previousWorkerId?: string | null) {
  const people = new Set([o.customer_id, o.worker_id, previousWorkerId].filter((id): id is string => !!id));
  const data = { orderId: o.id, status: o.status, action };
  await publish(db, [...people].map((id) => ({ topic: topics.user(id), type: 'order', data })));
}

/** 新订单: each worker a round offers the order to is told, with the decision deadline. */
export async function noticeOffers(db: Db, o: OrderRow, workerIds: readonly string[], round: number, expiresAt: Date) {
  const vars = { district: await districtName(db, o), service: snapshotItem(o).name, startTime: await localTime(db, o, o.scheduled_start), deadline: (await localTime(db, o, expiresAt)).slice(11) };
  for (const id of workerIds) {
    await notify(db, { type: 'order_offered', to: { userId: id, audience: 'worker' }, vars, linkId: o.id, dedupeKey: `offer:${o.id}:${round}`, smsNotAfter: expiresAt });
  }
}

type RescheduleStep = 'requested' | 'ops_approved' | 'approved' | 'rejected';

/**
 * 改约: the side that must answer is asked (the worker for a customer's request; operations, then the customer, for a
 * worker's); the requester hears a refusal; both hear an accepted move.
 */
export async function noticeReschedule(db: Db, o: OrderRow, step: RescheduleStep, req: { id: string; requestedBy: 'customer' | 'worker'; proposedStart: Date }) {
  const service = snapshotItem(o).name;
  const newTime = await localTime(db, o, req.proposedStart);
  const base = { linkId: o.id, dedupeKey: `reschedule:${req.id}:${step}` };
  const customer = { userId: o.customer_id, audience: 'customer' as const };
  const worker = o.worker_id ? { userId: o.worker_id, audience: 'worker' as const } : null;
  const contact = o.relay_number ? `隐私号 ${o.relay_number}` : '平台客服';
  if (step === 'requested' && req.requestedBy === 'customer' && worker) {
    await notify(db, { ...base, type: 'reschedule_requested', to: worker, vars: { requester: 'customer', service, newTime } });
  } else if (step === 'requested') {
    await notify(db, { ...base, type: 'reschedule_requested', to: { adminsWith: 'orders:write' }, vars: { requester: 'worker', service, newTime } });
  } else if (step === 'ops_approved') {
    await notify(db, { ...base, type: 'reschedule_requested', to: customer, vars: { requester: 'worker', service, newTime } });
  } else {
    const vars = { decision: step, service, newTime, contact } as const;
    const requester = req.requestedBy === 'customer' ? customer : worker;
    const told = step === 'approved' ? [customer, worker] : [requester];
    for (const to of told) if (to) await notify(db, { ...base, type: 'reschedule_decided', to, vars });
  }
}
