import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planDay } from './plan-day';
import { at, randomDay } from './test-fixtures';
import type { DayProblem } from './types';
import { verifyDayPlan } from './verify';

const MIN = 60_000;

/** Random city days with blocked time, rest breaks, daily maxima, custom buffers and chosen workers mixed in. */
const day = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  jobs: fc.integer({ min: 0, max: 45 }),
  workers: fc.integer({ min: 1, max: 8 }),
  radiusKm: fc.integer({ min: 2, max: 20 }),
  flexibleShare: fc.double({ min: 0, max: 1, noNaN: true }),
  fixedPerWorker: fc.double({ min: 0, max: 2, noNaN: true }),
  blockedHour: fc.option(fc.integer({ min: 8, max: 17 })),
  breakMinutes: fc.constantFrom(0, 0, 10, 30),
  bufferMinutes: fc.constantFrom(undefined, 15, 45, 60),
  chosenShare: fc.double({ min: 0, max: 0.5, noNaN: true }),
  travelInShift: fc.boolean(),
}).map((s): { problem: DayProblem; travelInShift: boolean } => {
  const problem = randomDay({ jobs: s.jobs, workers: s.workers, radiusKm: s.radiusKm, flexibleShare: s.flexibleShare, fixedPerWorker: s.fixedPerWorker, items: ['clean', 'repair', 'ac-clean'] }, s.seed);
  problem.workers.forEach((w, i) => {
    if (s.blockedHour !== null && i % 2 === 0) w.blocked = [{ start: at(s.blockedHour), end: at(s.blockedHour) + 90 * MIN, workMinutes: 60 }];
    w.minBreakMinutes = s.breakMinutes;
  });
  problem.jobs.forEach((j, i) => {
    if (s.bufferMinutes !== undefined && i % 3 === 0) j.bufferMinutes = s.bufferMinutes;
    if ((i * 0.37) % 1 < s.chosenShare) j.eligibleWorkerIds = [problem.workers[i % problem.workers.length].id];
  });
  return { problem, travelInShift: s.travelInShift };
});

describe('planDay properties', () => {
  it('every plan is feasible: each job at most once, eligible worker, windows, shifts, spacing, blocks, daily maximum', () => {
    fc.assert(fc.property(day, ({ problem, travelInShift }) => {
      const options = { maxIterations: 150, timeLimitMs: 5_000, seed: 1, shiftIncludesTravel: travelInShift };
      const plan = planDay(problem, options);
      expect(verifyDayPlan(problem, plan, options).violations).toEqual([]);
      expect(plan.totals.planned + plan.totals.unassigned).toBe(problem.jobs.length);
      for (const route of plan.routes) {
        for (let i = 1; i < route.stops.length; i++) expect(route.stops[i].start).toBeGreaterThanOrEqual(route.stops[i - 1].start);
      }
    }), { numRuns: 150 });
  });

  it('leaves no unassigned job that would still fit into the final routes', () => {
    fc.assert(fc.property(day, ({ problem }) => {
      const plan = planDay(problem, { maxIterations: 100, timeLimitMs: 5_000, seed: 2 });
      if (!plan.unassigned.length) return;
      // Freeze the plan: every stop becomes a fixed job at its planned start; then offer each unassigned job again.
      const byId = new Map(problem.jobs.map((j) => [j.id, j]));
      const frozen = problem.workers.map((w) => {
        const route = plan.routes.find((r) => r.workerId === w.id);
        const fixed = (route?.stops ?? []).map((s) => {
          const original = byId.get(s.jobId) ?? w.fixed!.find((f) => f.id === s.jobId)!;
          return { id: s.jobId, location: original.location, start: s.start, durationMinutes: original.durationMinutes, bufferMinutes: original.bufferMinutes };
        });
        return { ...w, fixed };
      });
      for (const u of plan.unassigned) {
        const again = planDay({ workers: frozen, jobs: [byId.get(u.jobId)!] }, { maxIterations: 10, timeLimitMs: 5_000 });
        expect(again.totals.planned, u.jobId).toBe(0);
      }
    }), { numRuns: 60 });
  });

  it('keeps a 300-job, 100-worker city day within its time budget', () => {
    const problem = randomDay({ jobs: 300, workers: 100 }, 7);
    const started = performance.now();
    const plan = planDay(problem, { timeLimitMs: 1500 });
    const ms = performance.now() - started;
    expect(verifyDayPlan(problem, plan).violations).toEqual([]);
    expect(ms).toBeLessThan(4000); // 1.5 s of search plus construction; generous for a loaded test machine
  });
});
