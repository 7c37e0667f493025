/**
 * Rescheduling. No worker yet: the customer moves the order at once. A worker assigned: the customer
 * asks, the worker consents. The worker asks: operations approve, then the customer consents. The
 * move itself (order start + commitment) happens in one transaction at the last "yes" — or not at all.
 */
import type { Kysely } from 'kysely';
import type { AppContext } from '../../platform/app-context.js';
import type { DB, RescheduleStatus } from '../../db/types.js';
import { writeAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { cityTimeZone } from '../geo/index.js';
import { lockWorkerSchedule } from '../workers/index.js';
import { alternatives, assertBookableStart, freeWorkersAt } from './availability.js';
import { settingsOf } from './booking-service.js';
import { activeCommitment, move } from './commitments.js';
import { orderSteps } from './order-steps.js';
import { needOf } from './order-facts.js';
import { scheduleVisitJobs } from './effects.js';
import { orderView } from './present.js';
import { noticeReschedule } from './order-notices.js';
import { insertEvent, lockOrder, pendingReschedule, updateOrder, withdrawOffers, type OrderRow } from './queries.js';
import type { BookingSettings } from './settings.js';
import { canReschedule, type OrderState } from './state-machine.js';
import { lockedOrder, type BookingActor } from './transition-service.js';

type Db = Kysely<DB>;

function notReschedulable(o: OrderRow) {
  return new AppError('ORDER_STATE', {}, [], { code: 'ILLEGAL_TRANSITION', currentState: o.status });
}

/** Checks that the order's worker (or, without one, anybody qualified) can take the new start. */
async function assertMovable(trx: Db, o: OrderRow, start: Date, now: Date) {
  assertBookableStart(start, now, await cityTimeZone(trx, o.city_code));
  const holder = (await activeCommitment(trx, o.id))?.worker_id ?? o.worker_id;
  if (holder) await lockWorkerSchedule(trx, holder);
  const need = await needOf(trx, o, { excludeOrderId: o.id, ...(holder ? { workerIds: [holder] } : {}) });
  if (!(await freeWorkersAt(trx, need, start, now)).length) throw new AppError('SLOT_TAKEN', {}, [], { alternatives: await alternatives(trx, need, start, now) });
}

/** Moves the order and its commitment; the exclusion constraint rejects a race that the check missed. */
async function moveOrder(trx: Db, o: OrderRow, start: Date, actor: BookingActor, now: Date, settings: BookingSettings, note: string) {
  await assertMovable(trx, o, start, now);
  const previous = o.scheduled_start;
  await move(trx, o.id, start, o.duration_minutes, o.buffer_minutes);
  const moved = await updateOrder(trx, o.id, o.version, { scheduled_start: start, late_flagged_at: null });
  if (!moved) throw new AppError('VERSION_CONFLICT');
  await insertEvent(trx, { orderId: o.id, action: 'rescheduled', actorKind: actor.kind, actorId: actor.id, actorName: actor.name, note, detail: { from: previous.toISOString(), to: start.toISOString() }, at: now });
  if (moved.status === 'paid' && !moved.worker_id) {
    await withdrawOffers(trx, o.id);
    await orderSteps().startDispatch(trx, moved, now, []);
  }
  if (moved.worker_id) await scheduleVisitJobs(trx, moved, settings, now);
  return moved;
}

async function openRequest(trx: Db, o: OrderRow, by: 'customer' | 'worker', requesterId: string, start: Date, reason: string, status: RescheduleStatus, now: Date) {
  if (await pendingReschedule(trx, o.id)) throw new AppError('RESCHEDULE_PENDING');
  const req = await trx.insertInto('reschedule_requests').values({ order_id: o.id, requested_by: by, requester_id: requesterId, previous_start: o.scheduled_start, proposed_start: start, reason: reason.trim(), status }).returning('id').executeTakeFirstOrThrow();
  await noticeReschedule(trx, o, 'requested', { id: req.id, requestedBy: by, proposedStart: start });
  await insertEvent(trx, { orderId: o.id, action: 'reschedule_requested', actorKind: by, actorId: requesterId, actorName: by === 'customer' ? '客户' : '师傅', note: reason.trim(), detail: { proposedStart: start.toISOString() }, at: now });
}

/** Customer: move now (no worker yet) or ask the assigned worker. */
export async function customerReschedule(ctx: AppContext, customerId: string, id: string, startIso: string, reason: string) {
  const now = new Date();
  const settings = await settingsOf(ctx);
  const start = new Date(startIso);
  const actor: BookingActor = { kind: 'customer', id: customerId, name: '客户' };
  const order = await ctx.db.transaction().execute(async (trx) => {
    const o = await lockedOrder(trx, id);
    if (o.customer_id !== customerId) throw new AppError('NOT_FOUND');
    if (!canReschedule(o.status as OrderState)) throw notReschedulable(o);
    if (await pendingReschedule(trx, o.id)) throw new AppError('RESCHEDULE_PENDING');
    if (!o.worker_id) return moveOrder(trx, o, start, actor, now, settings, reason.trim());
    await assertMovable(trx, o, start, now);
    await openRequest(trx, o, 'customer', customerId, start, reason, 'pending_worker', now);
    return o;
  });
  return orderView(ctx, ctx.db, order, { kind: 'customer', id: customerId }, settings, now);
}

/** Worker: ask to move an accepted order (operations, then the customer, must agree). */
export async function workerReschedule(ctx: AppContext, workerId: string, id: string, startIso: string, reason: string) {
  const now = new Date();
  const settings = await settingsOf(ctx);
  const start = new Date(startIso);
  const order = await ctx.db.transaction().execute(async (trx) => {
    const o = await lockedOrder(trx, id);
    if (o.worker_id !== workerId) throw new AppError('NOT_FOUND');
    if (o.status !== 'assigned') throw notReschedulable(o);
    await assertMovable(trx, o, start, now);
    await openRequest(trx, o, 'worker', workerId, start, reason, 'pending_ops', now);
    return o;
  });
  return orderView(ctx, ctx.db, order, { kind: 'worker', id: workerId }, settings, now);
}

/** A customer or worker answers through their order's URL: `orderId` is the order it names, which the request must be of. */
type Decider = { as: 'customer' | 'worker'; userId: string; orderId: string } | { as: 'ops'; admin: { id: string; name: string; ip: string } };

const EXPECTED: Record<Decider['as'], RescheduleStatus> = { customer: 'pending_customer', worker: 'pending_worker', ops: 'pending_ops' };

/**
 * One party's answer. "No" closes the request and leaves the order untouched; ops' "yes" passes it to
 * the customer; the last "yes" moves the order atomically (a conflict answers 409 and changes nothing).
 */
export async function decideReschedule(ctx: AppContext, requestId: string, decider: Decider, approve: boolean, note = '') {
  const now = new Date();
  const settings = await settingsOf(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    // Order first, then the request: the same lock order as every transition (which closes requests).
    const orderId = (await trx.selectFrom('reschedule_requests').select('order_id').where('id', '=', requestId).executeTakeFirst())?.order_id;
    const o = orderId ? await lockOrder(trx, orderId) : undefined;
    const req = o ? await trx.selectFrom('reschedule_requests').selectAll().where('id', '=', requestId).forUpdate().executeTakeFirst() : undefined;
    if (!o || !req) throw new AppError('NOT_FOUND');
    if (decider.as !== 'ops' && o.id !== decider.orderId) throw new AppError('NOT_FOUND');
    if (decider.as === 'customer' && o.customer_id !== decider.userId) throw new AppError('NOT_FOUND');
    if (decider.as === 'worker' && o.worker_id !== decider.userId) throw new AppError('NOT_FOUND');
    if (req.status !== EXPECTED[decider.as]) throw new AppError('RESCHEDULE_STATE');
    const actor: BookingActor = decider.as === 'ops' ? { kind: 'admin', id: decider.admin.id, name: decider.admin.name, ip: decider.admin.ip } : { kind: decider.as, id: decider.userId, name: decider.as === 'customer' ? '客户' : '师傅' };
    const close = async (status: RescheduleStatus, action: string) => {
      await trx.updateTable('reschedule_requests').set({ status, decided_at: now, decision_note: note.trim(), ...(decider.as === 'ops' ? { ops_admin_id: decider.admin.id } : {}) }).where('id', '=', req.id).execute();
      await insertEvent(trx, { orderId: o.id, action, actorKind: actor.kind, actorId: actor.id, actorName: actor.name, note: note.trim(), at: now });
      if (decider.as === 'ops') await writeAudit(trx, { actorKind: 'admin', actorId: decider.admin.id, actorName: decider.admin.name, action: `order.${action}`, targetType: 'order', targetId: o.id, ip: decider.admin.ip, detail: { requestId: req.id, note } });
    };
    const facts = { id: req.id, requestedBy: req.requested_by as 'customer' | 'worker', proposedStart: req.proposed_start };
    if (!approve) {
      await close('rejected', 'reschedule_rejected');
      await noticeReschedule(trx, o, 'rejected', facts);
      return o;
    }
    if (!canReschedule(o.status as OrderState)) throw notReschedulable(o);
    if (decider.as === 'ops') {
      await close('pending_customer', 'reschedule_ops_approved');
      await noticeReschedule(trx, o, 'ops_approved', facts);
      return o;
    }
    const moved = await moveOrder(trx, o, req.proposed_start, actor, now, settings, req.reason);
    await close('approved', 'reschedule_approved');
    await noticeReschedule(trx, moved, 'approved', facts);
    return moved;
  });
}

/** The requester takes a pending request back (through the URL of the order it is of: `onOrderId`). */
export async function withdrawReschedule(ctx: AppContext, userId: string, requestId: string, onOrderId: string) {
  const now = new Date();
  await ctx.db.transaction().execute(async (trx) => {
    const orderId = (await trx.selectFrom('reschedule_requests').select('order_id').where('id', '=', requestId).where('requester_id', '=', userId)
      .where('order_id', '=', onOrderId).executeTakeFirst())?.order_id;
    if (orderId) await lockOrder(trx, orderId);
    const req = orderId ? await trx.selectFrom('reschedule_requests').selectAll().where('id', '=', requestId).forUpdate().executeTakeFirst() : undefined;
    if (!req) throw new AppError('NOT_FOUND');
    if (!['pending_ops', 'pending_customer', 'pending_worker'].includes(req.status)) throw new AppError('RESCHEDULE_STATE');
    await trx.updateTable('reschedule_requests').set({ status: 'withdrawn', decided_at: now }).where('id', '=', req.id).execute();
    await insertEvent(trx, { orderId: req.order_id, action: 'reschedule_withdrawn', actorKind: req.requested_by, actorId: userId, actorName: req.requested_by === 'customer' ? '客户' : '师傅', at: now });
  });
}

/** Console queue: requests by status with what ops need to judge them. */
export async function listReschedules(ctx: AppContext, status: RescheduleStatus) {
  const rows = await ctx.db.selectFrom('reschedule_requests as r').innerJoin('orders as o', 'o.id', 'r.order_id')
    .selectAll('r').select(['o.order_no', 'o.quote_snapshot', 'o.worker_snapshot'])
    .where('r.status', '=', status).orderBy('r.created_at').limit(200).execute();
  return rows.map((r) => ({
    id: r.id, orderId: r.order_id, orderNo: r.order_no, itemName: (r.quote_snapshot as { item: { name: string } }).item.name,
    workerName: (r.worker_snapshot as { name: string } | null)?.name ?? null, requestedBy: r.requested_by, proposedStart: r.proposed_start.toISOString(),
    previousStart: r.previous_start.toISOString(), reason: r.reason, status: r.status, createdAt: r.created_at.toISOString(), decidedAt: r.decided_at?.toISOString() ?? null, decisionNote: r.decision_note,
  }));
}
