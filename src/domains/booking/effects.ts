/**
 * Runs a transition's effects in its transaction. Booking's own (schedule, timers, reschedules, notices) are done
 * here; dispatch, money and coupons are steps of the workflow layer (order-steps.ts), posted from the amounts the
 * callers wrote on the order.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { cancelJobs, scheduleJob } from '../../platform/jobs.js';
import { release, trim } from './commitments.js';
import type { RefundKind } from '../../db/types-payments.js';
import { orderSteps } from './order-steps.js';
import { noticeTransition, publishOrderMoved } from './order-notices.js';
import { withdrawOffers, type OrderRow } from './queries.js';
import type { BookingSettings } from './settings.js';
import { canReschedule, type TransitionOk } from './state-machine.js';

/** A request about a visit that can no longer move (or whose worker left) is closed, not left pending. */
async function closePendingReschedules(db: Kysely<DB>, orderId: string, now: Date) {
  await db.updateTable('reschedule_requests').set({ status: 'withdrawn', decided_at: now, decision_note: 'order moved on' })
    .where('order_id', '=', orderId).where('status', 'in', ['pending_ops', 'pending_customer', 'pending_worker']).execute();
}

const REFUND_KIND: Partial<Record<string, RefundKind>> = { cancel: 'cancellation', worker_no_show: 'no_show', arbitrate: 'arbitration' };

const HOUR = 3_600_000;
const MIN = 60_000;
/** The customer hears this long before an automatic acceptance. */
const AUTO_CONFIRM_NOTICE_HOURS = 6;
/** The worker's arrival reminder comes this long before the start. */
const CHECK_IN_NOTICE_MINUTES = 10;

export const jobKey = (orderId: string, name: string) => `order:${orderId}:${name}`;

/** Reminders before the start and the late-arrival check, keyed by the start so a reschedule makes new ones. */
export async function scheduleVisitJobs(db: Kysely<DB>, o: OrderRow, settings: BookingSettings, now: Date) {
  const start = o.scheduled_start;
  for (const minutes of settings.reminderMinutes) {
    const runAt = new Date(start.getTime() - minutes * MIN);
    if (runAt > now) await scheduleJob(db, { kind: 'order.remind', key: jobKey(o.id, `remind:${minutes}:${start.toISOString()}`), runAt, payload: { orderId: o.id, minutes, start: start.toISOString() } });
  }
  const due = new Date(start.getTime() - CHECK_IN_NOTICE_MINUTES * MIN);
  if (due > now) await scheduleJob(db, { kind: 'order.check_in_due', key: jobKey(o.id, `check_in_due:${start.toISOString()}`), runAt: due, payload: { orderId: o.id, start: start.toISOString() } });
  await scheduleJob(db, { kind: 'order.late_check', key: jobKey(o.id, `late:${start.toISOString()}`), runAt: new Date(start.getTime() + settings.lateGraceMinutes * MIN), payload: { orderId: o.id, start: start.toISOString() } });
}

export interface EffectContext { now: Date; settings: BookingSettings; previousWorkerId?: string | null }

export async function runEffects(db: Kysely<DB>, o: OrderRow, r: TransitionOk, c: EffectContext) {
  const steps = orderSteps();
  if (r.action === 'pay') await steps.paid(db, o, c.now); // the coupon is spent before dispatch starts
  for (const effect of r.effects) {
    switch (effect) {
      case 'schedule.release': await release(db, o.id); break;
      case 'schedule.trim': await trim(db, o.id, c.now, o.buffer_minutes); break;
      case 'dispatch.start': await steps.startDispatch(db, o, c.now, []); break;
      case 'dispatch.restart': await steps.startDispatch(db, o, c.now, c.previousWorkerId ? [c.previousWorkerId] : []); break;
      case 'dispatch.cancel': await withdrawOffers(db, o.id); break;
      case 'jobs.schedule_reminders': await scheduleVisitJobs(db, o, c.settings, c.now); break;
      case 'jobs.schedule_auto_confirm': {
        const at = new Date(c.now.getTime() + c.settings.autoConfirmHours * HOUR);
        await scheduleJob(db, { kind: 'order.auto_confirm', key: jobKey(o.id, `auto_confirm:${c.now.toISOString()}`), runAt: at, payload: { orderId: o.id } });
        const notice = new Date(at.getTime() - AUTO_CONFIRM_NOTICE_HOURS * HOUR);
        if (notice > c.now) await scheduleJob(db, { kind: 'order.auto_confirm_notice', key: jobKey(o.id, `auto_confirm_notice:${c.now.toISOString()}`), runAt: notice, payload: { orderId: o.id, at: at.toISOString() } });
        break;
      }
      case 'jobs.schedule_close':
        await scheduleJob(db, { kind: 'order.close', key: jobKey(o.id, `close:${c.now.toISOString()}`), runAt: new Date(c.now.getTime() + c.settings.afterSalesHours * HOUR), payload: { orderId: o.id } });
        break;
      case 'ledger.release_to_worker': await steps.completed(db, o, c.now); break;
      case 'ledger.refund': await steps.refund(db, o, c.now, REFUND_KIND[r.action] ?? 'cancellation', o.cancel_reason || r.action); break;
      // ledger.capture_to_escrow is posted by the payments domain, which applies `pay`; ledger.cancellation_fee is part of ledger.refund.
      default: break; // schedule.commit is done by accept/assign; notify.*, audit: see the header
    }
  }
  if (r.from === 'paid' && r.to !== 'paid') await steps.leftQueue(db, o.id, c.now);
  if (!canReschedule(r.to) || r.action === 'decline' || r.action === 'change_worker') await closePendingReschedules(db, o.id, c.now);
  await publishOrderMoved(db, o, r, c.previousWorkerId);
  if (r.effects.some((e) => e.startsWith('notify.'))) await noticeTransition(db, o, r, { now: c.now, autoConfirmHours: c.settings.autoConfirmHours, previousWorkerId: c.previousWorkerId });
  if (r.to === 'cancelled') await steps.cancelled(db, o, c.now);
  if (r.to === 'cancelled' || r.to === 'closed' || r.to === 'refunded') {
    await withdrawOffers(db, o.id);
    await release(db, o.id);
    await cancelJobs(db, jobKey(o.id, 'remind:'));
    await cancelJobs(db, jobKey(o.id, 'late:'));
    await cancelJobs(db, jobKey(o.id, 'check_in_due:'));
  }
}
