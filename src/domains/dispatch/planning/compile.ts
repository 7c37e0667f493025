/**
 * Dense, index-based form of a day problem for the search. Nodes 0..n-1 are the jobs to plan, nodes
 * n..n+f-1 the fixed jobs of all workers; times stay UTC ms, distances are road km.
 */
import { etaFromKm, haversineKm } from '../matching/travel';
import type { DayProblem, PlanOptions, TravelParams } from './types';

export const DEFAULT_TRAVEL: TravelParams = { speedKmh: 20, roadFactor: 1.3 };
export const DEFAULT_BUFFER_FLOOR_MINUTES = 30;
const MIN = 60_000;
/** Nearest other jobs kept per job, for related removal and exchange moves. */
const NEIGHBOURS = 30;

export interface Block { s: number; e: number }

export interface Compiled {
  /** Jobs to plan. */
  n: number;
  /** All nodes: jobs to plan, then fixed jobs. */
  size: number;
  m: number;
  jobIds: string[];
  nodeIds: string[];
  workerIds: string[];
  earliest: Float64Array;
  latest: Float64Array;
  /** Service length, ms. */
  dur: Float64Array;
  /** Buffer after the job, ms (never below the floor). */
  buf: Float64Array;
  fixed: Uint8Array;
  /** Road km between nodes (size × size) and from each worker's home to each node (m × size). */
  km: Float64Array;
  homeKm: Float64Array;
  /** Travel ms per road km. */
  msPerKm: number;
  roadFactor: number;
  shiftStart: Float64Array;
  shiftEnd: Float64Array;
  breakMs: Float64Array;
  maxWorkMs: Float64Array;
  /** Blocked ranges per worker, sorted by start. */
  blocks: Block[][];
  blockedWorkMs: Float64Array;
  /** Fixed nodes per worker in start order. */
  fixedOf: number[][];
  /** Eligible workers per job to plan (skill ∩ eligibility list), and jobs per worker. */
  elig: Int32Array[];
  jobsOf: number[][];
  /** `canServe[j * m + w]`: worker w is eligible for job j. */
  canServe: Uint8Array;
  /** Per job to plan, the nearest other jobs to plan (closest first). */
  neighbours: Int32Array[];
  /** Larger than any travel a single job can save: the cost of leaving a job unassigned. */
  penalty: number;
  shiftIncludesTravel: boolean;
}

function validate(problem: DayProblem): void {
  const ids = new Set<string>();
  for (const j of problem.jobs) {
    if (ids.has(j.id)) throw new Error(`duplicate job id ${j.id}`);
    ids.add(j.id);
    if (!(j.earliest <= j.latest)) throw new Error(`job ${j.id}: earliest after latest`);
    if (!(j.durationMinutes > 0)) throw new Error(`job ${j.id}: duration must be positive`);
  }
  const workers = new Set<string>();
  for (const w of problem.workers) {
    if (workers.has(w.id)) throw new Error(`duplicate worker id ${w.id}`);
    workers.add(w.id);
    if (!(w.shift.start <= w.shift.end)) throw new Error(`worker ${w.id}: shift ends before it starts`);
    for (const f of w.fixed ?? []) {
      if (ids.has(f.id)) throw new Error(`duplicate job id ${f.id} (fixed)`);
      ids.add(f.id);
      if (!(f.durationMinutes > 0)) throw new Error(`fixed job ${f.id}: duration must be positive`);
    }
  }
}

export function compile(problem: DayProblem, options: PlanOptions = {}): Compiled {
  validate(problem);
  const travel = options.travel ?? DEFAULT_TRAVEL;
  const floor = options.bufferFloorMinutes ?? DEFAULT_BUFFER_FLOOR_MINUTES;
  const { jobs, workers } = problem;
  const n = jobs.length;
  const m = workers.length;
  const fixedList = workers.flatMap((w, wi) => [...(w.fixed ?? [])].sort((a, b) => a.start - b.start).map((f) => ({ f, wi })));
  const size = n + fixedList.length;
  const locations = [...jobs.map((j) => j.location), ...fixedList.map((x) => x.f.location)];
  const earliest = new Float64Array(size);
  const latest = new Float64Array(size);
  const dur = new Float64Array(size);
  const buf = new Float64Array(size);
  const fixed = new Uint8Array(size);
  const bufferMs = (b: number | undefined) => Math.max(b ?? floor, floor) * MIN;
  jobs.forEach((j, i) => {
    earliest[i] = j.earliest;
    latest[i] = j.latest;
    dur[i] = j.durationMinutes * MIN;
    buf[i] = bufferMs(j.bufferMinutes);
  });
  const fixedOf: number[][] = workers.map(() => []);
  fixedList.forEach(({ f, wi }, k) => {
    const i = n + k;
    earliest[i] = latest[i] = f.start;
    dur[i] = f.durationMinutes * MIN;
    buf[i] = bufferMs(f.bufferMinutes);
    fixed[i] = 1;
    fixedOf[wi].push(i);
  });

  const km = new Float64Array(size * size);
  let maxKm = 0;
  for (let a = 0; a < size; a++) {
    for (let b = a + 1; b < size; b++) {
      const d = haversineKm(locations[a], locations[b]) * travel.roadFactor;
      km[a * size + b] = km[b * size + a] = d;
      if (d > maxKm) maxKm = d;
    }
  }
  const homeKm = new Float64Array(m * size);
  workers.forEach((w, wi) => {
    for (let a = 0; a < size; a++) {
      const d = haversineKm(w.home, locations[a]) * travel.roadFactor;
      homeKm[wi * size + a] = d;
      if (d > maxKm) maxKm = d;
    }
  });

  const index = new Map(workers.map((w, wi) => [w.id, wi]));
  const skills = workers.map((w) => new Set(w.skills));
  const elig = jobs.map((j) => {
    const allowed = j.eligibleWorkerIds ? new Set(j.eligibleWorkerIds.map((id) => index.get(id)).filter((x): x is number => x !== undefined)) : null;
    const list: number[] = [];
    workers.forEach((_, wi) => { if (skills[wi].has(j.itemId) && (!allowed || allowed.has(wi))) list.push(wi); });
    return Int32Array.from(list);
  });
  const jobsOf: number[][] = workers.map(() => []);
  const canServe = new Uint8Array(n * m);
  elig.forEach((list, j) => list.forEach((wi) => {
    jobsOf[wi].push(j);
    canServe[j * m + wi] = 1;
  }));

  const neighbours: Int32Array[] = [];
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < n; i++) {
    const row = i * size;
    const near = order.filter((j) => j !== i).sort((a, b) => km[row + a] - km[row + b] || a - b);
    neighbours.push(Int32Array.from(near.slice(0, NEIGHBOURS)));
  }

  const blocks = workers.map((w) => (w.blocked ?? []).filter((b) => b.end > b.start).map((b) => ({ s: b.start, e: b.end })).sort((a, b) => a.s - b.s));
  return {
    n, size, m,
    jobIds: jobs.map((j) => j.id),
    nodeIds: [...jobs.map((j) => j.id), ...fixedList.map((x) => x.f.id)],
    workerIds: workers.map((w) => w.id),
    earliest, latest, dur, buf, fixed, km, homeKm,
    msPerKm: (etaFromKm(1, travel) / travel.roadFactor) * MIN,
    roadFactor: travel.roadFactor,
    shiftStart: Float64Array.from(workers.map((w) => w.shift.start)),
    shiftEnd: Float64Array.from(workers.map((w) => w.shift.end)),
    breakMs: Float64Array.from(workers.map((w) => Math.max(0, w.minBreakMinutes ?? 0) * MIN)),
    maxWorkMs: Float64Array.from(workers.map((w) => (w.maxWorkMinutes ?? null) === null ? Infinity : w.maxWorkMinutes! * MIN)),
    blocks,
    blockedWorkMs: Float64Array.from(workers.map((w) => (w.blocked ?? []).reduce((s, b) => s + Math.max(0, b.workMinutes ?? 0) * MIN, 0))),
    fixedOf, elig, jobsOf, canServe, neighbours,
    penalty: 2 * maxKm + 100,
    shiftIncludesTravel: options.shiftIncludesTravel ?? false,
  };
}
