/** Public types of candidate matching: inputs fetched by the caller, and the ranked result. */
import type { LatLng } from '../../../platform/providers/map';

export type { LatLng };

/** A paid order waiting for a worker. */
export interface MatchOrder {
  id: string;
  itemCode: string;
  /** Certificate kind the item requires (e.g. `electrician`), if any. */
  requiredCertificate?: string | null;
  location: LatLng;
  /** Service start, ISO 8601 (UTC on the wire). */
  start: string;
  durationMinutes: number;
  customerId: string;
  cityCode: string;
}

export type WorkerStatus = 'approved' | 'pending' | 'suspended' | 'removed';

export interface WorkerCertificate {
  kind: string;
  /** ISO 8601; `null` means it never expires. */
  expiresAt: string | null;
}

/** One fetched candidate worker with the stats the scorer needs. */
export interface MatchCandidate {
  id: string;
  status: WorkerStatus;
  online: boolean;
  /** Item codes the worker may serve. */
  skills: readonly string[];
  certificates: readonly WorkerCertificate[];
  /** Centre of the worker's service area; the radius is measured from here. */
  homeLocation: LatLng;
  /** Last reported position; only fill it when it matters (near-term orders). */
  currentLocation?: LatLng | null;
  serviceRadiusKm: number;
  /** Average rating 0–5 over `ratingCount` reviews. */
  ratingAvg: number;
  ratingCount: number;
  /** 0–1. */
  onTimeRate: number;
  /** 0–1. */
  completionRate: number;
  badges: readonly string[];
  completedOrders: number;
  /** ISO 8601. */
  joinedAt: string;
  todayOrders: number;
  todayEarningsFen: number;
  /** Declined or timed-out offers in the last 30 days. */
  recentDeclines: number;
  /** The job the worker finishes just before this order, to check travel in time. */
  previousJobEnd?: { location: LatLng; end: string } | null;
  /** From the slot calculator: no booking or time off overlaps the order window. */
  isFreeForWindow: boolean;
}

/** The ordering customer's past orders with one worker (常客优先). */
export interface CustomerWorkerHistory {
  workerId: string;
  orders: number;
  /** Average rating this customer gave the worker, 0–5. */
  avgRating: number;
}

export interface Bilingual {
  zh: string;
  en: string;
}

export type RejectionCode =
  | 'duplicate_candidate'
  | 'not_approved'
  | 'suspended'
  | 'offline'
  | 'missing_skill'
  | 'missing_certificate'
  | 'certificate_expired'
  | 'outside_radius'
  | 'not_free'
  | 'previous_job_too_far';

export interface RejectionReason {
  code: RejectionCode;
  message: Bilingual;
}

/** Normalised feature values, each in [0, 1], higher is better. */
export interface MatchFeatures {
  /** 1 at the order's address, 0 at the service-radius limit (distance from the travel origin). */
  proximity: number;
  /** Bayesian-smoothed rating mapped from [ratingFloor, 5] to [0, 1]. */
  rating: number;
  onTime: number;
  completion: number;
  /** 1 for the customer's past well-rated worker. */
  regular: number;
  badges: number;
  /** Today's load and earnings: fewer orders and less money today → higher. */
  fairness: number;
  /** 1 within the newcomer window. */
  newcomer: number;
  /** Decline penalty as a positive feature: 1 with no recent declines. */
  acceptance: number;
}

export type FeatureName = keyof MatchFeatures;

/** Raw facts behind the features, for explanations and tie-breaks. */
export interface MatchFacts {
  /** Straight-line km from the travel origin (previous job, current or home location). */
  distanceKm: number;
  etaMinutes: number;
  origin: 'previous_job' | 'current' | 'home';
  smoothedRating: number;
  isRegular: boolean;
  isNewcomer: boolean;
  peak: boolean;
}

export interface RankedCandidate {
  workerId: string;
  /** Weighted mean of the features, in [0, 1]. */
  score: number;
  /** 1-based. */
  rank: number;
  features: MatchFeatures;
  /** Effective (normalised) weight × value per feature; they sum to `score`. */
  contributions: MatchFeatures;
  facts: MatchFacts;
  explanation: Bilingual;
}

export interface RejectedCandidate {
  workerId: string;
  reasons: RejectionReason[];
}

export interface MatchResult {
  orderId: string;
  ranked: RankedCandidate[];
  rejected: RejectedCandidate[];
}
