import { describe, expect, it } from 'vitest';
import {
  ACTION_NAMES,
  ACTORS,
  allowedActions,
  availableActions,
  canReschedule,
  ORDER_STATES,
  ORDER_TABS,
  statesOfTab,
  TAB_LABELS,
  tabOf,
  transition,
  TRANSITIONS,
  type ActionName,
  type OrderSnapshot,
  type OrderState,
  type TransitionContext,
  type TransitionDef,
} from './state-machine.js';

const NOW = Date.parse('2025-06-10T02:00:00.000Z');
const at = (hours: number) => new Date(NOW + hours * 3_600_000).toISOString();
const TABLE = TRANSITIONS as Record<ActionName, TransitionDef>;

function order(state: OrderState, over: Partial<OrderSnapshot> = {}): OrderSnapshot {
  return { state, version: 3, customerId: 'c1', workerId: 'w1', createdAt: at(-1), scheduledStart: at(26), finishedAt: at(-49), completedAt: at(-1), ...over };
}

/** Facts under which each action passes its guard. */
function passing(action: ActionName, state: OrderState): { order: OrderSnapshot; ctx: TransitionContext } {
  const ctx: TransitionContext = { now: new Date(NOW), reason: '客户临时有事' };
  const o = order(state);
  if (action === 'check_in') ctx.checkIn = { withinRadius: true, serviceCodeMatches: true };
  if (action === 'check_in') o.scheduledStart = at(0.5);
  if (action === 'depart') o.scheduledStart = at(3);
  if (action === 'close') o.completedAt = at(-73);
  if (action === 'worker_no_show') o.scheduledStart = at(-1);
  if (action === 'arbitrate') ctx.outcome = 'completed';
  if (action === 'force') ctx.target = state === 'cancelled' ? 'paid' : 'cancelled';
  return { order: o, ctx };
}

const legal = ACTION_NAMES.flatMap((action) => TABLE[action].from.flatMap((from) => TABLE[action].actors.map((actor) => ({ action, from, actor }))));

describe('every legal transition', () => {
  it.each(legal)('$action from $from by $actor', ({ action, from, actor }) => {
    const { order: o, ctx } = passing(action, from);
    const r = transition(o, action, actor, ctx);
    expect(r).toMatchObject({ ok: true, action, from, version: 4 });
    if (!r.ok) return;
    const def = TABLE[action];
    if (typeof def.to === 'string') expect(r.to).toBe(def.to);
    if (actor === 'admin') expect(r.effects).toContain('audit');
  });

  it('walks the happy path created → closed', () => {
    let o = order('created', { version: 0, scheduledStart: at(3) });
    const step = (action: ActionName, actor: (typeof ACTORS)[number], ctx: Partial<TransitionContext> = {}, nowH = 0) => {
      const r = transition(o, action, actor, { now: at(nowH), ...ctx });
      expect(r.ok, `${action}: ${JSON.stringify(r)}`).toBe(true);
      if (r.ok) o = { ...o, state: r.to, version: r.version };
    };
    step('pay', 'customer');
    step('accept', 'worker', { actorId: 'w1' });
    step('depart', 'worker');
    step('check_in', 'worker', { checkIn: { withinRadius: false, farReason: '小区门口定位偏差', serviceCodeMatches: true } }, 3);
    step('finish', 'worker', {}, 5);
    o.finishedAt = at(5);
    step('auto_confirm', 'system', {}, 53);
    o.completedAt = at(53);
    step('close', 'system', {}, 53 + 72);
    expect(o).toMatchObject({ state: 'closed', version: 7 });
  });
});

describe('illegal transitions', () => {
  const cases = ACTION_NAMES.flatMap((action) =>
    ORDER_STATES.filter((s) => !TABLE[action].from.includes(s)).map((state) => ({ action, state, actor: TABLE[action].actors[0] })),
  );
  it.each(cases)('$action from $state → ILLEGAL_TRANSITION', ({ action, state, actor }) => {
    const r = transition(passing(action, state).order, action, actor, passing(action, state).ctx);
    expect(r).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION', currentState: state });
    if (!r.ok) expect(r.message.zh).toContain('不允许');
  });

  it('an unknown action is illegal, not a crash', () => {
    expect(transition(order('paid'), 'toString', 'admin', { now: at(0) })).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION', currentState: 'paid' });
  });
});

describe('wrong actor', () => {
  const cases = ACTION_NAMES.flatMap((action) =>
    ACTORS.filter((a) => !TABLE[action].actors.includes(a)).map((actor) => ({ action, actor, state: TABLE[action].from[0] })),
  );
  it.each(cases)('$action by $actor → FORBIDDEN_ACTOR', ({ action, actor, state }) => {
    const { order: o, ctx } = passing(action, state);
    expect(transition(o, action, actor, ctx)).toMatchObject({ ok: false, code: 'FORBIDDEN_ACTOR', currentState: state });
  });

  it("rejects another worker's or customer's order", () => {
    const ctx = { now: at(0), actorId: 'w2' };
    expect(transition(order('assigned'), 'depart', 'worker', ctx)).toMatchObject({ code: 'FORBIDDEN_ACTOR' });
    expect(transition(order('assigned', { scheduledStart: at(2) }), 'depart', 'worker', { ...ctx, actorId: 'w1' }).ok).toBe(true);
    expect(transition(order('awaiting_confirmation'), 'confirm', 'customer', { now: at(0), actorId: 'c9' })).toMatchObject({ code: 'FORBIDDEN_ACTOR' });
  });
});

describe('guards', () => {
  const now = at(0);
  const code = (o: OrderSnapshot, action: ActionName, actor: (typeof ACTORS)[number], ctx: Partial<TransitionContext> = {}) => {
    const r = transition(o, action, actor, { now, ...ctx });
    return r.ok ? 'OK' : r.code;
  };

  it('check-in needs the service code and, when far away, a reason', () => {
    const due = order('on_the_way', { scheduledStart: at(0.25) });
    expect(code(due, 'check_in', 'worker')).toBe('SERVICE_CODE_INVALID');
    expect(code(due, 'check_in', 'worker', { checkIn: { withinRadius: true, serviceCodeMatches: false } })).toBe('SERVICE_CODE_INVALID');
    expect(code(due, 'check_in', 'worker', { checkIn: { withinRadius: false, serviceCodeMatches: true } })).toBe('CHECK_IN_TOO_FAR');
    expect(code(due, 'check_in', 'worker', { checkIn: { withinRadius: false, serviceCodeMatches: true, farReason: '  ' } })).toBe('CHECK_IN_TOO_FAR');
  });

  it('set off opens 3 h before the start (configurable), with the opening time in the refusal', () => {
    // NOW is 2025-06-10 10:00 in Shanghai; the visit is booked for 06-12 04:00 UTC = 12:00 Shanghai, two days ahead.
    const twoDaysAhead = order('assigned', { scheduledStart: at(50) });
    const r = transition(twoDaysAhead, 'depart', 'worker', { now: at(0) });
    expect(r).toMatchObject({ ok: false, code: 'DEPART_NOT_OPEN', currentState: 'assigned', opensAt: at(47) });
    if (!r.ok) {
      expect(r.message.zh).toBe('还不能出发：上门时间 06-12 12:00，06-12 09:00 起可出发');
      expect(r.message.en).toBe('Too early to set off: the visit starts 06-12 12:00; you can set off from 06-12 09:00');
    }
    expect(code(order('assigned', { scheduledStart: at(3.01) }), 'depart', 'worker')).toBe('DEPART_NOT_OPEN');
    expect(code(order('assigned', { scheduledStart: at(3) }), 'depart', 'worker')).toBe('OK');
    expect(code(order('assigned', { scheduledStart: at(5) }), 'depart', 'worker', { timing: { departWindowHours: 6 } })).toBe('OK');
    expect(code(order('assigned', { scheduledStart: at(50) }), 'depart', 'worker', { timeZone: 'UTC' })).toBe('DEPART_NOT_OPEN');
    expect(transition(order('assigned', { scheduledStart: at(50) }), 'depart', 'worker', { now, timeZone: 'UTC' })).toMatchObject({ message: { zh: '还不能出发：上门时间 06-12 04:00，06-12 01:00 起可出发' } });
  });

  it('check-in opens 30 min before the start; earlier only from a time the customer agreed to', () => {
    const ok = { checkIn: { withinRadius: true, serviceCodeMatches: true } };
    expect(transition(order('on_the_way', { scheduledStart: at(2) }), 'check_in', 'worker', { now, ...ok })).toMatchObject({ ok: false, code: 'CHECK_IN_NOT_OPEN', opensAt: at(1.5) });
    expect(code(order('on_the_way', { scheduledStart: at(0.5) }), 'check_in', 'worker', ok)).toBe('OK');
    expect(code(order('assigned', { scheduledStart: at(0.75) }), 'check_in', 'worker', { ...ok, timing: { checkInMinutesBefore: 60 } })).toBe('OK');
    // The customer agreed to a visit now: set off and check-in open though the booking is in two days.
    const agreed = order('assigned', { scheduledStart: at(50), agreedEarlyVisitAt: at(0) });
    expect(code(agreed, 'depart', 'worker')).toBe('OK');
    expect(code({ ...agreed, state: 'on_the_way' }, 'check_in', 'worker', ok)).toBe('OK');
    // An agreed time later than the booking never delays it.
    expect(code(order('on_the_way', { scheduledStart: at(0.5), agreedEarlyVisitAt: at(5) }), 'check_in', 'worker', ok)).toBe('OK');
    // The window refusal comes before the code check, so a wrong code is not asked for too early.
    expect(code(order('on_the_way', { scheduledStart: at(2) }), 'check_in', 'worker')).toBe('CHECK_IN_NOT_OPEN');
  });

  it('finishing before 75 % of the booked duration since check-in needs a reason', () => {
    const started = order('in_service', { startedAt: at(-1), durationMinutes: 120 });
    const r = transition(started, 'finish', 'worker', { now });
    expect(r).toMatchObject({ ok: false, code: 'EARLY_FINISH_REASON_REQUIRED', opensAt: at(0.5) });
    if (!r.ok) expect(r.message.zh).toContain('10:30 前完成服务请填写原因');
    expect(code(started, 'finish', 'worker', { reason: '  ' })).toBe('EARLY_FINISH_REASON_REQUIRED');
    expect(code(started, 'finish', 'worker', { reason: '客户只需打扫客厅' })).toBe('OK');
    expect(code(order('in_service', { startedAt: at(-1.5), durationMinutes: 120 }), 'finish', 'worker')).toBe('OK');
    expect(code(started, 'finish', 'worker', { timing: { earlyFinishPercent: 50 } })).toBe('OK');
  });

  it('accept/assign only before the booked start', () => {
    expect(code(order('paid', { scheduledStart: now }), 'accept', 'worker')).toBe('START_PASSED');
    expect(code(order('paid', { scheduledStart: null }), 'assign', 'system')).toBe('FACT_MISSING');
  });

  it('timers: unpaid 15 min, auto-confirm 48 h, close 72 h, no-show grace 30 min — all configurable', () => {
    expect(code(order('created', { createdAt: at(-0.2) }), 'expire', 'system')).toBe('TOO_EARLY');
    expect(code(order('created', { createdAt: at(-0.25) }), 'expire', 'system')).toBe('OK');
    expect(code(order('awaiting_confirmation', { finishedAt: at(-47.9) }), 'auto_confirm', 'system')).toBe('TOO_EARLY');
    expect(code(order('awaiting_confirmation', { finishedAt: at(-24) }), 'auto_confirm', 'system', { timing: { autoConfirmHours: 24 } })).toBe('OK');
    expect(code(order('completed', { completedAt: at(-71) }), 'close', 'system')).toBe('TOO_EARLY');
    expect(code(order('assigned', { scheduledStart: at(-0.4) }), 'worker_no_show', 'customer')).toBe('TOO_EARLY');
    expect(code(order('assigned', { scheduledStart: at(-0.5) }), 'worker_no_show', 'customer')).toBe('OK');
  });

  it('after-sales window bounds report_problem and dispute from completed', () => {
    expect(code(order('completed', { completedAt: at(-72) }), 'report_problem', 'customer')).toBe('AFTER_SALES_EXPIRED');
    expect(code(order('completed', { completedAt: at(-71) }), 'report_problem', 'customer')).toBe('OK');
    expect(code(order('completed', { completedAt: at(-80) }), 'dispute', 'worker')).toBe('AFTER_SALES_EXPIRED');
    expect(code(order('awaiting_confirmation', { completedAt: null }), 'report_problem', 'customer')).toBe('OK');
  });

  it('reasons: decline, admin cancel, force, arbitrate', () => {
    expect(code(order('assigned'), 'decline', 'worker')).toBe('REASON_REQUIRED');
    expect(code(order('paid'), 'cancel', 'admin')).toBe('REASON_REQUIRED');
    expect(code(order('paid'), 'cancel', 'customer')).toBe('OK');
    expect(code(order('closed'), 'force', 'admin', { target: 'paid' })).toBe('REASON_REQUIRED');
    expect(code(order('disputed'), 'arbitrate', 'admin', { outcome: 'completed' })).toBe('REASON_REQUIRED');
  });

  it('finish waits for a pending extra-work answer', () => {
    expect(code(order('in_service'), 'finish', 'worker', { hasPendingExtraWork: true })).toBe('EXTRA_WORK_PENDING');
  });

  it('finish waits for the answer to an on-site quote; the system finishes when the customer declines it', () => {
    expect(code(order('in_service'), 'finish', 'worker', { hasPendingOnSiteQuote: true })).toBe('ONSITE_QUOTE_PENDING');
    expect(code(order('in_service'), 'finish', 'system', { reason: '客户未同意上门报价' })).toBe('OK');
    expect(code(order('in_service'), 'finish', 'customer')).toBe('FORBIDDEN_ACTOR');
  });

  it('force needs a valid, different target', () => {
    const ctx = { reason: '系统故障修正' };
    expect(code(order('closed'), 'force', 'admin', { ...ctx, target: 'closed' })).toBe('TARGET_INVALID');
    expect(code(order('closed'), 'force', 'admin', { ...ctx, target: 'nope' as OrderState })).toBe('TARGET_INVALID');
    expect(transition(order('closed'), 'force', 'admin', { now, ...ctx, target: 'disputed' })).toMatchObject({ ok: true, to: 'disputed', effects: ['audit', 'notify.customer', 'notify.worker'] });
  });

  it('an invalid now is a missing fact', () => {
    expect(transition(order('created'), 'pay', 'customer', { now: 'yesterday' })).toMatchObject({ code: 'FACT_MISSING', currentState: 'created' });
  });
});

describe('effects', () => {
  const ctx = { now: at(0), reason: '不需要了' };
  it('cancel effects depend on what was already done', () => {
    const eff = (s: OrderState) => {
      const r = transition(order(s), 'cancel', 'customer', ctx);
      return r.ok ? r.effects : [];
    };
    expect(eff('created')).toEqual(['notify.customer']);
    expect(eff('paid')).toEqual(['ledger.refund', 'ledger.cancellation_fee', 'dispatch.cancel', 'notify.customer']);
    expect(eff('assigned')).toContain('schedule.release');
  });

  it('arbitration outcomes: completed, full refund, partial refund', () => {
    const arb = (extra: Partial<TransitionContext>) => transition(order('disputed'), 'arbitrate', 'admin', { ...ctx, ...extra });
    expect(arb({ outcome: 'completed' })).toMatchObject({ ok: true, to: 'completed' });
    const full = arb({ outcome: 'refund_full' });
    expect(full).toMatchObject({ ok: true, to: 'refunded' });
    if (full.ok) expect(full.effects).not.toContain('ledger.release_to_worker');
    const partial = arb({ outcome: 'refund_partial', refundFen: 3000, priceFen: 10000 });
    expect(partial).toMatchObject({ ok: true, to: 'refunded' });
    if (partial.ok) expect(partial.effects).toEqual(expect.arrayContaining(['ledger.refund', 'ledger.release_to_worker', 'audit']));
    expect(arb({ outcome: 'refund_partial', refundFen: 10000, priceFen: 10000 })).toMatchObject({ code: 'OUTCOME_INVALID' });
    expect(arb({ outcome: 'refund_partial', refundFen: 0.5, priceFen: 10000 })).toMatchObject({ code: 'OUTCOME_INVALID' });
    expect(arb({})).toMatchObject({ code: 'OUTCOME_INVALID' });
  });

  it('pay captures into escrow and starts dispatch; accept commits the schedule', () => {
    expect(transition(order('created'), 'pay', 'system', ctx)).toMatchObject({ effects: ['ledger.capture_to_escrow', 'dispatch.start', 'notify.customer'] });
    const r = transition(order('paid'), 'accept', 'worker', ctx);
    expect(r.ok && r.effects).toContain('schedule.commit');
  });
});

describe('tabs, labels and helpers', () => {
  it('maps every state to one of the eight tabs', () => {
    expect(ORDER_STATES.map(tabOf)).toEqual([
      'to_pay', 'to_accept', 'to_visit', 'to_visit', 'in_service', 'to_confirm', 'done', 'done', 'cancelled', 'after_sales', 'after_sales',
    ]);
    expect(ORDER_TABS.map((t) => TAB_LABELS[t].zh)).toEqual(['待支付', '待接单', '待上门', '服务中', '待验收', '已完成', '已取消', '售后']);
    expect(statesOfTab('to_visit')).toEqual(['assigned', 'on_the_way']);
  });

  it('canReschedule only before the worker sets off', () => {
    expect(ORDER_STATES.filter(canReschedule)).toEqual(['created', 'paid', 'assigned']);
  });

  it('allowedActions lists by role and state; availableActions evaluates guards', () => {
    expect(allowedActions('on_the_way', 'worker')).toEqual(['check_in', 'dispute']);
    expect(availableActions(order('assigned', { scheduledStart: at(26) }), 'worker', { now: at(0), reason: '·', checkIn: { withinRadius: true, serviceCodeMatches: true } })).toEqual(['decline', 'dispute']);
    expect(availableActions(order('assigned', { scheduledStart: at(0.5) }), 'worker', { now: at(0), reason: '·', checkIn: { withinRadius: true, serviceCodeMatches: true } })).toEqual(['decline', 'depart', 'check_in', 'dispute']);
    expect(allowedActions('closed', 'customer')).toEqual([]);
    expect(allowedActions('closed', 'admin')).toEqual(['force']);
    expect(availableActions(order('awaiting_confirmation', { finishedAt: at(-1) }), 'system', { now: at(0) })).toEqual([]);
    expect(availableActions(order('awaiting_confirmation'), 'customer', { now: at(0) })).toEqual(['confirm', 'report_problem', 'dispute']);
  });
});
