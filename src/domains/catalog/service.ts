import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { fileUrl } from '../../platform/files.js';
import {
  applyBasisPoints, baseUnitPrice, referenceRangeFor, type CityPricing, type OptionDefinition, type PricingModel, type ServiceItem, type TimeRule,
} from './pricing/index.js';
import * as q from './queries.js';
import { buildSearchText } from './search-text.js';

/** The engine's view of a stored item. */
export function engineItem(row: q.ItemRow): ServiceItem {
  return {
    code: row.code,
    name: { zh: row.name, en: row.name_en },
    model: row.pricing as PricingModel,
    options: row.options as OptionDefinition[],
    referenceRange: { minFen: row.price_min_fen, maxFen: row.price_max_fen },
  };
}

/** City pricing (multiplier, per-item overrides and reference ranges) and active time rules. */
export async function cityPricing(db: Kysely<DB>, cityCode: string): Promise<{ city: CityPricing; timeRules: TimeRule[] }> {
  const [city, multiplier, prices, rules, items] = await Promise.all([
    db.selectFrom('cities').select('time_zone').where('code', '=', cityCode).executeTakeFirst(),
    q.cityMultiplier(db, cityCode), q.cityItemPrices(db, cityCode), q.activeRules(db, cityCode),
    db.selectFrom('service_items').select(['id', 'code']).execute(),
  ]);
  const codeOf = new Map(items.map((i) => [i.id, i.code]));
  const basePriceOverrides: Record<string, number> = {};
  const referenceRanges: Record<string, { minFen: number; maxFen: number }> = {};
  for (const p of prices) {
    const code = codeOf.get(p.item_id)!;
    if (p.base_price_fen !== null) basePriceOverrides[code] = p.base_price_fen;
    referenceRanges[code] = { minFen: p.reference_min_fen, maxFen: p.reference_max_fen };
  }
  return {
    city: { code: cityCode, timeZone: city?.time_zone ?? 'Asia/Shanghai', multiplierBp: multiplier?.multiplier_bp ?? 10000, basePriceOverrides, referenceRanges },
    timeRules: rules.map(toTimeRule),
  };
}

export function toTimeRule(r: Awaited<ReturnType<typeof q.activeRules>>[number]): TimeRule {
  return { id: r.id, kind: r.kind, label: { zh: r.label_zh, en: r.label_en }, adjustment: r.adjustment, excludes: r.excludes, ...r.config } as TimeRule;
}

/** Customer-facing summary of an item, priced for the city ("from" = the city's base unit price). */
export function presentItem(row: q.ItemRow, city: CityPricing) {
  const item = engineItem(row);
  const range = referenceRangeFor(item, city) ?? { minFen: row.price_min_fen, maxFen: row.price_max_fen };
  const base = baseUnitPrice(item, city).fen;
  const multiplied = applyBasisPoints(base, city.multiplierBp ?? 10000);
  const priceFromFen = city.basePriceOverrides?.[row.code] !== undefined ? base : multiplied;
  return {
    id: row.id, code: row.code, categoryCode: row.category_code, name: row.name, nameEn: row.name_en, description: row.description,
    unit: row.unit, pricingKind: item.model.kind, priceFromFen, referenceMinFen: range.minFen, referenceMaxFen: range.maxFen,
    durationMinutes: row.duration_minutes, requiredCertificate: row.required_certificate, ratingAvg: Number(row.rating_avg),
    ratingCount: row.rating_count, popularity: row.popularity, photoUrls: row.photo_file_ids.map((id) => fileUrl(id)!),
    published: row.published && row.category_published,
  };
}
export type ItemSummary = ReturnType<typeof presentItem>;

/** Item detail: summary plus what is included / excluded, the pricing model and the option definitions. */
export function presentItemDetail(row: q.ItemRow, city: CityPricing) {
  return { ...presentItem(row, city), included: row.included, excluded: row.excluded, pricing: row.pricing as PricingModel, options: row.options as OptionDefinition[] };
}

/** Published categories with their published items, in display order, priced for the city. */
export async function listCatalog(db: Kysely<DB>, cityCode: string) {
  const [categories, items, { city }] = await Promise.all([
    db.selectFrom('service_categories').selectAll().where('published', '=', true).orderBy('sort').orderBy('code').execute(),
    q.itemsWithCategory(db).where('i.published', '=', true).orderBy('i.sort').orderBy('i.code').execute(),
    cityPricing(db, cityCode),
  ]);
  return categories.map((c) => ({
    id: c.id, code: c.code, name: c.name, nameEn: c.name_en, icon: c.icon,
    items: items.filter((i) => i.category_id === c.id).map((i) => presentItem(i, city)),
  }));
}

export interface ItemSearch {
  q?: string; category?: string; priceMinFen?: number; priceMaxFen?: number; durationMaxMinutes?: number;
  sort?: 'price_asc' | 'price_desc' | 'popularity' | 'rating';
}

/**
 * Search published items: keyword (Chinese substring, English, pinyin or initials), category,
 * "from" price range and duration, sorted. Filters on price run after city pricing is applied.
 */
export async function searchItems(db: Kysely<DB>, cityCode: string, s: ItemSearch) {
  let query = q.itemsWithCategory(db).where('i.published', '=', true).where('c.published', '=', true);
  if (s.q?.trim()) query = query.where('i.search_text', 'like', `%${escapeLike(s.q.trim().toLowerCase())}%`);
  if (s.category) query = query.where('c.code', '=', s.category);
  if (s.durationMaxMinutes) query = query.where('i.duration_minutes', '<=', s.durationMaxMinutes);
  const [rows, { city }] = await Promise.all([query.orderBy('c.sort').orderBy('i.sort').execute(), cityPricing(db, cityCode)]);
  const items = rows.map((r) => presentItem(r, city))
    .filter((i) => (s.priceMinFen === undefined || i.priceFromFen >= s.priceMinFen) && (s.priceMaxFen === undefined || i.priceFromFen <= s.priceMaxFen));
  const sorters: Record<string, (a: ItemSummary, b: ItemSummary) => number> = {
    price_asc: (a, b) => a.priceFromFen - b.priceFromFen,
    price_desc: (a, b) => b.priceFromFen - a.priceFromFen,
    popularity: (a, b) => b.popularity - a.popularity,
    rating: (a, b) => b.ratingAvg - a.ratingAvg || b.ratingCount - a.ratingCount,
  };
  return s.sort ? [...items].sort(sorters[s.sort]) : items;
}

const escapeLike = (v: string) => v.replace(/[%_\\]/g, (c) => `\\${c}`);

export async function countCatalog(db: Kysely<DB>) {
  const [c, i] = await Promise.all([
    db.selectFrom('service_categories').select((eb) => eb.fn.countAll<number>().as('n')).where('published', '=', true).executeTakeFirstOrThrow(),
    db.selectFrom('service_items').select((eb) => eb.fn.countAll<number>().as('n')).where('published', '=', true).executeTakeFirstOrThrow(),
  ]);
  return { categories: Number(c.n), items: Number(i.n) };
}

export interface ItemSeed {
  code: string; name: string; nameEn: string; description: string; unit: string; priceMinFen: number; priceMaxFen: number;
  durationMinutes: number; requiredCertificate?: string; model: PricingModel; options: OptionDefinition[]; included: string[]; excluded: string[];
}
export interface CategorySeed { code: string; name: string; nameEn: string; icon: string; items: ItemSeed[] }

/** Inserts categories and items that do not exist yet (by code); returns item ids by code. */
export async function seedCatalog(db: Kysely<DB>, seed: CategorySeed[]): Promise<Map<string, string>> {
  for (const [ci, c] of seed.entries()) {
    await db.insertInto('service_categories').values({ code: c.code, name: c.name, name_en: c.nameEn, icon: c.icon, sort: ci })
      .onConflict((oc) => oc.column('code').doNothing()).execute();
    const cat = await db.selectFrom('service_categories').select('id').where('code', '=', c.code).executeTakeFirstOrThrow();
    for (const [ii, i] of c.items.entries()) {
      await db.insertInto('service_items').values({
        category_id: cat.id, code: i.code, name: i.name, name_en: i.nameEn, description: i.description, unit: i.unit,
        price_min_fen: i.priceMinFen, price_max_fen: i.priceMaxFen, duration_minutes: i.durationMinutes,
        required_certificate: i.requiredCertificate ?? null, sort: ii,
        pricing: JSON.stringify(i.model), options: JSON.stringify(i.options), included: i.included, excluded: i.excluded,
        search_text: buildSearchText({ name: i.name, nameEn: i.nameEn, description: i.description, categoryName: c.name }),
      }).onConflict((oc) => oc.column('code').doNothing()).execute();
    }
  }
  const rows = await db.selectFrom('service_items').select(['id', 'code']).execute();
  return new Map(rows.map((r) => [r.code, r.id]));
}

/** What booking needs of an item: identity, category, base duration, certificate, checklist, pricing model. */
export async function bookableItem(db: Kysely<DB>, code: string) {
  const row = await q.findItemByCode(db, code);
  if (!row) return null;
  return {
    id: row.id, code: row.code, name: row.name, nameEn: row.name_en, categoryCode: row.category_code, durationMinutes: row.duration_minutes,
    requiredCertificate: row.required_certificate, included: (row.included ?? []) as string[], pricing: row.pricing as PricingModel | null,
    published: row.published && row.category_published,
  };
}
