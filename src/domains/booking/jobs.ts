/**
 * Booking timers as durable jobs. Each handler re-reads the order under lock and asks the state
 * machine; an order that moved on makes the job a no-op (the machine refuses, nothing is written).
 */
import type { Kysely, Transaction } from 'kysely';
import type { AppContext } from '../../platform/app-context.js';
import type { DB } from '../../db/types.js';
import { AppError } from '../../platform/errors.js';
import type { JobRow } from '../../platform/jobs.js';
import { completeOrder } from './customer-actions.js';
import { notify } from '../messaging/index.js';
import { localTime } from './order-notices.js';
import { snapshotItem } from './order-facts.js';
import { runEffects } from './effects.js';
import { insertEvent, lockOrder, updateOrder, type OrderRow } from './queries.js';
import { loadSettings } from './settings.js';
import { applyTransition, SYSTEM } from './transition-service.js';

type Trx = Transaction<DB>;

/** Runs `fn` unless the machine refuses (the order moved on): that is the expected no-op. */
async function unlessMovedOn(fn: () => Promise<unknown>) {
  try {
    await fn();
  } catch (err) {
    if (err instanceof AppError && (err.code === 'ORDER_STATE' || err.code === 'ORDER_FORBIDDEN')) return;
    throw err;
  }
}

async function orderOf(trx: Trx, job: JobRow): Promise<OrderRow | undefined> {
  return lockOrder(trx, String(job.payload.orderId));
}

const LEADS = [30, 60, 120, 1440] as const;
/** The reminder's lead as one the templates name (the nearest, for a configured lead they do not list). */
const leadOf = (minutes: number) => String(LEADS.reduce((best, l) => (Math.abs(l - minutes) < Math.abs(best - minutes) ? l : best), LEADS[0])) as '30' | '60' | '120' | '1440';

/** 服务提醒 to both sides, through the message centre (SMS by their preferences; never after the start). */
async function sendReminder(db: Kysely<DB>, o: OrderRow, minutes: number, now: Date) {
  const vars = { service: snapshotItem(o).name, startTime: await localTime(db, o, o.scheduled_start), lead: leadOf(minutes) };
  const base = { type: 'reminder_before_start' as const, vars, linkId: o.id, dedupeKey: `remind:${o.id}:${minutes}:${o.scheduled_start.toISOString()}`, smsNotAfter: o.scheduled_start, now };
  await notify(db, { ...base, to: { userId: o.customer_id, audience: 'customer' } });
  if (o.worker_id) await notify(db, { ...base, to: { userId: o.worker_id, audience: 'worker' } });
  await insertEvent(db, { orderId: o.id, action: 'remind', actorKind: 'system', actorId: null, actorName: '系统', note: `${minutes}`, detail: { minutes } });
}

export function registerBookingJobs(ctx: AppContext) {
  const settings = (db: Kysely<DB>) => loadSettings(db, ctx.config.cityCode);

  ctx.jobs.register('order.expire', async (trx, job, now) => {
    const o = await orderOf(trx, job);
    if (!o || o.status !== 'created') return;
    const s = await settings(trx);
    await unlessMovedOn(async () => {
      const { order, result } = await applyTransition(trx, o, 'expire', SYSTEM, { now, settings: s, patch: { cancelled_at: now, cancel_reason: '超时未支付' } });
      await runEffects(trx, order, result, { now, settings: s });
    });
  });

  ctx.jobs.register('order.remind', async (trx, job, now) => {
    const o = await orderOf(trx, job);
    // A reschedule makes new reminders; this one belongs to the old start.
    if (!o || o.scheduled_start.toISOString() !== job.payload.start || !['assigned', 'on_the_way'].includes(o.status)) return;
    await sendReminder(trx, o, Number(job.payload.minutes), now);
  });

  // 到达提醒: shortly before the start, the worker is reminded to arrive and check in with the customer's code.
  ctx.jobs.register('order.check_in_due', async (trx, job, now) => {
    const o = await orderOf(trx, job);
    if (!o || !o.worker_id || o.scheduled_start.toISOString() !== job.payload.start || !['assigned', 'on_the_way'].includes(o.status)) return;
    await notify(trx, { type: 'check_in_due', to: { userId: o.worker_id, audience: 'worker' }, vars: { service: snapshotItem(o).name, startTime: await localTime(trx, o, o.scheduled_start) }, linkId: o.id, dedupeKey: `check_in_due:${o.id}:${job.payload.start}`, smsNotAfter: o.scheduled_start, now });
  });

  // 即将自动验收: the customer hears before the automatic acceptance, while a problem can still be reported.
  ctx.jobs.register('order.auto_confirm_notice', async (trx, job, now) => {
    const o = await orderOf(trx, job);
    if (!o || o.status !== 'awaiting_confirmation') return;
    await notify(trx, { type: 'auto_confirm_soon', to: { userId: o.customer_id, audience: 'customer' }, vars: { service: snapshotItem(o).name, deadline: await localTime(trx, o, new Date(String(job.payload.at))) }, linkId: o.id, dedupeKey: `auto_confirm_soon:${o.id}:${job.payload.at}`, now });
  });

  ctx.jobs.register('order.late_check', async (trx, job, now) => {
    const o = await orderOf(trx, job);
    if (!o || o.scheduled_start.toISOString() !== job.payload.start || !['assigned', 'on_the_way'].includes(o.status) || o.late_flagged_at) return;
    await updateOrder(trx, o.id, o.version, { late_flagged_at: now });
    await insertEvent(trx, { orderId: o.id, action: 'late_flagged', actorKind: 'system', actorId: null, actorName: '系统', at: now });
  });

  ctx.jobs.register('order.auto_confirm', async (trx, job, now) => {
    const o = await orderOf(trx, job);
    if (!o || o.status !== 'awaiting_confirmation') return;
    await unlessMovedOn(async () => completeOrder(ctx, trx, o, SYSTEM, now, await settings(trx)));
  });

  ctx.jobs.register('order.close', async (trx, job, now) => {
    const o = await orderOf(trx, job);
    if (!o || o.status !== 'completed') return;
    const s = await settings(trx);
    await unlessMovedOn(async () => {
      const { order, result } = await applyTransition(trx, o, 'close', SYSTEM, { now, settings: s, patch: { closed_at: now } });
      await runEffects(trx, order, result, { now, settings: s });
    });
  });
}
