import type { Instance } from './instance';
import type { Rng } from './rng';

/**
 * Slack for time comparisons, so that rounding differences between distance functions
 * (or forward vs backward schedule sums) never make a tight window unusable.
 * `verifySolution` allows a larger tolerance, so accepted schedules always verify.
 */
export const TIME_EPS = 1e-9;

/**
 * One vehicle tour with cached schedule data so that inserting a customer can be
 * checked in O(1): `early[p]` is the earliest service start at full position p
 * (0 = depot departure, len + 1 = depot return) and `late[p]` the latest start at p
 * that keeps the remainder of the tour feasible (backward slack).
 */
export class Route {
  load = 0;
  distance = 0;
  feasible = true;
  early: number[] = [];
  late: number[] = [];

  constructor(public nodes: number[] = []) {}

  clone(): Route {
    const r = new Route(this.nodes.slice());
    r.load = this.load;
    r.distance = this.distance;
    r.feasible = this.feasible;
    r.early = this.early.slice();
    r.late = this.late.slice();
    return r;
  }

  /** Recomputes load, distance and the schedule caches; returns time-window feasibility. */
  update(inst: Instance): boolean {
    const { dist, time, ready, due, service, demand, size } = inst;
    const nodes = this.nodes;
    const len = nodes.length;
    const early = this.early;
    const late = this.late;
    early.length = len + 2;
    late.length = len + 2;
    let ok = true;
    let t = ready[0];
    let prev = 0;
    let load = 0;
    let d = 0;
    early[0] = t;
    for (let i = 0; i < len; i++) {
      const c = nodes[i];
      const arrive = t + service[prev] + time[prev * size + c];
      t = arrive > ready[c] ? arrive : ready[c];
      if (t > due[c] + TIME_EPS) ok = false;
      early[i + 1] = t;
      d += dist[prev * size + c];
      load += demand[c];
      prev = c;
    }
    d += dist[prev * size];
    t += service[prev] + time[prev * size];
    if (t > due[0] + TIME_EPS) ok = false;
    early[len + 1] = t;

    let l = due[0];
    let next = 0;
    late[len + 1] = l;
    for (let i = len - 1; i >= 0; i--) {
      const c = nodes[i];
      const x = l - time[c * size + next] - service[c];
      l = x < due[c] ? x : due[c];
      late[i + 1] = l;
      next = c;
    }
    late[0] = l - time[next];
    this.load = load;
    this.distance = d;
    this.feasible = ok && load <= inst.capacity;
    return this.feasible;
  }
}

/** Result slot of `bestInsertion`, reused to avoid allocations in the hot loop. */
export const found = { cost: Infinity, pos: -1 };

/**
 * Finds the cheapest feasible position for customer c in route r whose detour is below
 * `bound`. Each position is skipped with probability `blink` (SISR "blinks").
 * Writes into `found` and returns true when a position beats the bound.
 */
export function bestInsertion(inst: Instance, r: Route, c: number, bound: number, blink: number, rng: Rng): boolean {
  if (r.load + inst.demand[c] > inst.capacity) return false;
  const { dist, time, ready, due, service, size } = inst;
  const nodes = r.nodes;
  const early = r.early;
  const late = r.late;
  const len = nodes.length;
  const rowC = c * size;
  const readyC = ready[c];
  const dueC = due[c];
  const servC = service[c];
  let best = bound;
  let bestPos = -1;
  let a = 0;
  for (let p = 0; p <= len; p++) {
    const b = p < len ? nodes[p] : 0;
    const delta = dist[a * size + c] + dist[rowC + b] - dist[a * size + b];
    if (delta < best && (blink === 0 || rng.next() >= blink)) {
      const arrive = early[p] + service[a] + time[a * size + c];
      const start = arrive > readyC ? arrive : readyC;
      if (start <= dueC + TIME_EPS && start + servC + time[rowC + b] <= late[p + 1] + TIME_EPS) {
        best = delta;
        bestPos = p;
      }
    }
    a = b;
  }
  if (bestPos < 0) return false;
  found.cost = best;
  found.pos = bestPos;
  return true;
}
