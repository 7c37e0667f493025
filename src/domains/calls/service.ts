/**
 * 隐私号通话记录: the relay provider reports each call through an order's relay number; we keep who called (as a role,
 * never a number), the outcome and the talk time, as evidence for after-sales cases.
 */
import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../db/types.js';
import type { RelayCallsTable } from '../../db/types-calls.js';
import type { AppContext } from '../../platform/app-context.js';
import { AppError } from '../../platform/errors.js';
import { normalisePhone } from '../../platform/phone.js';
import type { CallOutcome, CallReport } from '../../platform/providers/relay.js';
import { userContact } from '../accounts/index.js';
import { findOrder, relayBindingKey, relayOpen, type OrderRow } from '../booking/index.js';

type Db = Kysely<DB>;
type CallRow = Selectable<RelayCallsTable>;
export type CallerRole = CallRow['caller_role'];

export interface RelayCall {
  id: string; workerId: string; relayNumber: string; callerRole: CallerRole; outcome: CallOutcome;
  startedAt: string; answeredAt: string | null; endedAt: string; talkSeconds: number;
}

const present = (c: CallRow): RelayCall => ({
  id: c.id, workerId: c.worker_id, relayNumber: c.relay_number, callerRole: c.caller_role, outcome: c.outcome,
  startedAt: c.started_at.toISOString(), answeredAt: c.answered_at?.toISOString() ?? null, endedAt: c.ended_at.toISOString(), talkSeconds: c.talk_seconds,
});

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const BINDING_KEY = new RegExp(`^(${UUID}):(${UUID})$`, 'i');

const samePhone = (a: string, b: string | null | undefined) => !!b && normalisePhone(a) === normalisePhone(b);

async function callerRole(ctx: AppContext, o: OrderRow, workerId: string, callerNumber: string): Promise<CallerRole> {
  const [customer, worker] = await Promise.all([userContact(ctx, ctx.db, o.customer_id), userContact(ctx, ctx.db, workerId)]);
  if (samePhone(callerNumber, customer?.phone)) return 'customer';
  if (samePhone(callerNumber, worker?.phone)) return 'worker';
  return 'other';
}

export type ReportOutcome = { recorded: true; callId: string } | { recorded: false; reason: 'duplicate' | 'unknown_binding' | 'inconsistent_times' };

const validTimes = (r: CallReport) => {
  const started = Date.parse(r.startedAt); const ended = Date.parse(r.endedAt);
  const answered = r.answeredAt ? Date.parse(r.answeredAt) : null;
  return ended >= started && (answered === null || (answered >= started && answered <= ended));
};

/**
 * Records one reported call, once per provider call id (a report posted again changes nothing). A report about a
 * binding we never made is acknowledged and dropped: the provider would otherwise retry it forever.
 */
export async function recordCallReport(ctx: AppContext, r: CallReport): Promise<ReportOutcome> {
  const key = BINDING_KEY.exec(r.bindingKey);
  const o = key ? await findOrder(ctx.db, key[1]!.toLowerCase()) : undefined;
  if (!key || !o) return { recorded: false, reason: 'unknown_binding' };
  if (!validTimes(r)) return { recorded: false, reason: 'inconsistent_times' };
  const workerId = key[2]!.toLowerCase();
  const role = await callerRole(ctx, o, workerId, r.callerNumber);
  const answeredAt = r.answeredAt ? new Date(r.answeredAt) : null;
  const endedAt = new Date(r.endedAt);
  const inserted = await ctx.db.insertInto('relay_calls').values({
    provider_call_id: r.callId, order_id: o.id, worker_id: workerId, relay_number: r.relayNumber, caller_role: role, outcome: r.outcome,
    started_at: new Date(r.startedAt), answered_at: answeredAt, ended_at: endedAt,
    talk_seconds: answeredAt ? Math.round((endedAt.getTime() - answeredAt.getTime()) / 1000) : 0,
  }).onConflict((oc) => oc.column('provider_call_id').doNothing()).returning('id').executeTakeFirst();
  return inserted ? { recorded: true, callId: inserted.id } : { recorded: false, reason: 'duplicate' };
}

/** An order's calls, oldest first, with a summary (for the evidence pack). */
export async function orderCalls(db: Db, orderId: string) {
  const rows = await db.selectFrom('relay_calls').selectAll().where('order_id', '=', orderId).orderBy('started_at').orderBy('id').execute();
  const items = rows.map(present);
  const answered = items.filter((c) => c.outcome === 'answered');
  return {
    summary: {
      calls: items.length, answered: answered.length,
      byCustomer: items.filter((c) => c.callerRole === 'customer').length, byWorker: items.filter((c) => c.callerRole === 'worker').length,
      talkSeconds: answered.reduce((sum, c) => sum + c.talkSeconds, 0), lastAt: items.at(-1)?.startedAt ?? null,
    },
    items,
  };
}

export interface DialInput { outcome: CallOutcome; talkSeconds: number }

/**
 * The local simulator's 拨打: the customer or the assigned worker calls the other through the order's relay number
 * (only while the number is reachable, as on the order page); the simulator posts the call's signed report.
 */
export async function simulateDial(ctx: AppContext, userId: string, orderId: string, input: DialInput) {
  if (!ctx.relaySim) throw new AppError('NOT_FOUND');
  const o = await findOrder(ctx.db, orderId);
  if (!o || (o.customer_id !== userId && o.worker_id !== userId)) throw new AppError('NOT_FOUND');
  if (!o.worker_id || !o.relay_number || !relayOpen(o)) {
    throw new AppError('ORDER_STATE', {}, [], { currentState: o.status }, { zh: '隐私号当前不可拨通', en: 'The relay number cannot be reached now' });
  }
  const [customer, worker] = await Promise.all([userContact(ctx, ctx.db, o.customer_id), userContact(ctx, ctx.db, o.worker_id)]);
  if (!customer?.phone || !worker?.phone) {
    throw new AppError('ORDER_STATE', {}, [], { currentState: o.status }, { zh: '一方未绑定手机号，无法通话', en: 'One side has no phone number to call' });
  }
  const [caller, called] = o.customer_id === userId ? [customer.phone, worker.phone] : [worker.phone, customer.phone];
  const talkSeconds = input.outcome === 'answered' ? input.talkSeconds : 0;
  const { statusCode, report } = await ctx.relaySim.call({
    bindingKey: relayBindingKey(o.id, o.worker_id), relayNumber: o.relay_number, callerNumber: caller, calledNumber: called, outcome: input.outcome, talkSeconds,
  });
  if (statusCode !== 200) throw new Error(`relay report answered ${statusCode}`);
  return { callId: report.callId, outcome: report.outcome, startedAt: report.startedAt, endedAt: report.endedAt, talkSeconds };
}
