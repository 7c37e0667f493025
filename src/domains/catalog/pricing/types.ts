/**
 * Types of the pure pricing / quote engine. All money is integer fen (分), all percentages are
 * basis points (1 bp = 0.01 %, 10000 bp = 100 %). See README.md in this folder.
 */

/** Integer amount of money in fen (1 元 = 100 分). */
export type Fen = number;
/** Percentage in basis points: 10000 = 100 %, 500 = 5 %, -500 = -5 %. */
export type BasisPoints = number;

export interface LocalizedText {
  zh: string;
  en: string;
}

/** A price effect: a fixed amount, or a percentage of a documented base amount. */
export type Adjustment = { type: 'fixed'; fen: Fen } | { type: 'percent'; bp: BasisPoints };

export interface ReferenceRange {
  minFen: Fen;
  maxFen: Fen;
}

export type PricingModel =
  | {
      kind: 'fixed';
      priceFen: Fen;
      /** Largest quantity a customer may order (default 1). */
      maxQuantity?: number;
    }
  | {
      kind: 'hourly';
      pricePerHourFen: Fen;
      minHours: number;
      /** Default 12. */
      maxHours?: number;
      /** Granularity of bookable hours, e.g. 0.5 (default 1). */
      stepHours?: number;
    }
  | {
      kind: 'per_unit';
      unit: 'sqm' | 'item' | 'appliance' | 'bed' | 'room' | 'window';
      unitPriceFen: Fen;
      minQuantity: number;
      maxQuantity: number;
      /** Granularity of the quantity (default 1). */
      step?: number;
    }
  | {
      /** 套餐: `visits` visits for `priceFen`, to be used within `validDays` days of the first visit. */
      kind: 'package';
      priceFen: Fen;
      visits: number;
      validDays: number;
      /** How many packages one order may buy (default 1). */
      maxQuantity?: number;
    }
  | {
      /** 上门报价: deposit now, final price proposed by the worker on site. */
      kind: 'on_site_quote';
      depositFen: Fen;
    };

export type PricingModelKind = PricingModel['kind'];

export interface OptionChoice {
  value: string;
  label: LocalizedText;
  /** Percent surcharges are a percentage of the BASE line. */
  surcharge?: Adjustment;
}

interface OptionBase {
  key: string;
  label: LocalizedText;
  required?: boolean;
}

export type OptionDefinition =
  | (OptionBase & { kind: 'select'; choices: OptionChoice[]; defaultValue?: string })
  | (OptionBase & {
      kind: 'multi_select';
      choices: OptionChoice[];
      minSelected?: number;
      maxSelected?: number;
    })
  | (OptionBase & { kind: 'boolean'; surcharge?: Adjustment; defaultValue?: boolean })
  | (OptionBase & {
      kind: 'integer';
      min: number;
      max: number;
      /** Surcharge per unit above `includedUnits`. */
      perUnitFen?: Fen;
      includedUnits?: number;
      defaultValue?: number;
    })
  | (OptionBase & { kind: 'text'; maxLength: number });

export type OptionKind = OptionDefinition['kind'];

/** Option values after validation: defaults filled in, text trimmed, multi-select de-duplicated in definition order. */
export type OptionValues = Record<string, string | string[] | boolean | number>;

/** A catalogue item as the engine needs it. */
export interface ServiceItem {
  code: string;
  name: LocalizedText;
  model: PricingModel;
  options?: OptionDefinition[];
  /** 参考价格范围 (all cities unless overridden by the city). */
  referenceRange?: ReferenceRange;
}

export interface CityPricing {
  code: string;
  /** IANA zone of the city; default Asia/Shanghai. */
  timeZone?: string;
  /** City multiplier applied to base + options, e.g. 10500 = +5 % (default 10000). */
  multiplierBp?: BasisPoints;
  /** Per-item override of the model's base unit price (per hour / unit / package / fixed price / deposit). */
  basePriceOverrides?: Record<string, Fen>;
  /** Per-item override of the reference range. */
  referenceRanges?: Record<string, ReferenceRange>;
}

interface TimeRuleBase {
  id: string;
  label: LocalizedText;
  /** Percent adjustments are a percentage of the service subtotal (base + options + city). */
  adjustment: Adjustment;
  /** Rule ids that do not apply when this rule applies (e.g. holiday excludes weekend). */
  excludes?: string[];
}

export type TimeRule =
  | (TimeRuleBase & {
      kind: 'night';
      /** Local "HH:mm"; night is start >= from OR start < until (wraps midnight). */
      from: string;
      until: string;
    })
  /** `days`: 0 = Sunday … 6 = Saturday, in the city zone; default [6, 0]. */
  | (TimeRuleBase & { kind: 'weekend'; days?: number[] })
  /** Applies when the visit starts less than `withinHours` hours after the quote is made. */
  | (TimeRuleBase & { kind: 'urgent'; withinHours: number })
  /** `dates`: local "YYYY-MM-DD" dates in the city zone. */
  | (TimeRuleBase & { kind: 'holiday'; dates: string[] });

export type TimeRuleKind = TimeRule['kind'];

interface CouponBase {
  id: string;
  code: string;
  label: LocalizedText;
  /** ISO instants; the coupon is usable when validFrom <= now < validUntil. */
  validFrom?: string;
  validUntil?: string;
  /** Restrict to these item codes (default: all). */
  itemCodes?: string[];
}

export type Coupon =
  /** 满减: spend at least thresholdFen, get offFen off. */
  | (CouponBase & { kind: 'spend_threshold'; thresholdFen: Fen; offFen: Fen })
  /** 折扣: offBp off (2000 = 20 % off = 八折), at most capFen, optionally from minSpendFen. */
  | (CouponBase & { kind: 'percent_off'; offBp: BasisPoints; capFen?: Fen; minSpendFen?: Fen })
  /** 新人券: offFen off the customer's first order. */
  | (CouponBase & { kind: 'new_customer'; offFen: Fen });

export interface QuoteRequest {
  itemCode: string;
  /** Hours (hourly), units (per_unit), count (fixed/package). Unused for on_site_quote. */
  quantity?: number;
  options?: Record<string, unknown>;
  /** ISO 8601 instant of the visit start. */
  scheduledStart: string;
}

export interface QuoteContext {
  /** The instant the quote is made (ISO string or Date). */
  now: string | Date;
  city: CityPricing;
  timeRules?: TimeRule[];
  coupon?: Coupon;
  customer?: { isFirstOrder: boolean };
  /** How long the quote stays valid (default 30 minutes; never past the visit start). */
  validityMinutes?: number;
}

export type LineCode =
  | 'BASE'
  | 'DEPOSIT'
  | 'OPTION'
  | 'CITY_ADJUSTMENT'
  | 'SURCHARGE_NIGHT'
  | 'SURCHARGE_WEEKEND'
  | 'SURCHARGE_URGENT'
  | 'SURCHARGE_HOLIDAY'
  | 'ONSITE_ITEM'
  | 'COUPON';

export interface QuoteLine {
  code: LineCode;
  label: LocalizedText;
  quantity: number;
  unitPriceFen: Fen;
  amountFen: Fen;
  rule: { id: string; description: LocalizedText };
}

export type QuoteKind = 'standard' | 'deposit' | 'on_site_final' | 'custom';

export interface CouponOutcome {
  id: string;
  code: string;
  applied: boolean;
  /** Why it was not applied (stable code), when applied is false. */
  reason?: string;
}

export interface Quote {
  version: 1;
  kind: QuoteKind;
  currency: 'CNY';
  itemCode: string;
  cityCode: string;
  model: PricingModelKind;
  quantity: number;
  options: OptionValues;
  scheduledStart: string;
  createdAt: string;
  expiresAt: string;
  lines: QuoteLine[];
  /** Sum of all lines except COUPON. */
  subtotalFen: Fen;
  /** Positive amount taken off by the coupon (= -COUPON line). */
  discountFen: Fen;
  /** Sum of all lines. */
  totalFen: Fen;
  coupon?: CouponOutcome;
  referenceRange?: ReferenceRange;
  package?: { visits: number; validDays: number };
  /** on_site_final only. */
  settlement?: { depositPaidFen: Fen; balanceDueFen: Fen; refundDueFen: Fen };
  /** custom only: how long the worker said the job takes (the visit's length). */
  durationMinutes?: number;
  /** on_site_final only: the customer must accept before work starts. */
  requiresCustomerAcceptance?: boolean;
  /** e.g. "OUT_OF_REFERENCE_RANGE" with the worker's reason, for review. */
  flags?: { code: string; note: string }[];
}

export type PricingErrorCode =
  | 'REQUIRED'
  | 'WRONG_TYPE'
  | 'OUT_OF_RANGE'
  | 'INVALID_STEP'
  | 'UNKNOWN_OPTION'
  | 'INVALID_CHOICE'
  | 'DUPLICATE_CHOICE'
  | 'TOO_LONG'
  | 'INVALID_DATE'
  | 'START_IN_PAST'
  | 'ITEM_MISMATCH'
  | 'NOT_ALLOWED'
  | 'INVALID_CONFIG'
  | 'OUT_OF_REFERENCE_RANGE'
  | 'BELOW_MINIMUM'
  | 'QUOTE_EXPIRED';

export interface PricingError {
  /** Dotted path of the offending input, e.g. "options.rooms" or "proposal.lines.0.unitPriceFen". */
  field: string;
  code: PricingErrorCode;
  message: LocalizedText;
}

export type QuoteResult = { ok: true; quote: Quote } | { ok: false; errors: PricingError[] };
