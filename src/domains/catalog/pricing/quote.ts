/** The quote engine: validated request in, itemised integer-fen quote out. */
import { BASE_LABEL, singleLine } from './adjustment.js';
import { validatePricingContext, validateServiceItem } from './config.js';
import { applyCoupon } from './coupon.js';
import { pricingError } from './errors.js';
import { applyBasisPoints, BP_ONE, formatBasisPoints, formatFen, multiplyQuantity, sumFen, toMilli } from './money.js';
import { priceOptions, validateOptions } from './options.js';
import { DEFAULT_TIME_ZONE, parseInstant, priceTimeSurcharges } from './surcharges.js';
import type {
  CityPricing,
  Fen,
  LocalizedText,
  PricingError,
  PricingModel,
  Quote,
  QuoteContext,
  QuoteKind,
  QuoteLine,
  QuoteResult,
  ReferenceRange,
  ServiceItem,
} from './types.js';

export const DEFAULT_VALIDITY_MINUTES = 30;

const UNIT: Record<string, LocalizedText> = {
  sqm: { zh: '平方米', en: 'm²' },
  item: { zh: '件', en: 'item' },
  appliance: { zh: '台', en: 'appliance' },
  bed: { zh: '张', en: 'bed' },
  room: { zh: '间', en: 'room' },
  window: { zh: '扇', en: 'window' },
};

/** The model's base unit price in this city: the city override if any, else the catalogue price. */
export function baseUnitPrice(item: ServiceItem, city: CityPricing): { fen: Fen; overridden: boolean } {
  const override = city.basePriceOverrides?.[item.code];
  if (override !== undefined) return { fen: override, overridden: true };
  const m = item.model;
  switch (m.kind) {
    case 'fixed':
    case 'package':
      return { fen: m.priceFen, overridden: false };
    case 'hourly':
      return { fen: m.pricePerHourFen, overridden: false };
    case 'per_unit':
      return { fen: m.unitPriceFen, overridden: false };
    case 'on_site_quote':
      return { fen: m.depositFen, overridden: false };
  }
}

/** The 参考价格范围 shown for the item in this city (city override first). */
export function referenceRangeFor(item: ServiceItem, city: CityPricing): ReferenceRange | undefined {
  return city.referenceRanges?.[item.code] ?? item.referenceRange;
}

interface QuantityRule {
  min: number;
  max: number;
  step: number;
  defaultValue?: number;
}

function quantityRule(model: PricingModel): QuantityRule {
  switch (model.kind) {
    case 'fixed':
    case 'package':
      return { min: 1, max: model.maxQuantity ?? 1, step: 1, defaultValue: 1 };
    case 'hourly':
      return { min: model.minHours, max: model.maxHours ?? 12, step: model.stepHours ?? 1, defaultValue: model.minHours };
    case 'per_unit':
      return { min: model.minQuantity, max: model.maxQuantity, step: model.step ?? 1 };
    case 'on_site_quote':
      return { min: 1, max: 1, step: 1, defaultValue: 1 };
  }
}

/** Validates the requested quantity (hours / units / count) against the pricing model. */
export function resolveQuantity(model: PricingModel, raw: unknown): { quantity: number } | { error: PricingError } {
  const rule = quantityRule(model);
  if (raw === undefined || raw === null) {
    return rule.defaultValue !== undefined
      ? { quantity: rule.defaultValue }
      : { error: pricingError('quantity', 'REQUIRED') };
  }
  if (typeof raw !== 'number' || !Number.isFinite(raw)) {
    return { error: pricingError('quantity', 'WRONG_TYPE', { expected: 'number' }) };
  }
  if (model.kind === 'on_site_quote' && raw !== 1) return { error: pricingError('quantity', 'NOT_ALLOWED') };
  if (raw < rule.min || raw > rule.max) {
    return { error: pricingError('quantity', 'OUT_OF_RANGE', { min: rule.min, max: rule.max }) };
  }
  const milli = toMilli(raw);
  const stepMilli = toMilli(rule.step) ?? 1000;
  if (milli === null || milli % stepMilli !== 0) {
    return { error: pricingError('quantity', 'INVALID_STEP', { step: rule.step }) };
  }
  return { quantity: raw };
}

function baseLine(item: ServiceItem, city: CityPricing, quantity: number): QuoteLine {
  const { fen, overridden } = baseUnitPrice(item, city);
  const m = item.model;
  const price = formatFen(fen);
  let description: LocalizedText;
  switch (m.kind) {
    case 'fixed':
      description = { zh: `一口价 ${price}`, en: `fixed price ${price}` };
      break;
    case 'hourly': {
      const step = m.stepHours ?? 1;
      description = {
        zh: `${price}/小时，最少 ${m.minHours} 小时，按 ${step} 小时计`,
        en: `${price} per hour, minimum ${m.minHours} h, in steps of ${step} h`,
      };
      break;
    }
    case 'per_unit': {
      const u = UNIT[m.unit] ?? { zh: m.unit, en: m.unit };
      description = {
        zh: `${price}/${u.zh}，${m.minQuantity}–${m.maxQuantity} ${u.zh}`,
        en: `${price} per ${u.en}, ${m.minQuantity}–${m.maxQuantity} ${u.en}`,
      };
      break;
    }
    case 'package':
      description = {
        zh: `套餐 ${price}：${m.visits} 次服务，${m.validDays} 天内有效`,
        en: `package ${price}: ${m.visits} visits within ${m.validDays} days`,
      };
      break;
    case 'on_site_quote':
      description = {
        zh: `上门报价订金 ${price}，师傅上门后报价，经您确认后施工`,
        en: `on-site quote deposit ${price}; the worker proposes the price on site for your approval`,
      };
      break;
  }
  if (overridden) description = { zh: `${description.zh}（${city.code} 城市价）`, en: `${description.en} (${city.code} city price)` };
  const code = m.kind === 'on_site_quote' ? 'DEPOSIT' : 'BASE';
  return {
    code,
    label: m.kind === 'on_site_quote' ? { zh: `${item.name.zh}（订金）`, en: `${item.name.en} (deposit)` } : item.name,
    quantity,
    unitPriceFen: fen,
    amountFen: multiplyQuantity(fen, quantity),
    rule: { id: overridden ? `city.${city.code}.base.${item.code}` : `base.${m.kind}`, description },
  };
}

/** Parts common to every quote kind, assembled by {@link assembleQuote}. */
export interface QuoteParts {
  kind: QuoteKind;
  item: ServiceItem;
  context: QuoteContext;
  now: Date;
  start: Date;
  quantity: number;
  options: Quote['options'];
  /** All lines except the coupon. */
  lines: QuoteLine[];
  /** Whether the context coupon may apply (not to deposits). */
  couponAllowed: boolean;
  /** Latest possible expiry (the visit start for pre-booking quotes). */
  notAfter?: Date;
}

/** Adds the coupon line, totals and expiry. Totals are plain sums of the lines. */
export function assembleQuote(p: QuoteParts): Quote {
  const subtotalFen = sumFen(p.lines.map((l) => l.amountFen));
  const lines = [...p.lines];
  let coupon: Quote['coupon'];
  if (p.context.coupon) {
    if (!p.couponAllowed) {
      coupon = { id: p.context.coupon.id, code: p.context.coupon.code, applied: false, reason: 'NOT_APPLICABLE_TO_DEPOSIT' };
    } else {
      const applied = applyCoupon(p.context.coupon, {
        itemCode: p.item.code,
        subtotalFen,
        now: p.now,
        isFirstOrder: p.context.customer?.isFirstOrder ?? false,
      });
      if (applied.line) lines.push(applied.line);
      coupon = applied.outcome;
    }
  }
  const totalFen = sumFen(lines.map((l) => l.amountFen));
  const validity = (p.context.validityMinutes ?? DEFAULT_VALIDITY_MINUTES) * 60_000;
  const expires = Math.min(p.now.getTime() + validity, p.notAfter?.getTime() ?? Infinity);
  const quote: Quote = {
    version: 1,
    kind: p.kind,
    currency: 'CNY',
    itemCode: p.item.code,
    cityCode: p.context.city.code,
    model: p.item.model.kind,
    quantity: p.quantity,
    options: p.options,
    scheduledStart: p.start.toISOString(),
    createdAt: p.now.toISOString(),
    expiresAt: new Date(expires).toISOString(),
    lines,
    subtotalFen,
    discountFen: subtotalFen - totalFen,
    totalFen,
  };
  if (coupon) quote.coupon = coupon;
  const range = referenceRangeFor(p.item, p.context.city);
  if (range) quote.referenceRange = range;
  if (p.item.model.kind === 'package') {
    quote.package = { visits: p.item.model.visits, validDays: p.item.model.validDays };
  }
  return quote;
}

/** Checks `now` and `start`, returning parsed instants or errors. */
export function resolveTimes(
  nowRaw: unknown,
  startRaw: unknown,
  errors: PricingError[],
): { now: Date; start: Date } | null {
  const now = parseInstant(nowRaw);
  const start = parseInstant(startRaw);
  if (!now) errors.push(pricingError('context.now', 'INVALID_DATE'));
  if (startRaw === undefined || startRaw === null) errors.push(pricingError('scheduledStart', 'REQUIRED'));
  else if (!start) errors.push(pricingError('scheduledStart', 'INVALID_DATE'));
  else if (now && start.getTime() <= now.getTime()) errors.push(pricingError('scheduledStart', 'START_IN_PAST'));
  return now && start ? { now, start } : null;
}

/**
 * Prices a customer's request for a catalogue item.
 *
 * Lines, in order: BASE (or DEPOSIT for on-site quotes) → OPTION* → CITY_ADJUSTMENT →
 * SURCHARGE_* → COUPON. Option percentages apply to BASE; the city multiplier to BASE + options
 * (not when the city overrides the base price); time-rule percentages to BASE + options + city.
 * A deposit quote (on_site_quote) contains the DEPOSIT line only; options are validated and
 * recorded for the worker, coupons and surcharges apply to the on-site final price instead.
 *
 * Never throws on bad input: returns `{ok:false, errors}` with field-level errors.
 */
export function computeQuote(item: ServiceItem, request: unknown, context: QuoteContext): QuoteResult {
  const configErrors = [...validateServiceItem(item), ...validatePricingContext(context)];
  if (configErrors.length > 0) return { ok: false, errors: configErrors };
  if (typeof request !== 'object' || request === null || Array.isArray(request)) {
    return { ok: false, errors: [pricingError('request', 'WRONG_TYPE', { expected: 'object' })] };
  }
  const req = request as Record<string, unknown>;
  const errors: PricingError[] = [];
  if (req.itemCode !== item.code) errors.push(pricingError('itemCode', 'ITEM_MISMATCH'));
  const q = resolveQuantity(item.model, req.quantity);
  if ('error' in q) errors.push(q.error);
  const opts = validateOptions(item.options ?? [], req.options);
  if (!opts.ok) errors.push(...opts.errors);
  const times = resolveTimes(context.now, req.scheduledStart, errors);
  if (errors.length > 0 || !times || 'error' in q || !opts.ok) return { ok: false, errors };

  const city = context.city;
  const base = baseLine(item, city, q.quantity);
  const lines: QuoteLine[] = [base];
  const isDeposit = item.model.kind === 'on_site_quote';
  if (!isDeposit) {
    lines.push(...priceOptions(item.options ?? [], opts.values, base.amountFen));
    const multiplier = city.multiplierBp ?? BP_ONE;
    const overridden = baseUnitPrice(item, city).overridden;
    if (multiplier !== BP_ONE && !overridden) {
      const delta = multiplier - BP_ONE;
      const amount = applyBasisPoints(sumFen(lines.map((l) => l.amountFen)), delta);
      if (amount !== 0) {
        const p = `${delta > 0 ? '+' : ''}${formatBasisPoints(delta)}`;
        lines.push(
          singleLine('CITY_ADJUSTMENT', { zh: '城市价格调整', en: 'City price adjustment' }, amount, `city.${city.code}.multiplier`, {
            zh: `${city.code} 城市系数 ${multiplier}bp（${p}），基于${BASE_LABEL.zh}与选项`,
            en: `${city.code} city multiplier ${multiplier} bp (${p}) of base price and options`,
          }),
        );
      }
    }
    const subtotal = sumFen(lines.map((l) => l.amountFen));
    lines.push(
      ...priceTimeSurcharges(context.timeRules ?? [], times.start, times.now, city.timeZone ?? DEFAULT_TIME_ZONE, subtotal),
    );
  }
  const quote = assembleQuote({
    kind: isDeposit ? 'deposit' : 'standard',
    item,
    context,
    now: times.now,
    start: times.start,
    quantity: q.quantity,
    options: opts.values,
    lines,
    couponAllowed: !isDeposit,
    notAfter: times.start,
  });
  return { ok: true, quote };
}
