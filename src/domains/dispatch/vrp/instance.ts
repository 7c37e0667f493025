import type { Site, VrptwProblem } from './types';

/**
 * Dense, index-based form of a problem used by the search. Node 0 is the depot,
 * nodes 1..n are the customers in input order.
 */
export interface Instance {
  n: number;
  /** n + 1, the row length of the matrices. */
  size: number;
  dist: Float64Array;
  /** Travel times; the same array as `dist` unless the problem has its own travel-time function. */
  time: Float64Array;
  demand: Float64Array;
  ready: Float64Array;
  due: Float64Array;
  service: Float64Array;
  capacity: number;
  maxVehicles: number;
  /** Per node, the nearest customers (closest first, self excluded), truncated to `neighbourCount`. */
  neighbours: Int32Array[];
  maxEdge: number;
  vehicleCost: number;
}

export const euclidean = (a: Site, b: Site): number => {
  const dx = a.x - b.x;
  const dy = a.y - b.y;
  return Math.sqrt(dx * dx + dy * dy);
};

function matrix(sites: Site[], fn: (a: Site, b: Site) => number): Float64Array {
  const size = sites.length;
  const m = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) m[i * size + j] = i === j ? 0 : fn(sites[i], sites[j]);
  }
  return m;
}

/** Builds the matrices and neighbour lists for a problem. */
export function compileInstance(problem: VrptwProblem, neighbourCount = 100): Instance {
  const { depot, customers } = problem;
  const n = customers.length;
  const size = n + 1;
  const sites: Site[] = [depot, ...customers];
  const dist = matrix(sites, problem.distance ?? euclidean);
  const time = problem.travelTime ? matrix(sites, problem.travelTime) : dist;
  const demand = new Float64Array(size);
  const ready = new Float64Array(size);
  const due = new Float64Array(size);
  const service = new Float64Array(size);
  ready[0] = depot.ready;
  due[0] = depot.due;
  customers.forEach((c, k) => {
    demand[k + 1] = c.demand;
    ready[k + 1] = c.ready;
    due[k + 1] = c.due;
    service[k + 1] = c.service;
  });
  let maxEdge = 0;
  for (let i = 0; i < dist.length; i++) if (dist[i] > maxEdge) maxEdge = dist[i];

  const k = Math.min(neighbourCount, n - 1);
  const neighbours: Int32Array[] = [];
  const order = Array.from({ length: n }, (_, i) => i + 1);
  for (let i = 0; i < size; i++) {
    const row = i * size;
    const sorted = order.filter((j) => j !== i).sort((a, b) => dist[row + a] - dist[row + b] || a - b);
    neighbours.push(Int32Array.from(sorted.slice(0, i === 0 ? n : k)));
  }
  return {
    n,
    size,
    dist,
    time,
    demand,
    ready,
    due,
    service,
    capacity: problem.vehicleCapacity,
    maxVehicles: Math.min(problem.maxVehicles ?? n, n),
    neighbours,
    maxEdge,
    vehicleCost: problem.vehicleCost ?? 0,
  };
}
