/** Ranks fetched candidates for one order: hard filters, weighted score, explanations. */
import { resolveMatchConfig, type MatchConfig, type MatchConfigOverrides, type MatchWeights } from './config';
import { checkEligibility, orderContext } from './eligibility';
import { computeFeatures, isPeak, regularWorkers } from './features';
import { explainRanked, rejection } from './messages';
import type {
  Bilingual, CustomerWorkerHistory, FeatureName, MatchCandidate, MatchFacts, MatchFeatures, MatchOrder, MatchResult,
  RankedCandidate, RejectedCandidate,
} from './types';

const FEATURES: readonly FeatureName[] = [
  'proximity', 'rating', 'onTime', 'completion', 'regular', 'badges', 'fairness', 'newcomer', 'acceptance',
];

/** Weights for this order (peak hours scale proximity), normalised to sum to 1; all 0 if none set. */
export function effectiveWeights(config: MatchConfig, peak: boolean): MatchWeights {
  const w = { ...config.weights };
  if (peak) w.proximity *= config.peak.proximityMultiplier;
  let total = 0;
  for (const f of FEATURES) {
    w[f] = w[f] > 0 ? w[f] : 0;
    total += w[f];
  }
  for (const f of FEATURES) w[f] = total > 0 ? w[f] / total : 0;
  return w;
}

interface Scored {
  candidate: MatchCandidate;
  score: number;
  features: MatchFeatures;
  contributions: MatchFeatures;
  facts: MatchFacts;
}

const distanceKey = (s: Scored) => (Number.isFinite(s.facts.distanceKm) ? s.facts.distanceKm : Infinity);

/** Total order: regular first (if enabled), then score, then distance, then id. */
function compare(regularFirst: boolean) {
  return (a: Scored, b: Scored): number => {
    if (regularFirst && a.facts.isRegular !== b.facts.isRegular) return a.facts.isRegular ? -1 : 1;
    if (a.score !== b.score) return b.score - a.score;
    const d = distanceKey(a) - distanceKey(b);
    if (d !== 0 && !Number.isNaN(d)) return d;
    const ia = a.candidate.id;
    const ib = b.candidate.id;
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  };
}

/** The feature where `s` trails the leader the most, and the score gap. */
function behindLeader(leader: Scored, s: Scored, regularFirst: boolean): { gap: number; feature: FeatureName | null } {
  const gap = leader.score - s.score;
  if (gap <= 0) {
    return { gap: 0, feature: regularFirst && leader.facts.isRegular && !s.facts.isRegular ? 'regular' : null };
  }
  let feature: FeatureName | null = null;
  let worst = 0;
  for (const f of FEATURES) {
    const deficit = leader.contributions[f] - s.contributions[f];
    if (deficit > worst) { worst = deficit; feature = f; }
  }
  return { gap, feature };
}

/**
 * Ranks candidates for an order. Pure and deterministic: the same inputs give the same
 * output regardless of candidate order. Every candidate ends in exactly one of `ranked`
 * (eligible, best first, with features, contributions and a zh/en explanation) or
 * `rejected` (with every failed hard rule).
 *
 * @param order the order to match
 * @param candidates workers fetched for the order (any order; duplicates are rejected)
 * @param history the ordering customer's past workers, for 常客优先
 * @param overrides config overrides over `DEFAULT_MATCH_CONFIG` (or a full config)
 * @param now clock for the newcomer window
 */
export function rankCandidates(
  order: MatchOrder,
  candidates: readonly MatchCandidate[],
  history: readonly CustomerWorkerHistory[],
  overrides: MatchConfigOverrides,
  now: Date,
): MatchResult {
  const config = resolveMatchConfig(overrides);
  const ctx = orderContext(order, config, now);
  const peak = isPeak(ctx.startMs, config.peak);
  const weights = effectiveWeights(config, peak);
  const regulars = regularWorkers(history, config.regular);
  const seen = new Set<string>();
  const rejected: RejectedCandidate[] = [];
  const scored: Scored[] = [];

  for (const candidate of candidates) {
    if (seen.has(candidate.id)) {
      rejected.push({ workerId: candidate.id, reasons: [rejection('duplicate_candidate')] });
      continue;
    }
    seen.add(candidate.id);
    const reasons = checkEligibility(ctx, candidate);
    if (reasons.length > 0) {
      rejected.push({ workerId: candidate.id, reasons });
      continue;
    }
    const { features, facts } = computeFeatures(ctx, candidate, regulars, peak);
    const contributions = {} as MatchFeatures;
    let score = 0;
    for (const f of FEATURES) {
      contributions[f] = weights[f] * features[f];
      score += contributions[f];
    }
    scored.push({ candidate, score: Math.min(1, score), features, contributions, facts });
  }

  const regularFirst = config.regular.first;
  scored.sort(compare(regularFirst));
  rejected.sort((a, b) => (a.workerId < b.workerId ? -1 : a.workerId > b.workerId ? 1 : 0));

  const leader = scored[0];
  const ranked = scored.map((s, i) => new RankedEntry(s, i + 1, leader, regularFirst));
  return { orderId: order.id, ranked, rejected };
}

/**
 * A ranked candidate whose explanation is built on first read: texts for ~2 000 workers cost
 * more than the ranking itself and most are never read. `toJSON` includes it, so storing the
 * decision as JSON keeps every explanation.
 */
class RankedEntry implements RankedCandidate {
  readonly workerId: string;
  readonly score: number;
  readonly features: MatchFeatures;
  readonly contributions: MatchFeatures;
  readonly facts: MatchFacts;
  readonly #scored: Scored;
  readonly #leader: Scored;
  readonly #regularFirst: boolean;
  #explanation: Bilingual | undefined;

  constructor(s: Scored, readonly rank: number, leader: Scored, regularFirst: boolean) {
    this.workerId = s.candidate.id;
    this.score = s.score;
    this.features = s.features;
    this.contributions = s.contributions;
    this.facts = s.facts;
    this.#scored = s;
    this.#leader = leader;
    this.#regularFirst = regularFirst;
  }

  get explanation(): Bilingual {
    if (this.#explanation) return this.#explanation;
    const s = this.#scored;
    const c = s.candidate;
    const strengths = FEATURES.filter((f) => s.contributions[f] > 0).sort((a, b) => s.contributions[b] - s.contributions[a]);
    this.#explanation = explainRanked({
      rank: this.rank, score: s.score, facts: s.facts, ratingAvg: c.ratingAvg, ratingCount: c.ratingCount,
      onTimeRate: c.onTimeRate, todayOrders: c.todayOrders, recentDeclines: c.recentDeclines, strengths,
      behind: this.rank > 1 ? behindLeader(this.#leader, s, this.#regularFirst) : undefined, regularFirst: this.#regularFirst,
    });
    return this.#explanation;
  }

  toJSON(): RankedCandidate {
    const { workerId, score, rank, features, contributions, facts, explanation } = this;
    return { workerId, score, rank, features, contributions, facts, explanation };
  }
}

/** The best `k` ranked candidates, e.g. to push an order for grabbing (抢单). */
export function topK(result: MatchResult, k: number): RankedCandidate[] {
  return result.ranked.slice(0, Math.max(0, Math.floor(k)));
}
