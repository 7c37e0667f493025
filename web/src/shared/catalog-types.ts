// Catalogue, pricing and quote objects (see docs/api-catalog.md). Money is integer fen; percentages basis points.

// The pricing engine's own types (type-only: nothing from the server is bundled).
import type {
  Adjustment, LineCode, LocalizedText, OptionChoice, OptionDefinition, PricingModel, PricingModelKind, QuoteLine,
} from '../../../src/shared-types';
import { formatFen } from './format';

export type { Adjustment, LineCode, OptionDefinition, PricingModel, QuoteLine };
export type Localized = LocalizedText;
export type Choice = OptionChoice;
export type PricingKind = PricingModelKind;
export type PerUnit = Extract<PricingModel, { kind: 'per_unit' }>['unit'];
export type OptionKind = OptionDefinition['kind'];

export interface ItemSummary {
  id: string;
  code: string;
  categoryCode: string;
  name: string;
  nameEn: string;
  description: string;
  unit: string;
  pricingKind: PricingKind;
  priceFromFen: number;
  referenceMinFen: number;
  referenceMaxFen: number;
  durationMinutes: number;
  requiredCertificate: string | null;
  ratingAvg: number;
  ratingCount: number;
  popularity: number;
  photoUrls: string[];
  published: boolean;
}

export interface ItemDetail extends ItemSummary {
  included: string[];
  excluded: string[];
  pricing: PricingModel;
  options: OptionDefinition[];
}

export interface CategoryWithItems {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  icon: string;
  items: ItemSummary[];
}

export type SortKey = '' | 'price_asc' | 'price_desc' | 'popularity' | 'rating';

export interface Quote {
  id: string;
  /** 报价单号, short and readable (Q + Shanghai date + 7 digits). */
  quoteNo: string;
  itemName: string;
  itemNameEn: string;
  unit: string;
  kind: 'standard' | 'deposit';
  itemCode: string;
  cityCode: string;
  model: PricingKind;
  quantity: number;
  options: Record<string, unknown>;
  scheduledStart: string;
  createdAt: string;
  expiresAt: string;
  lines: QuoteLine[];
  subtotalFen: number;
  discountFen: number;
  totalFen: number;
  referenceRange?: { minFen: number; maxFen: number };
  package?: { visits: number; validDays: number };
  used?: boolean;
  /** The coupon priced in (`couponId` of the request); a refused one answers 422/409 instead. */
  coupon?: { id: string; code: string; applied: boolean; reason?: string };
}

// ---- console ----

export interface CityPrice {
  basePriceFen: number | null;
  referenceMinFen: number;
  referenceMaxFen: number;
}

export interface AdminItem extends ItemDetail {
  version: number;
  /** The catalogue's own reference range (referenceMin/MaxFen show the city's when it has one). */
  catalogReferenceMinFen: number;
  catalogReferenceMaxFen: number;
  cityPrice: CityPrice | null;
}

export interface AdminCategory {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  icon: string;
  published: boolean;
  items: AdminItem[];
}

export interface AdminCatalog {
  cityCode: string;
  multiplierBp: number;
  categories: AdminCategory[];
}

export type RuleKind = 'night' | 'weekend' | 'urgent' | 'holiday';

export interface TimeRule {
  id: string;
  kind: RuleKind;
  label: Localized;
  adjustment: Adjustment;
  excludes?: string[];
  active: boolean;
  from?: string;
  until?: string;
  days?: number[];
  withinHours?: number;
  dates?: string[];
}

export interface CatalogChange {
  id: string;
  entityType: string;
  entityId: string;
  action: string;
  adminName: string;
  before: unknown;
  after: unknown;
  createdAt: string;
}

/** Picks the zh-CN or English text of a `{zh, en}` pair. */
export function pick(lang: string, text: Localized): string {
  return lang === 'en' ? text.en || text.zh : text.zh;
}

/** The value an option starts with in a booking form (a required select: its first choice unless it names a default). */
export function optionDefault(option: OptionDefinition): unknown {
  switch (option.kind) {
    case 'select':
      return option.defaultValue ?? (option.required ? option.choices[0]?.value : undefined);
    case 'multi_select':
      return [];
    case 'boolean':
      return option.defaultValue ?? false;
    case 'integer':
      return option.defaultValue ?? option.min;
    case 'text':
      return '';
  }
}

/** `+¥80` or `+20%` (the same in both languages); empty when there is no surcharge. */
export function surchargeText(adjustment: Adjustment | undefined): string {
  if (!adjustment) return '';
  if (adjustment.type === 'fixed') return adjustment.fen > 0 ? `+${formatFen(adjustment.fen)}` : '';
  return adjustment.bp > 0 ? `+${adjustment.bp / 100}%` : '';
}

/** A choice's label with its surcharge, e.g. `4 小时 +¥80`. */
export function choiceLabel(lang: string, choice: Choice): string {
  const label = pick(lang, choice.label);
  // Percent choices already say "(+20 %)" in their label in the seed; do not say it twice.
  const extra = choice.surcharge?.type === 'percent' && label.includes('%') ? '' : surchargeText(choice.surcharge);
  return extra ? `${label} ${extra}` : label;
}

/** The service item's name in the UI language (an order, a quote): the English name when there is one. */
export function itemNameOf(lang: string, named: { itemName: string; itemNameEn: string }): string {
  return lang === 'en' && named.itemNameEn ? named.itemNameEn : named.itemName;
}
