// Catalogue, pricing and quote objects (see docs/api-catalog.md). Money is integer fen; percentages basis points.

export interface Localized {
  zh: string;
  en: string;
}

export type PricingKind = 'fixed' | 'hourly' | 'per_unit' | 'package' | 'on_site_quote';
export type PerUnit = 'sqm' | 'item' | 'appliance' | 'bed' | 'room' | 'window';

export type PricingModel =
  | { kind: 'fixed'; priceFen: number; maxQuantity?: number }
  | { kind: 'hourly'; pricePerHourFen: number; minHours: number; maxHours?: number; stepHours?: number }
  | { kind: 'per_unit'; unit: PerUnit; unitPriceFen: number; minQuantity: number; maxQuantity: number; step?: number }
  | { kind: 'package'; priceFen: number; visits: number; validDays: number; maxQuantity?: number }
  | { kind: 'on_site_quote'; depositFen: number };

export type Adjustment = { type: 'fixed'; fen: number } | { type: 'percent'; bp: number };

export interface Choice {
  value: string;
  label: Localized;
  surcharge?: Adjustment;
}

interface OptionBase {
  key: string;
  label: Localized;
  required?: boolean;
}

export type OptionDefinition = OptionBase &
  (
    | { kind: 'select'; choices: Choice[]; defaultValue?: string }
    | { kind: 'multi_select'; choices: Choice[]; minSelected?: number; maxSelected?: number }
    | { kind: 'boolean'; surcharge?: Adjustment; defaultValue?: boolean }
    | { kind: 'integer'; min: number; max: number; perUnitFen?: number; includedUnits?: number; defaultValue?: number }
    | { kind: 'text'; maxLength: number }
  );

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

export type LineCode =
  | 'BASE'
  | 'DEPOSIT'
  | 'OPTION'
  | 'CITY_ADJUSTMENT'
  | 'SURCHARGE_NIGHT'
  | 'SURCHARGE_WEEKEND'
  | 'SURCHARGE_URGENT'
  | 'SURCHARGE_HOLIDAY'
  | 'COUPON';

export interface QuoteLine {
  code: LineCode | string;
  label: Localized;
  quantity: number;
  unitPriceFen: number;
  amountFen: number;
  rule: { id: string; description: Localized };
}

export interface Quote {
  id: string;
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
