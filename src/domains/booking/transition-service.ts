/**
 * Applies one state-machine transition to a stored order inside the caller's transaction: the pure
 * machine decides, the row is written only if its version is unchanged, and the timeline (and, for
 * admins, the audit log) records it. The caller runs the listed effects in the same transaction.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { writeAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { insertEvent, lockOrder, updateOrder, type OrderPatch, type OrderRow } from './queries.js';
import { timingOf, type BookingSettings } from './settings.js';
import { transition, type Actor, type OrderSnapshot, type OrderState, type TransitionContext, type TransitionOk } from './state-machine.js';

export interface BookingActor { kind: Actor; id: string | null; name: string; ip?: string }

export const SYSTEM: BookingActor = { kind: 'system', id: null, name: '系统' };

export function snapshotOf(o: OrderRow): OrderSnapshot {
  return {
    state: o.status as OrderState, version: o.version, customerId: o.customer_id, workerId: o.worker_id, createdAt: o.created_at,
    scheduledStart: o.scheduled_start, finishedAt: o.finished_at, completedAt: o.completed_at,
    agreedEarlyVisitAt: o.early_visit_status === 'agreed' ? o.early_visit_at : null, startedAt: o.started_at, durationMinutes: o.duration_minutes,
  };
}

/** The state machine's refusal as an HTTP error: 403 for the wrong actor, else 409 with the current state (and `opensAt` for a window not open yet). */
export function refusal(code: string, currentState: string, message: { zh: string; en: string }, opensAt?: string): AppError {
  return new AppError(code === 'FORBIDDEN_ACTOR' ? 'ORDER_FORBIDDEN' : 'ORDER_STATE', {}, [], { code, currentState, ...(opensAt ? { opensAt } : {}) }, message);
}

/** Locks the order or answers 404. */
export async function lockedOrder(trx: Kysely<DB>, id: string): Promise<OrderRow> {
  const o = await lockOrder(trx, id);
  if (!o) throw new AppError('NOT_FOUND');
  return o;
}

export interface ApplyOptions {
  now: Date;
  settings: BookingSettings;
  facts?: Omit<TransitionContext, 'now' | 'timing'>;
  patch?: OrderPatch;
  note?: string;
  detail?: Record<string, unknown>;
}

export async function applyTransition(trx: Kysely<DB>, order: OrderRow, action: string, actor: BookingActor, opts: ApplyOptions): Promise<{ order: OrderRow; result: TransitionOk }> {
  const r = transition(snapshotOf(order), action, actor.kind, { ...opts.facts, now: opts.now, timing: timingOf(opts.settings), actorId: actor.kind === 'customer' || actor.kind === 'worker' ? actor.id : null });
  if (!r.ok) throw refusal(r.code, r.currentState, r.message, r.opensAt);
  const updated = await updateOrder(trx, order.id, order.version, { ...opts.patch, status: r.to });
  if (!updated) {
    const fresh = await lockOrder(trx, order.id);
    throw new AppError('VERSION_CONFLICT', {}, [], { currentState: fresh?.status ?? order.status });
  }
  await insertEvent(trx, {
    orderId: order.id, action, actorKind: actor.kind, actorId: actor.id, actorName: actor.name, fromStatus: r.from, toStatus: r.to,
    note: opts.note ?? opts.facts?.reason ?? '', detail: opts.detail, at: opts.now,
  });
  if (actor.kind === 'admin') {
    await writeAudit(trx, { actorKind: 'admin', actorId: actor.id, actorName: actor.name, action: `order.${action}`, targetType: 'order', targetId: order.id, ip: actor.ip, detail: { from: r.from, to: r.to, reason: opts.facts?.reason ?? null, ...opts.detail } });
  }
  return { order: updated, result: r };
}
