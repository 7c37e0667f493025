/**
 * Day planning (pure, no I/O): routes per worker for one day's jobs, minimising total travel under
 * time windows, skills / eligibility, working hours, rest rules and the booking buffer — a multi-depot,
 * heterogeneous VRPTW. Each worker is a vehicle leaving home and coming back; already-assigned jobs stay
 * on their worker as fixed stops. The objective is lexicographic in effect: as many jobs as possible
 * (an unassigned job costs more than any detour), then the fewest road km.
 */
import { compile, type Compiled } from './compile';
import { bestInsertion, EPS, kmBetween, travelMs } from './schedule';
import { descend, improve, regret } from './search';
import { PlanState } from './state';
import { Rng } from '../vrp/rng';
import type { DayPlan, DayProblem, PlannedStop, PlanOptions, UnassignedJob, UnassignedReason, WorkerRoute } from './types';

export * from './types';

const MIN = 60_000;
const HOME = -1;

export const DEFAULT_PLAN_OPTIONS = { timeLimitMs: 1500, maxIterations: 25_000, stallIterations: 4000, seed: 1 } as const;

/** Plans the day; throws on malformed input (duplicate ids, inverted windows or shifts). */
export function planDay(problem: DayProblem, options: PlanOptions = {}): DayPlan {
  const started = performance.now();
  const c = compile(problem, options);
  const st = new PlanState(c);
  const rng = new Rng(options.seed ?? DEFAULT_PLAN_OPTIONS.seed);
  const order = Array.from({ length: c.n }, (_, k) => k).filter((k) => c.elig[k].length > 0);
  regret(c, st, order, rng);
  const constructionKm = st.totalKm;
  const iterations = improve(c, st, {
    timeLimitMs: options.timeLimitMs ?? DEFAULT_PLAN_OPTIONS.timeLimitMs,
    maxIterations: options.maxIterations ?? DEFAULT_PLAN_OPTIONS.maxIterations,
    stallIterations: options.stallIterations ?? DEFAULT_PLAN_OPTIONS.stallIterations,
    seed: (options.seed ?? DEFAULT_PLAN_OPTIONS.seed) + 1,
  }, started);
  descend(c, st);
  return present(c, st, problem, { constructionKm, iterations, solveMs: performance.now() - started });
}

function present(c: Compiled, st: PlanState, problem: DayProblem, stats: DayPlan['stats']): DayPlan {
  const routes: WorkerRoute[] = [];
  for (let w = 0; w < c.m; w++) {
    if (st.routes[w].length) routes.push(routeOf(c, w, st.routes[w], st.starts[w]));
  }
  const unplanned = new Set(Array.from({ length: c.n }, (_, k) => k).filter((k) => st.routeOf[k] < 0));
  const unassigned: UnassignedJob[] = [...unplanned].map((k) => ({ jobId: c.jobIds[k], reason: reasonFor(c, k), eligibleWorkers: c.elig[k].length }));
  const planned = c.n - unplanned.size;
  const fixed = problem.workers.reduce((s, w) => s + (w.fixed?.length ?? 0), 0);
  const travelKm = routes.reduce((s, r) => s + r.travelKm, 0);
  return {
    routes, unassigned,
    totals: {
      jobs: c.n, planned, fixed, unassigned: unplanned.size, workersUsed: routes.filter((r) => r.stops.some((s) => !s.fixed)).length,
      travelKm, travelMinutes: routes.reduce((s, r) => s + r.travelMinutes, 0),
    },
    stats,
  };
}

/** The ETA chain of a scheduled route: leave just in time for the first stop, then straight after each job. */
function routeOf(c: Compiled, w: number, nodes: number[], starts: number[]): WorkerRoute {
  const stops: PlannedStop[] = [];
  let prev = HOME;
  let finish = 0;
  let km = 0;
  let work = 0;
  for (let i = 0; i < nodes.length; i++) {
    const k = nodes[i];
    const legKm = kmBetween(c, w, prev, k);
    const legMs = travelMs(c, w, prev, k);
    const start = starts[i];
    const leave = prev === HOME ? start - legMs : finish;
    const arrive = leave + legMs;
    stops.push({
      jobId: c.nodeIds[k], fixed: c.fixed[k] === 1, leave, travelKm: legKm, travelMinutes: legMs / MIN, arrive,
      waitMinutes: Math.max(0, start - arrive) / MIN, start, finish: start + c.dur[k], lateMinutes: arrive > start + EPS ? (arrive - start) / MIN : 0,
    });
    km += legKm;
    work += c.dur[k];
    prev = k;
    finish = start + c.dur[k];
  }
  const backKm = kmBetween(c, w, prev, HOME);
  km += backKm;
  const returnHome = finish + travelMs(c, w, prev, HOME);
  return {
    workerId: c.workerIds[w], leaveHome: stops[0].leave, returnHome, stops, travelKm: km, travelMinutes: (km * c.msPerKm) / MIN, workMinutes: work / MIN,
  };
}

/** Why a job stayed unassigned: nobody eligible, nobody working then, existing bookings, or competition. */
function reasonFor(c: Compiled, k: number): UnassignedReason {
  const list = c.elig[k];
  if (!list.length) return 'no_eligible_worker';
  const empty: number[] = [];
  let hours = false;
  for (const w of list) {
    const blocks = c.blocks[w];
    c.blocks[w] = [];
    const ok = bestInsertion(c, w, empty, empty, 0, k, Infinity);
    c.blocks[w] = blocks;
    if (ok) { hours = true; break; }
  }
  if (!hours) return 'outside_working_hours';
  for (const w of list) {
    const fixedNodes = c.fixedOf[w];
    const starts = fixedNodes.map((f) => c.earliest[f]);
    const work = c.blockedWorkMs[w] + fixedNodes.reduce((s, f) => s + c.dur[f], 0);
    if (bestInsertion(c, w, fixedNodes, starts, work, k, Infinity)) return 'workers_fully_booked';
  }
  return 'conflicts_with_existing';
}
