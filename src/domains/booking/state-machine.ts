/**
 * The order state machine: the only code that decides a new `status`. Pure: the caller passes the
 * order row, the actor, and the facts (now, check-in result, …); it gets back the new state, the
 * effects to run and the next version (for `update … where version = $old`).
 */
import type { Text } from '../../platform/i18n.js';
import { isOrderState, STATE_LABELS, type OrderState } from './order-states.js';
import {
  DEFAULT_TIMING,
  guardFailure,
  TRANSITIONS,
  type ActionName,
  type Actor,
  type EffectName,
  type GuardInput,
  type OrderSnapshot,
  type TransitionContext,
  type TransitionDef,
} from './order-transitions.js';

export * from './order-states.js';
export * from './order-transitions.js';

export type TransitionOk = { ok: true; action: ActionName; from: OrderState; to: OrderState; effects: EffectName[]; version: number };
export type TransitionFailure = { ok: false; code: string; currentState: OrderState; message: Text; opensAt?: string };
export type TransitionResult = TransitionOk | TransitionFailure;

const TABLE: Record<string, TransitionDef> = TRANSITIONS;

function failure(order: OrderSnapshot, code: string, message: Text): TransitionFailure {
  return { ok: false, code, currentState: order.state, message };
}

function illegal(order: OrderSnapshot): TransitionFailure {
  const label = isOrderState(order.state) ? STATE_LABELS[order.state] : { zh: String(order.state), en: String(order.state) };
  const m = guardFailure('ILLEGAL_TRANSITION');
  return failure(order, 'ILLEGAL_TRANSITION', { zh: m.message.zh.replace('{state}', label.zh), en: m.message.en.replace('{state}', label.en) });
}

/** A worker or customer acting on an order must be that order's own (when both ids are known). */
function isOwnParty(order: OrderSnapshot, actor: Actor, ctx: TransitionContext): boolean {
  if (!ctx.actorId) return true;
  if (actor === 'worker' && order.workerId) return order.workerId === ctx.actorId;
  if (actor === 'customer' && order.customerId) return order.customerId === ctx.actorId;
  return true;
}

/**
 * Applies `action` by `actor` to `order`.
 * Failure codes: `ILLEGAL_TRANSITION` (unknown action or not allowed from the current state → 409),
 * `FORBIDDEN_ACTOR` (role may never do it, or not the order's own worker/customer → 403), or a guard code
 * from `GUARD_MESSAGES` (→ 409). Admin actions always carry the `audit` effect.
 */
export function transition(order: OrderSnapshot, action: string, actor: Actor, ctx: TransitionContext): TransitionResult {
  const def = Object.hasOwn(TABLE, action) ? TABLE[action] : undefined;
  if (!def) return illegal(order);
  const forbidden = guardFailure('FORBIDDEN_ACTOR');
  if (!def.actors.includes(actor)) return failure(order, forbidden.code, forbidden.message);
  if (!def.from.includes(order.state)) return illegal(order);
  if (!isOwnParty(order, actor, ctx)) return failure(order, forbidden.code, forbidden.message);

  const nowMs = new Date(ctx.now).getTime();
  if (Number.isNaN(nowMs)) {
    const f = guardFailure('FACT_MISSING', { fact: 'now' });
    return failure(order, f.code, f.message);
  }
  const input: GuardInput = { order, ctx, actor, nowMs, timing: { ...DEFAULT_TIMING, ...ctx.timing } };
  const blocked = def.guard?.(input);
  if (blocked) return { ...failure(order, blocked.code, blocked.message), ...(blocked.opensAt ? { opensAt: blocked.opensAt } : {}) };

  const to = typeof def.to === 'function' ? def.to(input) : def.to;
  if (!isOrderState(to)) return illegal(order);
  const effects = [...(typeof def.effects === 'function' ? def.effects(order.state, input) : def.effects)];
  if (actor === 'admin' && !effects.includes('audit')) effects.push('audit');
  return { ok: true, action: def.name as ActionName, from: order.state, to, effects, version: order.version + 1 };
}

/** Actions `actor` may attempt from `state`, guards not evaluated (for listing, permissions). */
export function allowedActions(state: OrderState, actor: Actor): ActionName[] {
  return (Object.values(TABLE) as TransitionDef[])
    .filter((t) => t.from.includes(state) && t.actors.includes(actor))
    .map((t) => t.name as ActionName);
}

/**
 * Actions that would succeed right now with these facts (guards evaluated): the buttons to show.
 * Actions that need request input (reason, target, outcome) are judged with the facts given.
 */
export function availableActions(order: OrderSnapshot, actor: Actor, ctx: TransitionContext): ActionName[] {
  return allowedActions(order.state, actor).filter((a) => transition(order, a, actor, ctx).ok);
}
