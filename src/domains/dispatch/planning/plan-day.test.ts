import { describe, expect, it } from 'vitest';
import { haversineKm } from '../../../platform/providers/map';
import { planDay } from './plan-day';
import { at, CENTRE, job, offset, randomDay, worker } from './test-fixtures';
import type { DayProblem, LatLng, PlanOptions, PlanWorker } from './types';
import { verifyDayPlan } from './verify';

const MIN = 60_000;
const FAST: PlanOptions = { maxIterations: 3000, timeLimitMs: 10_000, seed: 3 };
const roadKm = (a: LatLng, b: LatLng) => haversineKm(a, b) * 1.3;
const minutesFor = (km: number) => (km / 20) * 60;

function solve(problem: DayProblem, options: PlanOptions = FAST) {
  const plan = planDay(problem, options);
  expect(verifyDayPlan(problem, plan, options).violations).toEqual([]);
  return plan;
}
const routeIds = (plan: ReturnType<typeof planDay>) => Object.fromEntries(plan.routes.map((r) => [r.workerId, r.stops.map((s) => s.jobId)]));

describe('planDay', () => {
  it('gives each job to the nearest worker and writes the ETA chain', () => {
    const east = offset(5);
    const problem: DayProblem = {
      workers: [worker('home'), worker('east', { home: east })],
      jobs: [job('a', at(9), { location: offset(0.5) }), job('b', at(13), { location: offset(4.5) }), job('c', at(15), { location: offset(0.2) })],
    };
    const plan = solve(problem);
    expect(routeIds(plan)).toEqual({ home: ['a', 'c'], east: ['b'] });
    const [a, c] = plan.routes[0].stops;
    const km = roadKm(CENTRE, offset(0.5));
    expect(a.travelKm).toBeCloseTo(km, 9);
    expect(a.start).toBe(at(9));
    expect(a.arrive).toBe(at(9));
    expect(a.leave).toBeCloseTo(at(9) - minutesFor(km) * MIN, 3);
    expect(a.finish).toBe(at(11));
    expect(c.leave).toBe(at(11));
    expect(c.arrive).toBeCloseTo(at(11) + minutesFor(roadKm(offset(0.5), offset(0.2))) * MIN, 3);
    expect(c.waitMinutes).toBeCloseTo((at(15) - c.arrive) / MIN, 6);
    expect(plan.routes[0].returnHome).toBeCloseTo(at(17) + minutesFor(roadKm(offset(0.2), CENTRE)) * MIN, 3);
    expect(plan.totals).toMatchObject({ jobs: 3, planned: 3, unassigned: 0, workersUsed: 2 });
    expect(plan.totals.travelKm).toBeCloseTo(plan.routes.reduce((s, r) => s + r.travelKm, 0), 9);
  });

  it('keeps the 30-minute buffer between jobs even next door, and more when the travel is longer', () => {
    const problem: DayProblem = {
      workers: [worker('one')],
      jobs: [job('a', at(9)), job('b', at(11, 20)), job('c', at(11, 30), { location: offset(0.1) })],
    };
    const plan = solve(problem);
    // a ends 11:00: b at 11:20 is inside the buffer, c at 11:30 (100 m away) is exactly on it.
    expect(routeIds(plan)).toEqual({ one: ['a', 'c'] });
    expect(plan.unassigned).toEqual([{ jobId: 'b', reason: 'workers_fully_booked', eligibleWorkers: 1 }]);
    const far = solve({ workers: [worker('one')], jobs: [job('a', at(9)), job('d', at(11, 30), { location: offset(12) })] });
    // 12 km × 1.3 at 20 km/h = 46.8 minutes > 30: d does not fit after a.
    expect(far.totals.planned).toBe(1);
  });

  it('respects skills, eligibility lists and shifts', () => {
    const problem: DayProblem = {
      workers: [worker('cleaner'), worker('fixer', { skills: ['repair'], home: offset(9) }), worker('late', { shift: { start: at(14), end: at(22) } })],
      jobs: [
        job('repair', at(10), { itemId: 'repair' }),
        job('only-late', at(9), { eligibleWorkerIds: ['late'] }),
        job('evening', at(19)),
        job('nobody', at(10), { itemId: 'nanny' }),
      ],
    };
    const plan = solve(problem);
    expect(routeIds(plan)).toEqual({ fixer: ['repair'], late: ['evening'] });
    expect(plan.unassigned).toEqual(expect.arrayContaining([
      { jobId: 'only-late', reason: 'outside_working_hours', eligibleWorkers: 1 },
      { jobId: 'nobody', reason: 'no_eligible_worker', eligibleWorkers: 0 },
    ]));
  });

  it('keeps fixed jobs on their worker and plans around them', () => {
    const problem: DayProblem = {
      workers: [
        worker('busy', { fixed: [{ id: 'f1', location: offset(0.3), start: at(10), durationMinutes: 120 }] }),
        worker('far', { home: offset(10) }),
      ],
      jobs: [job('x', at(10, 30)), job('y', at(12, 30), { location: offset(0.3) }), job('z', at(8), { durationMinutes: 60 })],
    };
    const plan = solve(problem);
    expect(routeIds(plan)).toEqual({ busy: ['z', 'f1', 'y'], far: ['x'] });
    expect(plan.routes[0].stops.map((s) => s.fixed)).toEqual([false, true, false]);
    expect(plan.totals).toMatchObject({ fixed: 1, planned: 3 });
  });

  it('tolerates two fixed jobs booked too close, and explains the conflict', () => {
    const problem: DayProblem = {
      workers: [worker('w', {
        fixed: [
          { id: 'f1', location: CENTRE, start: at(9), durationMinutes: 60 },
          { id: 'f2', location: offset(10), start: at(10, 30), durationMinutes: 60 },
        ],
      })],
      jobs: [job('between', at(10, 0), { durationMinutes: 30 })],
    };
    const plan = solve(problem);
    const [, f2] = plan.routes[0].stops;
    expect(f2.lateMinutes).toBeCloseTo(minutesFor(roadKm(CENTRE, offset(10))) - 30, 3);
    expect(plan.unassigned).toEqual([{ jobId: 'between', reason: 'conflicts_with_existing', eligibleWorkers: 1 }]);
  });

  it('honours blocked time, the rest break and the daily maximum', () => {
    const blocked = solve({ workers: [worker('w', { blocked: [{ start: at(12), end: at(13) }] })], jobs: [job('lunch', at(11), { durationMinutes: 60 })] });
    expect(blocked.unassigned[0]).toMatchObject({ reason: 'conflicts_with_existing' });
    const flexible = solve({ workers: [worker('w', { blocked: [{ start: at(12), end: at(13) }] })], jobs: [job('lunch', at(11), { durationMinutes: 60, latest: at(14) })] });
    expect(flexible.routes[0].stops[0].start).toBe(at(13));
    const rest = solve({ workers: [worker('w', { minBreakMinutes: 15 })], jobs: [job('a', at(9)), job('b', at(11, 30))] });
    expect(rest.totals.planned).toBe(1);
    const tired = solve({ workers: [worker('w', { maxWorkMinutes: 200 })], jobs: [job('a', at(9)), job('b', at(12))] });
    expect(tired.totals.planned).toBe(1);
    expect(tired.unassigned[0].reason).toBe('workers_fully_booked');
  });

  it('waits for a flexible window and orders stops by time', () => {
    const problem: DayProblem = {
      workers: [worker('w')],
      jobs: [job('late', at(14), { latest: at(16) }), job('early', at(9), { latest: at(12) })],
    };
    const plan = solve(problem);
    expect(plan.routes[0].stops.map((s) => [s.jobId, s.start])).toEqual([['early', at(9)], ['late', at(14)]]);
  });

  it('can keep travel inside the shift when asked', () => {
    const problem: DayProblem = { workers: [worker('w', { home: offset(10) })], jobs: [job('a', at(8))] };
    expect(solve(problem).totals.planned).toBe(1);
    expect(solve(problem, { ...FAST, shiftIncludesTravel: true }).unassigned[0].reason).toBe('outside_working_hours');
  });

  it('is reproducible with a seed and an iteration budget', () => {
    const problem = randomDay({ jobs: 60, workers: 15 }, 11);
    const a = planDay(problem, { seed: 5, maxIterations: 400, timeLimitMs: 60_000 });
    const b = planDay(problem, { seed: 5, maxIterations: 400, timeLimitMs: 60_000 });
    expect(routeIds(a)).toEqual(routeIds(b));
    expect(a.totals.travelKm).toBe(b.totals.travelKm);
  });

  it('improves on the regret construction', () => {
    const problem = randomDay({ jobs: 120, workers: 30 }, 4);
    const plan = solve(problem, { maxIterations: 4000, timeLimitMs: 60_000, seed: 2 });
    expect(plan.totals.travelKm).toBeLessThan(plan.stats.constructionKm);
  });

  it('handles an empty day and rejects malformed input', () => {
    expect(planDay({ workers: [worker('w')], jobs: [] }).totals).toMatchObject({ jobs: 0, travelKm: 0 });
    expect(() => planDay({ workers: [worker('w')], jobs: [job('a', at(9)), job('a', at(10))] })).toThrow(/duplicate/);
    expect(() => planDay({ workers: [worker('w')], jobs: [job('a', at(9), { latest: at(8) })] })).toThrow(/earliest/);
  });
});

// ---- brute force on small instances ----

interface Visit { id: string; loc: LatLng; earliest: number; latest: number; dur: number; buf: number; fixed: boolean; itemId?: string }

/** Earliest-start schedule of one sequence (its own implementation of the rules); road km or null. */
function sequenceKm(w: PlanWorker, seq: Visit[]): number | null {
  const brk = (w.minBreakMinutes ?? 0) * MIN;
  let prev: Visit | null = null;
  let finish = 0;
  let km = 0;
  for (const v of seq) {
    const legKm = roadKm(prev ? prev.loc : w.home, v.loc);
    km += legKm;
    const need = prev ? finish + Math.max(minutesFor(legKm) * MIN, prev.buf + brk) : -Infinity;
    let start: number;
    if (v.fixed) {
      start = v.earliest;
      if (prev && !prev.fixed && need > start + 1e-3) return null;
    } else {
      start = Math.max(v.earliest, w.shift.start, need);
      for (let moved = true; moved;) {
        moved = false;
        for (const b of w.blocked ?? []) {
          if (start - brk < b.end && start + v.dur + v.buf + brk > b.start) { start = b.end + brk; moved = true; }
        }
      }
      if (start > v.latest + 1e-3 || start + v.dur > w.shift.end + 1e-3) return null;
    }
    if (prev && start < finish - 1e-3 && !(prev.fixed && v.fixed)) return null;
    finish = start + v.dur;
    prev = v;
  }
  return prev ? km + roadKm(prev.loc, w.home) : 0;
}

function permutations<T>(xs: T[]): T[][] {
  if (xs.length <= 1) return [xs];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
}

/** The best plan by exhaustive search: most jobs first, then fewest km. */
function bruteForce(problem: DayProblem): { planned: number; km: number } {
  const n = problem.jobs.length;
  const visits: Visit[] = problem.jobs.map((j) => ({ id: j.id, loc: j.location, earliest: j.earliest, latest: j.latest, dur: j.durationMinutes * MIN, buf: Math.max(j.bufferMinutes ?? 30, 30) * MIN, fixed: false, itemId: j.itemId }));
  const full = 1 << n;
  let best = new Map<number, number>([[0, 0]]);
  for (const w of problem.workers) {
    const fixed: Visit[] = (w.fixed ?? []).map((f) => ({ id: f.id, loc: f.location, earliest: f.start, latest: f.start, dur: f.durationMinutes * MIN, buf: Math.max(f.bufferMinutes ?? 30, 30) * MIN, fixed: true }));
    const eligible = (i: number) => w.skills.includes(problem.jobs[i].itemId) && (!problem.jobs[i].eligibleWorkerIds || problem.jobs[i].eligibleWorkerIds!.includes(w.id));
    const routeKmOf = new Map<number, number>();
    for (let s = 0; s < full; s++) {
      const members = visits.filter((_, i) => s & (1 << i));
      if (members.some((v) => !eligible(visits.indexOf(v)))) continue;
      const work = [...members, ...fixed].reduce((sum, v) => sum + v.dur, 0) / MIN + (w.blocked ?? []).reduce((sum, b) => sum + (b.workMinutes ?? 0), 0);
      if (members.length && w.maxWorkMinutes != null && work > w.maxWorkMinutes) continue;
      let kmBest = Infinity;
      for (const p of permutations([...members, ...fixed])) {
        const fixedOrder = p.filter((v) => v.fixed).map((v) => v.earliest);
        if (fixedOrder.some((t, i) => i > 0 && t < fixedOrder[i - 1])) continue;
        const km = sequenceKm(w, p);
        if (km !== null && km < kmBest) kmBest = km;
      }
      if (kmBest < Infinity) routeKmOf.set(s, kmBest);
    }
    const next = new Map<number, number>();
    for (const [mask, km] of best) {
      for (const [s, rk] of routeKmOf) {
        if (mask & s) continue;
        const key = mask | s;
        const total = km + rk;
        if (total < (next.get(key) ?? Infinity)) next.set(key, total);
      }
    }
    best = next;
  }
  let planned = -1;
  let km = Infinity;
  for (const [mask, total] of best) {
    let bits = 0;
    for (let i = 0; i < n; i++) if (mask & (1 << i)) bits++;
    if (bits > planned || (bits === planned && total < km)) { planned = bits; km = total; }
  }
  return { planned, km };
}

describe('planDay against brute force (≤ 7 jobs)', () => {
  it('finds the optimum on random small days', () => {
    let cases = 0;
    for (let seed = 1; cases < 40; seed++) {
      const jobs = 4 + (seed % 4);
      const problem = randomDay({ jobs, workers: 2 + (seed % 2), radiusKm: 6, serviceRadiusKm: 9, flexibleShare: 0.4, fixedPerWorker: 0.3, items: ['clean', 'repair'] }, seed);
      for (const w of problem.workers) w.fixed = w.fixed?.slice(0, 1);
      if (seed % 3 === 0) problem.workers[0].blocked = [{ start: at(12), end: at(13), workMinutes: 0 }];
      if (seed % 5 === 0) problem.workers[1].minBreakMinutes = 20;
      const exact = bruteForce(problem);
      const plan = solve(problem, { maxIterations: 2000, timeLimitMs: 10_000, seed });
      expect(plan.totals.planned, `seed ${seed}`).toBe(exact.planned);
      expect(plan.totals.travelKm, `seed ${seed}`).toBeCloseTo(exact.km, 6);
      cases++;
    }
  });
});
