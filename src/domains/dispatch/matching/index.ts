/** Candidate matching for dispatch: pure hard filters, weighted scoring and explanations. */
export { rankCandidates, topK, effectiveWeights } from './rank';
export { checkEligibility, orderContext, effectiveRadiusKm, type OrderContext } from './eligibility';
export { computeFeatures, smoothedRating, regularWorkers, isPeak } from './features';
export { DEFAULT_MATCH_CONFIG, resolveMatchConfig, type MatchConfig, type MatchConfigOverrides, type MatchWeights } from './config';
export { haversineKm, etaMinutes, etaFromKm, type TravelParams } from './travel';
export { benchMatching, type MatchBenchResult } from './bench';
export type * from './types';
