/**
 * 上门报价: after a deposit quote, the worker proposes the final price on site; the customer
 * must accept it before work starts. This prices and validates such a proposal.
 */
import { validatePricingContext, validateServiceItem, MAX_CONFIG_FEN } from './config.js';
import { pricingError } from './errors.js';
import { formatFen, isFen, multiplyQuantity, sumFen, toMilli } from './money.js';
import { assembleQuote, referenceRangeFor } from './quote.js';
import { DEFAULT_TIME_ZONE, parseInstant, priceTimeSurcharges } from './surcharges.js';
import type { PricingError, Quote, QuoteContext, QuoteLine, QuoteResult, ServiceItem } from './types.js';

export const PROPOSAL_LINE_KINDS = ['labour', 'parts', 'material', 'other'] as const;
export type ProposalLineKind = (typeof PROPOSAL_LINE_KINDS)[number];

export interface OnSiteProposalLine {
  kind: ProposalLineKind;
  /** What it is, e.g. "更换压缩机电容"; 1..100 characters. */
  description: string;
  /** > 0, at most 3 decimals, at most 10000. */
  quantity: number;
  /** Integer fen, >= 0. */
  unitPriceFen: number;
}

export interface OnSiteProposal {
  lines: OnSiteProposalLine[];
  /** Required when the proposal subtotal is outside the reference range; flagged for review. */
  outOfRangeReason?: string;
}

export const MAX_PROPOSAL_LINES = 50;
const KIND_LABEL: Record<ProposalLineKind, { zh: string; en: string }> = {
  labour: { zh: '人工', en: 'labour' },
  parts: { zh: '配件', en: 'parts' },
  material: { zh: '材料', en: 'material' },
  other: { zh: '其他', en: 'other' },
};

/** Checks one proposal line (kind, description, quantity, unit price) and prices it as an ONSITE_ITEM line. */
export function validateLine(raw: unknown, field: string, errors: PricingError[]): QuoteLine | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    errors.push(pricingError(field, 'WRONG_TYPE', { expected: 'object' }));
    return null;
  }
  const l = raw as Record<string, unknown>;
  const before = errors.length;
  const kind = l.kind as ProposalLineKind;
  if (!PROPOSAL_LINE_KINDS.includes(kind)) {
    errors.push(pricingError(`${field}.kind`, 'INVALID_CHOICE', { value: typeof l.kind === 'string' ? l.kind : typeof l.kind }));
  }
  const description = typeof l.description === 'string' ? l.description.trim() : undefined;
  if (description === undefined) errors.push(pricingError(`${field}.description`, 'WRONG_TYPE', { expected: 'string' }));
  else if (description === '') errors.push(pricingError(`${field}.description`, 'REQUIRED'));
  else if ([...description].length > 100) errors.push(pricingError(`${field}.description`, 'TOO_LONG', { max: 100 }));
  const q = l.quantity;
  if (typeof q !== 'number' || !Number.isFinite(q)) {
    errors.push(pricingError(`${field}.quantity`, 'WRONG_TYPE', { expected: 'number' }));
  } else if (q <= 0 || q > 10_000) {
    errors.push(pricingError(`${field}.quantity`, 'OUT_OF_RANGE', { min: 0.001, max: 10_000 }));
  } else if (toMilli(q) === null) {
    errors.push(pricingError(`${field}.quantity`, 'INVALID_STEP', { step: 0.001 }));
  }
  const p = l.unitPriceFen;
  if (!isFen(p)) errors.push(pricingError(`${field}.unitPriceFen`, 'WRONG_TYPE', { expected: 'integer' }));
  else if (p < 0 || p > MAX_CONFIG_FEN) {
    errors.push(pricingError(`${field}.unitPriceFen`, 'OUT_OF_RANGE', { min: 0, max: MAX_CONFIG_FEN }));
  }
  if (errors.length > before) return null;
  const unitPriceFen = p as number;
  const quantity = q as number;
  return {
    code: 'ONSITE_ITEM',
    label: { zh: description!, en: description! },
    quantity,
    unitPriceFen,
    amountFen: multiplyQuantity(unitPriceFen, quantity),
    rule: {
      id: `onsite.${kind}`,
      description: { zh: `师傅上门报价（${KIND_LABEL[kind].zh}）`, en: `worker's on-site proposal (${KIND_LABEL[kind].en})` },
    },
  };
}

/**
 * Prices the worker's on-site proposal for a deposit quote produced by computeQuote.
 *
 * Lines: ONSITE_ITEM* → SURCHARGE_* (same time rules as at booking: evaluated for the booked
 * start, with urgency measured from when the deposit quote was made) → COUPON. The city
 * multiplier does not apply: the worker quotes the actual price, checked against the city's
 * reference range. Outside that range the proposal needs `outOfRangeReason`, which is kept as a
 * flag for review. The deposit already paid is reported in `settlement`, not as a line, so the
 * total stays the full price of the work. Verify the deposit quote's signature before calling.
 */
export function priceOnSiteProposal(
  item: ServiceItem,
  depositQuote: Quote,
  proposal: unknown,
  context: QuoteContext,
): QuoteResult {
  const configErrors = [...validateServiceItem(item), ...validatePricingContext(context)];
  if (configErrors.length > 0) return { ok: false, errors: configErrors };
  const errors: PricingError[] = [];
  if (item.model.kind !== 'on_site_quote' || depositQuote.kind !== 'deposit') {
    return { ok: false, errors: [pricingError('depositQuote', 'NOT_ALLOWED')] };
  }
  if (depositQuote.itemCode !== item.code) errors.push(pricingError('depositQuote.itemCode', 'ITEM_MISMATCH'));
  if (depositQuote.cityCode !== context.city.code) errors.push(pricingError('depositQuote.cityCode', 'ITEM_MISMATCH'));
  const now = parseInstant(context.now);
  const start = parseInstant(depositQuote.scheduledStart);
  const bookedAt = parseInstant(depositQuote.createdAt);
  if (!now) errors.push(pricingError('context.now', 'INVALID_DATE'));
  if (!start || !bookedAt) errors.push(pricingError('depositQuote.scheduledStart', 'INVALID_DATE'));

  if (typeof proposal !== 'object' || proposal === null || Array.isArray(proposal)) {
    errors.push(pricingError('proposal', 'WRONG_TYPE', { expected: 'object' }));
    return { ok: false, errors };
  }
  const prop = proposal as Record<string, unknown>;
  const lines: QuoteLine[] = [];
  if (!Array.isArray(prop.lines)) {
    errors.push(pricingError('proposal.lines', prop.lines === undefined ? 'REQUIRED' : 'WRONG_TYPE', { expected: 'array' }));
  } else if (prop.lines.length === 0) {
    errors.push(pricingError('proposal.lines', 'REQUIRED'));
  } else if (prop.lines.length > MAX_PROPOSAL_LINES) {
    errors.push(pricingError('proposal.lines', 'OUT_OF_RANGE', { min: 1, max: MAX_PROPOSAL_LINES }));
  } else {
    prop.lines.forEach((raw, i) => {
      const line = validateLine(raw, `proposal.lines.${i}`, errors);
      if (line) lines.push(line);
    });
  }
  let reason: string | undefined;
  if (prop.outOfRangeReason !== undefined && prop.outOfRangeReason !== null) {
    if (typeof prop.outOfRangeReason !== 'string') {
      errors.push(pricingError('proposal.outOfRangeReason', 'WRONG_TYPE', { expected: 'string' }));
    } else if ([...prop.outOfRangeReason.trim()].length > 200) {
      errors.push(pricingError('proposal.outOfRangeReason', 'TOO_LONG', { max: 200 }));
    } else reason = prop.outOfRangeReason.trim() || undefined;
  }
  for (const key of Object.keys(prop)) {
    if (key !== 'lines' && key !== 'outOfRangeReason') errors.push(pricingError(`proposal.${key}`, 'UNKNOWN_OPTION'));
  }
  if (errors.length > 0 || !now || !start || !bookedAt) return { ok: false, errors };

  const proposed = sumFen(lines.map((l) => l.amountFen));
  const range = referenceRangeFor(item, context.city);
  const outside = range !== undefined && (proposed < range.minFen || proposed > range.maxFen);
  if (outside && !reason) {
    const [min, max] = [formatFen(range.minFen), formatFen(range.maxFen)];
    return { ok: false, errors: [pricingError('proposal.lines', 'OUT_OF_REFERENCE_RANGE', { min, max })] };
  }
  const zone = context.city.timeZone ?? DEFAULT_TIME_ZONE;
  const all = [...lines, ...priceTimeSurcharges(context.timeRules ?? [], start, bookedAt, zone, proposed)];
  const quote = assembleQuote({
    kind: 'on_site_final',
    item,
    context,
    now,
    start,
    quantity: 1,
    options: depositQuote.options,
    lines: all,
    couponAllowed: true,
  });
  const deposit = depositQuote.totalFen;
  quote.settlement = {
    depositPaidFen: deposit,
    balanceDueFen: Math.max(0, quote.totalFen - deposit),
    refundDueFen: Math.max(0, deposit - quote.totalFen),
  };
  quote.requiresCustomerAcceptance = true;
  if (outside && reason) quote.flags = [{ code: 'OUT_OF_REFERENCE_RANGE', note: reason }];
  return { ok: true, quote };
}
