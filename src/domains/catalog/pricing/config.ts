/**
 * Validation of pricing configuration (catalogue items, city settings, time rules, coupons), so
 * the admin console can reject a bad configuration and the engine never prices with one.
 * Surcharges must be non-negative: a cheaper variant (e.g. customer's own supplies) is modelled as
 * the default choice and the dearer one as a surcharge, which keeps totals monotone and >= 0.
 */
import { pricingError } from './errors.js';
import { isFen, toMilli } from './money.js';
import { parseClock } from './surcharges.js';
import type { Adjustment, Coupon, OptionDefinition, PricingError, QuoteContext, ServiceItem, TimeRule } from './types.js';

/** Upper bound for any configured amount: ¥10,000,000 (keeps every product exact). */
export const MAX_CONFIG_FEN = 1_000_000_000;

type Push = (field: string, problem: string) => void;

function money(push: Push, field: string, v: unknown): void {
  if (!isFen(v) || v < 0 || v > MAX_CONFIG_FEN) push(field, 'must be an integer fen amount 0..1e9');
}

function positiveQuantity(push: Push, field: string, v: unknown): void {
  if (typeof v !== 'number' || !(v > 0) || toMilli(v) === null || v > 1_000_000) {
    push(field, 'must be a positive quantity with at most 3 decimals');
  }
}

function adjustment(push: Push, field: string, a: Adjustment | undefined): void {
  if (a === undefined) return;
  if (a.type === 'fixed') money(push, `${field}.fen`, a.fen);
  else if (!Number.isInteger(a.bp) || a.bp < 0 || a.bp > 100_000) push(`${field}.bp`, 'must be 0..100000 bp');
}

function option(push: Push, field: string, def: OptionDefinition): void {
  if (!/^[A-Za-z][A-Za-z0-9_]{0,39}$/.test(def.key)) push(`${field}.key`, 'must be an identifier');
  if (def.kind === 'select' || def.kind === 'multi_select') {
    if (def.choices.length === 0) push(`${field}.choices`, 'must not be empty');
    const values = def.choices.map((c) => c.value);
    if (new Set(values).size !== values.length) push(`${field}.choices`, 'values must be unique');
    def.choices.forEach((c, i) => adjustment(push, `${field}.choices.${i}.surcharge`, c.surcharge));
    if (def.kind === 'select' && def.defaultValue !== undefined && !values.includes(def.defaultValue)) {
      push(`${field}.defaultValue`, 'must be one of the choices');
    }
    if (def.kind === 'multi_select') {
      const min = def.minSelected ?? 0;
      const max = def.maxSelected ?? def.choices.length;
      if (!Number.isInteger(min) || !Number.isInteger(max) || min < 0 || max < min || max > def.choices.length) {
        push(`${field}.maxSelected`, 'invalid min/max selected');
      }
    }
  } else if (def.kind === 'boolean') {
    adjustment(push, `${field}.surcharge`, def.surcharge);
  } else if (def.kind === 'integer') {
    if (!Number.isSafeInteger(def.min) || !Number.isSafeInteger(def.max) || def.min < 0 || def.max < def.min) {
      push(`${field}.max`, 'min/max must be integers with 0 <= min <= max');
    }
    if (def.max > 10_000) push(`${field}.max`, 'must be at most 10000');
    if (def.perUnitFen !== undefined) money(push, `${field}.perUnitFen`, def.perUnitFen);
    if (def.includedUnits !== undefined && (!Number.isInteger(def.includedUnits) || def.includedUnits < 0)) {
      push(`${field}.includedUnits`, 'must be a non-negative integer');
    }
    if (def.defaultValue !== undefined && !(def.defaultValue >= def.min && def.defaultValue <= def.max)) {
      push(`${field}.defaultValue`, 'must be within min/max');
    }
  } else if (!Number.isInteger(def.maxLength) || def.maxLength < 1 || def.maxLength > 2000) {
    push(`${field}.maxLength`, 'must be 1..2000');
  }
}

/** Configuration problems of a catalogue item (empty when valid). Never throws on well-typed input. */
export function validateServiceItem(item: ServiceItem): PricingError[] {
  const errors: PricingError[] = [];
  const push: Push = (field, problem) => errors.push(pricingError(field, 'INVALID_CONFIG', { value: problem }));
  if (!item.code) push('item.code', 'must not be empty');
  const m = item.model;
  switch (m.kind) {
    case 'fixed':
      money(push, 'item.model.priceFen', m.priceFen);
      if (m.maxQuantity !== undefined && !(Number.isInteger(m.maxQuantity) && m.maxQuantity >= 1)) {
        push('item.model.maxQuantity', 'must be an integer >= 1');
      }
      break;
    case 'hourly':
      money(push, 'item.model.pricePerHourFen', m.pricePerHourFen);
      positiveQuantity(push, 'item.model.minHours', m.minHours);
      positiveQuantity(push, 'item.model.stepHours', m.stepHours ?? 1);
      positiveQuantity(push, 'item.model.maxHours', m.maxHours ?? 12);
      if ((m.maxHours ?? 12) < m.minHours) push('item.model.maxHours', 'must be >= minHours');
      break;
    case 'per_unit':
      money(push, 'item.model.unitPriceFen', m.unitPriceFen);
      positiveQuantity(push, 'item.model.minQuantity', m.minQuantity);
      positiveQuantity(push, 'item.model.maxQuantity', m.maxQuantity);
      positiveQuantity(push, 'item.model.step', m.step ?? 1);
      if (m.maxQuantity < m.minQuantity) push('item.model.maxQuantity', 'must be >= minQuantity');
      break;
    case 'package':
      money(push, 'item.model.priceFen', m.priceFen);
      if (!Number.isInteger(m.visits) || m.visits < 1) push('item.model.visits', 'must be an integer >= 1');
      if (!Number.isInteger(m.validDays) || m.validDays < 1) push('item.model.validDays', 'must be an integer >= 1');
      if (m.maxQuantity !== undefined && !(Number.isInteger(m.maxQuantity) && m.maxQuantity >= 1)) {
        push('item.model.maxQuantity', 'must be an integer >= 1');
      }
      break;
    case 'on_site_quote':
      money(push, 'item.model.depositFen', m.depositFen);
      break;
  }
  const options = item.options ?? [];
  const keys = options.map((o) => o.key);
  if (new Set(keys).size !== keys.length) push('item.options', 'keys must be unique');
  options.forEach((o, i) => option(push, `item.options.${i}`, o));
  if (item.referenceRange) range(push, 'item.referenceRange', item.referenceRange);
  return errors;
}

function range(push: Push, field: string, r: { minFen: number; maxFen: number }): void {
  money(push, `${field}.minFen`, r.minFen);
  money(push, `${field}.maxFen`, r.maxFen);
  if (r.maxFen < r.minFen) push(`${field}.maxFen`, 'must be >= minFen');
}

function timeRule(push: Push, field: string, r: TimeRule): void {
  adjustment(push, `${field}.adjustment`, r.adjustment);
  if (r.kind === 'night' && (parseClock(r.from) === null || parseClock(r.until) === null)) {
    push(field, 'from/until must be HH:mm');
  }
  if (r.kind === 'weekend' && !(r.days ?? []).every((d) => Number.isInteger(d) && d >= 0 && d <= 6)) {
    push(`${field}.days`, 'must be 0..6');
  }
  if (r.kind === 'urgent' && !(r.withinHours > 0)) push(`${field}.withinHours`, 'must be > 0');
  if (r.kind === 'holiday' && !r.dates.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))) {
    push(`${field}.dates`, 'must be YYYY-MM-DD');
  }
}

function coupon(push: Push, field: string, c: Coupon): void {
  if (c.kind === 'percent_off') {
    if (!Number.isInteger(c.offBp) || c.offBp < 0 || c.offBp > 10_000) push(`${field}.offBp`, 'must be 0..10000');
    if (c.capFen !== undefined) money(push, `${field}.capFen`, c.capFen);
    if (c.minSpendFen !== undefined) money(push, `${field}.minSpendFen`, c.minSpendFen);
  } else {
    money(push, `${field}.offFen`, c.offFen);
    if (c.kind === 'spend_threshold') money(push, `${field}.thresholdFen`, c.thresholdFen);
  }
}

/** Configuration problems of a pricing context (city, time rules, coupon); empty when valid. */
export function validatePricingContext(context: QuoteContext): PricingError[] {
  const errors: PricingError[] = [];
  const push: Push = (field, problem) => errors.push(pricingError(field, 'INVALID_CONFIG', { value: problem }));
  const city = context.city;
  if (!city?.code) push('context.city.code', 'must not be empty');
  const mult = city?.multiplierBp;
  if (mult !== undefined && !(Number.isInteger(mult) && mult >= 1 && mult <= 100_000)) {
    push('context.city.multiplierBp', 'must be an integer 1..100000');
  }
  for (const [code, fen] of Object.entries(city?.basePriceOverrides ?? {})) {
    money(push, `context.city.basePriceOverrides.${code}`, fen);
  }
  for (const [code, r] of Object.entries(city?.referenceRanges ?? {})) {
    range(push, `context.city.referenceRanges.${code}`, r);
  }
  (context.timeRules ?? []).forEach((r, i) => timeRule(push, `context.timeRules.${i}`, r));
  if (context.coupon) coupon(push, 'context.coupon', context.coupon);
  const v = context.validityMinutes;
  if (v !== undefined && !(Number.isInteger(v) && v >= 1 && v <= 7 * 24 * 60)) {
    push('context.validityMinutes', 'must be an integer 1..10080');
  }
  return errors;
}
