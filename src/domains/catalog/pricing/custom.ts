/**
 * 需求报价: a worker's itemised price for a customer's custom request (a job that fits no catalogue item as it is).
 * The lines are the on-site proposal's (labour / parts / material / other, quantity × unit price); the total is what
 * the customer pays — no city multiplier, no time surcharges on top (the worker prices the time they chose), no
 * coupon. It may not be below the item's reference minimum (the platform's floor for that kind of job).
 */
import { validatePricingContext, validateServiceItem } from './config.js';
import { pricingError } from './errors.js';
import { formatFen, sumFen } from './money.js';
import { validateLine } from './onsite.js';
import { assembleQuote, referenceRangeFor } from './quote.js';
import { parseInstant } from './surcharges.js';
import type { PricingError, QuoteContext, QuoteLine, QuoteResult, ServiceItem } from './types.js';

export const MAX_CUSTOM_LINES = 20;
export const CUSTOM_DURATION = { min: 30, max: 720, step: 30 } as const;

/** Prices a worker's answer to a request: `proposal` = `{lines, durationMinutes}`, for a visit at `scheduledStart`. */
export function priceCustomQuote(item: ServiceItem, proposal: unknown, scheduledStart: string, context: QuoteContext): QuoteResult {
  const configErrors = [...validateServiceItem(item), ...validatePricingContext(context)];
  if (configErrors.length > 0) return { ok: false, errors: configErrors };
  const errors: PricingError[] = [];
  const now = parseInstant(context.now);
  const start = parseInstant(scheduledStart);
  if (!now) errors.push(pricingError('context.now', 'INVALID_DATE'));
  if (!start) errors.push(pricingError('start', 'INVALID_DATE'));
  else if (now && start.getTime() <= now.getTime()) errors.push(pricingError('start', 'START_IN_PAST'));
  if (typeof proposal !== 'object' || proposal === null || Array.isArray(proposal)) {
    errors.push(pricingError('proposal', 'WRONG_TYPE', { expected: 'object' }));
    return { ok: false, errors };
  }
  const prop = proposal as Record<string, unknown>;
  const lines = customLines(prop.lines, errors);
  const duration = prop.durationMinutes;
  if (typeof duration !== 'number' || !Number.isInteger(duration)) {
    errors.push(pricingError('durationMinutes', duration === undefined ? 'REQUIRED' : 'WRONG_TYPE', { expected: 'integer' }));
  } else if (duration < CUSTOM_DURATION.min || duration > CUSTOM_DURATION.max) {
    errors.push(pricingError('durationMinutes', 'OUT_OF_RANGE', { min: CUSTOM_DURATION.min, max: CUSTOM_DURATION.max }));
  } else if (duration % CUSTOM_DURATION.step !== 0) {
    errors.push(pricingError('durationMinutes', 'INVALID_STEP', { step: CUSTOM_DURATION.step }));
  }
  for (const key of Object.keys(prop)) {
    if (key !== 'lines' && key !== 'durationMinutes') errors.push(pricingError(key, 'UNKNOWN_OPTION'));
  }
  if (errors.length > 0 || !now || !start) return { ok: false, errors };

  const total = sumFen(lines.map((l) => l.amountFen));
  const floor = referenceRangeFor(item, context.city)?.minFen ?? 1;
  if (total < floor) return { ok: false, errors: [pricingError('lines', 'BELOW_MINIMUM', { min: formatFen(floor) })] };
  const quote = assembleQuote({ kind: 'custom', item, context, now, start, quantity: 1, options: {}, lines, couponAllowed: false, notAfter: start });
  quote.durationMinutes = duration as number;
  return { ok: true, quote };
}

function customLines(raw: unknown, errors: PricingError[]): QuoteLine[] {
  if (!Array.isArray(raw)) {
    errors.push(pricingError('lines', raw === undefined ? 'REQUIRED' : 'WRONG_TYPE', { expected: 'array' }));
    return [];
  }
  if (raw.length === 0) errors.push(pricingError('lines', 'REQUIRED'));
  if (raw.length > MAX_CUSTOM_LINES) errors.push(pricingError('lines', 'OUT_OF_RANGE', { min: 1, max: MAX_CUSTOM_LINES }));
  if (raw.length === 0 || raw.length > MAX_CUSTOM_LINES) return [];
  return raw.flatMap((line, i) => validateLine(line, `lines.${i}`, errors) ?? []);
}
