/** Coupon discounts: 满减 (spend threshold), 折扣 (percent off with cap), 新人券 (first order). */
import { singleLine } from './adjustment.js';
import { applyBasisPoints, formatBasisPoints, formatFen } from './money.js';
import type { Coupon, CouponOutcome, Fen, LocalizedText, QuoteLine } from './types.js';

/**
 * A coupon never brings the payable total below 1 fen: payment channels cannot collect ¥0,
 * and a free order would skip the payment step that confirms a booking.
 */
export const MIN_PAYABLE_FEN = 1;

export type CouponRejection =
  | 'NOT_YET_VALID'
  | 'EXPIRED'
  | 'ITEM_NOT_ELIGIBLE'
  | 'THRESHOLD_NOT_MET'
  | 'NOT_FIRST_ORDER'
  | 'NOTHING_TO_DISCOUNT'
  | 'NOT_APPLICABLE_TO_DEPOSIT';

export interface CouponInput {
  itemCode: string;
  /** Amount the coupon applies to (the quote subtotal). */
  subtotalFen: Fen;
  now: Date;
  isFirstOrder: boolean;
}

export type CouponEvaluation =
  | { applicable: true; discountFen: Fen }
  | { applicable: false; reason: CouponRejection };

/** The raw discount before the minimum-payable clamp (never negative). */
function rawDiscount(coupon: Coupon, subtotalFen: Fen): Fen {
  switch (coupon.kind) {
    case 'spend_threshold':
    case 'new_customer':
      return Math.max(0, coupon.offFen);
    case 'percent_off': {
      const d = Math.max(0, applyBasisPoints(subtotalFen, coupon.offBp));
      return coupon.capFen !== undefined ? Math.min(d, Math.max(0, coupon.capFen)) : d;
    }
  }
}

/**
 * Decides whether a coupon applies and how much it takes off. The discount is always
 * 0 < discount <= subtotal - {@link MIN_PAYABLE_FEN}, so it never increases the price and never
 * makes the total negative.
 */
export function evaluateCoupon(coupon: Coupon, input: CouponInput): CouponEvaluation {
  const t = input.now.getTime();
  if (coupon.validFrom !== undefined && t < new Date(coupon.validFrom).getTime()) {
    return { applicable: false, reason: 'NOT_YET_VALID' };
  }
  if (coupon.validUntil !== undefined && !(t < new Date(coupon.validUntil).getTime())) {
    return { applicable: false, reason: 'EXPIRED' };
  }
  if (coupon.itemCodes && !coupon.itemCodes.includes(input.itemCode)) {
    return { applicable: false, reason: 'ITEM_NOT_ELIGIBLE' };
  }
  if (coupon.kind === 'spend_threshold' && input.subtotalFen < coupon.thresholdFen) {
    return { applicable: false, reason: 'THRESHOLD_NOT_MET' };
  }
  if (coupon.kind === 'percent_off' && input.subtotalFen < (coupon.minSpendFen ?? 0)) {
    return { applicable: false, reason: 'THRESHOLD_NOT_MET' };
  }
  if (coupon.kind === 'new_customer' && !input.isFirstOrder) {
    return { applicable: false, reason: 'NOT_FIRST_ORDER' };
  }
  const limit = input.subtotalFen - MIN_PAYABLE_FEN;
  const discountFen = Math.min(rawDiscount(coupon, input.subtotalFen), limit);
  if (discountFen <= 0) return { applicable: false, reason: 'NOTHING_TO_DISCOUNT' };
  return { applicable: true, discountFen };
}

/** Human description of a coupon's rule. */
export function describeCoupon(coupon: Coupon): LocalizedText {
  switch (coupon.kind) {
    case 'spend_threshold': {
      const [x, y] = [formatFen(coupon.thresholdFen), formatFen(coupon.offFen)];
      return { zh: `满 ${x} 减 ${y}`, en: `${y} off orders of ${x} or more` };
    }
    case 'percent_off': {
      const p = formatBasisPoints(coupon.offBp);
      const cap = coupon.capFen !== undefined ? formatFen(coupon.capFen) : undefined;
      return {
        zh: `优惠 ${p}${cap ? `，最多减 ${cap}` : ''}`,
        en: `${p} off${cap ? `, at most ${cap}` : ''}`,
      };
    }
    case 'new_customer': {
      const y = formatFen(coupon.offFen);
      return { zh: `新人首单减 ${y}`, en: `${y} off the first order` };
    }
  }
}

/**
 * Applies an optional coupon to a subtotal: returns the COUPON line (negative amount) when it
 * applies, and the outcome to record on the quote.
 */
export function applyCoupon(
  coupon: Coupon | undefined,
  input: CouponInput,
): { line?: QuoteLine; outcome?: CouponOutcome } {
  if (!coupon) return {};
  const result = evaluateCoupon(coupon, input);
  if (!result.applicable) {
    return { outcome: { id: coupon.id, code: coupon.code, applied: false, reason: result.reason } };
  }
  return {
    line: singleLine('COUPON', coupon.label, -result.discountFen, `coupon.${coupon.id}`, describeCoupon(coupon)),
    outcome: { id: coupon.id, code: coupon.code, applied: true },
  };
}
