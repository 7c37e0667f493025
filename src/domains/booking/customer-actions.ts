/** What a customer does to a booked order: cancel, no-show, change worker, extras, accept, after-sales. */
import type { Kysely } from 'kysely';
import type { AppContext } from '../../platform/app-context.js';
import type { DB } from '../../db/types.js';
import { AppError } from '../../platform/errors.js';
import { countCompletedItemOrder } from '../catalog/index.js';
import { recordCompletedOrder } from '../workers/index.js';
import { insertPenalty } from '../workers/index.js';
import { lockWorkerSchedule } from '../workers/index.js';
import { assertBookableStart, freeWorkersAt, alternatives } from './availability.js';
import { cityTimeZone } from '../geo/index.js';
import { customerOrder, settingsOf } from './booking-service.js';
import { cancellationFee, type CancelCause } from './cancellation.js';
import { commit } from './commitments.js';
import { needOf } from './order-facts.js';
import { runEffects } from './effects.js';
import { orderView } from './present.js';
import { publishOrderChanged } from './order-notices.js';
import { insertEvent, type OrderRow } from './queries.js';
import { cancellationPolicyOf, type BookingSettings } from './settings.js';
import type { OrderState } from './state-machine.js';
import { applyTransition, lockedOrder, SYSTEM, type BookingActor } from './transition-service.js';

type Db = Kysely<DB>;
const HOUR = 3_600_000;

const customerActor = (id: string): BookingActor => ({ kind: 'customer', id, name: '客户' });

async function respond(ctx: AppContext, o: OrderRow, settings: BookingSettings, now: Date) {
  return orderView(ctx, ctx.db, o, { kind: 'customer', id: o.customer_id }, settings, now);
}

function splitFor(o: OrderRow, now: Date, settings: BookingSettings, cause: CancelCause) {
  return cancellationFee({
    // What was actually paid: an unpaid order refunds nothing.
    state: o.status as OrderState, scheduledStart: o.scheduled_start, now, priceFen: o.paid_fen,
    policy: cancellationPolicyOf(settings), cause,
  });
}

/** What cancelling now would cost: fee, refund, the worker's compensation, and until when it is free. */
export async function cancellationPreview(ctx: AppContext, customerId: string, id: string) {
  const o = await customerOrder(ctx.db, customerId, id);
  const settings = await settingsOf(ctx);
  const now = new Date();
  if (!['created', 'paid', 'assigned', 'on_the_way'].includes(o.status)) throw new AppError('ORDER_STATE', {}, [], { code: 'ILLEGAL_TRANSITION', currentState: o.status });
  const split = splitFor(o, now, settings, 'customer');
  const freeUntil = new Date(o.scheduled_start.getTime() - settings.freeCancelHours * HOUR);
  return { ...split, freeUntil: freeUntil > now ? freeUntil.toISOString() : null };
}

/**
 * Cancels an order (customer: by the policy; admin: `cause` platform is free). The refund, the fee and
 * the worker's share are written on the order in the same transaction; the time is released.
 */
export async function cancelOrder(ctx: AppContext, actor: BookingActor, id: string, reason: string, cause: CancelCause = 'customer') {
  const now = new Date();
  const settings = await settingsOf(ctx);
  const order = await ctx.db.transaction().execute(async (trx) => {
    const o = await lockedOrder(trx, id);
    if (actor.kind === 'customer' && o.customer_id !== actor.id) throw new AppError('NOT_FOUND');
    const valid = ['created', 'paid', 'assigned', 'on_the_way'].includes(o.status);
    const split = valid ? splitFor(o, now, settings, cause) : { refundFen: 0, feeFen: 0, workerCompensationFen: 0, platformFen: 0 };
    const { order: done, result } = await applyTransition(trx, o, 'cancel', actor, {
      now, settings, facts: { reason },
      patch: { cancelled_at: now, cancel_reason: reason.trim(), refund_fen: split.refundFen, fee_fen: split.feeFen, worker_compensation_fen: split.workerCompensationFen },
      detail: { ...split, cause },
    });
    await runEffects(trx, done, result, { now, settings });
    return done;
  });
  return respond(ctx, order, settings, now);
}

/** The worker never came: full refund, a warning for the worker, the time released. */
export async function declareNoShow(ctx: AppContext, actor: BookingActor, id: string, reason: string) {
  const now = new Date();
  const settings = await settingsOf(ctx);
  const order = await ctx.db.transaction().execute(async (trx) => {
    const o = await lockedOrder(trx, id);
    if (actor.kind === 'customer' && o.customer_id !== actor.id) throw new AppError('NOT_FOUND');
    const { order: done, result } = await applyTransition(trx, o, 'worker_no_show', actor, {
      now, settings, facts: { reason: reason || '师傅未按约上门' }, patch: { cancelled_at: now, cancel_reason: reason || '师傅未上门', refund_fen: o.paid_fen, fee_fen: 0, worker_compensation_fen: 0 },
    });
    if (o.worker_id) await insertPenalty(trx, { id: null, name: '系统', ip: '' }, o.worker_id, { kind: 'warning', reason: `订单 ${o.order_no} 未按约上门 / no-show` });
    await runEffects(trx, done, result, { now, settings });
    return done;
  });
  return respond(ctx, order, settings, now);
}

/** Back to 待接单 without this worker; offered to others. */
export async function changeWorker(ctx: AppContext, actor: BookingActor, id: string, reason: string) {
  const now = new Date();
  const settings = await settingsOf(ctx);
  const order = await ctx.db.transaction().execute(async (trx) => {
    const o = await lockedOrder(trx, id);
    if (actor.kind === 'customer' && o.customer_id !== actor.id) throw new AppError('NOT_FOUND');
    const previous = o.worker_id;
    if (previous) await trx.updateTable('order_offers').set({ status: 'declined', reason: 'changed by customer' }).where('order_id', '=', o.id).where('worker_id', '=', previous).execute();
    const { order: done, result } = await applyTransition(trx, o, 'change_worker', actor, {
      now, settings, facts: { reason }, patch: { worker_id: null, worker_snapshot: null, relay_number: null, preferred_worker_id: null, accepted_at: null },
    });
    await runEffects(trx, done, result, { now, settings, previousWorkerId: previous });
    return done;
  });
  return respond(ctx, order, settings, now);
}

/** Accepts or refuses proposed extra work; an accepted amount is then due (paid through the cashier like the price). */
export async function decideExtra(ctx: AppContext, customerId: string, id: string, extraId: string, accept: boolean) {
  const now = new Date();
  const settings = await settingsOf(ctx);
  const order = await ctx.db.transaction().execute(async (trx) => {
    const o = await lockedOrder(trx, id);
    if (o.customer_id !== customerId) throw new AppError('NOT_FOUND');
    if (o.status !== 'in_service') throw new AppError('ORDER_STATE', {}, [], { code: 'ILLEGAL_TRANSITION', currentState: o.status });
    const extra = await trx.updateTable('order_extras').set({ status: accept ? 'accepted' : 'refused', decided_at: now })
      .where('id', '=', extraId).where('order_id', '=', id).where('status', '=', 'proposed').returningAll().executeTakeFirst();
    if (!extra) {
      const exists = await trx.selectFrom('order_extras').select('id').where('id', '=', extraId).where('order_id', '=', id).executeTakeFirst();
      throw new AppError(exists ? 'EXTRA_STATE' : 'NOT_FOUND');
    }
    const next = accept
      ? await trx.updateTable('orders').set({ extras_fen: o.extras_fen + extra.amount_fen, version: o.version + 1, updated_at: now }).where('id', '=', id).returningAll().executeTakeFirstOrThrow()
      : o;
    await insertEvent(trx, { orderId: id, action: accept ? 'extra_accepted' : 'extra_refused', actorKind: 'customer', actorId: customerId, actorName: '客户', note: `${extra.title} ¥${(extra.amount_fen / 100).toFixed(2)}`, at: now });
    await publishOrderChanged(trx, next, accept ? 'extra_accepted' : 'extra_refused');
    return next;
  });
  return respond(ctx, order, settings, now);
}

/** Completes an order (customer 验收, or the 48 h timer) and, for a rework visit, closes its parent's case. */
export async function completeOrder(ctx: AppContext, trx: Db, o: OrderRow, actor: BookingActor, now: Date, settings: BookingSettings) {
  const action = actor.kind === 'system' ? 'auto_confirm' : 'confirm';
  const { order: done, result } = await applyTransition(trx, o, action, actor, { now, settings, patch: { completed_at: now } });
  await runEffects(trx, done, result, { now, settings });
  if (done.worker_id) await recordCompletedOrder(trx, done.worker_id);
  await countCompletedItemOrder(trx, done.item_code);
  if (done.kind === 'rework' && done.parent_order_id) {
    const parent = await lockedOrder(trx, done.parent_order_id);
    if (parent.status === 'disputed') {
      const { order: p, result: r } = await applyTransition(trx, parent, 'rework_done', SYSTEM, { now, settings, patch: { completed_at: now }, note: done.order_no });
      await runEffects(trx, p, r, { now, settings });
    }
  }
  return done;
}

export async function confirmOrder(ctx: AppContext, customerId: string, id: string) {
  const now = new Date();
  const settings = await settingsOf(ctx);
  const order = await ctx.db.transaction().execute(async (trx) => {
    const o = await lockedOrder(trx, id);
    if (o.customer_id !== customerId) throw new AppError('NOT_FOUND');
    return completeOrder(ctx, trx, o, customerActor(customerId), now, settings);
  });
  return respond(ctx, order, settings, now);
}

export interface ProblemInput { kind: 'rework' | 'other'; reason: string; reworkStart?: string }

/**
 * After-sales: the order goes to 售后 (disputed). A rework request within the rework window also books a
 * free visit by the same worker at a time that worker is free (409 SLOT_TAKEN with alternatives otherwise).
 */
export async function reportProblem(ctx: AppContext, customerId: string, id: string, input: ProblemInput) {
  const now = new Date();
  const settings = await settingsOf(ctx);
  const current = await customerOrder(ctx.db, customerId, id);
  let reworkStart: Date | null = null;
  if (input.kind === 'rework') {
    const finished = current.finished_at?.getTime() ?? 0;
    if (!current.worker_id || !finished || now.getTime() > finished + settings.reworkHours * HOUR) {
      throw new AppError('ORDER_STATE', {}, [], { code: 'AFTER_SALES_EXPIRED', currentState: current.status }, { zh: '已超过免费返工期限', en: 'The free rework window has ended' });
    }
    if (!input.reworkStart) throw new AppError('VALIDATION_FAILED', {}, [{ field: 'reworkStart', code: 'required', message: { zh: '请选择返工时间', en: 'pick a time for the rework visit' } }]);
    reworkStart = new Date(input.reworkStart);
    assertBookableStart(reworkStart, now, await cityTimeZone(ctx.db, current.city_code));
    const need = await needOf(ctx.db, current, { workerIds: [current.worker_id] });
    if (!(await freeWorkersAt(ctx.db, need, reworkStart, now)).length) throw new AppError('SLOT_TAKEN', {}, [], { alternatives: await alternatives(ctx.db, need, reworkStart, now) });
  }
  const order = await ctx.db.transaction().execute(async (trx) => {
    const o = await lockedOrder(trx, id);
    const { order: disputed, result } = await applyTransition(trx, o, 'report_problem', customerActor(customerId), { now, settings, facts: { reason: input.reason }, detail: { kind: input.kind } });
    await runEffects(trx, disputed, result, { now, settings });
    if (reworkStart) await bookRework(ctx, trx, disputed, reworkStart, now, settings);
    return disputed;
  });
  return respond(ctx, order, settings, now);
}

/** The free rework visit: priced 0, same worker, paid by the system at once and offered to that worker. */
async function bookRework(ctx: AppContext, trx: Db, parent: OrderRow, start: Date, now: Date, settings: BookingSettings) {
  const child = await trx.insertInto('orders').values({
    order_no: `${parent.order_no}R${String(Date.now() % 100)}`, city_code: parent.city_code, kind: 'rework', parent_order_id: parent.id, channel: parent.channel,
    customer_id: parent.customer_id, preferred_worker_id: parent.worker_id, item_id: parent.item_id, item_code: parent.item_code, category_code: parent.category_code,
    scheduled_start: start, duration_minutes: parent.duration_minutes, buffer_minutes: parent.buffer_minutes, district_code: parent.district_code, lat: parent.lat, lng: parent.lng,
    quote_id: null, quote_snapshot: JSON.stringify({ ...(parent.quote_snapshot as object), quote: { ...(parent.quote_snapshot as { quote: object }).quote, lines: [], subtotalFen: 0, discountFen: 0, totalFen: 0 } }),
    address_enc: parent.address_enc, address_label: parent.address_label, price_fen: 0, service_code: parent.service_code, notes: parent.notes, created_at: now,
  }).returningAll().executeTakeFirstOrThrow();
  await lockWorkerSchedule(trx, parent.worker_id!);
  if (!(await freeWorkersAt(trx, await needOf(trx, child, { workerIds: [parent.worker_id!] }), start, now)).length) throw new AppError('SCHEDULE_CONFLICT');
  await commit(trx, { workerId: parent.worker_id!, orderId: child.id, kind: 'hold', start, durationMinutes: child.duration_minutes, bufferMinutes: child.buffer_minutes });
  await insertEvent(trx, { orderId: child.id, action: 'create', actorKind: 'customer', actorId: parent.customer_id, actorName: '客户', toStatus: 'created', note: `返工 ${parent.order_no}`, at: now });
  const { order: paid, result } = await applyTransition(trx, child, 'pay', SYSTEM, { now, settings, patch: { paid_at: now, pay_method: 'rework_free' } });
  await runEffects(trx, paid, result, { now, settings });
  await insertEvent(trx, { orderId: parent.id, action: 'rework_created', actorKind: 'customer', actorId: parent.customer_id, actorName: '客户', note: child.order_no, detail: { reworkOrderId: child.id }, at: now });
}
