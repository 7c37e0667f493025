import { euclidean } from './instance';
import type { CustomerId, Site, Verification, VrptwProblem } from './types';

/** Tolerance for floating-point comparisons of times and loads. */
const EPS = 1e-6;

/**
 * Checks a set of routes against a problem: every customer served exactly once,
 * vehicle capacity, time windows (waiting allowed, service time counted), return to
 * the depot before it closes, and the fleet limit. Also recomputes the total distance.
 */
export function verifySolution(problem: VrptwProblem, routes: CustomerId[][]): Verification {
  const distance = problem.distance ?? euclidean;
  const travelTime = problem.travelTime ?? distance;
  const { depot } = problem;
  const byId = new Map(problem.customers.map((c) => [c.id, c]));
  const seen = new Map<CustomerId, number>();
  const violations: string[] = [];
  let total = 0;
  let vehicles = 0;

  routes.forEach((route, r) => {
    if (route.length === 0) return;
    vehicles++;
    let load = 0;
    let prev: Site = depot;
    let time = depot.ready;
    let prevService = 0;
    for (const id of route) {
      const c = byId.get(id);
      if (!c) {
        violations.push(`route ${r}: unknown customer ${String(id)}`);
        continue;
      }
      seen.set(id, (seen.get(id) ?? 0) + 1);
      total += distance(prev, c);
      time = Math.max(c.ready, time + prevService + travelTime(prev, c));
      if (time > c.due + EPS) {
        violations.push(`route ${r}: customer ${String(id)} served at ${time.toFixed(2)} after due ${c.due}`);
      }
      load += c.demand;
      prev = c;
      prevService = c.service;
    }
    total += distance(prev, depot);
    const back = time + prevService + travelTime(prev, depot);
    if (back > depot.due + EPS) {
      violations.push(`route ${r}: returns to depot at ${back.toFixed(2)} after closing ${depot.due}`);
    }
    if (load > problem.vehicleCapacity + EPS) {
      violations.push(`route ${r}: load ${load} exceeds capacity ${problem.vehicleCapacity}`);
    }
  });

  for (const c of problem.customers) {
    const count = seen.get(c.id) ?? 0;
    if (count === 0) violations.push(`customer ${String(c.id)} is not served`);
    if (count > 1) violations.push(`customer ${String(c.id)} is served ${count} times`);
  }
  if (problem.maxVehicles !== undefined && vehicles > problem.maxVehicles) {
    violations.push(`${vehicles} vehicles used, only ${problem.maxVehicles} available`);
  }
  return { feasible: violations.length === 0, distance: total, vehicles, violations };
}
