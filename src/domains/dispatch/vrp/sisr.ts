/**
 * Ruin-and-recreate operators of SISR ("Slack Induction by String Removals",
 * Christiaens & Vanden Berghe, Transportation Science 2020): remove a few strings of
 * consecutive customers from routes near a random seed, then reinsert greedily with blinks.
 */
import { bestInsertion, found, TIME_EPS } from './route';
import type { Rng } from './rng';
import type { SearchState } from './state';

export interface SisrParams {
  /** Average number of removed customers (c̄). */
  avgRemoved: number;
  /** Maximum string length (L_max). */
  maxString: number;
  /** Probability of a split string (keeps a substring in the middle of the removed string). */
  splitRate: number;
  /** Probability of growing the kept substring by one more customer. */
  splitDepth: number;
  /** Probability of skipping an insertion position. */
  blinkRate: number;
  /** Routes considered for an insertion: those of the k nearest customers (0 = all routes). */
  granularity: number;
}

// Scratch marks for "route already visited"; shared safely because a solve never yields.
let stampArray = new Int32Array(0);
let stampValue = 0;

function nextStamp(size: number): number {
  if (stampArray.length < size) stampArray = new Int32Array(size);
  if (++stampValue > 2e9) {
    stampArray.fill(0);
    stampValue = 1;
  }
  return stampValue;
}

/**
 * Removes strings from up to k_s routes adjacent to a random seed customer.
 * Returns the removed customers, or null if a shortened route became infeasible
 * (possible only when distances break the triangle inequality).
 */
export function ruin(state: SearchState, rng: Rng, p: SisrParams): number[] | null {
  const inst = state.inst;
  const removed: number[] = [];
  const assigned = inst.n - state.unassigned.length;
  if (state.vehicles === 0 || assigned === 0) return removed;
  const maxLen = Math.min(p.maxString, assigned / state.vehicles);
  const maxStrings = (4 * p.avgRemoved) / (1 + maxLen) - 1;
  const strings = Math.floor(rng.next() * Math.max(1, maxStrings)) + 1;
  let seed = 1 + rng.int(inst.n);
  while (state.routeOf[seed] < 0) seed = 1 + rng.int(inst.n);

  const stamp = nextStamp(state.routes.length);
  const adj = inst.neighbours[seed];
  let ruined = 0;
  for (let k = -1; k < adj.length && ruined < strings; k++) {
    const c = k < 0 ? seed : adj[k];
    const slot = state.routeOf[c];
    if (slot < 0 || stampArray[slot] === stamp) continue;
    stampArray[slot] = stamp;
    ruined++;
    const len = state.routes[slot].nodes.length;
    const l = Math.floor(rng.next() * Math.min(len, maxLen)) + 1;
    const pos = state.posOf[c];
    let ok: boolean;
    if (l < len && rng.next() < p.splitRate) {
      let m = 1;
      while (l + m < len && rng.next() < p.splitDepth) m++;
      const w = l + m;
      const from = windowStart(rng, pos, w, len);
      const keepFrom = from + rng.int(w - m + 1);
      ok = state.removeRange(slot, from, from + w, keepFrom, m, removed);
    } else {
      const from = windowStart(rng, pos, l, len);
      ok = state.removeRange(slot, from, from + l, 0, 0, removed);
    }
    if (!ok) return null;
  }
  return removed;
}

/** Random start of a window of length w inside [0, len) that contains pos. */
function windowStart(rng: Rng, pos: number, w: number, len: number): number {
  const lo = Math.max(0, pos - w + 1);
  const hi = Math.min(pos, len - w);
  return lo + rng.int(hi - lo + 1);
}

/** Sorts the customers to reinsert with one of SISR's orders (weights 4/4/2/1). */
function order(state: SearchState, rng: Rng, customers: number[]): void {
  const { demand, dist } = state.inst;
  rng.shuffle(customers);
  const r = rng.int(11);
  if (r < 4) return;
  if (r < 8) customers.sort((a, b) => demand[b] - demand[a]);
  else if (r < 10) customers.sort((a, b) => dist[b] - dist[a]);
  else customers.sort((a, b) => dist[a] - dist[b]);
}

/**
 * Greedy insertion with blinks: each customer goes to its cheapest feasible position
 * (or a new vehicle if that is cheaper and allowed); customers that fit nowhere are
 * appended to `state.unassigned`.
 */
export function recreate(state: SearchState, rng: Rng, customers: number[], p: SisrParams): void {
  const inst = state.inst;
  const { dist, time, ready, due, service, size } = inst;
  order(state, rng, customers);
  const routes = state.routes;
  for (const c of customers) {
    let bestCost = Infinity;
    let bestSlot = -1;
    let bestPos = 0;
    if (p.granularity === 0) {
      for (let s = 0; s < routes.length; s++) {
        const r = routes[s];
        if (r.nodes.length > 0 && bestInsertion(inst, r, c, bestCost, p.blinkRate, rng)) {
          bestCost = found.cost;
          bestSlot = s;
          bestPos = found.pos;
        }
      }
    } else {
      const stamp = nextStamp(routes.length);
      const adj = inst.neighbours[c];
      const k = Math.min(adj.length, p.granularity);
      for (let i = 0; i < k; i++) {
        const s = state.routeOf[adj[i]];
        if (s < 0 || stampArray[s] === stamp) continue;
        stampArray[s] = stamp;
        if (bestInsertion(inst, routes[s], c, bestCost, p.blinkRate, rng)) {
          bestCost = found.cost;
          bestSlot = s;
          bestPos = found.pos;
        }
      }
    }
    if (bestSlot < 0 && p.granularity !== 0) {
      // No nearby route fits: fall back to scanning all routes before opening a new one.
      for (let s = 0; s < routes.length; s++) {
        const r = routes[s];
        if (r.nodes.length > 0 && bestInsertion(inst, r, c, bestCost, 0, rng)) {
          bestCost = found.cost;
          bestSlot = s;
          bestPos = found.pos;
        }
      }
    }
    if (state.vehicles < routes.length && inst.demand[c] <= inst.capacity) {
      const solo = dist[c] + dist[c * size] + inst.vehicleCost;
      const start = Math.max(ready[c], ready[0] + time[c]);
      if (solo < bestCost && start <= due[c] + TIME_EPS && start + service[c] + time[c * size] <= due[0] + TIME_EPS) {
        bestCost = solo;
        bestSlot = state.firstEmptySlot();
        bestPos = 0;
      }
    }
    if (bestSlot < 0) state.unassigned.push(c);
    else state.insert(c, bestSlot, bestPos);
  }
}
