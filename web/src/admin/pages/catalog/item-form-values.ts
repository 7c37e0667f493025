import type { Adjustment, AdminItem, OptionDefinition, OptionKind, PerUnit, PricingKind, PricingModel } from '../../../shared/catalog-types';
import { fenToYuan, yuanToFen } from '../../../shared/format';

// The item drawer edits money in 元 and percentages in %; the API takes fen and basis points.

export type SurchargeType = 'none' | 'fixed' | 'percent';

export interface ChoiceForm {
  value: string;
  labelZh: string;
  labelEn: string;
  surchargeType: SurchargeType;
  amount?: number | null;
}

export interface OptionForm {
  key: string;
  kind: OptionKind;
  labelZh: string;
  labelEn: string;
  required?: boolean;
  choices?: ChoiceForm[];
  defaultText?: string;
  defaultBoolean?: boolean;
  defaultNumber?: number | null;
  minSelected?: number | null;
  maxSelected?: number | null;
  surchargeType?: SurchargeType;
  amount?: number | null;
  min?: number | null;
  max?: number | null;
  perUnitYuan?: number | null;
  includedUnits?: number | null;
  maxLength?: number | null;
}

export interface PricingForm {
  kind: PricingKind;
  price?: number | null;
  maxQuantity?: number | null;
  minHours?: number | null;
  maxHours?: number | null;
  stepHours?: number | null;
  unit?: PerUnit;
  minQuantity?: number | null;
  step?: number | null;
  visits?: number | null;
  validDays?: number | null;
}

export interface ItemForm {
  code?: string;
  categoryCode: string;
  name: string;
  nameEn: string;
  description: string;
  unit: string;
  durationMinutes: number;
  requiredCertificate?: string | null;
  included: string[];
  excluded: string[];
  published: boolean;
  pricing: PricingForm;
  options: OptionForm[];
  referenceMin: number | null;
  referenceMax: number | null;
}

const opt = <T>(value: T | null | undefined): T | undefined => (value === null || value === undefined ? undefined : value);

function adjustmentToForm(adjustment: Adjustment | undefined): { surchargeType: SurchargeType; amount: number | null } {
  if (!adjustment) return { surchargeType: 'none', amount: null };
  return adjustment.type === 'fixed' ? { surchargeType: 'fixed', amount: adjustment.fen / 100 } : { surchargeType: 'percent', amount: adjustment.bp / 100 };
}

function adjustmentFromForm(type: SurchargeType | undefined, amount: number | null | undefined): Adjustment | undefined {
  if (!type || type === 'none' || amount === null || amount === undefined) return undefined;
  return type === 'fixed' ? { type: 'fixed', fen: yuanToFen(amount) ?? 0 } : { type: 'percent', bp: Math.round(amount * 100) };
}

export function pricingToForm(model: PricingModel): PricingForm {
  switch (model.kind) {
    case 'fixed':
      return { kind: 'fixed', price: fenToYuan(model.priceFen), maxQuantity: model.maxQuantity };
    case 'hourly':
      return { kind: 'hourly', price: fenToYuan(model.pricePerHourFen), minHours: model.minHours, maxHours: model.maxHours, stepHours: model.stepHours };
    case 'per_unit':
      return { kind: 'per_unit', price: fenToYuan(model.unitPriceFen), unit: model.unit, minQuantity: model.minQuantity, maxQuantity: model.maxQuantity, step: model.step };
    case 'package':
      return { kind: 'package', price: fenToYuan(model.priceFen), visits: model.visits, validDays: model.validDays, maxQuantity: model.maxQuantity };
    case 'on_site_quote':
      return { kind: 'on_site_quote', price: fenToYuan(model.depositFen) };
  }
}

export function pricingFromForm(form: PricingForm): PricingModel {
  const price = yuanToFen(form.price) ?? 0;
  switch (form.kind) {
    case 'fixed':
      return { kind: 'fixed', priceFen: price, maxQuantity: opt(form.maxQuantity) };
    case 'hourly':
      return { kind: 'hourly', pricePerHourFen: price, minHours: form.minHours ?? 1, maxHours: opt(form.maxHours), stepHours: opt(form.stepHours) };
    case 'per_unit':
      return { kind: 'per_unit', unitPriceFen: price, unit: form.unit ?? 'sqm', minQuantity: form.minQuantity ?? 1, maxQuantity: form.maxQuantity ?? 1, step: opt(form.step) };
    case 'package':
      return { kind: 'package', priceFen: price, visits: form.visits ?? 1, validDays: form.validDays ?? 1, maxQuantity: opt(form.maxQuantity) };
    case 'on_site_quote':
      return { kind: 'on_site_quote', depositFen: price };
  }
}

export function optionToForm(option: OptionDefinition): OptionForm {
  const base = { key: option.key, kind: option.kind, labelZh: option.label.zh, labelEn: option.label.en, required: option.required ?? false };
  switch (option.kind) {
    case 'select':
    case 'multi_select':
      return {
        ...base,
        choices: option.choices.map((choice) => ({ value: choice.value, labelZh: choice.label.zh, labelEn: choice.label.en, ...adjustmentToForm(choice.surcharge) })),
        defaultText: option.kind === 'select' ? option.defaultValue : undefined,
        minSelected: option.kind === 'multi_select' ? option.minSelected : undefined,
        maxSelected: option.kind === 'multi_select' ? option.maxSelected : undefined,
      };
    case 'boolean':
      return { ...base, ...adjustmentToForm(option.surcharge), defaultBoolean: option.defaultValue ?? false };
    case 'integer':
      return { ...base, min: option.min, max: option.max, perUnitYuan: fenToYuan(option.perUnitFen), includedUnits: option.includedUnits, defaultNumber: option.defaultValue };
    case 'text':
      return { ...base, maxLength: option.maxLength };
  }
}

export function optionFromForm(form: OptionForm): OptionDefinition {
  const base = { key: form.key.trim(), label: { zh: form.labelZh.trim(), en: form.labelEn.trim() }, ...(form.required ? { required: true } : {}) };
  const choices = () =>
    (form.choices ?? []).map((choice) => {
      const surcharge = adjustmentFromForm(choice.surchargeType, choice.amount);
      return { value: choice.value.trim(), label: { zh: choice.labelZh.trim(), en: choice.labelEn.trim() }, ...(surcharge ? { surcharge } : {}) };
    });
  switch (form.kind) {
    case 'select':
      return { ...base, kind: 'select', choices: choices(), defaultValue: form.defaultText?.trim() || undefined };
    case 'multi_select':
      return { ...base, kind: 'multi_select', choices: choices(), minSelected: opt(form.minSelected), maxSelected: opt(form.maxSelected) };
    case 'boolean':
      return { ...base, kind: 'boolean', surcharge: adjustmentFromForm(form.surchargeType, form.amount), defaultValue: form.defaultBoolean || undefined };
    case 'integer':
      return { ...base, kind: 'integer', min: form.min ?? 0, max: form.max ?? 0, perUnitFen: opt(yuanToFen(form.perUnitYuan)), includedUnits: opt(form.includedUnits), defaultValue: opt(form.defaultNumber) };
    case 'text':
      return { ...base, kind: 'text', maxLength: form.maxLength ?? 200 };
  }
}

export const NEW_ITEM: ItemForm = {
  categoryCode: '',
  name: '',
  nameEn: '',
  description: '',
  unit: 'job',
  durationMinutes: 60,
  requiredCertificate: null,
  included: [],
  excluded: [],
  published: false,
  pricing: { kind: 'fixed', price: null, maxQuantity: 1 },
  options: [],
  referenceMin: null,
  referenceMax: null,
};

export function itemToForm(item: AdminItem): ItemForm {
  return {
    code: item.code,
    categoryCode: item.categoryCode,
    name: item.name,
    nameEn: item.nameEn,
    description: item.description,
    unit: item.unit,
    durationMinutes: item.durationMinutes,
    requiredCertificate: item.requiredCertificate,
    included: item.included,
    excluded: item.excluded,
    published: item.published,
    pricing: pricingToForm(item.pricing),
    options: item.options.map(optionToForm),
    // The catalogue's own range (the city may override it; see the city price dialog).
    referenceMin: fenToYuan(item.catalogReferenceMinFen),
    referenceMax: fenToYuan(item.catalogReferenceMaxFen),
  };
}

/** The body of POST / PATCH (without `code` and `version`). */
export function itemBody(form: ItemForm) {
  return {
    categoryCode: form.categoryCode,
    name: form.name.trim(),
    nameEn: form.nameEn.trim(),
    description: form.description?.trim() ?? '',
    unit: form.unit.trim(),
    durationMinutes: form.durationMinutes,
    requiredCertificate: form.requiredCertificate?.trim() || null,
    included: form.included ?? [],
    excluded: form.excluded ?? [],
    published: form.published,
    pricing: pricingFromForm(form.pricing),
    options: (form.options ?? []).map(optionFromForm),
    referenceMinFen: opt(yuanToFen(form.referenceMin)),
    referenceMaxFen: opt(yuanToFen(form.referenceMax)),
  };
}

/** The form path of an API field error (`item.model.minHours` → pricing.minHours, `referenceMaxFen` → referenceMax), or null. */
export function formPath(field: string): (string | number)[] | null {
  const parts = field.replace(/^\//, '').split(/[./]/).filter(Boolean);
  if (parts[0] === 'item' || parts[0] === 'body') parts.shift();
  const [head, ...rest] = parts;
  if (!head) return null;
  if (head === 'model' || head === 'pricing') {
    const key = rest[0];
    if (!key) return ['pricing', 'kind'];
    return ['pricing', /Fen$/.test(key) ? 'price' : key];
  }
  if (head === 'options') {
    const index = Number(rest[0]);
    if (!Number.isInteger(index)) return null;
    const key = rest[1];
    if (!key) return ['options', index, 'key'];
    if (key === 'label') return ['options', index, rest[2] === 'en' ? 'labelEn' : 'labelZh'];
    if (key === 'choices' && rest[2] !== undefined) return ['options', index, 'choices', Number(rest[2]), rest[3] === 'surcharge' ? 'amount' : rest[3] === 'label' ? 'labelZh' : 'value'];
    if (key === 'surcharge') return ['options', index, 'amount'];
    if (key === 'perUnitFen') return ['options', index, 'perUnitYuan'];
    if (key === 'defaultValue') return ['options', index, 'defaultText'];
    return ['options', index, key];
  }
  if (head === 'referenceMinFen') return ['referenceMin'];
  if (head === 'referenceMaxFen') return ['referenceMax'];
  return [head];
}
