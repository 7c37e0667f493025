// Dispatch objects of the console (src/domains/dispatch: routes.ts, service.ts, matching/types.ts, settings.ts).
import type { CandidateWorker, LocalText, OrderSummary } from '../../../shared/order-types';

export type DispatchMode = 'chosen' | 'grab' | 'assign';

export interface RankedWorker {
  workerId: string;
  /** 0–1 */
  score: number;
  rank: number;
  features: Record<string, number>;
  contributions: Record<string, number>;
  facts: { distanceKm: number; etaMinutes: number; origin?: string; isRegular: boolean; isNewcomer: boolean; peak: boolean };
  explanation: LocalText;
}

export interface RejectedWorker {
  workerId: string;
  reasons: { code: string; message: LocalText }[];
}

/** `GET /api/admin/orders/:id/dispatch`: one stored round. */
export interface DispatchDecision {
  round: number;
  mode: DispatchMode;
  /** Who got the offer this round. */
  offered: string[];
  /** Workers considered (free and busy). */
  candidates: number;
  ranked: RankedWorker[];
  rejected: RejectedWorker[];
  at: string;
}

/** `GET /api/admin/orders/:id/candidates` (manual assignment), ranked and explained. */
export interface ScoredCandidate extends CandidateWorker {
  /** 0–1 */
  score?: number;
  explanation?: LocalText;
}

/** `GET /api/admin/dispatch/queue`: a paid order nobody took. */
export interface QueuedOrder extends OrderSummary {
  reason: string;
  queuedAt: string;
}

export type MatchWeights = Record<WeightName, number>;
export const WEIGHT_NAMES = ['proximity', 'rating', 'onTime', 'completion', 'regular', 'badges', 'fairness', 'newcomer', 'acceptance'] as const;
export type WeightName = (typeof WEIGHT_NAMES)[number];

export interface DispatchSettings {
  mode: 'grab' | 'assign';
  topK: number;
  grabWindowSeconds: number;
  acceptTimeoutSeconds: number;
  maxAssignRounds: number;
  candidatePool: number;
  weights?: Partial<MatchWeights>;
}

/** `GET /api/admin/dispatch/settings`: the built-in defaults and the stored overrides (`*` = the city default). */
export interface DispatchSettingsList {
  defaults: DispatchSettings;
  items: { categoryCode: string; settings: Partial<DispatchSettings>; updatedAt: string }[];
}

/** Score 0–1 → `87%`. */
export function scoreText(score: number | undefined | null): string {
  return score === undefined || score === null ? '—' : `${Math.round(score * 100)}%`;
}
