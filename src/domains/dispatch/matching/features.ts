/** Soft features: each normalised to [0, 1], higher is better, monotone in its raw input. */
import type { MatchConfig } from './config';
import { effectiveRadiusKm, type OrderContext } from './eligibility';
import { etaFromKm, haversineKm } from './travel';
import type { CustomerWorkerHistory, LatLng, MatchCandidate, MatchFacts, MatchFeatures } from './types';

const DAY_MS = 86_400_000;

/** Clamps to [0, 1]; NaN becomes 0 so bad data never wins. */
export function clamp01(v: number): number {
  return v > 0 ? (v < 1 ? v : 1) : 0;
}

/** `1 / (1 + x / half)`: 1 at 0, 0.5 at `half`, strictly decreasing, never negative. */
function decay(x: number, half: number): number {
  return 1 / (1 + Math.max(0, x || 0) / half);
}

/** Bayesian average: the prior counts as `priorCount` reviews of `priorMean`. */
export function smoothedRating(avg: number, count: number, config: MatchConfig['rating']): number {
  const n = count > 0 ? count : 0;
  const a = avg > 0 ? Math.min(avg, 5) : 0;
  const denominator = config.priorCount + n;
  return denominator > 0 ? (config.priorCount * config.priorMean + n * a) / denominator : config.priorMean;
}

/** Worker ids that count as this customer's regular, well-rated workers. */
export function regularWorkers(history: readonly CustomerWorkerHistory[], config: MatchConfig['regular']): Set<string> {
  const ids = new Set<string>();
  for (const h of history) {
    if (h.orders >= config.minOrders && h.avgRating >= config.minAvgRating) ids.add(h.workerId);
  }
  return ids;
}

const hourFormatters = new Map<string, Intl.DateTimeFormat>();

/** True when `ms` falls in a local [start, end) peak window of the configured zone. */
export function isPeak(ms: number, peak: MatchConfig['peak']): boolean {
  if (peak.windows.length === 0) return false;
  let fmt = hourFormatters.get(peak.timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', { timeZone: peak.timeZone, hour: 'numeric', minute: 'numeric', hourCycle: 'h23' });
    hourFormatters.set(peak.timeZone, fmt);
  }
  let hour = 0;
  for (const part of fmt.formatToParts(new Date(ms))) {
    if (part.type === 'hour') hour += Number(part.value);
    else if (part.type === 'minute') hour += Number(part.value) / 60;
  }
  return peak.windows.some(([from, to]) => hour >= from && hour < to);
}

/** Where the worker sets off from: the previous job, else the current position, else home. */
function travelOrigin(c: MatchCandidate): { at: LatLng; origin: MatchFacts['origin'] } {
  if (c.previousJobEnd) return { at: c.previousJobEnd.location, origin: 'previous_job' };
  if (c.currentLocation) return { at: c.currentLocation, origin: 'current' };
  return { at: c.homeLocation, origin: 'home' };
}

/** Computes the normalised features and the raw facts behind them for one eligible worker. */
export function computeFeatures(
  ctx: OrderContext,
  c: MatchCandidate,
  regulars: ReadonlySet<string>,
  peak: boolean,
): { features: MatchFeatures; facts: MatchFacts } {
  const cfg = ctx.config;
  const { at, origin } = travelOrigin(c);
  const distanceKm = haversineKm(at, ctx.order.location);
  const rating = smoothedRating(c.ratingAvg, c.ratingCount, cfg.rating);
  const isRegular = regulars.has(c.id);
  const joinedMs = Date.parse(c.joinedAt);
  const isNewcomer = c.completedOrders < cfg.newcomer.maxOrders && ctx.nowMs - joinedMs < cfg.newcomer.maxDays * DAY_MS;

  let badgeSum = 0;
  for (const b of new Set(c.badges)) badgeSum += Math.max(0, cfg.badges.values[b] ?? cfg.badges.otherValue);

  const share = clamp01(cfg.fairness.ordersShare);
  const features: MatchFeatures = {
    proximity: clamp01(1 - distanceKm / effectiveRadiusKm(c, cfg)),
    rating: clamp01((rating - cfg.rating.floor) / (5 - cfg.rating.floor)),
    onTime: clamp01(c.onTimeRate),
    completion: clamp01(c.completionRate),
    regular: isRegular ? 1 : 0,
    badges: clamp01(badgeSum / cfg.badges.saturation),
    fairness:
      share * decay(c.todayOrders, cfg.fairness.ordersHalf) +
      (1 - share) * decay(c.todayEarningsFen, cfg.fairness.earningsHalfFen),
    newcomer: isNewcomer ? 1 : 0,
    acceptance: decay(c.recentDeclines, cfg.declines.half),
  };
  const facts: MatchFacts = {
    distanceKm,
    etaMinutes: etaFromKm(distanceKm, cfg.travel),
    origin,
    smoothedRating: rating,
    isRegular,
    isNewcomer,
    peak,
  };
  return { features, facts };
}
