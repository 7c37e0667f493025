/**
 * Public types of day planning: a multi-depot, heterogeneous VRPTW where each worker is a vehicle that
 * starts and ends at home, works inside their shift and may only take jobs they are eligible for.
 * Instants are UTC epoch milliseconds; durations are minutes.
 */
import type { LatLng } from '../../../platform/providers/map';
import type { TravelParams } from '../matching/travel';

export type { LatLng, TravelParams };

export interface TimeRange {
  start: number;
  end: number;
}

/** Time the worker cannot use (another commitment, time off, a gap between two working windows). */
export interface BlockedRange extends TimeRange {
  /** Service minutes it counts toward the daily maximum (0 for time off). Default 0. */
  workMinutes?: number;
}

/** A job already on this worker's calendar that day: it stays on this worker at its booked start. */
export interface FixedJob {
  id: string;
  location: LatLng;
  start: number;
  durationMinutes: number;
  /** Travel buffer after the job (the booking rule's `[start, end + buffer)`); never below the floor. */
  bufferMinutes?: number;
}

export interface PlanWorker {
  id: string;
  home: LatLng;
  /** Working hours of that local day: every job's service lies inside (travel from and to home may not). */
  shift: TimeRange;
  /** Item ids the worker may serve. */
  skills: readonly string[];
  fixed?: readonly FixedJob[];
  blocked?: readonly BlockedRange[];
  /** Idle minutes required on top of the buffer between two jobs (the worker's rest rule). Default 0. */
  minBreakMinutes?: number;
  /** Service minutes per day, fixed jobs and blocked work included. Default unlimited. */
  maxWorkMinutes?: number | null;
}

export interface PlanJob {
  id: string;
  location: LatLng;
  /** Service start window: a booked start is fixed, so `earliest === latest` unless the order is flexible. */
  earliest: number;
  latest: number;
  durationMinutes: number;
  bufferMinutes?: number;
  itemId: string;
  /**
   * Workers allowed to take the job (certificate, service area, a customer's chosen worker, not declined).
   * Intersected with the skill check; omitted = every worker with the skill.
   */
  eligibleWorkerIds?: readonly string[];
}

export interface DayProblem {
  workers: readonly PlanWorker[];
  jobs: readonly PlanJob[];
}

export interface PlanOptions {
  /** Wall-clock budget of the improvement search (default 1500 ms). */
  timeLimitMs?: number;
  /** Iteration budget of the search (default 25 000); with a seed, runs are reproducible unless the time limit hits first. */
  maxIterations?: number;
  /** Stop after this many iterations without a better plan (default 4000). */
  stallIterations?: number;
  seed?: number;
  /** Door-to-door estimate; default haversine × 1.3 at 20 km/h. */
  travel?: TravelParams;
  /** Minimum buffer after every job, minutes (default 30: the booking rule). */
  bufferFloorMinutes?: number;
  /** Also keep leaving home and coming back inside the shift (default false, as the booking rule only needs the service inside). */
  shiftIncludesTravel?: boolean;
}

export type UnassignedReason =
  /** No worker has the skill, the certificate, the area (or the chosen worker declined). */
  | 'no_eligible_worker'
  /** No eligible worker's shift (or daily maximum) can hold it, even on an empty day. */
  | 'outside_working_hours'
  /** A shift could hold it, but existing bookings and blocked time (holds, time off, breaks) leave no room. */
  | 'conflicts_with_existing'
  /** It would fit an eligible worker's day alone, but the planned routes use that room for other jobs. */
  | 'workers_fully_booked';

/** One visit of a route, with its ETA chain. */
export interface PlannedStop {
  jobId: string;
  /** An already-assigned job that stays where it is. */
  fixed: boolean;
  /** Leaves the previous place (home for the first stop: just in time). */
  leave: number;
  travelKm: number;
  travelMinutes: number;
  arrive: number;
  waitMinutes: number;
  start: number;
  finish: number;
  /** Arrival after the start (only possible for a fixed job booked too close to the previous fixed one). */
  lateMinutes: number;
}

export interface WorkerRoute {
  workerId: string;
  leaveHome: number;
  returnHome: number;
  stops: PlannedStop[];
  /** Home → stops → home, road km (haversine × road factor). */
  travelKm: number;
  travelMinutes: number;
  workMinutes: number;
}

export interface UnassignedJob {
  jobId: string;
  reason: UnassignedReason;
  eligibleWorkers: number;
}

export interface DayPlan {
  /** Workers with at least one stop, in input order. */
  routes: WorkerRoute[];
  unassigned: UnassignedJob[];
  totals: {
    jobs: number;
    planned: number;
    fixed: number;
    unassigned: number;
    workersUsed: number;
    travelKm: number;
    travelMinutes: number;
  };
  stats: { constructionKm: number; iterations: number; solveMs: number };
}
