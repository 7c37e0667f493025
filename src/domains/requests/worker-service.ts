/**
 * The worker's side: the open requests they were invited to (district and distance only — never the street, the
 * customer's name or phone), and one itemised answer each, priced by the catalogue's engine, editable until a choice,
 * withdrawable.
 */
import dayjs from 'dayjs';
import type { AppContext } from '../../platform/app-context.js';
import { AppError, type FieldErrorSpec } from '../../platform/errors.js';
import type { Lang } from '../../platform/i18n.js';
import { bookableItem, priceCustom } from '../catalog/index.js';
import { SLOT_MINUTES, workersAt } from '../booking/index.js';
import { cityTimeZone } from '../geo/index.js';
import { notify } from '../messaging/index.js';
import { workerCard } from '../workers/index.js';
import { announceChange, namesOf } from './customer-service.js';
import { presentAnswer, presentRequestBase } from './present.js';
import * as q from './queries.js';

export interface AnswerInput { lines: unknown; start: string; durationMinutes: number; message?: string }

async function invited(ctx: AppContext, workerId: string, id: string) {
  const [r, invitation] = await Promise.all([q.findRequest(ctx.db, id), q.invitationOf(ctx.db, id, workerId)]);
  if (!r || !invitation || r.status === 'draft') throw new AppError('NOT_FOUND');
  return { r, invitation };
}

async function presentForWorker(ctx: AppContext, r: q.RequestRow, invitation: { distance_km: number }, workerId: string, lang: Lang) {
  const mine = await q.answerOf(ctx.db, r.id, workerId);
  return {
    ...presentRequestBase(r, await namesOf(ctx, r), lang),
    distanceKm: Math.round(invitation.distance_km * 10) / 10,
    myAnswer: mine ? presentAnswer(mine, undefined, null) : null,
    chosenMe: r.status === 'chosen' && mine?.status === 'chosen', orderId: mine?.status === 'chosen' ? r.order_id : null,
  };
}

/** Open requests I was invited to, newest first, and those I answered in the last 7 days (to see how they ended). */
export async function listInvited(ctx: AppContext, workerId: string, lang: Lang) {
  const since = new Date(Date.now() - 7 * 24 * 3600_000);
  const rows = await ctx.db.selectFrom('request_invitations as i').innerJoin('service_requests as r', 'r.id', 'i.request_id')
    .selectAll('r').select('i.distance_km')
    .where('i.worker_id', '=', workerId)
    .where((eb) => eb.or([eb('r.status', '=', 'open'), eb.and([eb('r.updated_at', '>', since), eb.exists(eb.selectFrom('request_answers as a').select('a.id').whereRef('a.request_id', '=', 'r.id').where('a.worker_id', '=', workerId))])]))
    .orderBy('i.created_at', 'desc').limit(100).execute();
  return { items: await Promise.all(rows.map((r) => presentForWorker(ctx, r, r, workerId, lang))) };
}

export async function getInvited(ctx: AppContext, workerId: string, id: string, lang: Lang) {
  const { r, invitation } = await invited(ctx, workerId, id);
  return presentForWorker(ctx, r, invitation, workerId, lang);
}

const startError = (code: string, zh: string, en: string): AppError =>
  new AppError('VALIDATION_FAILED', {}, [{ field: 'start', code, message: { zh, en } } satisfies FieldErrorSpec]);

/** My start must lie in one of the customer's windows, on the half-hour grid, and be free in my schedule. */
async function checkStart(ctx: AppContext, r: q.RequestRow, workerId: string, start: Date, durationMinutes: number) {
  const zone = await cityTimeZone(ctx.db, r.city_code);
  const local = dayjs(start).tz(zone);
  if (Number.isNaN(start.getTime())) throw startError('invalid', '时间格式不正确', 'not a valid time');
  if ((local.hour() * 60 + local.minute()) % SLOT_MINUTES !== 0 || local.second() !== 0) throw startError('grid', '请选择整点或半点', 'must be on the hour or half hour');
  if (!r.windows.some((w) => start.getTime() >= Date.parse(w.start) && start.getTime() < Date.parse(w.end))) {
    throw startError('outside_windows', '上门时间需在客户期望的时间段内', 'must lie in one of the customer\'s time windows');
  }
  const item = (await bookableItem(ctx.db, r.item_code))!;
  const need = { itemId: item.id, requiredCertificate: item.requiredCertificate, durationMinutes, bufferMinutes: 0, lat: r.lat!, lng: r.lng!, timeZone: zone, workerIds: [workerId] };
  const { free } = await workersAt(ctx.db, need, start, new Date());
  if (!free.some((w) => w.id === workerId)) throw startError('not_free', '该时间您已有安排或不在工作时间内', 'you are busy or off work then');
}

/** Creates or edits my answer (one per worker) while the request is open; the customer is told of a new one. */
export async function answerRequest(ctx: AppContext, workerId: string, id: string, input: AnswerInput, lang: Lang) {
  const now = new Date();
  const { r: seen } = await invited(ctx, workerId, id);
  if (seen.status !== 'open') throw new AppError('REQUEST_STATE', { status: seen.status }, [], { currentState: seen.status });
  const { quote } = await priceCustom(ctx, { itemCode: seen.item_code, lines: input.lines, durationMinutes: input.durationMinutes, start: input.start });
  const start = new Date(input.start);
  await checkStart(ctx, seen, workerId, start, input.durationMinutes);
  const raw = input.lines as { kind: 'labour' | 'parts' | 'material' | 'other'; description: string; quantity: number; unitPriceFen: number }[];
  const lines = quote.lines.map((l, i) => ({ kind: raw[i]!.kind, description: l.label.zh, quantity: l.quantity, unitPriceFen: l.unitPriceFen, amountFen: l.amountFen }));
  const name = await workerName(ctx, workerId); // read before the transaction: PGlite has one connection
  const answer = await ctx.db.transaction().execute(async (trx) => {
    const r = (await q.lockRequest(trx, id))!;
    if (r.status !== 'open') throw new AppError('REQUEST_STATE', { status: r.status }, [], { currentState: r.status });
    const before = await q.answerOf(trx, id, workerId);
    if (before?.status === 'chosen' || before?.status === 'closed') throw new AppError('REQUEST_STATE', { status: r.status }, [], { currentState: r.status });
    const values = { lines: JSON.stringify(lines), total_fen: quote.totalFen, start_at: start, duration_minutes: input.durationMinutes, message: (input.message ?? '').trim(), status: 'open' as const, updated_at: now };
    const saved = await trx.insertInto('request_answers').values({ request_id: id, worker_id: workerId, ...values, created_at: now })
      .onConflict((oc) => oc.columns(['request_id', 'worker_id']).doUpdateSet(values)).returningAll().executeTakeFirstOrThrow();
    if (!r.first_answer_at) await trx.updateTable('service_requests').set({ first_answer_at: now }).where('id', '=', id).execute();
    if (!before || before.status === 'withdrawn') {
      await notify(trx, {
        type: 'request_answered', to: { userId: r.customer_id, audience: 'customer' }, linkId: id, dedupeKey: `request-answer:${id}:${workerId}:${now.getTime()}`, now,
        vars: { requestNo: r.request_no, worker: name, total: `¥${(quote.totalFen / 100).toFixed(2)}` },
      });
    }
    await announceChange(trx, r, before ? 'answer_updated' : 'answer_added');
    return saved;
  });
  return presentAnswer(answer, undefined, null);
}

async function workerName(ctx: AppContext, workerId: string): Promise<string> {
  return (await workerCard(ctx.db, workerId))?.name ?? '师傅';
}

/** Withdraws my open answer. */
export async function withdrawAnswer(ctx: AppContext, workerId: string, id: string): Promise<void> {
  await invited(ctx, workerId, id);
  await ctx.db.transaction().execute(async (trx) => {
    const r = (await q.lockRequest(trx, id))!;
    const done = await trx.updateTable('request_answers').set({ status: 'withdrawn', updated_at: new Date() })
      .where('request_id', '=', id).where('worker_id', '=', workerId).where('status', '=', 'open').returning('id').executeTakeFirst();
    if (!done) throw new AppError('REQUEST_STATE', { status: r.status }, [], { currentState: r.status });
    await announceChange(trx, r, 'answer_withdrawn');
  });
}
