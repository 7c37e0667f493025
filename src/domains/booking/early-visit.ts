/**
 * 提前上门: set off and check-in open only shortly before the booked start (settings); a worker who can come
 * earlier asks in the order, and only the customer's "yes" in the app opens them from the earlier time.
 * The answer is a timeline event and a live change for both sides; a new request replaces an unanswered one.
 */
import type { Kysely } from 'kysely';
import type { AppContext } from '../../platform/app-context.js';
import type { DB } from '../../db/types.js';
import { AppError } from '../../platform/errors.js';
import { localTime, publishOrderChanged } from './order-notices.js';
import { insertEvent, lockOrder, type OrderRow } from './queries.js';

type Db = Kysely<DB>;
const MIN = 60_000;
/** A proposed time a little in the past (the request took a while to type) still counts as "now". */
const PAST_SLACK_MS = 5 * MIN;
const ASKABLE: readonly string[] = ['assigned', 'on_the_way'];

export interface EarlyVisitView { at: string; status: 'requested' | 'agreed' | 'declined'; requestedAt: string | null; decidedAt: string | null }

export function earlyVisitOf(o: OrderRow): EarlyVisitView | null {
  if (!o.early_visit_at || !o.early_visit_status) return null;
  return { at: o.early_visit_at.toISOString(), status: o.early_visit_status, requestedAt: o.early_visit_requested_at?.toISOString() ?? null, decidedAt: o.early_visit_decided_at?.toISOString() ?? null };
}

async function locked(trx: Db, id: string): Promise<OrderRow> {
  const o = await lockOrder(trx, id);
  if (!o) throw new AppError('NOT_FOUND');
  return o;
}

const notAskable = (o: OrderRow) => new AppError('ORDER_STATE', {}, [], { code: 'ILLEGAL_TRANSITION', currentState: o.status });

/** The worker asks to come at `at` (default: now), before the booked start. */
export async function requestEarlyVisit(ctx: AppContext, workerId: string, id: string, at?: string, note = ''): Promise<OrderRow> {
  const now = new Date();
  return ctx.db.transaction().execute(async (trx) => {
    const o = await locked(trx, id);
    if (o.worker_id !== workerId) throw new AppError('NOT_FOUND');
    if (!ASKABLE.includes(o.status)) throw notAskable(o);
    const when = at ? new Date(at) : now;
    if (Number.isNaN(when.getTime()) || when.getTime() < now.getTime() - PAST_SLACK_MS || when >= o.scheduled_start) {
      throw new AppError('VALIDATION_FAILED', {}, [{ field: 'at', code: 'range', message: { zh: '提前上门的时间须在现在与预约时间之间', en: 'the earlier time must be between now and the booked start' } }]);
    }
    const next = await trx.updateTable('orders')
      .set({ early_visit_at: when, early_visit_status: 'requested', early_visit_requested_at: now, early_visit_decided_at: null, version: o.version + 1, updated_at: now })
      .where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    const stamp = await localTime(trx, o, when);
    await insertEvent(trx, { orderId: id, action: 'early_visit_requested', actorKind: 'worker', actorId: workerId, actorName: workerName(o), note: `${stamp}${note.trim() ? `：${note.trim()}` : ''}`, detail: { at: when.toISOString() }, at: now });
    await publishOrderChanged(trx, next, 'early_visit_requested');
    return next;
  });
}

/** The customer agrees (set off / check-in open from the earlier time, the ETA may be before the booked start) or declines. */
export async function answerEarlyVisit(ctx: AppContext, customerId: string, id: string, agree: boolean): Promise<OrderRow> {
  const now = new Date();
  return ctx.db.transaction().execute(async (trx) => {
    const o = await locked(trx, id);
    if (o.customer_id !== customerId) throw new AppError('NOT_FOUND');
    if (!ASKABLE.includes(o.status)) throw notAskable(o);
    if (o.early_visit_status !== 'requested' || !o.early_visit_at) {
      throw new AppError('ORDER_STATE', {}, [], { code: 'NO_EARLY_VISIT_REQUEST', currentState: o.status }, { zh: '没有待您答复的提前上门请求', en: 'There is no earlier-visit request waiting for your answer' });
    }
    const next = await trx.updateTable('orders')
      .set({ early_visit_status: agree ? 'agreed' : 'declined', early_visit_decided_at: now, version: o.version + 1, updated_at: now })
      .where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await insertEvent(trx, { orderId: id, action: agree ? 'early_visit_agreed' : 'early_visit_declined', actorKind: 'customer', actorId: customerId, actorName: await customerName(trx, customerId), note: await localTime(trx, o, o.early_visit_at), at: now });
    await publishOrderChanged(trx, next, agree ? 'early_visit_agreed' : 'early_visit_declined');
    return next;
  });
}

function workerName(o: OrderRow): string {
  return (o.worker_snapshot as { name?: string } | null)?.name ?? '师傅';
}

async function customerName(db: Db, id: string): Promise<string> {
  const u = await db.selectFrom('users').select('name').where('id', '=', id).executeTakeFirst();
  return u?.name || '客户';
}
