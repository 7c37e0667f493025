import { compileInstance, type Instance } from './instance';
import { Rng } from './rng';
import { recreate, ruin, type SisrParams } from './sisr';
import { SearchState } from './state';
import type { SolveOptions, VrptwProblem, VrptwSolution } from './types';
import { verifySolution } from './verify';

/** Above this many customers, insertions only look at routes of nearby customers. */
const GRANULAR_ABOVE = 200;

/** Tuning knobs of the search; exported for experiments, the defaults suit most cases. */
export interface SearchTuning extends SisrParams {
  /**
   * Start and end temperature of simulated annealing, as multiples of the mean edge length
   * of the first solution; cooling is exponential over the budget. A hot start matters on
   * instances with few long routes (Solomon C2), where a cold search gets stuck.
   */
  startTemperature: number;
  endTemperature: number;
}

/** Default parameters: mostly SISR's published values, with granular insertion for large instances. */
export function defaultTuning(inst: Instance): SearchTuning {
  return {
    avgRemoved: 10,
    maxString: 10,
    splitRate: 0.5,
    splitDepth: 0.5,
    blinkRate: 0.01,
    granularity: inst.n > GRANULAR_ABOVE ? 40 : 0,
    startTemperature: 3,
    endTemperature: 0.01,
  };
}

function validate(problem: VrptwProblem): void {
  if (!(problem.vehicleCapacity > 0)) throw new Error('vehicleCapacity must be positive');
  if (problem.maxVehicles !== undefined && !(problem.maxVehicles >= 0)) throw new Error('maxVehicles must be >= 0');
  if (problem.vehicleCost !== undefined && !(problem.vehicleCost >= 0)) throw new Error('vehicleCost must be >= 0');
  const ids = new Set(problem.customers.map((c) => c.id));
  if (ids.size !== problem.customers.length) throw new Error('customer ids must be unique');
}

/**
 * Plans routes for a capacitated vehicle routing problem with time windows, minimising
 * total distance (plus `vehicleCost` per vehicle used, if set). Builds a greedy solution, then improves it with SISR ruin-and-recreate
 * under simulated annealing until the time (or iteration) budget is spent.
 *
 * Customers that cannot be served (impossible time window, demand above capacity, fleet
 * too small) are returned in `unassigned` and the solution is marked infeasible.
 */
export function solveVrptw(
  problem: VrptwProblem,
  options: SolveOptions = {},
  tuning: Partial<SearchTuning> = {},
): VrptwSolution {
  const started = performance.now();
  validate(problem);
  const timeLimit = options.timeLimitMs ?? 1000;
  const maxIterations = options.maxIterations ?? Infinity;
  const inst = compileInstance(problem);
  const params: SearchTuning = { ...defaultTuning(inst), ...tuning };
  const rng = new Rng(options.seed ?? 1);
  const state = new SearchState(inst);
  const penalty = 10 * inst.maxEdge + 2 * inst.vehicleCost + 1;
  const cost = () => state.distance + inst.vehicleCost * state.vehicles + penalty * state.unassigned.length;

  state.begin();
  recreate(state, rng, Array.from({ length: inst.n }, (_, i) => i + 1), { ...params, blinkRate: 0 });
  let current = cost();
  let best = current;
  let bestRoutes = state.snapshot();
  let bestUnassigned = state.unassigned.slice();

  const meanEdge = state.distance / Math.max(1, inst.n - state.unassigned.length + state.vehicles);
  const t0 = params.startTemperature * meanEdge;
  const tf = params.endTemperature * meanEdge;
  let iterations = 0;
  while (inst.n > 0 && iterations < maxIterations) {
    const elapsed = performance.now() - started;
    if (elapsed >= timeLimit) break;
    const progress = Number.isFinite(maxIterations) ? iterations / maxIterations : elapsed / timeLimit;
    const temperature = t0 * Math.pow(tf / t0, progress);
    iterations++;

    state.begin();
    const removed = ruin(state, rng, params);
    if (removed === null) {
      state.rollback();
      continue;
    }
    for (const c of state.unassigned) removed.push(c);
    state.unassigned = [];
    recreate(state, rng, removed, params);
    const candidate = cost();
    if (candidate < current - temperature * Math.log(1 - rng.next())) {
      current = candidate;
      if (candidate < best - 1e-9) {
        best = candidate;
        bestRoutes = state.snapshot();
        bestUnassigned = state.unassigned.slice();
      }
    } else {
      state.rollback();
    }
  }

  const ids = problem.customers.map((c) => c.id);
  const routes = bestRoutes.map((nodes) => nodes.map((i) => ids[i - 1]));
  const check = verifySolution(problem, routes);
  return {
    routes,
    distance: check.distance,
    vehicles: check.vehicles,
    feasible: check.feasible,
    unassigned: bestUnassigned.map((i) => ids[i - 1]),
    iterations,
  };
}
