/**
 * Booking timers as durable jobs. Each handler re-reads the order under lock and asks the state
 * machine; an order that moved on makes the job a no-op (the machine refuses, nothing is written).
 */
import dayjs from 'dayjs';
import type { Kysely, Transaction } from 'kysely';
import type { AppContext } from '../../app-context.js';
import type { DB } from '../../db/types.js';
import { AppError } from '../../platform/errors.js';
import type { JobRow } from '../../platform/jobs.js';
import { userContact } from '../accounts/contacts.js';
import { cityTimeZone } from '../geo/service.js';
import { completeOrder } from './customer-actions.js';
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

async function sendReminder(ctx: AppContext, db: Kysely<DB>, o: OrderRow, minutes: number) {
  const tz = await cityTimeZone(db, o.city_code);
  const when = dayjs(o.scheduled_start).tz(tz).format('MM-DD HH:mm');
  const item = snapshotItem(o).name;
  const ahead = minutes >= 60 ? `${minutes / 60} 小时` : `${minutes} 分钟`;
  const [customer, worker] = await Promise.all([userContact(ctx, db, o.customer_id), o.worker_id ? userContact(ctx, db, o.worker_id) : null]);
  if (customer?.phone) await ctx.sms.send(db, customer.phone, `【到家】您预约的${item}将于 ${when} 开始（约 ${ahead}后），师傅上门时请出示核销码。订单 ${o.order_no}`);
  if (worker?.phone) await ctx.sms.send(db, worker.phone, `【到家】您接的${item}订单将于 ${when} 开始（约 ${ahead}后），请提前出发。订单 ${o.order_no}`);
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

  ctx.jobs.register('order.remind', async (trx, job) => {
    const o = await orderOf(trx, job);
    // A reschedule makes new reminders; this one belongs to the old start.
    if (!o || o.scheduled_start.toISOString() !== job.payload.start || !['assigned', 'on_the_way'].includes(o.status)) return;
    await sendReminder(ctx, trx, o, Number(job.payload.minutes));
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
