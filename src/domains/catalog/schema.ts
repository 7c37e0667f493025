import { Type, type TSchema } from 'typebox';

/** Schemas of the catalogue API; pricing models and options mirror pricing/types.ts. */
const Strict = { additionalProperties: false } as const;
const Fen = Type.Integer({ minimum: 0, maximum: 1_000_000_000 });
// Null first: Ajv coerces types, and with the value type first it would turn null into 0 / "".
const Nullable = <T extends TSchema>(t: T) => Type.Union([Type.Null(), t]);
const Localized = Type.Object({ zh: Type.String({ minLength: 1, maxLength: 60 }), en: Type.String({ minLength: 1, maxLength: 80 }) }, Strict);
const Adjustment = Type.Union([
  Type.Object({ type: Type.Literal('fixed'), fen: Fen }, Strict),
  Type.Object({ type: Type.Literal('percent'), bp: Type.Integer({ minimum: 0, maximum: 100_000 }) }, Strict),
]);

export const PricingModel = Type.Union([
  Type.Object({ kind: Type.Literal('fixed'), priceFen: Fen, maxQuantity: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })) }, Strict),
  Type.Object({ kind: Type.Literal('hourly'), pricePerHourFen: Fen, minHours: Type.Number({ exclusiveMinimum: 0, maximum: 24 }), maxHours: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 24 })), stepHours: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 24 })) }, Strict),
  Type.Object({ kind: Type.Literal('per_unit'), unit: Type.Union([Type.Literal('sqm'), Type.Literal('item'), Type.Literal('appliance'), Type.Literal('bed'), Type.Literal('room'), Type.Literal('window')]), unitPriceFen: Fen, minQuantity: Type.Number({ exclusiveMinimum: 0 }), maxQuantity: Type.Number({ exclusiveMinimum: 0, maximum: 100_000 }), step: Type.Optional(Type.Number({ exclusiveMinimum: 0 })) }, Strict),
  Type.Object({ kind: Type.Literal('package'), priceFen: Fen, visits: Type.Integer({ minimum: 1, maximum: 366 }), validDays: Type.Integer({ minimum: 1, maximum: 3660 }), maxQuantity: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })) }, Strict),
  Type.Object({ kind: Type.Literal('on_site_quote'), depositFen: Fen }, Strict),
]);

const Choice = Type.Object({ value: Type.String({ minLength: 1, maxLength: 40 }), label: Localized, surcharge: Type.Optional(Adjustment) }, Strict);
const optionBase = { key: Type.String({ pattern: '^[a-zA-Z][a-zA-Z0-9_]{0,39}$' }), label: Localized, required: Type.Optional(Type.Boolean()) };
export const OptionDefinition = Type.Union([
  Type.Object({ ...optionBase, kind: Type.Literal('select'), choices: Type.Array(Choice, { minItems: 1, maxItems: 30 }), defaultValue: Type.Optional(Type.String()) }, Strict),
  Type.Object({ ...optionBase, kind: Type.Literal('multi_select'), choices: Type.Array(Choice, { minItems: 1, maxItems: 30 }), minSelected: Type.Optional(Type.Integer({ minimum: 0 })), maxSelected: Type.Optional(Type.Integer({ minimum: 1 })) }, Strict),
  Type.Object({ ...optionBase, kind: Type.Literal('boolean'), surcharge: Type.Optional(Adjustment), defaultValue: Type.Optional(Type.Boolean()) }, Strict),
  Type.Object({ ...optionBase, kind: Type.Literal('integer'), min: Type.Integer(), max: Type.Integer(), perUnitFen: Type.Optional(Fen), includedUnits: Type.Optional(Type.Integer({ minimum: 0 })), defaultValue: Type.Optional(Type.Integer()) }, Strict),
  Type.Object({ ...optionBase, kind: Type.Literal('text'), maxLength: Type.Integer({ minimum: 1, maximum: 1000 }) }, Strict),
]);

export const ItemSummary = Type.Object({
  id: Type.String(), code: Type.String(), categoryCode: Type.String(), name: Type.String(), nameEn: Type.String(), description: Type.String(),
  unit: Type.String(), pricingKind: Type.String(), priceFromFen: Type.Integer(), referenceMinFen: Type.Integer(), referenceMaxFen: Type.Integer(),
  durationMinutes: Type.Integer(), requiredCertificate: Nullable(Type.String()), ratingAvg: Type.Number(), ratingCount: Type.Integer(),
  popularity: Type.Integer(), photoUrls: Type.Array(Type.String()), published: Type.Boolean(),
});
export const ItemDetail = Type.Intersect([ItemSummary, Type.Object({
  included: Type.Array(Type.String()), excluded: Type.Array(Type.String()), pricing: PricingModel, options: Type.Array(OptionDefinition),
})]);
export const Category = Type.Object({ id: Type.String(), code: Type.String(), name: Type.String(), nameEn: Type.String(), icon: Type.String(), items: Type.Array(ItemSummary) });

export const SearchQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 50 })), category: Type.Optional(Type.String({ maxLength: 40 })),
  priceMinFen: Type.Optional(Fen), priceMaxFen: Type.Optional(Fen), durationMaxMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
  sort: Type.Optional(Type.Union([Type.Literal('price_asc'), Type.Literal('price_desc'), Type.Literal('popularity'), Type.Literal('rating')])),
});

export const QuoteBody = Type.Object({
  itemCode: Type.String({ minLength: 1, maxLength: 60 }),
  quantity: Type.Optional(Type.Number()),
  options: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  scheduledStart: Type.String({ minLength: 1, maxLength: 40 }),
  couponId: Type.Optional(Type.String({ format: 'uuid', description: 'one of my coupons (我的优惠券) to price in' })),
}, Strict);
const Line = Type.Object({
  code: Type.String(), label: Type.Object({ zh: Type.String(), en: Type.String() }), quantity: Type.Number(), unitPriceFen: Type.Integer(), amountFen: Type.Integer(),
  rule: Type.Object({ id: Type.String(), description: Type.Object({ zh: Type.String(), en: Type.String() }) }),
});
export const QuoteView = Type.Object({
  id: Type.String(), quoteNo: Type.String(), itemName: Type.String(), itemNameEn: Type.String(), unit: Type.String(), kind: Type.String(), itemCode: Type.String(), cityCode: Type.String(),
  model: Type.String(), quantity: Type.Number(), options: Type.Record(Type.String(), Type.Unknown()), scheduledStart: Type.String(), createdAt: Type.String(),
  expiresAt: Type.String(), lines: Type.Array(Line), subtotalFen: Type.Integer(), discountFen: Type.Integer(), totalFen: Type.Integer(),
  referenceRange: Type.Optional(Type.Object({ minFen: Type.Integer(), maxFen: Type.Integer() })),
  package: Type.Optional(Type.Object({ visits: Type.Integer(), validDays: Type.Integer() })),
  coupon: Type.Optional(Type.Object({ id: Type.String(), code: Type.String(), applied: Type.Boolean(), reason: Type.Optional(Type.String()) })),
  used: Type.Optional(Type.Boolean()),
});

const itemFields = {
  categoryCode: Type.String({ minLength: 1, maxLength: 40 }), name: Type.String({ minLength: 1, maxLength: 40 }), nameEn: Type.String({ minLength: 1, maxLength: 80 }),
  description: Type.String({ maxLength: 1000 }), unit: Type.String({ minLength: 1, maxLength: 20 }), durationMinutes: Type.Integer({ minimum: 1, maximum: 100_000 }),
  requiredCertificate: Nullable(Type.String({ maxLength: 40 })), pricing: PricingModel, options: Type.Array(OptionDefinition, { maxItems: 30 }),
  included: Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 30 }), excluded: Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 30 }),
  referenceMinFen: Fen, referenceMaxFen: Fen, published: Type.Boolean(),
};
export const CreateItemBody = Type.Object({ code: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,39}$' }), ...itemFields }, Strict);
export const UpdateItemBody = Type.Object({ ...Object.fromEntries(Object.entries(itemFields).map(([k, v]) => [k, Type.Optional(v)])), version: Type.Integer({ minimum: 1 }) }, Strict);
export const AdminItem = Type.Intersect([ItemDetail, Type.Object({
  version: Type.Integer(), catalogReferenceMinFen: Type.Integer(), catalogReferenceMaxFen: Type.Integer(), cityPrice: Nullable(Type.Object({ basePriceFen: Nullable(Type.Integer()), referenceMinFen: Type.Integer(), referenceMaxFen: Type.Integer() })),
})]);
export const CreateCategoryBody = Type.Object({ code: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,39}$' }), name: Type.String({ minLength: 1, maxLength: 20 }), nameEn: Type.String({ minLength: 1, maxLength: 40 }), icon: Type.Optional(Type.String({ maxLength: 8 })), published: Type.Optional(Type.Boolean()) }, Strict);
export const UpdateCategoryBody = Type.Object({ name: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })), nameEn: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })), icon: Type.Optional(Type.String({ maxLength: 8 })), published: Type.Optional(Type.Boolean()), sort: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })) }, Strict);
export const CategoryRow = Type.Object({ id: Type.String(), code: Type.String(), name: Type.String(), name_en: Type.String(), icon: Type.String(), published: Type.Boolean(), sort: Type.Integer() });
export const CityPriceBody = Type.Object({ basePriceFen: Nullable(Fen), referenceMinFen: Fen, referenceMaxFen: Fen }, Strict);
export const MultiplierBody = Type.Object({ multiplierBp: Type.Integer({ minimum: 1000, maximum: 100_000 }) }, Strict);
export const RuleBody = Type.Object({
  kind: Type.Union([Type.Literal('night'), Type.Literal('weekend'), Type.Literal('urgent'), Type.Literal('holiday')]),
  labelZh: Type.String({ minLength: 1, maxLength: 30 }), labelEn: Type.String({ minLength: 1, maxLength: 60 }),
  config: Type.Object({
    from: Type.Optional(Type.String({ pattern: '^\\d{2}:\\d{2}$' })), until: Type.Optional(Type.String({ pattern: '^\\d{2}:\\d{2}$' })),
    days: Type.Optional(Type.Array(Type.Integer({ minimum: 0, maximum: 6 }), { maxItems: 7, uniqueItems: true })),
    withinHours: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 72 })),
    dates: Type.Optional(Type.Array(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }), { maxItems: 100 })),
  }, Strict),
  adjustment: Adjustment, excludes: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 10 })), active: Type.Optional(Type.Boolean()),
}, Strict);
export const RuleView = Type.Object({ id: Type.String(), kind: Type.String(), label: Type.Object({ zh: Type.String(), en: Type.String() }), adjustment: Type.Unknown(), excludes: Type.Optional(Type.Array(Type.String())), active: Type.Boolean() }, { additionalProperties: true });
