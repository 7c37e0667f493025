/**
 * 抽检回访 (seed 001 服务质量监督): each week a random sample of the previous week's completed orders per category
 * (the city's rate, at least one per category with orders) is drawn once; ops call the customer, record the
 * questionnaire and the outcome (pass / issue / unreachable); each worker's QA pass rate is public (结果公开).
 */
import { randomInt } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../db/types.js';
import type { QaOutcome, QaSamplesTable } from '../../db/types-quality.js';
import type { AppContext } from '../../platform/app-context.js';
import { writeAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { userContact } from '../accounts/index.js';
import { completedOrdersBetween } from '../booking/index.js';
import { openComplaint, type OpenComplaintInput } from '../complaints/index.js';
import { cityTimeZone } from '../geo/index.js';
import { drawSample, isWeekStart, missingAnswers, passRate, previousWeekStart, weekRange, weekStartOf, type PassRate, type Questionnaire } from './rules.js';
import { qaRateBp } from './settings.js';

type Db = Kysely<DB>;
type SampleRow = Selectable<QaSamplesTable>;
export interface Admin { id: string; name: string; ip: string }

const secureRandom = () => randomInt(0, 2 ** 47) / 2 ** 47;

function badWeek(): AppError {
  return new AppError('VALIDATION_FAILED', {}, [{ field: 'week', code: 'format', message: { zh: '请选择一周的周一（YYYY-MM-DD）', en: 'choose the Monday of a week (YYYY-MM-DD)' } }]);
}

/**
 * Draws the sample of the week starting `week` (Monday, the city's zone) once: a second run — the weekly job on
 * another instance, or ops pressing 抽样 again — finds the draw and returns it unchanged. Only ended weeks are drawn.
 */
export async function drawWeek(db: Db, cityCode: string, week: string, by: string, now = new Date(), random = secureRandom) {
  if (!isWeekStart(week)) throw badWeek();
  const tz = await cityTimeZone(db, cityCode);
  const { from, to } = weekRange(week, tz);
  if (to > now) {
    throw new AppError('VALIDATION_FAILED', {}, [{ field: 'week', code: 'not_over', message: { zh: '只能抽取已结束的一周', en: 'only a week that has ended can be sampled' } }]);
  }
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('qa_draws').selectAll().where('city_code', '=', cityCode).where('week_start', '=', week).executeTakeFirst();
    if (existing) return { week, created: false, ordersInWeek: existing.orders_in_week, sampled: existing.sampled, rateBp: existing.rate_bp };
    const rateBp = await qaRateBp(trx, cityCode);
    const orders = await completedOrdersBetween(trx, cityCode, from, to);
    const chosen = drawSample(orders, rateBp, random);
    // The key (city, week) decides a race between two instances: the loser inserts nothing and rolls back.
    const draw = await trx.insertInto('qa_draws').values({ city_code: cityCode, week_start: week, rate_bp: rateBp, orders_in_week: orders.length, sampled: chosen.length, drawn_by: by })
      .onConflict((oc) => oc.columns(['city_code', 'week_start']).doNothing()).returningAll().executeTakeFirst();
    if (!draw) {
      const won = await trx.selectFrom('qa_draws').selectAll().where('city_code', '=', cityCode).where('week_start', '=', week).executeTakeFirstOrThrow();
      return { week, created: false, ordersInWeek: won.orders_in_week, sampled: won.sampled, rateBp: won.rate_bp };
    }
    if (chosen.length) {
      await trx.insertInto('qa_samples').values(chosen.map((o) => ({
        city_code: cityCode, week_start: week, order_id: o.id, order_no: o.orderNo, category_code: o.categoryCode, item_name: o.itemName,
        worker_id: o.workerId, worker_name: o.workerName, customer_id: o.customerId, completed_at: o.completedAt,
      }))).onConflict((oc) => oc.column('order_id').doNothing()).execute();
    }
    return { week, created: true, ordersInWeek: orders.length, sampled: chosen.length, rateBp };
  });
}

/** The weekly job: draws last week's sample when it has not been drawn yet (runs hourly; a drawn week is left alone). */
export async function drawLastWeekIfDue(db: Db, cityCode: string, now = new Date()) {
  const tz = await cityTimeZone(db, cityCode);
  return drawWeek(db, cityCode, previousWeekStart(now, tz), 'system', now);
}

/** The week's samples with the worker's and customer's names, the customer's phone masked. */
export async function weekSamples(ctx: AppContext, week: string | undefined, now = new Date()) {
  const tz = await cityTimeZone(ctx.db, ctx.config.cityCode);
  const w = week ?? previousWeekStart(now, tz);
  if (!isWeekStart(w)) throw badWeek();
  const [draw, rows] = await Promise.all([
    ctx.db.selectFrom('qa_draws').selectAll().where('city_code', '=', ctx.config.cityCode).where('week_start', '=', w).executeTakeFirst(),
    ctx.db.selectFrom('qa_samples').selectAll().where('city_code', '=', ctx.config.cityCode).where('week_start', '=', w).orderBy('category_code').orderBy('completed_at').execute(),
  ]);
  const people = new Map<string, { name: string; phoneMasked: string | null }>();
  for (const id of new Set(rows.map((r) => r.customer_id))) {
    const c = await userContact(ctx, ctx.db, id);
    people.set(id, { name: c?.name ?? '', phoneMasked: c?.phoneMasked ?? null });
  }
  const counts = { pending: 0, pass: 0, issue: 0, unreachable: 0 };
  for (const r of rows) counts[r.status] += 1;
  return {
    week: w, currentWeek: weekStartOf(now, tz), timeZone: tz,
    draw: draw ? { ordersInWeek: draw.orders_in_week, sampled: draw.sampled, rateBp: draw.rate_bp, drawnBy: draw.drawn_by, drawnAt: draw.drawn_at.toISOString() } : null,
    counts,
    items: rows.map((r) => presentSample(r, people)),
  };
}

function presentSample(r: SampleRow, people: Map<string, { name: string; phoneMasked: string | null }>) {
  return {
    id: r.id, week: r.week_start, orderId: r.order_id, orderNo: r.order_no, categoryCode: r.category_code, itemName: r.item_name,
    completedAt: r.completed_at.toISOString(),
    worker: { id: r.worker_id, name: r.worker_name },
    customer: { id: r.customer_id, name: people.get(r.customer_id)?.name ?? '', phoneMasked: people.get(r.customer_id)?.phoneMasked ?? null },
    status: r.status,
    answers: r.on_time === null ? null : { onTime: r.on_time, asDescribed: r.as_described, attitude: r.attitude, extraCharges: r.extra_charges, satisfaction: r.satisfaction },
    notes: r.notes, attempts: r.attempts, calledBy: r.called_by_name || null, calledAt: r.called_at?.toISOString() ?? null, complaintId: r.complaint_id,
  };
}

async function sampleOrThrow(db: Db, id: string) {
  const r = await db.selectFrom('qa_samples').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw new AppError('NOT_FOUND');
  return r;
}

/** 查看号码: the customer's full phone for the call; every reveal is audited. */
export async function revealCustomerPhone(ctx: AppContext, admin: Admin, sampleId: string) {
  const r = await sampleOrThrow(ctx.db, sampleId);
  const c = await userContact(ctx, ctx.db, r.customer_id);
  if (!c?.phone) throw new AppError('NOT_FOUND');
  await writeAudit(ctx.db, { actorKind: 'admin', actorId: admin.id, actorName: admin.name, action: 'qa.phone_revealed', targetType: 'qa_sample', targetId: r.id, ip: admin.ip, detail: { customerId: r.customer_id, orderNo: r.order_no } });
  return { phone: c.phone };
}

export type ResultInput = Partial<Questionnaire> & { outcome: QaOutcome; notes?: string };

/**
 * Records the call: pass and issue need the whole questionnaire; unreachable needs none and may be called again
 * later. A pass or issue is final (409 after). Audited.
 */
export async function recordResult(ctx: AppContext, admin: Admin, sampleId: string, input: ResultInput, now = new Date()) {
  const missing = missingAnswers(input.outcome, input);
  if (missing.length) {
    throw new AppError('VALIDATION_FAILED', {}, missing.map((field) => ({ field, code: 'required', message: { zh: '接通后须填写此项', en: 'required when the customer answered' } })));
  }
  const answered = input.outcome !== 'unreachable';
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx.updateTable('qa_samples').set({
      status: input.outcome,
      on_time: answered ? input.onTime! : null, as_described: answered ? input.asDescribed! : null, attitude: answered ? input.attitude! : null,
      extra_charges: answered ? input.extraCharges! : null, satisfaction: answered ? input.satisfaction! : null,
      notes: (input.notes ?? '').trim(), attempts: (eb) => eb('attempts', '+', 1), called_by: admin.id, called_by_name: admin.name, called_at: now,
    }).where('id', '=', sampleId).where('status', 'in', ['pending', 'unreachable']).returningAll().executeTakeFirst();
    if (!row) {
      const r = await sampleOrThrow(trx, sampleId);
      throw new AppError('QA_SAMPLE_STATE', { status: r.status }, [], { currentState: r.status });
    }
    await writeAudit(trx, { actorKind: 'admin', actorId: admin.id, actorName: admin.name, action: 'qa.result_recorded', targetType: 'qa_sample', targetId: row.id, ip: admin.ip, detail: { outcome: input.outcome, orderNo: row.order_no } });
    const people = new Map<string, { name: string; phoneMasked: string | null }>();
    return presentSample(row, people);
  });
}

/**
 * 转投诉: a failed sample (issue) opens a complaint about the worker with source 'qa' through complaints'
 * `openComplaint`, in one transaction with the link; once per sample (409 after). Audited.
 */
export async function complaintFromSample(ctx: AppContext, admin: Admin, sampleId: string, input: { category: OpenComplaintInput['category']; description: string }) {
  return ctx.db.transaction().execute(async (trx) => {
    const r = await trx.selectFrom('qa_samples').selectAll().where('id', '=', sampleId).forUpdate().executeTakeFirst();
    if (!r) throw new AppError('NOT_FOUND');
    if (r.status !== 'issue' || r.complaint_id) throw new AppError('QA_SAMPLE_STATE', { status: r.complaint_id ? 'complaint' : r.status }, [], { currentState: r.status, complaintId: r.complaint_id });
    const complaint = await openComplaint(trx, { orderId: r.order_id, source: 'qa', filedBy: null, category: input.category, description: input.description });
    await trx.updateTable('qa_samples').set({ complaint_id: complaint.id }).where('id', '=', r.id).execute();
    await writeAudit(trx, { actorKind: 'admin', actorId: admin.id, actorName: admin.name, action: 'qa.complaint_opened', targetType: 'qa_sample', targetId: r.id, ip: admin.ip, detail: { complaintId: complaint.id, orderNo: r.order_no, category: input.category } });
    return { sampleId: r.id, complaintId: complaint.id, complaintStatus: complaint.status };
  });
}

export { sampleOrThrow as findSample };

/** Each worker's QA pass rate (passed / (passed + issue), unreachable apart), for every id asked (zeros when none). */
export async function qaPassRates(db: Db, workerIds: readonly string[]): Promise<Map<string, PassRate>> {
  const out = new Map<string, PassRate>(workerIds.map((id) => [id, passRate(0, 0, 0)]));
  if (!workerIds.length) return out;
  const rows = await db.selectFrom('qa_samples').select((eb) => ['worker_id', 'status', eb.fn.countAll<number>().as('n')])
    .where('worker_id', 'in', [...workerIds]).where('status', 'in', ['pass', 'issue', 'unreachable']).groupBy(['worker_id', 'status']).execute();
  const acc = new Map<string, { pass: number; issue: number; unreachable: number }>();
  for (const r of rows) {
    const a = acc.get(r.worker_id) ?? { pass: 0, issue: 0, unreachable: 0 };
    a[r.status as 'pass' | 'issue' | 'unreachable'] = Number(r.n);
    acc.set(r.worker_id, a);
  }
  for (const [id, a] of acc) out.set(id, passRate(a.pass, a.issue, a.unreachable));
  return out;
}
