/**
 * Day planning service: propose routes for a local day (`createPlan`), review them (`getPlan`,
 * `listPlans`), apply them order by order through booking's assignment (`applyPlan`), or discard them.
 */
import dayjs from 'dayjs';
import type { Kysely, Selectable } from 'kysely';
import type { AppContext } from '../../../platform/app-context.js';
import type { DB } from '../../../db/types.js';
import type { DispatchPlansDB, DispatchPlansTable } from '../../../db/types-dispatch-plans.js';
import { writeAudit } from '../../../platform/audit.js';
import { AppError, problemOfError } from '../../../platform/errors.js';
import type { Actor as AdminActor } from '../../admin/index.js';
import { settingsOf } from '../../booking/index.js';
import { HORIZON_DAYS } from '../../booking/index.js';
import { lockedOrder } from '../../booking/index.js';
import { takeOrder } from '../../booking/index.js';
import { cityTimeZone } from '../../geo/index.js';
import { buildProblem, dayWindow } from './build-problem.js';
import { planDay } from './plan-day.js';
import { presentPlan, type StoredRoute, type StoredTotals, type StoredUnassigned } from './present-plan.js';
import { verifyDayPlan } from './verify.js';

type PlanRow = Selectable<DispatchPlansTable>;
/** `DB` plus this feature's table (the cast is a no-op once `DB` lists `dispatch_plans`). */
const plansDb = (db: Kysely<DB>) => db as unknown as Kysely<DB & DispatchPlansDB>;

/** Search budget of a console request: a city day of ~300 orders solves in well under 2 s. */
const SOLVE_MS = 1500;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface ApplyResult {
  orderId: string; orderNo: string; workerId: string; workerName: string; start: string;
  outcome: 'assigned' | 'conflict';
  /** Why it was not assigned: SCHEDULE_CONFLICT, REST_RULE, WORKER_NOT_QUALIFIED, ORDER_TAKEN, ORDER_MOVED, ILLEGAL_TRANSITION, START_PASSED, … */
  code: string | null;
  message: { zh: string; en: string } | null;
}

const badDate = (message: { zh: string; en: string }) => new AppError('VALIDATION_FAILED', {}, [{ field: 'date', code: 'range', message }]);

/** The local day to plan: the given one (yesterday … the booking horizon), else tomorrow. */
async function planningDate(ctx: AppContext, date: string | undefined) {
  const timeZone = await cityTimeZone(ctx.db, ctx.config.cityCode);
  const today = dayjs().tz(timeZone).format('YYYY-MM-DD');
  const day = date ?? dayjs.tz(`${today} 12:00`, timeZone).add(1, 'day').format('YYYY-MM-DD');
  if (!DATE.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`)) || new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) !== day) {
    throw badDate({ zh: '日期格式应为 YYYY-MM-DD', en: 'must be a date YYYY-MM-DD' });
  }
  const offset = (Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000;
  if (offset < 0 || offset > HORIZON_DAYS) throw badDate({ zh: `只能规划今天起 ${HORIZON_DAYS} 天内的日期`, en: `must be today or within ${HORIZON_DAYS} days` });
  return dayWindow(day, timeZone);
}

function view(p: PlanRow) {
  return {
    id: p.id, date: p.plan_date, categoryCode: p.category_code, status: p.status,
    createdAt: p.created_at.toISOString(), createdByName: p.created_by_name, appliedAt: p.applied_at?.toISOString() ?? null, appliedByName: p.applied_by_name,
    totals: p.totals as StoredTotals, stats: p.stats as Record<string, number>,
    routes: p.routes as StoredRoute[], unassigned: p.unassigned as StoredUnassigned[], applyResults: (p.apply_results as ApplyResult[] | null) ?? null,
  };
}
export type PlanView = ReturnType<typeof view>;

async function planOr404(db: Kysely<DB>, id: string): Promise<PlanRow> {
  const p = await plansDb(db).selectFrom('dispatch_plans').selectAll().where('id', '=', id).executeTakeFirst();
  if (!p) throw new AppError('NOT_FOUND');
  return p;
}

/**
 * 生成方案: routes for the day's paid, unassigned orders (the jobs workers already hold stay as fixed
 * stops), minimising travel; stored as `proposed`, replacing earlier proposals for the same day and category.
 */
export async function createPlan(ctx: AppContext, admin: AdminActor, input: { date?: string; categoryCode?: string }): Promise<PlanView> {
  const now = new Date();
  const day = await planningDate(ctx, input.date);
  const started = performance.now();
  const built = await buildProblem(ctx, day, { categoryCode: input.categoryCode, now });
  const buildMs = performance.now() - started;
  const plan = planDay(built.problem, { timeLimitMs: SOLVE_MS });
  const check = verifyDayPlan(built.problem, plan);
  if (check.violations.length) {
    ctx.log.error({ violations: check.violations.slice(0, 20) }, 'day plan failed verification');
    throw new AppError('INTERNAL_ERROR');
  }
  const { routes, unassigned, totals } = presentPlan(plan, built);
  const stats = { buildMs: Math.round(buildMs), solveMs: Math.round(plan.stats.solveMs), iterations: plan.stats.iterations, constructionKm: Math.round(plan.stats.constructionKm * 10) / 10, workersConsidered: built.problem.workers.length };
  const row = await plansDb(ctx.db).transaction().execute(async (trx) => {
    let stale = trx.updateTable('dispatch_plans').set({ status: 'discarded', discarded_at: now }).where('city_code', '=', ctx.config.cityCode)
      .where('plan_date', '=', day.date).where('status', '=', 'proposed');
    stale = input.categoryCode ? stale.where('category_code', '=', input.categoryCode) : stale.where('category_code', 'is', null);
    await stale.execute();
    const p = await trx.insertInto('dispatch_plans').values({
      city_code: ctx.config.cityCode, plan_date: day.date, category_code: input.categoryCode ?? null, routes: JSON.stringify(routes), totals: JSON.stringify(totals),
      unassigned: JSON.stringify(unassigned), stats: JSON.stringify(stats), created_by: admin.id, created_by_name: admin.name, created_at: now,
    }).returningAll().executeTakeFirstOrThrow();
    await writeAudit(trx as unknown as Kysely<DB>, { actorKind: 'admin', actorId: admin.id, actorName: admin.name, action: 'dispatch.plan_created', targetType: 'dispatch_plan', targetId: p.id, ip: admin.ip, detail: { date: day.date, categoryCode: input.categoryCode ?? null, ...totals } });
    return p;
  });
  return view(row);
}

export async function getPlan(ctx: AppContext, id: string): Promise<PlanView> {
  return view(await planOr404(ctx.db, id));
}

/** Plans of a day (newest first), or the latest 20 of any day; without routes. */
export async function listPlans(ctx: AppContext, date?: string) {
  let q = plansDb(ctx.db).selectFrom('dispatch_plans').selectAll().where('city_code', '=', ctx.config.cityCode);
  if (date) q = q.where('plan_date', '=', date);
  const rows = await q.orderBy('created_at', 'desc').limit(20).execute();
  return { items: rows.map((p) => { const { routes: _r, unassigned: _u, ...rest } = view(p); return rest; }) };
}

function planState(p: PlanRow): AppError {
  return new AppError('VERSION_CONFLICT', {}, [], { code: 'PLAN_STATE', currentState: p.status }, { zh: '该方案已应用或已作废，请重新生成', en: 'This plan was already applied or discarded; make a new one' });
}

export async function discardPlan(ctx: AppContext, admin: AdminActor, id: string): Promise<PlanView> {
  const p = await plansDb(ctx.db).updateTable('dispatch_plans').set({ status: 'discarded', discarded_at: new Date() }).where('id', '=', id).where('status', '=', 'proposed').returningAll().executeTakeFirst();
  if (!p) throw planState(await planOr404(ctx.db, id));
  await writeAudit(ctx.db, { actorKind: 'admin', actorId: admin.id, actorName: admin.name, action: 'dispatch.plan_discarded', targetType: 'dispatch_plan', targetId: id, ip: admin.ip });
  return view(p);
}

function refusal(err: unknown): { code: string; message: { zh: string; en: string } } | null {
  if (!(err instanceof AppError) || err.status >= 500) return null;
  const zh = problemOfError(err, 'zh-CN');
  const en = problemOfError(err, 'en');
  return { code: String(zh.code), message: { zh: zh.title, en: en.title } };
}

/**
 * 应用方案: assigns each planned order to its worker through booking's `takeOrder` (the same checks
 * as a manual assignment), one transaction per order, so an order the world changed since planning
 * (taken, moved, cancelled, the worker now busy) is reported as a conflict without undoing the others.
 */
export async function applyPlan(ctx: AppContext, admin: AdminActor, id: string): Promise<PlanView> {
  const now = new Date();
  const claimed = await plansDb(ctx.db).updateTable('dispatch_plans').set({ status: 'applied', applied_by: admin.id, applied_by_name: admin.name, applied_at: now })
    .where('id', '=', id).where('status', '=', 'proposed').returningAll().executeTakeFirst();
  if (!claimed) throw planState(await planOr404(ctx.db, id));
  const settings = await settingsOf(ctx);
  const actor = { kind: 'admin' as const, id: admin.id, name: admin.name, ip: admin.ip };
  const reason = `日程规划 ${claimed.plan_date}`;
  const results: ApplyResult[] = [];
  const stops = (claimed.routes as StoredRoute[]).flatMap((r) => r.stops.filter((s) => !s.fixed).map((s) => ({ r, s }))).sort((a, b) => a.s.start.localeCompare(b.s.start));
  for (const { r, s } of stops) {
    const base = { orderId: s.orderId, orderNo: s.orderNo, workerId: r.workerId, workerName: r.workerName, start: s.start };
    try {
      await ctx.db.transaction().execute(async (trx) => {
        const o = await lockedOrder(trx, s.orderId);
        if (o.worker_id && o.worker_id !== r.workerId) throw new AppError('ORDER_TAKEN', {}, [], { currentState: o.status });
        if (o.scheduled_start.toISOString() !== s.start) {
          throw new AppError('ORDER_STATE', {}, [], { code: 'ORDER_MOVED', currentState: o.status }, { zh: '订单时间已变更，请重新规划', en: 'The order was moved since planning; plan again' });
        }
        await takeOrder(ctx, trx, o, r.workerId, actor, now, settings, reason);
      });
      results.push({ ...base, outcome: 'assigned', code: null, message: null });
    } catch (err) {
      const why = refusal(err);
      if (!why) ctx.log.error({ err, orderId: s.orderId }, 'applying a planned assignment failed');
      results.push({ ...base, outcome: 'conflict', ...(why ?? { code: 'INTERNAL_ERROR', message: { zh: '服务器开小差了', en: 'Something went wrong' } }) });
    }
  }
  const assigned = results.filter((x) => x.outcome === 'assigned').length;
  const p = await plansDb(ctx.db).updateTable('dispatch_plans').set({ apply_results: JSON.stringify(results) }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  await writeAudit(ctx.db, {
    actorKind: 'admin', actorId: admin.id, actorName: admin.name, action: 'dispatch.plan_applied', targetType: 'dispatch_plan', targetId: id, ip: admin.ip,
    detail: { date: claimed.plan_date, assigned, conflicts: results.length - assigned, results: results.map((x) => ({ orderId: x.orderId, workerId: x.workerId, outcome: x.outcome, code: x.code })) },
  });
  return view(p);
}
