/**
 * The order transition table: every way `status` may change, as data. The service layer runs the
 * symbolic effects; `state-machine.ts` applies the table.
 */
import type { Text } from '../../platform/i18n.js';
import { isOrderState, OPEN_STATES, type OrderState } from './order-states.js';

export type Actor = 'customer' | 'worker' | 'admin' | 'system';
export const ACTORS: readonly Actor[] = ['customer', 'worker', 'admin', 'system'];

/** Side effects the service layer executes in the transition's transaction (or outbox). */
export type EffectName =
  | 'ledger.capture_to_escrow'
  | 'ledger.release_to_worker'
  | 'ledger.refund'
  | 'ledger.cancellation_fee'
  | 'ledger.penalize_worker'
  | 'schedule.commit'
  | 'schedule.release'
  | 'schedule.trim'
  | 'dispatch.start'
  | 'dispatch.restart'
  | 'dispatch.cancel'
  | 'notify.customer'
  | 'notify.worker'
  | 'notify.ops'
  | 'jobs.schedule_reminders'
  | 'jobs.schedule_auto_confirm'
  | 'jobs.schedule_close'
  | 'audit';

/** Configurable durations; defaults from the issue. */
export interface TimingPolicy {
  unpaidCancelMinutes: number;
  autoConfirmHours: number;
  afterSalesHours: number;
  /** How long after the booked start without a check-in a no-show may be declared. */
  noShowGraceMinutes: number;
  /** Set off opens this many hours before the visit's start. */
  departWindowHours: number;
  /** Check-in opens this many minutes before the visit's start. */
  checkInMinutesBefore: number;
  /** Finishing before this share (%) of the booked duration has passed since check-in needs a reason. */
  earlyFinishPercent: number;
}
export const DEFAULT_TIMING: TimingPolicy = {
  unpaidCancelMinutes: 15, autoConfirmHours: 48, afterSalesHours: 72, noShowGraceMinutes: 30, departWindowHours: 3, checkInMinutesBefore: 30, earlyFinishPercent: 75,
};

type Instant = Date | string;

/** The order as the state machine sees it: its state, its version, and the facts guards read. */
export interface OrderSnapshot {
  state: OrderState;
  version: number;
  customerId?: string | null;
  workerId?: string | null;
  createdAt?: Instant | null;
  scheduledStart?: Instant | null;
  finishedAt?: Instant | null;
  completedAt?: Instant | null;
  /** An earlier visit time the customer agreed to in the app (set off / check-in open from it instead of the booked start). */
  agreedEarlyVisitAt?: Instant | null;
  /** Check-in time and booked length, for the early-finish rule. */
  startedAt?: Instant | null;
  durationMinutes?: number | null;
}

export type ArbitrationOutcome = 'completed' | 'refund_full' | 'refund_partial';

/** Facts gathered by the service for one request; the machine never reads a clock or a database. */
export interface TransitionContext {
  now: Instant;
  /** The acting user; when given, a worker / customer must be the order's own. */
  actorId?: string | null;
  reason?: string | null;
  timing?: Partial<TimingPolicy>;
  /** check_in: result of the location check and of the 4-digit service code comparison. */
  checkIn?: { withinRadius: boolean; serviceCodeMatches: boolean; farReason?: string | null };
  /** finish: an extra-work proposal still waits for the customer's answer. */
  hasPendingExtraWork?: boolean;
  /** finish: an on-site quote (上门报价) still waits for the customer's answer. */
  hasPendingOnSiteQuote?: boolean;
  /** arbitrate. `refundFen` is required for a partial refund: 0 < refundFen < priceFen. */
  outcome?: ArbitrationOutcome;
  refundFen?: number;
  priceFen?: number;
  /** force: the state an admin moves the order to. */
  target?: OrderState;
  /** IANA zone the opening times in refusals are written in (the city's; Asia/Shanghai by default). */
  timeZone?: string;
}

/** `opensAt`: when the refused action becomes possible (ISO instant), for time-window refusals. */
export interface GuardFailure { code: string; message: Text; opensAt?: string }
export interface GuardInput { order: OrderSnapshot; ctx: TransitionContext; actor: Actor; nowMs: number; timing: TimingPolicy }

export interface TransitionDef {
  name: string;
  from: readonly OrderState[];
  to: OrderState | ((input: GuardInput) => OrderState);
  actors: readonly Actor[];
  guard?: (input: GuardInput) => GuardFailure | null;
  effects: readonly EffectName[] | ((from: OrderState, input: GuardInput) => readonly EffectName[]);
}

/** Guard failure codes with their messages (HTTP 409 except FORBIDDEN_ACTOR 403). */
export const GUARD_MESSAGES = {
  ILLEGAL_TRANSITION: { zh: '订单当前状态（{state}）不允许此操作', en: 'This action is not allowed while the order is {state}' },
  FORBIDDEN_ACTOR: { zh: '您无权对该订单执行此操作', en: 'You may not do this on this order' },
  REASON_REQUIRED: { zh: '请填写原因', en: 'A reason is required' },
  START_PASSED: { zh: '预约时间已过，请改约后再派单', en: 'The booked time has passed; reschedule first' },
  SERVICE_CODE_INVALID: { zh: '服务核销码不正确', en: 'The service code is wrong' },
  CHECK_IN_TOO_FAR: { zh: '距离服务地址过远，请说明原因后再签到', en: 'You are too far from the address; give a reason to check in' },
  EXTRA_WORK_PENDING: { zh: '有待客户确认的加项，请先处理', en: 'An extra-work proposal is still waiting for the customer' },
  ONSITE_QUOTE_PENDING: { zh: '上门报价待客户确认，客户同意后才能完成服务', en: 'The on-site quote is still waiting for the customer; finish once they have answered' },
  TOO_EARLY: { zh: '时间未到，暂不能执行此操作', en: 'It is too early for this action' },
  DEPART_NOT_OPEN: {
    zh: '还不能出发：上门时间 {start}，{opensAt} 起可出发',
    en: 'Too early to set off: the visit starts {start}; you can set off from {opensAt}',
  },
  CHECK_IN_NOT_OPEN: {
    zh: '还不能签到：上门时间 {start}，{opensAt} 起可签到；如需提前上门，请先在订单中征得客户同意',
    en: 'Too early to check in: the visit starts {start}; check-in opens at {opensAt}. To come earlier, ask the customer in the order first',
  },
  EARLY_FINISH_REASON_REQUIRED: {
    zh: '服务时长未到（预约 {booked} 分钟），{opensAt} 前完成服务请填写原因，客户会在订单中看到',
    en: 'The booked {booked} minutes have not passed; to finish before {opensAt}, give a reason (the customer sees it on the order)',
  },
  AFTER_SALES_EXPIRED: { zh: '已超过售后期', en: 'The after-sales window has ended' },
  OUTCOME_INVALID: { zh: '仲裁结果无效', en: 'The arbitration outcome is invalid' },
  TARGET_INVALID: { zh: '目标状态无效', en: 'The target state is invalid' },
  FACT_MISSING: { zh: '订单数据不完整（{fact}）', en: 'The order lacks {fact}' },
} as const satisfies Record<string, Text>;

export type GuardCode = keyof typeof GUARD_MESSAGES;

function fail(code: GuardCode, vars: Record<string, string> = {}, varsEn: Record<string, string> = vars): GuardFailure {
  const m: Text = GUARD_MESSAGES[code];
  const fill = (s: string, v: Record<string, string>) => s.replace(/\{(\w+)\}/g, (_, k: string) => v[k] ?? `{${k}}`);
  return { code, message: { zh: fill(m.zh, vars), en: fill(m.en, varsEn) } };
}

export { fail as guardFailure };

function ms(value: Instant | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const t = new Date(value).getTime();
  return Number.isNaN(t) ? null : t;
}

const hasReason = (ctx: TransitionContext) => typeof ctx.reason === 'string' && ctx.reason.trim().length > 0;
const MIN = 60_000;
const HOUR = 3_600_000;

/** Fails unless `nowMs ≥ fact + delayMs`. */
function notBefore(fact: Instant | null | undefined, name: string, delayMs: number, nowMs: number): GuardFailure | null {
  const t = ms(fact);
  if (t === null) return fail('FACT_MISSING', { fact: name });
  return nowMs >= t + delayMs ? null : fail('TOO_EARLY');
}

function beforeStart({ order, nowMs }: GuardInput): GuardFailure | null {
  const start = ms(order.scheduledStart);
  if (start === null) return fail('FACT_MISSING', { fact: 'scheduledStart' });
  return nowMs < start ? null : fail('START_PASSED');
}

function withinAfterSales({ order, nowMs, timing }: GuardInput): GuardFailure | null {
  if (order.state !== 'completed') return null;
  const done = ms(order.completedAt);
  if (done === null) return fail('FACT_MISSING', { fact: 'completedAt' });
  return nowMs < done + timing.afterSalesHours * HOUR ? null : fail('AFTER_SALES_EXPIRED');
}

/** `MM-DD HH:mm` in the zone (pure: no clock, only the given instant). */
export function localStamp(t: number, timeZone = 'Asia/Shanghai'): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(t));
  const p = (type: string) => parts.find((x) => x.type === type)?.value ?? '';
  return `${p('month')}-${p('day')} ${p('hour')}:${p('minute')}`;
}

/** When the visit begins for the window rules: the booked start, or an earlier time the customer agreed to. */
export function visitStartMs(order: OrderSnapshot): number | null {
  const booked = ms(order.scheduledStart);
  const early = ms(order.agreedEarlyVisitAt);
  if (booked === null) return null;
  return early !== null && early < booked ? early : booked;
}

/** Refuses until `leadMs` before the visit's start, naming the start and the opening time. */
function windowGuard(code: 'DEPART_NOT_OPEN' | 'CHECK_IN_NOT_OPEN', leadMs: number) {
  return ({ order, nowMs, ctx }: GuardInput): GuardFailure | null => {
    const start = visitStartMs(order);
    if (start === null) return fail('FACT_MISSING', { fact: 'scheduledStart' });
    const opens = start - leadMs;
    if (nowMs >= opens) return null;
    const vars = { start: localStamp(start, ctx.timeZone), opensAt: localStamp(opens, ctx.timeZone) };
    return { ...fail(code, vars), opensAt: new Date(opens).toISOString() };
  };
}

/** When finishing needs no reason: the check-in plus the configured share of the booked duration. */
export function finishWithoutReasonAt(order: OrderSnapshot, timing: TimingPolicy): number | null {
  const started = ms(order.startedAt);
  if (started === null || !order.durationMinutes) return null;
  return started + Math.ceil((order.durationMinutes * timing.earlyFinishPercent) / 100) * MIN;
}

function finishGuard({ order, ctx, nowMs, timing }: GuardInput): GuardFailure | null {
  if (ctx.hasPendingExtraWork) return fail('EXTRA_WORK_PENDING');
  if (ctx.hasPendingOnSiteQuote) return fail('ONSITE_QUOTE_PENDING');
  const at = finishWithoutReasonAt(order, timing);
  if (at === null || nowMs >= at || hasReason(ctx)) return null;
  return { ...fail('EARLY_FINISH_REASON_REQUIRED', { booked: String(order.durationMinutes), opensAt: localStamp(at, ctx.timeZone) }), opensAt: new Date(at).toISOString() };
}

const adminNeedsReason = ({ actor, ctx }: GuardInput) => (actor === 'admin' && !hasReason(ctx) ? fail('REASON_REQUIRED') : null);

function arbitrationGuard({ ctx }: GuardInput): GuardFailure | null {
  if (!hasReason(ctx)) return fail('REASON_REQUIRED');
  if (ctx.outcome === 'completed' || ctx.outcome === 'refund_full') return null;
  if (ctx.outcome !== 'refund_partial') return fail('OUTCOME_INVALID');
  const { refundFen, priceFen } = ctx;
  const ok = Number.isSafeInteger(refundFen) && Number.isSafeInteger(priceFen) && refundFen! > 0 && refundFen! < priceFen!;
  return ok ? null : fail('OUTCOME_INVALID');
}

const CANCEL_EFFECTS: Partial<Record<OrderState, readonly EffectName[]>> = {
  created: ['notify.customer'],
  paid: ['ledger.refund', 'ledger.cancellation_fee', 'dispatch.cancel', 'notify.customer'],
  assigned: ['ledger.refund', 'ledger.cancellation_fee', 'schedule.release', 'notify.customer', 'notify.worker'],
  on_the_way: ['ledger.refund', 'ledger.cancellation_fee', 'schedule.release', 'notify.customer', 'notify.worker'],
};

const ARBITRATION_EFFECTS: Record<ArbitrationOutcome, readonly EffectName[]> = {
  completed: ['ledger.release_to_worker', 'schedule.release', 'notify.customer', 'notify.worker', 'jobs.schedule_close'],
  refund_full: ['ledger.refund', 'schedule.release', 'notify.customer', 'notify.worker'],
  refund_partial: ['ledger.refund', 'ledger.release_to_worker', 'schedule.release', 'notify.customer', 'notify.worker'],
};

const ASSIGN_EFFECTS: readonly EffectName[] = ['schedule.commit', 'notify.customer', 'notify.worker', 'jobs.schedule_reminders'];
const COMPLETE_EFFECTS: readonly EffectName[] = ['ledger.release_to_worker', 'notify.customer', 'notify.worker', 'jobs.schedule_close'];

/** Every transition, keyed by action name. */
export const TRANSITIONS = {
  pay: { name: 'pay', from: ['created'], to: 'paid', actors: ['customer', 'system'], effects: ['ledger.capture_to_escrow', 'dispatch.start', 'notify.customer'] },
  accept: { name: 'accept', from: ['paid'], to: 'assigned', actors: ['worker'], guard: beforeStart, effects: ASSIGN_EFFECTS },
  assign: { name: 'assign', from: ['paid'], to: 'assigned', actors: ['admin', 'system'], guard: beforeStart, effects: ASSIGN_EFFECTS },
  decline: {
    name: 'decline', from: ['assigned'], to: 'paid', actors: ['worker'],
    guard: ({ ctx }) => (hasReason(ctx) ? null : fail('REASON_REQUIRED')),
    effects: ['schedule.release', 'dispatch.restart', 'notify.customer', 'notify.ops'],
  },
  change_worker: {
    name: 'change_worker', from: ['assigned'], to: 'paid', actors: ['customer', 'admin'], guard: adminNeedsReason,
    effects: ['schedule.release', 'dispatch.restart', 'notify.worker'],
  },
  depart: {
    name: 'depart', from: ['assigned'], to: 'on_the_way', actors: ['worker'],
    guard: (input) => windowGuard('DEPART_NOT_OPEN', input.timing.departWindowHours * HOUR)(input), effects: ['notify.customer'],
  },
  check_in: {
    // From `assigned` too: a worker who forgot to press "set off" can still check in at the door.
    name: 'check_in', from: ['assigned', 'on_the_way'], to: 'in_service', actors: ['worker'],
    guard: (input) => {
      const { ctx } = input;
      const early = windowGuard('CHECK_IN_NOT_OPEN', input.timing.checkInMinutesBefore * MIN)(input);
      if (early) return early;
      if (!ctx.checkIn?.serviceCodeMatches) return fail('SERVICE_CODE_INVALID');
      const far = !ctx.checkIn.withinRadius && !(ctx.checkIn.farReason ?? '').trim();
      return far ? fail('CHECK_IN_TOO_FAR') : null;
    },
    effects: ['notify.customer'],
  },
  finish: {
    // The system ends the visit when the customer declines the on-site quote (上门报价): the deposit is the visit fee.
    name: 'finish', from: ['in_service'], to: 'awaiting_confirmation', actors: ['worker', 'system'],
    guard: finishGuard,
    effects: ['schedule.trim', 'notify.customer', 'jobs.schedule_auto_confirm'],
  },
  confirm: { name: 'confirm', from: ['awaiting_confirmation'], to: 'completed', actors: ['customer'], effects: COMPLETE_EFFECTS },
  auto_confirm: {
    name: 'auto_confirm', from: ['awaiting_confirmation'], to: 'completed', actors: ['system'],
    guard: ({ order, nowMs, timing }) => notBefore(order.finishedAt, 'finishedAt', timing.autoConfirmHours * HOUR, nowMs),
    effects: COMPLETE_EFFECTS,
  },
  report_problem: {
    name: 'report_problem', from: ['awaiting_confirmation', 'completed'], to: 'disputed', actors: ['customer'],
    guard: withinAfterSales, effects: ['notify.ops', 'notify.worker'],
  },
  rework_done: {
    // The free rework visit was accepted: the original order's after-sales case closes as completed.
    name: 'rework_done', from: ['disputed'], to: 'completed', actors: ['system'], effects: COMPLETE_EFFECTS,
  },
  close: {
    name: 'close', from: ['completed'], to: 'closed', actors: ['system'],
    guard: ({ order, nowMs, timing }) => notBefore(order.completedAt, 'completedAt', timing.afterSalesHours * HOUR, nowMs),
    effects: [],
  },
  cancel: {
    name: 'cancel', from: ['created', 'paid', 'assigned', 'on_the_way'], to: 'cancelled', actors: ['customer', 'admin'],
    guard: adminNeedsReason, effects: (from) => CANCEL_EFFECTS[from] ?? [],
  },
  expire: {
    name: 'expire', from: ['created'], to: 'cancelled', actors: ['system'],
    guard: ({ order, nowMs, timing }) => notBefore(order.createdAt, 'createdAt', timing.unpaidCancelMinutes * MIN, nowMs),
    effects: ['notify.customer'],
  },
  worker_no_show: {
    name: 'worker_no_show', from: ['assigned', 'on_the_way'], to: 'cancelled', actors: ['customer', 'admin', 'system'],
    guard: (input) => adminNeedsReason(input) ?? notBefore(input.order.scheduledStart, 'scheduledStart', input.timing.noShowGraceMinutes * MIN, input.nowMs),
    effects: ['ledger.refund', 'ledger.penalize_worker', 'schedule.release', 'notify.customer', 'notify.worker', 'notify.ops'],
  },
  dispute: {
    name: 'dispute', from: OPEN_STATES, to: 'disputed', actors: ['customer', 'worker', 'admin'],
    guard: (input) => adminNeedsReason(input) ?? withinAfterSales(input),
    effects: (from) => (from === 'paid' ? ['dispatch.cancel', 'notify.ops', 'notify.customer', 'notify.worker'] : ['notify.ops', 'notify.customer', 'notify.worker']),
  },
  arbitrate: {
    name: 'arbitrate', from: ['disputed'], to: ({ ctx }) => (ctx.outcome === 'completed' ? 'completed' : 'refunded'), actors: ['admin'],
    guard: arbitrationGuard, effects: (_from, { ctx }) => ARBITRATION_EFFECTS[ctx.outcome as ArbitrationOutcome],
  },
  force: {
    // Status correction only: it moves no money and no schedule; ops reconcile those by hand.
    name: 'force', from: [
      'created', 'paid', 'assigned', 'on_the_way', 'in_service', 'awaiting_confirmation', 'completed', 'closed', 'cancelled', 'disputed', 'refunded',
    ], to: ({ ctx }) => ctx.target as OrderState, actors: ['admin'],
    guard: ({ ctx, order }) => {
      if (!hasReason(ctx)) return fail('REASON_REQUIRED');
      return isOrderState(ctx.target) && ctx.target !== order.state ? null : fail('TARGET_INVALID');
    },
    effects: ['audit', 'notify.customer', 'notify.worker'],
  },
} satisfies Record<string, TransitionDef>;

export type ActionName = keyof typeof TRANSITIONS;
export const ACTION_NAMES = Object.keys(TRANSITIONS) as ActionName[];
