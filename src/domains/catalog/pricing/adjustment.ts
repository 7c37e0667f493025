/** Shared helpers for {@link Adjustment}s and quote lines. */
import { applyBasisPoints, formatBasisPoints, formatFen } from './money.js';
import type { Adjustment, Fen, LineCode, LocalizedText, QuoteLine } from './types.js';

/** Amount of an adjustment: the fixed fen, or `bp` of `baseFen` rounded half away from zero. */
export function adjustmentAmount(adjustment: Adjustment, baseFen: Fen): Fen {
  return adjustment.type === 'fixed' ? adjustment.fen : applyBasisPoints(baseFen, adjustment.bp);
}

/** Human description of an adjustment, e.g. {zh: "+30%（基于基础服务费）", en: "+30% of base price"}. */
export function describeAdjustment(adjustment: Adjustment, base: LocalizedText): LocalizedText {
  if (adjustment.type === 'fixed') {
    const s = `${adjustment.fen >= 0 ? '+' : ''}${formatFen(adjustment.fen)}`;
    return { zh: `固定 ${s}`, en: `fixed ${s}` };
  }
  const p = `${adjustment.bp >= 0 ? '+' : ''}${formatBasisPoints(adjustment.bp)}`;
  return { zh: `${base.zh}的 ${p}`, en: `${p} of ${base.en}` };
}

/** Builds a line whose quantity is 1 (unit price = amount). */
export function singleLine(
  code: LineCode,
  label: LocalizedText,
  amountFen: Fen,
  ruleId: string,
  description: LocalizedText,
): QuoteLine {
  return { code, label, quantity: 1, unitPriceFen: amountFen, amountFen, rule: { id: ruleId, description } };
}

export const BASE_LABEL: LocalizedText = { zh: '基础服务费', en: 'base price' };
export const SUBTOTAL_LABEL: LocalizedText = { zh: '服务小计', en: 'service subtotal' };

/** Joins two labels: {zh: "a：b", en: "a: b"}. */
export function joinLabels(a: LocalizedText, b: LocalizedText): LocalizedText {
  return { zh: `${a.zh}：${b.zh}`, en: `${a.en}: ${b.en}` };
}
