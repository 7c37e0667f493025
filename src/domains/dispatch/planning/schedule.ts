/**
 * Time feasibility of one worker's route. Every job starts as early as it can (earlier is never worse:
 * windows, blocks and spacing all only push later), so one forward pass decides a route:
 *
 *   start(next) ≥ finish(prev) + max(travel(prev → next), buffer(prev) + break)
 *
 * inside the job's window and the shift, its range `[start − break, finish + buffer + break)` clear of
 * blocked time. A fixed job keeps its booked start; a clash between two fixed jobs booked earlier is
 * tolerated (reported as lateness), a clash caused by a planned job is not.
 */
import type { Compiled } from './compile';

export const EPS = 1e-3;
const HOME = -1;

/** Travel ms between two nodes (HOME = the worker's home). */
export function travelMs(c: Compiled, w: number, a: number, b: number): number {
  return kmBetween(c, w, a, b) * c.msPerKm;
}

export function kmBetween(c: Compiled, w: number, a: number, b: number): number {
  if (a === HOME) return b === HOME ? 0 : c.homeKm[w * c.size + b];
  if (b === HOME) return c.homeKm[w * c.size + a];
  return c.km[a * c.size + b];
}

/** Moves `t` past every blocked range the job's range would touch; blocks are sorted by start. */
function clearOfBlocks(c: Compiled, w: number, k: number, t: number): number {
  const blocks = c.blocks[w];
  if (!blocks.length) return t;
  const brk = c.breakMs[w];
  const len = c.dur[k] + c.buf[k] + brk;
  for (const b of blocks) {
    if (t - brk < b.e && t + len > b.s) t = b.e + brk;
  }
  return t;
}

/**
 * Start of node k right after `prev` (HOME or a node finishing at `prevFinish`), or NaN when k cannot
 * follow it. Fixed nodes return their booked start.
 */
export function startAfter(c: Compiled, w: number, prev: number, prevFinish: number, k: number): number {
  const travel = travelMs(c, w, prev, k);
  let required: number;
  if (prev === HOME) required = c.shiftIncludesTravel ? c.shiftStart[w] + travel : -Infinity;
  else required = prevFinish + Math.max(travel, c.buf[prev] + c.breakMs[w]);
  if (c.fixed[k]) {
    if (required > c.earliest[k] + EPS && prev !== HOME && !c.fixed[prev]) return NaN;
    return c.earliest[k];
  }
  let t = Math.max(c.earliest[k], c.shiftStart[w], required);
  t = clearOfBlocks(c, w, k, t);
  if (t > c.latest[k] + EPS || t + c.dur[k] > c.shiftEnd[w] + EPS) return NaN;
  return t;
}

/** Whether the last node can still get home inside the shift (only when travel must be in the shift). */
export function homeInTime(c: Compiled, w: number, last: number, finish: number): boolean {
  if (!c.shiftIncludesTravel || last === HOME) return true;
  return c.fixed[last] === 1 || finish + travelMs(c, w, last, HOME) <= c.shiftEnd[w] + EPS;
}

/** Road km of a whole route, home to home (0 when empty). */
export function routeKm(c: Compiled, w: number, nodes: readonly number[]): number {
  if (!nodes.length) return 0;
  let d = kmBetween(c, w, HOME, nodes[0]);
  for (let i = 1; i < nodes.length; i++) d += c.km[nodes[i - 1] * c.size + nodes[i]];
  return d + kmBetween(c, w, nodes[nodes.length - 1], HOME);
}

/** Starts of a whole route into `out`; false when infeasible. */
export function schedule(c: Compiled, w: number, nodes: readonly number[], out: number[]): boolean {
  out.length = nodes.length;
  let prev = HOME;
  let finish = 0;
  for (let i = 0; i < nodes.length; i++) {
    const k = nodes[i];
    const t = startAfter(c, w, prev, finish, k);
    if (Number.isNaN(t)) return false;
    out[i] = t;
    prev = k;
    finish = t + c.dur[k];
  }
  return homeInTime(c, w, prev, finish);
}

/** Result slot of `bestInsertion` (no allocation in the hot loop). */
export const found = { delta: Infinity, pos: -1 };

/**
 * Cheapest feasible position for job k in a feasible route (`nodes` with their `starts`) whose extra
 * km beat `bound`; writes `found` and returns true when one does. Only the part of the route after the
 * insertion point is re-simulated, and only until a start comes out as before.
 */
export function bestInsertion(c: Compiled, w: number, nodes: readonly number[], starts: readonly number[], work: number, k: number, bound: number): boolean {
  if (work + c.dur[k] > c.maxWorkMs[w] + EPS) return false;
  const len = nodes.length;
  let best = bound;
  let bestPos = -1;
  let prev = HOME;
  for (let p = 0; p <= len; p++) {
    const next = p < len ? nodes[p] : HOME;
    const delta = kmBetween(c, w, prev, k) + kmBetween(c, w, k, next) - kmBetween(c, w, prev, next);
    if (delta < best - 1e-12) {
      const prevFinish = prev === HOME ? 0 : starts[p - 1] + c.dur[prev];
      if (prev === HOME || c.latest[k] + EPS >= prevFinish) {
        if (fitsAt(c, w, nodes, starts, p, prev, prevFinish, k)) {
          best = delta;
          bestPos = p;
        }
      }
    }
    // A node starting after the job's latest start: the job cannot come after it.
    if (next !== HOME && starts[p] > c.latest[k] + EPS) break;
    prev = next;
  }
  if (bestPos < 0) return false;
  found.delta = best;
  found.pos = bestPos;
  return true;
}

function fitsAt(c: Compiled, w: number, nodes: readonly number[], starts: readonly number[], p: number, prev: number, prevFinish: number, k: number): boolean {
  let t = startAfter(c, w, prev, prevFinish, k);
  if (Number.isNaN(t)) return false;
  let last = k;
  let finish = t + c.dur[k];
  for (let i = p; i < nodes.length; i++) {
    const node = nodes[i];
    t = startAfter(c, w, last, finish, node);
    if (Number.isNaN(t)) return false;
    // Same start as before (and the node checked after its new predecessor): the rest is unchanged.
    if (Math.abs(t - starts[i]) <= EPS) return true;
    last = node;
    finish = t + c.dur[node];
  }
  return homeInTime(c, w, last, finish);
}
