/**
 * Day planner on random city days (pure, no database):
 *   npm run -s bench:plan -- [--sizes 50x20,100x40,200x70,300x100,300x150,500x150] [--seeds 5] [--ms 1500] [--sweep] [--json]
 * Each size JOBSxWORKERS is a Shanghai-sized disc (15 km radius) with workers at random homes, 2–4 of 8 skills,
 * five shift patterns (some with a 6 h daily maximum), 0.5 fixed jobs per worker on average, jobs on the half-hour
 * grid 08:00–17:30 lasting 1–3.5 h (20 % with a flexible window of 30–120 min), eligible within 8 km of home.
 * Reports, per size over the seeds: wall time of planDay (construction + search + polish), iterations, jobs
 * planned, road km, and the gain over (a) greedy insertion in start order ("nearest free worker") and (b) the
 * regret construction. `--sweep` also runs the 300x100 day with budgets of 100 ms … 5 s.
 * Every plan is checked by verifyDayPlan; the exit code is non-zero on any violation.
 */
import { compile } from '../src/domains/dispatch/planning/compile.js';
import { planDay } from '../src/domains/dispatch/planning/plan-day.js';
import { cheapest } from '../src/domains/dispatch/planning/search.js';
import { PlanState } from '../src/domains/dispatch/planning/state.js';
import { randomDay } from '../src/domains/dispatch/planning/test-fixtures.js';
import type { DayProblem } from '../src/domains/dispatch/planning/types.js';
import { verifyDayPlan } from '../src/domains/dispatch/planning/verify.js';

const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1]! : fallback; };
const SIZES = flag('sizes', '50x20,100x40,200x70,300x100,300x150,500x150').split(',').map((s) => s.split('x').map(Number) as [number, number]);
const SEEDS = Number(flag('seeds', '5'));
const MS = Number(flag('ms', '1500'));
const JSON_OUT = args.includes('--json');
const SWEEP = args.includes('--sweep');

/** Baseline: jobs in start order, each to its cheapest feasible insertion (a careful "nearest free worker"). */
function greedy(problem: DayProblem) {
  const c = compile(problem);
  const st = new PlanState(c);
  const order = Array.from({ length: c.n }, (_, k) => k).sort((x, y) => c.earliest[x] - c.earliest[y] || x - y);
  for (const k of order) {
    const at = cheapest(c, st, k);
    if (at) st.insert(k, at.w, at.pos);
    else st.unassigned.push(k);
  }
  return { planned: c.n - st.unassigned.length, km: st.totalKm };
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
const r1 = (x: number) => Math.round(x * 10) / 10;
let violations = 0;
const rows: Record<string, unknown>[] = [];

for (const [jobs, workers] of SIZES) {
  const runs = [];
  for (let seed = 1; seed <= SEEDS; seed++) {
    const problem = randomDay({ jobs, workers }, 1000 * jobs + seed);
    const base = greedy(problem);
    const t0 = performance.now();
    const plan = planDay(problem, { timeLimitMs: MS, seed });
    const ms = performance.now() - t0;
    const check = verifyDayPlan(problem, plan);
    violations += check.violations.length;
    runs.push({ ms, iterations: plan.stats.iterations, planned: plan.totals.planned, km: plan.totals.travelKm, constructionKm: plan.stats.constructionKm, greedyPlanned: base.planned, greedyKm: base.km, fixed: plan.totals.fixed });
  }
  const row = {
    size: `${jobs}x${workers}`, seeds: SEEDS, budgetMs: MS,
    meanMs: Math.round(mean(runs.map((r) => r.ms))), maxMs: Math.round(Math.max(...runs.map((r) => r.ms))),
    meanIterations: Math.round(mean(runs.map((r) => r.iterations))),
    plannedPct: r1((100 * mean(runs.map((r) => r.planned))) / jobs), greedyPlannedPct: r1((100 * mean(runs.map((r) => r.greedyPlanned))) / jobs),
    meanKm: r1(mean(runs.map((r) => r.km))), greedyKm: r1(mean(runs.map((r) => r.greedyKm))), constructionKm: r1(mean(runs.map((r) => r.constructionKm))),
    // Travel per planned job, so plans that place more jobs are not penalised for it.
    kmPerJob: r1(mean(runs.map((r) => r.km / Math.max(1, r.planned + r.fixed)))), greedyKmPerJob: r1(mean(runs.map((r) => r.greedyKm / Math.max(1, r.greedyPlanned + r.fixed)))),
  };
  rows.push(row);
  if (!JSON_OUT) console.log(JSON.stringify(row));
}

const sweep: Record<string, unknown>[] = [];
if (SWEEP) {
  const problem = randomDay({ jobs: 300, workers: 100 }, 300_001);
  for (const ms of [100, 250, 500, 1000, 1500, 3000, 5000]) {
    const t0 = performance.now();
    const plan = planDay(problem, { timeLimitMs: ms, maxIterations: 1e9, stallIterations: 1e9 });
    violations += verifyDayPlan(problem, plan).violations.length;
    const row = { budgetMs: ms, wallMs: Math.round(performance.now() - t0), iterations: plan.stats.iterations, planned: plan.totals.planned, km: r1(plan.totals.travelKm) };
    sweep.push(row);
    if (!JSON_OUT) console.log(JSON.stringify(row));
  }
}

console.log(JSON.stringify({ summary: true, rows, sweep, violations, node: process.version }));
process.exitCode = violations ? 1 : 0;
