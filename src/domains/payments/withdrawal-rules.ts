/**
 * Withdrawal (提现) rules: may a worker withdraw this amount now, and what does it cost. Pure: the
 * caller passes the available balance and what was already withdrawn "today" (a calendar day in
 * the city's time zone, counted over requested gross amounts of withdrawals not rejected).
 */
import { applyBasisPoints, BP_ONE, formatFen } from '../catalog/index.js';

export interface WithdrawalRules {
  /** Fee in basis points of the amount: 100 = 1 %. */
  feeBp: number;
  /** The fee is at least this much. */
  minFeeFen: number;
  /** Smallest amount per withdrawal. */
  minAmountFen: number;
  /** Largest total of one day's withdrawals, this one included. */
  dailyLimitFen: number;
  /** Manual review once the day's total, this one included, exceeds this amount. */
  reviewAboveFen: number;
}

/** 1 % fee (at least ¥1.00), at least ¥10.00 per withdrawal, ¥20 000 a day, review above ¥5 000 a day. */
export const DEFAULT_WITHDRAWAL_RULES: WithdrawalRules = {
  feeBp: 100,
  minFeeFen: 100,
  minAmountFen: 1000,
  dailyLimitFen: 2_000_000,
  reviewAboveFen: 500_000,
};

export type WithdrawalErrorCode = 'BELOW_MINIMUM' | 'ABOVE_AVAILABLE' | 'DAILY_LIMIT' | 'INVALID_AMOUNT';

export interface WithdrawalInput {
  amountFen: number;
  availableFen: number;
  withdrawnTodayFen: number;
  rules?: WithdrawalRules;
}

/**
 * `ok`: the worker's available balance falls by `amountFen`, `netFen` is paid out and `feeFen`
 * goes to platform_fees (`feeFen + netFen = amountFen`, `netFen > 0`).
 */
export type WithdrawalQuote =
  | { ok: true; feeFen: number; netFen: number; needsReview: boolean }
  | { ok: false; code: WithdrawalErrorCode; message: { zh: string; en: string } };

const isAmount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/**
 * Throws RangeError for an unusable configuration: amounts not integers ≥ 0, feeBp outside
 * 0..9999, a minimum fee not below the minimum amount, or a daily limit below the minimum amount.
 */
export function validateWithdrawalRules(rules: WithdrawalRules): void {
  const { feeBp, minFeeFen, minAmountFen, dailyLimitFen, reviewAboveFen } = rules;
  if (![minFeeFen, minAmountFen, dailyLimitFen, reviewAboveFen].every(isAmount)) throw new RangeError('withdrawal amounts must be integers ≥ 0');
  if (!Number.isInteger(feeBp) || feeBp < 0 || feeBp >= BP_ONE) throw new RangeError('feeBp must be an integer in 0..9999');
  if (minAmountFen < 1 || minFeeFen >= minAmountFen) throw new RangeError('minAmountFen must be ≥ 1 and above minFeeFen');
  if (dailyLimitFen < minAmountFen) throw new RangeError('dailyLimitFen must be at least minAmountFen');
}

/** The fee for an amount: `max(minFeeFen, amount × feeBp)` rounded half away from zero. */
export function withdrawalFee(amountFen: number, rules: WithdrawalRules = DEFAULT_WITHDRAWAL_RULES): number {
  return Math.max(rules.minFeeFen, applyBasisPoints(amountFen, rules.feeBp));
}

const fail = (code: WithdrawalErrorCode, zh: string, en: string): WithdrawalQuote => ({ ok: false, code, message: { zh, en } });

/**
 * Checks, in this order: the amount is a positive integer of fen (`INVALID_AMOUNT`), at least the
 * minimum (`BELOW_MINIMUM`), at most the available balance (`ABOVE_AVAILABLE`), within the daily
 * limit (`DAILY_LIMIT`), and leaves something after the fee (`INVALID_AMOUNT`). Review is needed
 * when the day's total including this withdrawal exceeds `reviewAboveFen`, so splitting a large
 * amount does not avoid it. Throws RangeError for negative/fractional balances or invalid rules.
 */
export function withdrawalQuote(input: WithdrawalInput): WithdrawalQuote {
  const { amountFen, availableFen, withdrawnTodayFen, rules = DEFAULT_WITHDRAWAL_RULES } = input;
  validateWithdrawalRules(rules);
  if (!isAmount(availableFen) || !isAmount(withdrawnTodayFen)) throw new RangeError('availableFen and withdrawnTodayFen must be integers ≥ 0');

  if (!isAmount(amountFen) || amountFen === 0) return fail('INVALID_AMOUNT', '提现金额须为大于 0 的整数分', 'The amount must be a positive whole number of fen');
  if (amountFen < rules.minAmountFen) {
    const min = formatFen(rules.minAmountFen);
    return fail('BELOW_MINIMUM', `单笔提现金额不能低于 ${min}`, `The minimum withdrawal is ${min}`);
  }
  if (amountFen > availableFen) {
    const avail = formatFen(availableFen);
    return fail('ABOVE_AVAILABLE', `可提现余额不足，当前可提现 ${avail}`, `Not enough available balance: ${avail} can be withdrawn`);
  }
  if (withdrawnTodayFen + amountFen > rules.dailyLimitFen) {
    const limit = formatFen(rules.dailyLimitFen);
    const left = formatFen(Math.max(0, rules.dailyLimitFen - withdrawnTodayFen));
    return fail('DAILY_LIMIT', `超出每日提现限额 ${limit}，今日还可提现 ${left}`, `Over the daily limit of ${limit}; ${left} can still be withdrawn today`);
  }
  const feeFen = withdrawalFee(amountFen, rules);
  if (feeFen >= amountFen) return fail('INVALID_AMOUNT', '提现金额不足以支付手续费', 'The amount does not cover the fee');
  return { ok: true, feeFen, netFen: amountFen - feeFen, needsReview: withdrawnTodayFen + amountFen > rules.reviewAboveFen };
}
