/** Cancellation money: how a paid price splits into refund, worker compensation and platform fee. */
import { applyBasisPoints, BP_ONE } from '../catalog/index.js';
import type { OrderState } from './order-states.js';

export interface CancellationTier {
  /** The fee applies when strictly less than this many hours remain before the start (or the start passed). */
  withinHours: number;
  /** Fee as basis points of the price (2000 = 20 %). */
  feeBp: number;
}

export interface CancellationPolicy {
  /** Free while at least this many hours remain before the start. */
  freeUntilHoursBefore: number;
  /** The tier with the smallest `withinHours` that still matches wins. */
  tiers: readonly CancellationTier[];
  /** Part of the fee that compensates the assigned worker, in basis points; the rest is the platform's. */
  workerShareBp: number;
  /** Charge the fee when no worker is assigned yet (state `paid`); default true. */
  chargeWhenUnassigned?: boolean;
}

export const DEFAULT_CANCELLATION_POLICY: CancellationPolicy = {
  freeUntilHoursBefore: 24,
  tiers: [
    { withinHours: 24, feeBp: 2000 },
    { withinHours: 2, feeBp: 5000 },
  ],
  workerShareBp: 7000,
  chargeWhenUnassigned: true,
};

/** Who caused the cancellation: only the customer pays a fee. */
export type CancelCause = 'customer' | 'worker_no_show' | 'platform';

export interface CancellationInput {
  state: OrderState;
  scheduledStart: Date | string;
  now: Date | string;
  /** The price paid (for `created`: the price that will not be charged). */
  priceFen: number;
  policy?: CancellationPolicy;
  cause?: CancelCause;
}

/** Integer fen; always `refundFen + feeFen = priceFen` and `workerCompensationFen + platformFen = feeFen`, all ≥ 0. */
export interface CancellationSplit {
  feeFen: number;
  workerCompensationFen: number;
  platformFen: number;
  refundFen: number;
}

const CANCELLABLE: readonly OrderState[] = ['created', 'paid', 'assigned', 'on_the_way'];
const HOUR_MS = 3_600_000;

const isBp = (v: number) => Number.isInteger(v) && v >= 0 && v <= BP_ONE;
const isHours = (v: number) => Number.isFinite(v) && v >= 0;

/** Throws RangeError when the policy is unusable (configuration error, not user input). */
export function validateCancellationPolicy(policy: CancellationPolicy): void {
  if (!isHours(policy.freeUntilHoursBefore)) throw new RangeError('freeUntilHoursBefore must be ≥ 0');
  if (!isBp(policy.workerShareBp)) throw new RangeError('workerShareBp must be an integer in 0..10000');
  for (const t of policy.tiers) {
    if (!isHours(t.withinHours) || !isBp(t.feeBp)) throw new RangeError('each tier needs withinHours ≥ 0 and feeBp in 0..10000');
  }
}

/**
 * Splits the price of an order cancelled in `state` at `now`.
 * Free from `created` (nothing was captured), while `freeUntilHoursBefore` or more remain, and when the
 * cause is not the customer (worker no-show, platform: full refund; the no-show penalty is a separate
 * ledger effect). Otherwise the matching tier's fee; the worker's share only once a worker is assigned.
 * Throws RangeError for a non-cancellable state, a bad price, bad instants or an invalid policy.
 */
export function cancellationFee(input: CancellationInput): CancellationSplit {
  const { state, priceFen, cause = 'customer', policy = DEFAULT_CANCELLATION_POLICY } = input;
  if (!CANCELLABLE.includes(state)) throw new RangeError(`an order in state ${state} cannot be cancelled`);
  if (!Number.isSafeInteger(priceFen) || priceFen < 0) throw new RangeError('priceFen must be a non-negative integer');
  validateCancellationPolicy(policy);
  const startMs = new Date(input.scheduledStart).getTime();
  const nowMs = new Date(input.now).getTime();
  if (Number.isNaN(startMs) || Number.isNaN(nowMs)) throw new RangeError('scheduledStart and now must be valid instants');

  const free = { feeFen: 0, workerCompensationFen: 0, platformFen: 0, refundFen: priceFen };
  const workerAssigned = state === 'assigned' || state === 'on_the_way';
  if (cause !== 'customer' || state === 'created') return free;
  if (!workerAssigned && policy.chargeWhenUnassigned === false) return free;

  const leftMs = startMs - nowMs;
  if (leftMs >= policy.freeUntilHoursBefore * HOUR_MS) return free;
  const tier = [...policy.tiers].sort((a, b) => a.withinHours - b.withinHours).find((t) => leftMs < t.withinHours * HOUR_MS);
  if (!tier) return free;

  const feeFen = applyBasisPoints(priceFen, tier.feeBp);
  const workerCompensationFen = workerAssigned ? applyBasisPoints(feeFen, policy.workerShareBp) : 0;
  return { feeFen, workerCompensationFen, platformFen: feeFen - workerCompensationFen, refundFen: priceFen - feeFen };
}
