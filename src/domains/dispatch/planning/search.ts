/**
 * The search: regret insertion builds a plan, ruin-and-recreate under simulated annealing improves it
 * (random, related and route removals; regret or greedy reinsertion), and a relocate / exchange descent
 * polishes the best plan found.
 */
import { Rng } from '../vrp/rng';
import type { Compiled } from './compile';
import { bestInsertion, found } from './schedule';
import type { PlanState } from './state';

/** Best feasible insertion of job k over its eligible workers (optionally only `only`); null if none. */
export function cheapest(c: Compiled, st: PlanState, k: number, only = -1, blink = 0, rng?: Rng): { w: number; pos: number; delta: number } | null {
  let best = Infinity;
  let bw = -1;
  let bp = -1;
  const list = c.elig[k];
  for (let e = 0; e < list.length; e++) {
    const w = list[e];
    if (only >= 0 && w !== only) continue;
    if (blink > 0 && rng && rng.next() < blink) continue;
    if (bestInsertion(c, w, st.routes[w], st.starts[w], st.work[w], k, best)) {
      best = found.delta;
      bw = w;
      bp = found.pos;
    }
  }
  return bw < 0 ? null : { w: bw, pos: bp, delta: best };
}

/** Greedy insertion in the given order, skipping positions with probability `blink`. */
function greedy(c: Compiled, st: PlanState, jobs: number[], blink: number, rng: Rng): void {
  for (const k of jobs) {
    const at = cheapest(c, st, k, -1, blink, rng) ?? (blink > 0 ? cheapest(c, st, k) : null);
    if (at) st.insert(k, at.w, at.pos);
    else st.unassigned.push(k);
  }
}

/**
 * Regret-2 insertion: repeatedly places the job that would lose most by waiting (second-best minus best
 * cost; a job with one option left goes first), re-evaluating only the route that changed.
 */
export function regret(c: Compiled, st: PlanState, jobs: number[], rng: Rng, noise = 0): void {
  const pending = jobs.slice();
  // Per pending job, the best delta and position per eligible worker (Infinity = does not fit).
  const cost = new Map<number, Float64Array>();
  const pos = new Map<number, Int32Array>();
  const evaluate = (k: number, e: number) => {
    const w = c.elig[k][e];
    const ok = bestInsertion(c, w, st.routes[w], st.starts[w], st.work[w], k, Infinity);
    cost.get(k)![e] = ok ? found.delta : Infinity;
    pos.get(k)![e] = ok ? found.pos : -1;
  };
  for (const k of pending) {
    cost.set(k, new Float64Array(c.elig[k].length));
    pos.set(k, new Int32Array(c.elig[k].length));
    for (let e = 0; e < c.elig[k].length; e++) evaluate(k, e);
  }
  while (pending.length) {
    let pick = -1;
    let pickScore = -Infinity;
    let pickE = -1;
    for (let i = 0; i < pending.length; i++) {
      const k = pending[i];
      const row = cost.get(k)!;
      let b1 = Infinity;
      let b2 = Infinity;
      let e1 = -1;
      for (let e = 0; e < row.length; e++) {
        const v = row[e];
        if (v < b1) { b2 = b1; b1 = v; e1 = e; } else if (v < b2) b2 = v;
      }
      if (e1 < 0) continue;
      // One option left: as urgent as it gets (then the cheaper first); else the regret, lightly perturbed.
      let score = b2 === Infinity ? 1e12 - b1 : b2 - b1;
      if (noise > 0) score *= 1 + noise * (rng.next() - 0.5);
      if (score > pickScore) { pickScore = score; pick = i; pickE = e1; }
    }
    if (pick < 0) {
      for (const k of pending) st.unassigned.push(k);
      return;
    }
    const k = pending[pick];
    pending[pick] = pending[pending.length - 1];
    pending.pop();
    const w = c.elig[k][pickE];
    st.insert(k, w, pos.get(k)![pickE]);
    for (const other of pending) {
      if (!c.canServe[other * c.m + w]) continue;
      const list = c.elig[other];
      for (let e = 0; e < list.length; e++) if (list[e] === w) { evaluate(other, e); break; }
    }
  }
}

function assignedJobs(st: PlanState): number[] {
  const out: number[] = [];
  for (let k = 0; k < st.routeOf.length; k++) if (st.routeOf[k] >= 0) out.push(k);
  return out;
}

/** Removes a few planned jobs: random ones, a seed and its nearest neighbours, or whole routes. */
function ruin(c: Compiled, st: PlanState, rng: Rng, maxRemove: number): number[] {
  const assigned = assignedJobs(st);
  if (!assigned.length) return [];
  const q = Math.min(assigned.length, 1 + rng.int(maxRemove));
  const removed: number[] = [];
  const take = (k: number) => {
    if (st.routeOf[k] < 0) return;
    st.remove(k);
    removed.push(k);
  };
  const r = rng.next();
  if (r < 0.3) {
    rng.shuffle(assigned);
    for (let i = 0; i < q; i++) take(assigned[i]);
  } else if (r < 0.85) {
    const seed = assigned[rng.int(assigned.length)];
    take(seed);
    const near = c.neighbours[seed];
    for (let i = 0; i < near.length && removed.length < q; i++) if (rng.next() < 0.8) take(near[i]);
  } else {
    // Whole routes around a seed: frees a worker's day for a different combination.
    const seed = assigned[rng.int(assigned.length)];
    const workers = [st.routeOf[seed]];
    for (const k of c.neighbours[seed]) {
      const w = st.routeOf[k];
      if (w >= 0 && !workers.includes(w)) workers.push(w);
      if (workers.length >= 2) break;
    }
    for (const w of workers) for (const k of st.planned(w)) if (removed.length < q * 2) take(k);
  }
  return removed;
}

export interface SearchBudget { timeLimitMs: number; maxIterations: number; stallIterations: number; seed: number }

/** Ruin and recreate from the current plan; leaves the best plan found in `st`. Returns the iterations run. */
export function improve(c: Compiled, st: PlanState, budget: SearchBudget, started: number): number {
  const rng = new Rng(budget.seed);
  let current = st.cost();
  let best = current;
  let bestSnap = st.snapshot();
  const planned = c.n - st.unassigned.length;
  const meanLeg = planned ? st.totalKm / planned : 1;
  const t0 = 0.3 * meanLeg;
  const tf = 0.002 * meanLeg;
  const maxRemove = Math.max(3, Math.min(30, Math.ceil(c.n * 0.15)));
  let iterations = 0;
  let sinceBest = 0;
  while (c.n > 0 && iterations < budget.maxIterations && sinceBest < budget.stallIterations) {
    const elapsed = performance.now() - started;
    if (elapsed >= budget.timeLimitMs) break;
    const progress = Math.max(iterations / budget.maxIterations, elapsed / budget.timeLimitMs);
    const temperature = t0 * Math.pow(tf / t0, progress);
    iterations++;
    sinceBest++;
    st.begin();
    const removed = ruin(c, st, rng, maxRemove);
    for (const k of st.unassigned) removed.push(k);
    st.unassigned = [];
    if (rng.next() < 0.5) regret(c, st, removed, rng, 0.2);
    else {
      rng.shuffle(removed);
      if (rng.next() < 0.5) removed.sort((a, b) => c.elig[a].length - c.elig[b].length);
      greedy(c, st, removed, 0.05, rng);
    }
    const candidate = st.cost();
    if (candidate < current - temperature * Math.log(1 - rng.next())) {
      current = candidate;
      if (candidate < best - 1e-9) {
        best = candidate;
        bestSnap = st.snapshot();
        sinceBest = 0;
      }
    } else st.rollback();
  }
  st.load(bestSnap);
  return iterations;
}

/** Relocate and exchange moves until none improves (or `passes` rounds); works on `st` in place. */
export function descend(c: Compiled, st: PlanState, passes = 8): void {
  for (let pass = 0; pass < passes; pass++) {
    let improved = false;
    for (const k of st.unassigned.slice()) {
      const at = cheapest(c, st, k);
      if (at) {
        st.begin();
        st.unassigned = st.unassigned.filter((x) => x !== k);
        st.insert(k, at.w, at.pos);
        improved = true;
      }
    }
    for (let k = 0; k < c.n; k++) {
      if (st.routeOf[k] < 0) continue;
      const before = st.cost();
      st.begin();
      st.remove(k);
      const at = cheapest(c, st, k);
      if (at) st.insert(k, at.w, at.pos);
      if (!at || st.cost() > before - 1e-9) st.rollback();
      else improved = true;
    }
    for (let a = 0; a < c.n; a++) {
      const u = st.routeOf[a];
      if (u < 0) continue;
      for (const b of c.neighbours[a]) {
        const v = st.routeOf[b];
        if (v < 0 || v === u || st.routeOf[a] !== u || !c.canServe[a * c.m + v] || !c.canServe[b * c.m + u]) continue;
        const before = st.cost();
        st.begin();
        st.remove(a);
        st.remove(b);
        const atA = cheapest(c, st, a, v);
        if (atA) st.insert(a, v, atA.pos);
        const atB = atA ? cheapest(c, st, b, u) : null;
        if (atB) st.insert(b, u, atB.pos);
        if (!atA || !atB || st.cost() > before - 1e-9) st.rollback();
        else {
          improved = true;
          break;
        }
      }
    }
    if (!improved) return;
  }
}
