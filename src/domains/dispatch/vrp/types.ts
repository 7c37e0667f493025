/** Public types of the VRPTW planner. Times and distances share one unit (e.g. minutes). */

export type CustomerId = number | string;

/** Anything with a position; the distance/travel-time callbacks receive these. */
export interface Site {
  id: CustomerId;
  x: number;
  y: number;
}

/** Start and end point of every vehicle, open from `ready` until `due`. */
export interface Depot extends Site {
  ready: number;
  due: number;
}

/** A visit: service must start within [ready, due]; waiting before `ready` is allowed. */
export interface Customer extends Site {
  demand: number;
  ready: number;
  due: number;
  /** Service duration, spent on site before travelling on. */
  service: number;
}

export interface VrptwProblem {
  depot: Depot;
  customers: Customer[];
  vehicleCapacity: number;
  /** Fleet size limit; unlimited when omitted. */
  maxVehicles?: number;
  /** Travel cost between two sites; Euclidean (unrounded) by default. */
  distance?: (a: Site, b: Site) => number;
  /** Travel time between two sites; equals `distance` by default. */
  travelTime?: (a: Site, b: Site) => number;
  /** Fixed cost per vehicle used, added to the distance in the objective (default 0). */
  vehicleCost?: number;
}

export interface SolveOptions {
  /** Wall-clock budget for the search in milliseconds (default 1000). */
  timeLimitMs?: number;
  /** Seed of the pseudo-random generator (default 1). */
  seed?: number;
  /**
   * Iteration budget. When set, the cooling schedule follows iterations instead of time,
   * so runs with the same seed give identical results (if the time limit is not hit first).
   */
  maxIterations?: number;
}

export interface VrptwSolution {
  /** Customer ids per vehicle in visiting order; the depot is omitted. */
  routes: CustomerId[][];
  distance: number;
  vehicles: number;
  /** True when every customer is served and all constraints hold (checked by `verifySolution`). */
  feasible: boolean;
  /** Customers that could not be placed (e.g. unreachable time window or fleet too small). */
  unassigned: CustomerId[];
  iterations: number;
}

export interface Verification {
  feasible: boolean;
  distance: number;
  vehicles: number;
  /** Human-readable descriptions of every violated constraint. */
  violations: string[];
}
