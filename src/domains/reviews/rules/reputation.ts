/**
 * Reputation figures derived only from rows: a worker's rating and rates, a customer's aggregate as
 * workers see it. Pure: plain arrays in, plain objects out; nothing here reads a clock or a database.
 *
 * Rounding: ratings and averages are given to 2 decimals (half up, computed in integer hundredths);
 * rates are integer basis points (10 000 = 100 %), half up, or `null` when nothing is counted.
 */
import type { Text } from '../../../platform/i18n.js';

// ── Shared row shapes ───────────────────────────────────────────────────────────────────────

/** A review as moderation left it: hidden and removed reviews stay in the table but out of the figures. */
export type ReviewVisibility = 'visible' | 'hidden' | 'removed';

/** 1–5, whole stars. */
export type Stars = 1 | 2 | 3 | 4 | 5;
export const STAR_VALUES: readonly Stars[] = [1, 2, 3, 4, 5];

// ── Integer helpers ─────────────────────────────────────────────────────────────────────────

/** a / b rounded half up, for a ≥ 0 and b > 0. */
function roundDiv(a: number, b: number): number {
  return Math.floor((2 * a + b) / (2 * b));
}

/** Share in basis points (0–10 000), half up; `null` when the denominator is 0. */
export function rateBp(numerator: number, denominator: number): number | null {
  if (!Number.isInteger(numerator) || !Number.isInteger(denominator) || numerator < 0 || denominator < 0 || numerator > denominator) {
    throw new RangeError(`rateBp: ${numerator} / ${denominator} is not a share`);
  }
  return denominator === 0 ? null : roundDiv(numerator * 10_000, denominator);
}

/** Mean of whole-star values to 2 decimals; `null` for none. */
function meanOf(sum: number, count: number): number | null {
  return count === 0 ? null : roundDiv(sum * 100, count) / 100;
}

function assertStars(value: unknown, what: string): asserts value is Stars {
  if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > 5) {
    throw new RangeError(`${what}: ${String(value)} is not 1–5 whole stars`);
  }
}

// ── Bayesian rating ─────────────────────────────────────────────────────────────────────────

export interface RatingPrior {
  /** The rating a worker is assumed to have before any review, e.g. the city's mean. */
  mean: number;
  /** How many reviews the prior is worth. */
  weight: number;
}

/** City mean 4.6 worth 10 reviews. */
export const DEFAULT_RATING_PRIOR: RatingPrior = { mean: 4.6, weight: 10 };

/**
 * (prior mean × prior weight + sum of stars) / (prior weight + count), to 2 decimals. With no
 * reviews it is the prior mean. The prior mean is taken to 2 decimals, the weight must be a
 * whole number ≥ 0 (0 gives the plain mean, and needs at least one review).
 */
export function smoothedRating(sumOfStars: number, count: number, prior: RatingPrior = DEFAULT_RATING_PRIOR): number {
  if (!Number.isInteger(prior.weight) || prior.weight < 0) throw new RangeError(`prior weight ${prior.weight} is not a whole number ≥ 0`);
  if (!(prior.mean >= 1 && prior.mean <= 5)) throw new RangeError(`prior mean ${prior.mean} is not within 1–5`);
  if (!Number.isInteger(sumOfStars) || !Number.isInteger(count) || count < 0 || sumOfStars < count || sumOfStars > 5 * count) {
    throw new RangeError(`smoothedRating: ${sumOfStars} stars over ${count} reviews is impossible`);
  }
  if (prior.weight + count === 0) throw new RangeError('smoothedRating: no reviews and a prior of weight 0');
  const priorHundredths = Math.round(prior.mean * 100);
  return roundDiv(priorHundredths * prior.weight + sumOfStars * 100, prior.weight + count) / 100;
}

// ── Worker reviews: averages, histogram, counts ─────────────────────────────────────────────

/** The four dimensions a customer rates a worker on. */
export const CUSTOMER_DIMENSIONS = ['attitude', 'skill', 'efficiency', 'punctuality'] as const;
export type CustomerDimension = (typeof CUSTOMER_DIMENSIONS)[number];

export const CUSTOMER_DIMENSION_LABELS: Record<CustomerDimension, Text> = {
  attitude: { zh: '服务态度', en: 'Attitude' },
  skill: { zh: '专业技能', en: 'Skill' },
  efficiency: { zh: '工作效率', en: 'Efficiency' },
  punctuality: { zh: '守约准时', en: 'Punctuality' },
};

/** A customer's review of a worker. A dimension left out (null) is not counted for that dimension. */
export interface WorkerReviewRow {
  stars: number;
  dimensions?: Partial<Record<CustomerDimension, number | null>>;
  /** 系统默认好评: no customer wrote it, so it is shown as such and kept out of averages. */
  isDefault: boolean;
  visibility: ReviewVisibility;
}

export interface DimensionFigure {
  /** 2 decimals; `null` when no counted review rated this dimension. */
  average: number | null;
  count: number;
}

export type StarHistogram = Record<Stars, number>;

export interface ReviewFigures {
  /** Reviews in the averages and the histogram: visible and written by the customer. */
  ratedCount: number;
  /** Visible 系统默认好评 marks: counted here, nowhere else. */
  defaultCount: number;
  /** Hidden or removed by moderation (a hidden default mark counts here). */
  hiddenCount: number;
  /** Every row passed in. */
  totalCount: number;
  /** Plain mean of the rated reviews, 2 decimals; `null` when there are none. */
  average: number | null;
  /** Bayesian-smoothed rating, 2 decimals: what lists and ranking use. */
  rating: number;
  histogram: StarHistogram;
  /** Share of rated reviews with 4–5 stars, basis points. */
  positiveRateBp: number | null;
  /** 差评: rated reviews with 1–2 stars. */
  negativeCount: number;
  dimensions: Record<CustomerDimension, DimensionFigure>;
}

const emptyHistogram = (): StarHistogram => ({ 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 });

/** Where a review row goes in the figures. */
export function reviewBucket(row: Pick<WorkerReviewRow, 'isDefault' | 'visibility'>): 'rated' | 'default' | 'hidden' {
  if (row.visibility !== 'visible') return 'hidden';
  return row.isDefault ? 'default' : 'rated';
}

/** Averages, histogram and counts of a worker's reviews. Throws RangeError on a row with impossible stars. */
export function summarizeReviews(rows: readonly WorkerReviewRow[], prior: RatingPrior = DEFAULT_RATING_PRIOR): ReviewFigures {
  const histogram = emptyHistogram();
  const dimSum = { attitude: 0, skill: 0, efficiency: 0, punctuality: 0 };
  const dimCount = { attitude: 0, skill: 0, efficiency: 0, punctuality: 0 };
  let defaultCount = 0;
  let hiddenCount = 0;
  for (const row of rows) {
    const bucket = reviewBucket(row);
    if (bucket === 'hidden') hiddenCount += 1;
    else if (bucket === 'default') defaultCount += 1;
    if (bucket !== 'rated') continue;
    assertStars(row.stars, 'review stars');
    histogram[row.stars] += 1;
    for (const dim of CUSTOMER_DIMENSIONS) {
      const value = row.dimensions?.[dim];
      if (value === undefined || value === null) continue;
      assertStars(value, `review ${dim}`);
      dimSum[dim] += value;
      dimCount[dim] += 1;
    }
  }
  const ratedCount = STAR_VALUES.reduce((n, s) => n + histogram[s], 0);
  const sum = STAR_VALUES.reduce((n, s) => n + s * histogram[s], 0);
  const dimensions = Object.fromEntries(
    CUSTOMER_DIMENSIONS.map((dim) => [dim, { average: meanOf(dimSum[dim], dimCount[dim]), count: dimCount[dim] }]),
  ) as Record<CustomerDimension, DimensionFigure>;
  return {
    ratedCount,
    defaultCount,
    hiddenCount,
    totalCount: rows.length,
    average: meanOf(sum, ratedCount),
    rating: smoothedRating(sum, ratedCount, prior),
    histogram,
    positiveRateBp: rateBp(histogram[4] + histogram[5], ratedCount),
    negativeCount: histogram[1] + histogram[2],
    dimensions,
  };
}

// ── Worker service rates ────────────────────────────────────────────────────────────────────

/**
 * How an order assigned to the worker ended. `worker_failed` covers the worker cancelling or not
 * turning up; `customer_cancelled` does not count against the worker; `open` is not over yet.
 */
export type WorkerOrderOutcome = 'completed' | 'worker_failed' | 'customer_cancelled' | 'open';

export interface WorkerOrderRow {
  orderId: string;
  customerId: string;
  outcome: WorkerOrderOutcome;
  scheduledStart: Date;
  /** The worker's check-in at the address; null when there was none. */
  checkedInAt: Date | null;
}

/** Minutes after the scheduled start within which a check-in still counts as on time. */
export const DEFAULT_ON_TIME_GRACE_MINUTES = 10;

export interface OnTimeFigure {
  /** Orders with a check-in. Orders without one are counted apart, not as late. */
  checkedIn: number;
  onTime: number;
  late: number;
  withoutCheckIn: number;
  rateBp: number | null;
}

/** A check-in is on time when it is no later than the scheduled start plus the grace; early is on time. */
export function isOnTime(scheduledStart: Date, checkedInAt: Date, graceMinutes = DEFAULT_ON_TIME_GRACE_MINUTES): boolean {
  return checkedInAt.getTime() <= scheduledStart.getTime() + graceMinutes * 60_000;
}

/** On-time rate over orders that got a check-in, whatever their outcome (a late arrival stays late). */
export function onTimeRate(orders: readonly WorkerOrderRow[], graceMinutes = DEFAULT_ON_TIME_GRACE_MINUTES): OnTimeFigure {
  if (!Number.isInteger(graceMinutes) || graceMinutes < 0) throw new RangeError(`grace ${graceMinutes} is not whole minutes ≥ 0`);
  let onTime = 0;
  let late = 0;
  let withoutCheckIn = 0;
  for (const o of orders) {
    if (o.checkedInAt === null) withoutCheckIn += 1;
    else if (isOnTime(o.scheduledStart, o.checkedInAt, graceMinutes)) onTime += 1;
    else late += 1;
  }
  return { checkedIn: onTime + late, onTime, late, withoutCheckIn, rateBp: rateBp(onTime, onTime + late) };
}

export interface CompletionFigure {
  completed: number;
  failed: number;
  /** completed / (completed + worker_failed); customer cancellations and open orders are left out. */
  rateBp: number | null;
}

export function completionRate(orders: readonly WorkerOrderRow[]): CompletionFigure {
  const completed = orders.filter((o) => o.outcome === 'completed').length;
  const failed = orders.filter((o) => o.outcome === 'worker_failed').length;
  return { completed, failed, rateBp: rateBp(completed, completed + failed) };
}

export interface RepeatCustomerFigure {
  /** Distinct customers with at least one completed order. */
  customers: number;
  /** Of those, customers with two or more completed orders. */
  repeatCustomers: number;
  rateBp: number | null;
}

export function repeatCustomerRate(orders: readonly WorkerOrderRow[]): RepeatCustomerFigure {
  const completedByCustomer = new Map<string, number>();
  for (const o of orders) {
    if (o.outcome === 'completed') completedByCustomer.set(o.customerId, (completedByCustomer.get(o.customerId) ?? 0) + 1);
  }
  const customers = completedByCustomer.size;
  const repeatCustomers = [...completedByCustomer.values()].filter((n) => n >= 2).length;
  return { customers, repeatCustomers, rateBp: rateBp(repeatCustomers, customers) };
}

/** A complaint about the worker. Dismissed complaints do not count; open and upheld ones do. */
export interface ComplaintRow {
  orderId: string;
  status: 'open' | 'upheld' | 'dismissed';
}

export interface ComplaintFigure {
  /** Completed orders with at least one complaint that is not dismissed. */
  complainedOrders: number;
  completed: number;
  rateBp: number | null;
}

/**
 * Share of the worker's completed orders with a complaint against the worker (open or upheld).
 * Several complaints on one order count once; complaints on orders not completed are left out,
 * so the rate never exceeds 100 %.
 */
export function complaintRate(orders: readonly WorkerOrderRow[], complaints: readonly ComplaintRow[]): ComplaintFigure {
  const completedIds = new Set(orders.filter((o) => o.outcome === 'completed').map((o) => o.orderId));
  const complained = new Set(complaints.filter((c) => c.status !== 'dismissed' && completedIds.has(c.orderId)).map((c) => c.orderId));
  return { complainedOrders: complained.size, completed: completedIds.size, rateBp: rateBp(complained.size, completedIds.size) };
}

/** A 抽检回访 sample of one of the worker's orders; `pending` until ops record the result. */
export interface QaSampleRow {
  result: 'pending' | 'pass' | 'issue';
}

export interface QaFigure {
  recorded: number;
  passed: number;
  pending: number;
  rateBp: number | null;
}

export function qaPassRate(samples: readonly QaSampleRow[]): QaFigure {
  const passed = samples.filter((s) => s.result === 'pass').length;
  const issues = samples.filter((s) => s.result === 'issue').length;
  return { recorded: passed + issues, passed, pending: samples.length - passed - issues, rateBp: rateBp(passed, passed + issues) };
}

// ── Everything about one worker ─────────────────────────────────────────────────────────────

export interface WorkerReputationInput {
  reviews: readonly WorkerReviewRow[];
  orders: readonly WorkerOrderRow[];
  complaints: readonly ComplaintRow[];
  qaSamples: readonly QaSampleRow[];
}

export interface WorkerReputationOptions {
  prior?: RatingPrior;
  onTimeGraceMinutes?: number;
}

export interface WorkerReputation {
  reviews: ReviewFigures;
  onTime: OnTimeFigure;
  completion: CompletionFigure;
  complaints: ComplaintFigure;
  repeatCustomers: RepeatCustomerFigure;
  qa: QaFigure;
}

export function workerReputation(input: WorkerReputationInput, options: WorkerReputationOptions = {}): WorkerReputation {
  return {
    reviews: summarizeReviews(input.reviews, options.prior ?? DEFAULT_RATING_PRIOR),
    onTime: onTimeRate(input.orders, options.onTimeGraceMinutes ?? DEFAULT_ON_TIME_GRACE_MINUTES),
    completion: completionRate(input.orders),
    complaints: complaintRate(input.orders, input.complaints),
    repeatCustomers: repeatCustomerRate(input.orders),
    qa: qaPassRate(input.qaSamples),
  };
}

// ── The worker's view of a customer ─────────────────────────────────────────────────────────

/** The four dimensions a worker rates a customer on. */
export const WORKER_DIMENSIONS = ['cooperation', 'communication', 'safety', 'accuracy'] as const;
export type WorkerDimension = (typeof WORKER_DIMENSIONS)[number];

export const WORKER_DIMENSION_LABELS: Record<WorkerDimension, Text> = {
  cooperation: { zh: '守时配合', en: 'Punctual and cooperative' },
  communication: { zh: '沟通', en: 'Communication' },
  safety: { zh: '环境与安全', en: 'Environment and safety' },
  accuracy: { zh: '描述相符', en: 'As described' },
};

/** A worker's rating of a customer for one order: all four dimensions, 1–5 each. */
export interface CustomerRatingRow {
  dimensions: Record<WorkerDimension, number>;
  visibility: ReviewVisibility;
}

/** Below this many visible ratings, workers see nothing about a customer (a single rating would identify its author). */
export const DEFAULT_CUSTOMER_AGGREGATE_MIN_COUNT = 3;

export interface CustomerAggregate {
  count: number;
  /** Mean of every dimension rating of every counted row, 2 decimals. */
  overall: number;
  dimensions: Record<WorkerDimension, number>;
}

/**
 * What workers see about a customer: averages over visible ratings, or `null` below the minimum
 * count. Never single ratings.
 */
export function customerAggregate(rows: readonly CustomerRatingRow[], minCount = DEFAULT_CUSTOMER_AGGREGATE_MIN_COUNT): CustomerAggregate | null {
  if (!Number.isInteger(minCount) || minCount < 1) throw new RangeError(`minCount ${minCount} is not a whole number ≥ 1`);
  const visible = rows.filter((r) => r.visibility === 'visible');
  if (visible.length < minCount) return null;
  const sums = { cooperation: 0, communication: 0, safety: 0, accuracy: 0 };
  for (const row of visible) {
    for (const dim of WORKER_DIMENSIONS) {
      assertStars(row.dimensions[dim], `customer rating ${dim}`);
      sums[dim] += row.dimensions[dim];
    }
  }
  const total = WORKER_DIMENSIONS.reduce((n, dim) => n + sums[dim], 0);
  const dimensions = Object.fromEntries(WORKER_DIMENSIONS.map((dim) => [dim, meanOf(sums[dim], visible.length)])) as Record<WorkerDimension, number>;
  return { count: visible.length, overall: meanOf(total, visible.length * WORKER_DIMENSIONS.length) as number, dimensions };
}
