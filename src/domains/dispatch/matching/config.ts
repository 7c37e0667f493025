/** Matching configuration: weights and feature parameters, with documented defaults. */
import type { MatchFeatures } from './types';

export type MatchWeights = Record<keyof MatchFeatures, number>;

export interface MatchConfig {
  /**
   * Relative feature weights (any non-negative numbers; the score divides by their sum, so
   * it stays in [0, 1]). Defaults sum to 1.
   */
  weights: MatchWeights;
  travel: {
    /** Average door-to-door city speed, km/h. */
    speedKmh: number;
    /** Road distance ÷ straight-line distance. */
    roadFactor: number;
    /** Minutes added to the previous-job ETA (parking, handover, lift). */
    bufferMinutes: number;
  };
  rating: {
    /** Prior mean of the Bayesian average (platform-wide typical rating). */
    priorMean: number;
    /** Prior weight in pseudo-reviews. */
    priorCount: number;
    /** Smoothed rating mapped to 0; 5 maps to 1. */
    floor: number;
  };
  regular: {
    /** Customer's average rating of the worker needed to count as a regular, well-rated worker. */
    minAvgRating: number;
    /** Past orders with this customer needed. */
    minOrders: number;
    /** When true an eligible regular worker ranks before everyone else (常客优先). */
    first: boolean;
  };
  badges: {
    /** Value per badge code; unlisted badges count `otherValue`. */
    values: Record<string, number>;
    otherValue: number;
    /** Sum of badge values that reaches a feature value of 1. */
    saturation: number;
  };
  fairness: {
    /** Today's orders at which the load half of the feature is 0.5. */
    ordersHalf: number;
    /** Today's earnings (fen) at which the earnings half of the feature is 0.5. */
    earningsHalfFen: number;
    /** Share of the load part; the rest is earnings. */
    ordersShare: number;
  };
  newcomer: {
    /** Boost while completed orders < this … */
    maxOrders: number;
    /** … and fewer than this many days since joining (whichever ends first). */
    maxDays: number;
  };
  declines: {
    /** Recent declines at which the acceptance feature is 0.5. */
    half: number;
  };
  peak: {
    /** Local [startHour, endHour) windows, e.g. 7–9 and 18–20. */
    windows: ReadonlyArray<readonly [number, number]>;
    /** Proximity weight multiplier when the order starts in a peak window (1 disables). */
    proximityMultiplier: number;
    /** IANA zone of the city, for the local hour. */
    timeZone: string;
  };
  /** Optional platform cap on any worker's service radius, km (null: none). */
  maxRadiusKm: number | null;
  /** Reject offline workers (turn off for day-ahead planning, where online status is moot). */
  requireOnline: boolean;
}

/** Defaults; every value can be overridden per city or category through `resolveMatchConfig`. */
export const DEFAULT_MATCH_CONFIG: MatchConfig = {
  weights: {
    proximity: 0.25,
    rating: 0.15,
    onTime: 0.1,
    completion: 0.08,
    regular: 0.12,
    badges: 0.06,
    fairness: 0.1,
    newcomer: 0.06,
    acceptance: 0.08,
  },
  travel: { speedKmh: 20, roadFactor: 1.3, bufferMinutes: 15 },
  rating: { priorMean: 4.6, priorCount: 20, floor: 3 },
  regular: { minAvgRating: 4.5, minOrders: 1, first: true },
  badges: { values: { certified: 1 }, otherValue: 0.5, saturation: 1.5 },
  fairness: { ordersHalf: 4, earningsHalfFen: 50_000, ordersShare: 0.6 },
  newcomer: { maxOrders: 10, maxDays: 30 },
  declines: { half: 3 },
  peak: { windows: [[7, 9], [18, 20]], proximityMultiplier: 1.5, timeZone: 'Asia/Shanghai' },
  maxRadiusKm: null,
  requireOnline: true,
};

/** Per-section partial overrides. */
export type MatchConfigOverrides = {
  [K in keyof MatchConfig]?: MatchConfig[K] extends object | null
    ? MatchConfig[K] extends ReadonlyArray<unknown> | null ? MatchConfig[K] : Partial<NonNullable<MatchConfig[K]>>
    : MatchConfig[K];
};

/** Merges overrides section by section over the defaults (one level deep). */
export function resolveMatchConfig(overrides: MatchConfigOverrides = {}): MatchConfig {
  const d = DEFAULT_MATCH_CONFIG;
  const o = overrides;
  return {
    weights: { ...d.weights, ...o.weights },
    travel: { ...d.travel, ...o.travel },
    rating: { ...d.rating, ...o.rating },
    regular: { ...d.regular, ...o.regular },
    badges: { ...d.badges, ...o.badges },
    fairness: { ...d.fairness, ...o.fairness },
    newcomer: { ...d.newcomer, ...o.newcomer },
    declines: { ...d.declines, ...o.declines },
    peak: { ...d.peak, ...o.peak },
    maxRadiusKm: o.maxRadiusKm === undefined ? d.maxRadiusKm : o.maxRadiusKm,
    requireOnline: o.requireOnline ?? d.requireOnline,
  };
}
