/**
 * Independent check of a day plan against its problem (used by the tests and as a guard before a plan
 * is stored): every job at most once and on an eligible worker, fixed jobs untouched, windows, shifts,
 * spacing (travel and the buffer), blocked time, the daily maximum, and the ETA chain's arithmetic.
 */
import { haversineKm } from '../../../platform/providers/map';
import { DEFAULT_BUFFER_FLOOR_MINUTES, DEFAULT_TRAVEL } from './compile';
import type { DayPlan, DayProblem, FixedJob, LatLng, PlanJob, PlanOptions } from './types';

const MIN = 60_000;
const TOL = 1; // ms

export interface PlanCheck { violations: string[]; travelKm: number }

export function verifyDayPlan(problem: DayProblem, plan: DayPlan, options: PlanOptions = {}): PlanCheck {
  const travel = options.travel ?? DEFAULT_TRAVEL;
  const floor = options.bufferFloorMinutes ?? DEFAULT_BUFFER_FLOOR_MINUTES;
  const roadKm = (a: LatLng, b: LatLng) => haversineKm(a, b) * travel.roadFactor;
  const minutes = (km: number) => (km / travel.speedKmh) * 60;
  const jobs = new Map(problem.jobs.map((j) => [j.id, j]));
  const workers = new Map(problem.workers.map((w) => [w.id, w]));
  const seen = new Set<string>();
  const v: string[] = [];
  let total = 0;

  for (const route of plan.routes) {
    const w = workers.get(route.workerId);
    if (!w) { v.push(`unknown worker ${route.workerId}`); continue; }
    const fixedById = new Map<string, FixedJob>((w.fixed ?? []).map((f) => [f.id, f]));
    const brk = (w.minBreakMinutes ?? 0) * MIN;
    let prev: { at: LatLng; finish: number; bufferMs: number; fixed: boolean } | null = null;
    let km = 0;
    let work = (w.blocked ?? []).reduce((s, b) => s + (b.workMinutes ?? 0), 0);
    let plannedHere = 0;
    for (const stop of route.stops) {
      const job: PlanJob | undefined = jobs.get(stop.jobId);
      const fixed = fixedById.get(stop.jobId);
      if (seen.has(stop.jobId)) v.push(`${stop.jobId} visited twice`);
      seen.add(stop.jobId);
      if (!job && !fixed) { v.push(`${stop.jobId} on ${w.id} is neither a job nor one of its fixed jobs`); continue; }
      const at = (job ?? fixed)!.location;
      const dur = (job ?? fixed)!.durationMinutes * MIN;
      const bufferMs = Math.max((job ?? fixed)!.bufferMinutes ?? floor, floor) * MIN;
      if (Math.abs(stop.finish - stop.start - dur) > TOL) v.push(`${stop.jobId}: finish is not start + duration`);
      if (fixed) {
        if (!stop.fixed || Math.abs(stop.start - fixed.start) > TOL) v.push(`fixed ${stop.jobId} moved`);
      } else if (job) {
        plannedHere++;
        if (stop.fixed) v.push(`${stop.jobId} marked fixed`);
        if (!w.skills.includes(job.itemId)) v.push(`${stop.jobId}: ${w.id} lacks the skill`);
        if (job.eligibleWorkerIds && !job.eligibleWorkerIds.includes(w.id)) v.push(`${stop.jobId}: ${w.id} not eligible`);
        if (stop.start < job.earliest - TOL || stop.start > job.latest + TOL) v.push(`${stop.jobId}: start outside its window`);
        if (stop.start < w.shift.start - TOL || stop.finish > w.shift.end + TOL) v.push(`${stop.jobId}: outside ${w.id}'s shift`);
        for (const b of w.blocked ?? []) {
          if (stop.start - brk < b.end - TOL && stop.finish + bufferMs + brk > b.start + TOL) v.push(`${stop.jobId}: overlaps blocked time of ${w.id}`);
        }
      }
      work += dur / MIN;
      const legKm = roadKm(prev?.at ?? w.home, at);
      km += legKm;
      if (Math.abs(stop.travelKm - legKm) > 1e-6) v.push(`${stop.jobId}: travel km ${stop.travelKm} ≠ ${legKm}`);
      if (Math.abs(stop.arrive - stop.leave - minutes(legKm) * MIN) > TOL) v.push(`${stop.jobId}: arrive ≠ leave + travel`);
      if (prev) {
        const gap = Math.max(minutes(legKm) * MIN, prev.bufferMs + brk);
        if (!(prev.fixed && fixed) && stop.start < prev.finish + gap - TOL) v.push(`${stop.jobId}: too close to the previous job on ${w.id}`);
        if (stop.start < prev.finish - TOL && !(prev.fixed && fixed)) v.push(`${stop.jobId}: starts before the previous job ends`);
      } else if (options.shiftIncludesTravel && job && stop.start - minutes(legKm) * MIN < w.shift.start - TOL) {
        v.push(`${stop.jobId}: ${w.id} would leave home before the shift`);
      }
      prev = { at, finish: stop.finish, bufferMs, fixed: !!fixed };
    }
    for (const f of w.fixed ?? []) if (!route.stops.some((s) => s.jobId === f.id)) v.push(`fixed ${f.id} missing from ${w.id}`);
    if (prev) {
      const backKm = roadKm(prev.at, w.home);
      km += backKm;
      const last = route.stops[route.stops.length - 1];
      if (options.shiftIncludesTravel && !last.fixed && last.finish + minutes(backKm) * MIN > w.shift.end + TOL) v.push(`${w.id} gets home after the shift`);
    }
    if (plannedHere && w.maxWorkMinutes !== undefined && w.maxWorkMinutes !== null && work > w.maxWorkMinutes + 1e-6) v.push(`${w.id} works ${work} > ${w.maxWorkMinutes} minutes`);
    if (Math.abs(route.travelKm - km) > 1e-6) v.push(`${w.id}: route km ${route.travelKm} ≠ ${km}`);
    total += km;
  }
  for (const w of problem.workers) {
    if ((w.fixed ?? []).length && !plan.routes.some((r) => r.workerId === w.id)) v.push(`fixed jobs of ${w.id} missing`);
  }
  for (const u of plan.unassigned) {
    if (!jobs.has(u.jobId)) v.push(`unknown unassigned job ${u.jobId}`);
    if (seen.has(u.jobId)) v.push(`${u.jobId} both planned and unassigned`);
    seen.add(u.jobId);
  }
  for (const j of problem.jobs) if (!seen.has(j.id)) v.push(`${j.id} neither planned nor unassigned`);
  if (Math.abs(plan.totals.travelKm - total) > 1e-6) v.push(`total km ${plan.totals.travelKm} ≠ ${total}`);
  return { violations: v, travelKm: total };
}
