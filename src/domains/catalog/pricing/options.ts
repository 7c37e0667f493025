/** Validation and pricing of the customer's chosen options. */
import { adjustmentAmount, BASE_LABEL, describeAdjustment, joinLabels, singleLine } from './adjustment.js';
import { pricingError } from './errors.js';
import { formatFen } from './money.js';
import type { Fen, OptionDefinition, OptionValues, PricingError, QuoteLine } from './types.js';

export type OptionsResult = { ok: true; values: OptionValues } | { ok: false; errors: PricingError[] };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Length in Unicode code points, so 一个汉字 or an emoji counts as one character. */
function textLength(s: string): number {
  return [...s].length;
}

/**
 * Validates raw option input (untrusted JSON) against the item's option definitions.
 * Never throws; returns either the normalised values (defaults filled, text trimmed,
 * multi-select in definition order) or every field-level error found.
 */
export function validateOptions(definitions: readonly OptionDefinition[], input: unknown): OptionsResult {
  const errors: PricingError[] = [];
  const values: OptionValues = {};
  if (input === undefined || input === null) input = {};
  if (!isPlainObject(input)) {
    return { ok: false, errors: [pricingError('options', 'WRONG_TYPE', { expected: 'object' })] };
  }
  const known = new Set(definitions.map((d) => d.key));
  for (const key of Object.keys(input)) {
    if (!known.has(key)) errors.push(pricingError(`options.${key}`, 'UNKNOWN_OPTION'));
  }
  for (const def of definitions) {
    const field = `options.${def.key}`;
    const raw = Object.hasOwn(input, def.key) ? input[def.key] : undefined;
    const missing = raw === undefined || raw === null;
    switch (def.kind) {
      case 'select': {
        if (missing) {
          if (def.defaultValue !== undefined) values[def.key] = def.defaultValue;
          else if (def.required) errors.push(pricingError(field, 'REQUIRED'));
        } else if (typeof raw !== 'string') {
          errors.push(pricingError(field, 'WRONG_TYPE', { expected: 'string' }));
        } else if (!def.choices.some((c) => c.value === raw)) {
          errors.push(pricingError(field, 'INVALID_CHOICE', { value: raw }));
        } else values[def.key] = raw;
        break;
      }
      case 'multi_select': {
        if (missing || (Array.isArray(raw) && raw.length === 0)) {
          if (def.required || (def.minSelected ?? 0) > 0) errors.push(pricingError(field, 'REQUIRED'));
          else if (!missing) values[def.key] = [];
          break;
        }
        if (!Array.isArray(raw) || raw.some((v) => typeof v !== 'string')) {
          errors.push(pricingError(field, 'WRONG_TYPE', { expected: 'string[]' }));
          break;
        }
        const chosen = new Set<string>();
        let bad = false;
        for (const v of raw as string[]) {
          if (!def.choices.some((c) => c.value === v)) {
            errors.push(pricingError(field, 'INVALID_CHOICE', { value: v }));
            bad = true;
          } else if (chosen.has(v)) {
            errors.push(pricingError(field, 'DUPLICATE_CHOICE', { value: v }));
            bad = true;
          } else chosen.add(v);
        }
        const min = def.minSelected ?? (def.required ? 1 : 0);
        const max = def.maxSelected ?? def.choices.length;
        if (!bad && (chosen.size < min || chosen.size > max)) {
          errors.push(pricingError(field, 'OUT_OF_RANGE', { min, max }));
        } else if (!bad) {
          values[def.key] = def.choices.filter((c) => chosen.has(c.value)).map((c) => c.value);
        }
        break;
      }
      case 'boolean': {
        if (missing) {
          if (def.required) errors.push(pricingError(field, 'REQUIRED'));
          else values[def.key] = def.defaultValue ?? false;
        } else if (typeof raw !== 'boolean') {
          errors.push(pricingError(field, 'WRONG_TYPE', { expected: 'boolean' }));
        } else values[def.key] = raw;
        break;
      }
      case 'integer': {
        if (missing) {
          if (def.defaultValue !== undefined) values[def.key] = def.defaultValue;
          else if (def.required) errors.push(pricingError(field, 'REQUIRED'));
        } else if (typeof raw !== 'number' || !Number.isInteger(raw)) {
          errors.push(pricingError(field, 'WRONG_TYPE', { expected: 'integer' }));
        } else if (raw < def.min || raw > def.max) {
          errors.push(pricingError(field, 'OUT_OF_RANGE', { min: def.min, max: def.max }));
        } else values[def.key] = raw;
        break;
      }
      case 'text': {
        if (missing) {
          if (def.required) errors.push(pricingError(field, 'REQUIRED'));
        } else if (typeof raw !== 'string') {
          errors.push(pricingError(field, 'WRONG_TYPE', { expected: 'string' }));
        } else {
          const text = raw.trim();
          if (text === '') {
            if (def.required) errors.push(pricingError(field, 'REQUIRED'));
          } else if (textLength(text) > def.maxLength) {
            errors.push(pricingError(field, 'TOO_LONG', { max: def.maxLength }));
          } else values[def.key] = text;
        }
        break;
      }
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, values };
}

/**
 * Option surcharge lines for already validated values. Percent surcharges are a percentage of
 * `baseFen` (the BASE line amount). Lines with a zero amount are omitted.
 */
export function priceOptions(
  definitions: readonly OptionDefinition[],
  values: OptionValues,
  baseFen: Fen,
): QuoteLine[] {
  const lines: QuoteLine[] = [];
  for (const def of definitions) {
    const value = values[def.key];
    if (value === undefined) continue;
    if (def.kind === 'select' || def.kind === 'multi_select') {
      const picked = Array.isArray(value) ? value : [value];
      for (const choice of def.choices) {
        if (!picked.includes(choice.value) || !choice.surcharge) continue;
        const amount = adjustmentAmount(choice.surcharge, baseFen);
        if (amount === 0) continue;
        lines.push(
          singleLine(
            'OPTION',
            joinLabels(def.label, choice.label),
            amount,
            `option.${def.key}.${choice.value}`,
            describeAdjustment(choice.surcharge, BASE_LABEL),
          ),
        );
      }
    } else if (def.kind === 'boolean') {
      if (value !== true || !def.surcharge) continue;
      const amount = adjustmentAmount(def.surcharge, baseFen);
      if (amount === 0) continue;
      lines.push(
        singleLine('OPTION', def.label, amount, `option.${def.key}`, describeAdjustment(def.surcharge, BASE_LABEL)),
      );
    } else if (def.kind === 'integer') {
      const included = def.includedUnits ?? 0;
      const chargeable = (value as number) - included;
      if (!def.perUnitFen || chargeable <= 0) continue;
      const unit = formatFen(def.perUnitFen);
      lines.push({
        code: 'OPTION',
        label: def.label,
        quantity: chargeable,
        unitPriceFen: def.perUnitFen,
        amountFen: def.perUnitFen * chargeable,
        rule: {
          id: `option.${def.key}`,
          description:
            included > 0
              ? { zh: `超出 ${included} 个后每个 ${unit}`, en: `${unit} each above ${included}` }
              : { zh: `每个 ${unit}`, en: `${unit} each` },
        },
      });
    }
  }
  return lines;
}
