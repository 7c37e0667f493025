import { sql, type Kysely, type Transaction } from 'kysely';
import type { AppContext } from '../../platform/app-context.js';
import type { DB } from '../../db/types.js';
import { writeAudit } from '../../platform/audit.js';
import { AppError, type FieldErrorSpec } from '../../platform/errors.js';
import { IMAGE_TYPES, storeUpload } from '../../platform/files.js';
import type { Actor } from '../admin/index.js';
import { validatePricingContext, validateServiceItem, type OptionDefinition, type PricingError, type PricingModel, type TimeRule } from './pricing/index.js';
import * as q from './queries.js';
import { buildSearchText } from './search-text.js';
import { cityPricing, presentItemDetail, toTimeRule } from './service.js';

export interface ItemFields {
  categoryCode: string; code: string; name: string; nameEn: string; description: string; unit: string; durationMinutes: number;
  requiredCertificate: string | null; pricing: PricingModel; options: OptionDefinition[]; included: string[]; excluded: string[];
  referenceMinFen: number; referenceMaxFen: number; published: boolean;
}

const asFieldErrors = (errors: PricingError[], prefix = ''): FieldErrorSpec[] =>
  errors.map((e) => ({ field: prefix + e.field, code: e.code, message: e.message }));

function assertRange(min: number, max: number, field = 'referenceMaxFen') {
  if (min > max) throw new AppError('PRICING_INVALID', {}, [{ field, code: 'min_above_max', message: { zh: '最高价不能低于最低价', en: 'must not be below the minimum' } }]);
}

/** Checks an item's pricing model and options with the engine, before anything is stored. */
function assertValidPricing(f: Pick<ItemFields, 'code' | 'name' | 'nameEn' | 'pricing' | 'options' | 'referenceMinFen' | 'referenceMaxFen'>) {
  assertRange(f.referenceMinFen, f.referenceMaxFen);
  const errors = validateServiceItem({ code: f.code, name: { zh: f.name, en: f.nameEn }, model: f.pricing, options: f.options, referenceRange: { minFen: f.referenceMinFen, maxFen: f.referenceMaxFen } });
  if (errors.length) throw new AppError('PRICING_INVALID', {}, asFieldErrors(errors));
}

/** Writes the catalogue change history (old and new value) and the audit log, in the caller's transaction. */
async function recordChange(trx: Kysely<DB>, actor: Actor, entityType: string, entityId: string, action: string, before: unknown, after: unknown) {
  await q.recordChange(trx, { entityType, entityId, action, adminId: actor.id, adminName: actor.name, before, after });
  await writeAudit(trx, { actorKind: 'admin', actorId: actor.id, actorName: actor.name, action: `catalog.${action}`, targetType: entityType, targetId: entityId, ip: actor.ip });
}

async function categoryId(trx: Kysely<DB>, code: string) {
  const c = await trx.selectFrom('service_categories').select(['id', 'name']).where('code', '=', code).executeTakeFirst();
  if (!c) throw new AppError('VALIDATION_FAILED', {}, [{ field: 'categoryCode', code: 'unknown', message: { zh: '未知分类', en: 'unknown category' } }]);
  return c;
}

export async function createCategory(ctx: AppContext, actor: Actor, input: { code: string; name: string; nameEn: string; icon?: string; published?: boolean }) {
  return ctx.db.transaction().execute(async (trx) => {
    const max = await trx.selectFrom('service_categories').select((eb) => eb.fn.max('sort').as('m')).executeTakeFirstOrThrow();
    const row = await trx.insertInto('service_categories').values({
      code: input.code, name: input.name.trim(), name_en: input.nameEn.trim(), icon: input.icon ?? '', published: input.published ?? true, sort: Number(max.m ?? 0) + 1,
    }).onConflict((oc) => oc.column('code').doNothing()).returningAll().executeTakeFirst();
    if (!row) throw new AppError('CODE_TAKEN', {}, [{ field: 'code', code: 'taken', message: { zh: '编码已存在', en: 'already used' } }]);
    await recordChange(trx, actor, 'category', row.id, 'category_created', null, row);
    return row;
  });
}

export async function updateCategory(ctx: AppContext, actor: Actor, id: string, patch: { name?: string; nameEn?: string; icon?: string; published?: boolean; sort?: number }) {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('service_categories').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw new AppError('NOT_FOUND');
    const after = await trx.updateTable('service_categories').set({
      ...(patch.name !== undefined ? { name: patch.name.trim() } : {}), ...(patch.nameEn !== undefined ? { name_en: patch.nameEn.trim() } : {}),
      ...(patch.icon !== undefined ? { icon: patch.icon } : {}), ...(patch.published !== undefined ? { published: patch.published } : {}),
      ...(patch.sort !== undefined ? { sort: patch.sort } : {}),
    }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await recordChange(trx, actor, 'category', id, 'category_updated', before, after);
    return after;
  });
}

/** Deletes an empty category; one with items answers IN_USE (unpublish it instead). */
export async function deleteCategory(ctx: AppContext, actor: Actor, id: string) {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('service_categories').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw new AppError('NOT_FOUND');
    const used = await trx.selectFrom('service_items').select('id').where('category_id', '=', id).limit(1).executeTakeFirst();
    if (used) throw new AppError('IN_USE');
    await trx.deleteFrom('service_categories').where('id', '=', id).execute();
    await recordChange(trx, actor, 'category', id, 'category_deleted', before, null);
  });
}

/** Deletes an item nobody has quoted, skilled for or priced per city; otherwise IN_USE (unpublish it instead). */
export async function deleteItem(ctx: AppContext, actor: Actor, id: string) {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await q.findItemById(trx, id);
    if (!before) throw new AppError('NOT_FOUND');
    const [quoted, skilled] = await Promise.all([
      trx.selectFrom('quotes').select('id').where('item_id', '=', id).limit(1).executeTakeFirst(),
      trx.selectFrom('worker_skills').select('worker_id').where('item_id', '=', id).limit(1).executeTakeFirst(),
    ]);
    if (quoted || skilled) throw new AppError('IN_USE');
    await trx.deleteFrom('city_item_prices').where('item_id', '=', id).execute();
    await trx.deleteFrom('service_items').where('id', '=', id).execute();
    await recordChange(trx, actor, 'item', id, 'item_deleted', snapshot(before), null);
  });
}

function itemColumns(f: ItemFields, categoryName: string) {
  return {
    code: f.code, name: f.name.trim(), name_en: f.nameEn.trim(), description: f.description.trim(), unit: f.unit, duration_minutes: f.durationMinutes,
    required_certificate: f.requiredCertificate, pricing: JSON.stringify(f.pricing), options: JSON.stringify(f.options),
    included: f.included, excluded: f.excluded, price_min_fen: f.referenceMinFen, price_max_fen: f.referenceMaxFen, published: f.published,
    search_text: buildSearchText({ name: f.name, nameEn: f.nameEn, description: f.description, categoryName }), updated_at: new Date(),
  };
}

export async function createItem(ctx: AppContext, actor: Actor, f: ItemFields) {
  assertValidPricing(f);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const cat = await categoryId(trx, f.categoryCode);
    const row = await trx.insertInto('service_items').values({ ...itemColumns(f, cat.name), category_id: cat.id })
      .onConflict((oc) => oc.column('code').doNothing()).returningAll().executeTakeFirst();
    if (!row) throw new AppError('CODE_TAKEN', {}, [{ field: 'code', code: 'taken', message: { zh: '编码已存在', en: 'already used' } }]);
    await recordChange(trx, actor, 'item', row.id, 'item_created', null, snapshot(row));
    return row.id;
  });
  return itemDetail(ctx, id);
}

/** Edits an item; `version` guards against overwriting someone else's concurrent edit. Quotes already made keep their prices. */
export async function updateItem(ctx: AppContext, actor: Actor, id: string, patch: Partial<Omit<ItemFields, 'code'>> & { version: number }) {
  await ctx.db.transaction().execute(async (trx) => {
    const current = await q.findItemById(trx, id);
    if (!current) throw new AppError('NOT_FOUND');
    if (current.version !== patch.version) throw new AppError('VERSION_CONFLICT');
    const merged: ItemFields = {
      categoryCode: patch.categoryCode ?? current.category_code, code: current.code, name: patch.name ?? current.name, nameEn: patch.nameEn ?? current.name_en,
      description: patch.description ?? current.description, unit: patch.unit ?? current.unit, durationMinutes: patch.durationMinutes ?? current.duration_minutes,
      requiredCertificate: patch.requiredCertificate !== undefined ? patch.requiredCertificate : current.required_certificate,
      pricing: patch.pricing ?? (current.pricing as PricingModel), options: patch.options ?? (current.options as OptionDefinition[]),
      included: patch.included ?? current.included, excluded: patch.excluded ?? current.excluded,
      referenceMinFen: patch.referenceMinFen ?? current.price_min_fen, referenceMaxFen: patch.referenceMaxFen ?? current.price_max_fen,
      published: patch.published ?? current.published,
    };
    assertValidPricing(merged);
    const cat = await categoryId(trx, merged.categoryCode);
    const after = await trx.updateTable('service_items').set({ ...itemColumns(merged, cat.name), category_id: cat.id, version: current.version + 1 })
      .where('id', '=', id).where('version', '=', patch.version).returningAll().executeTakeFirst();
    if (!after) throw new AppError('VERSION_CONFLICT');
    await recordChange(trx, actor, 'item', id, 'item_updated', snapshot(current), snapshot(after));
  });
  return itemDetail(ctx, id);
}

const snapshot = (r: { code: string; name: string; published: boolean; pricing: unknown; options: unknown; price_min_fen: number; price_max_fen: number; duration_minutes: number; description: string }) => ({
  code: r.code, name: r.name, published: r.published, pricing: r.pricing, options: r.options,
  referenceMinFen: r.price_min_fen, referenceMaxFen: r.price_max_fen, durationMinutes: r.duration_minutes, description: r.description,
});

export async function itemDetail(ctx: AppContext, id: string) {
  const row = await q.findItemById(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  const { city } = await cityPricing(ctx.db, ctx.config.cityCode);
  return adminView(row, city);
}

/** The console's item: what customers see plus the catalogue's own reference range and the city override. */
function adminView(row: q.ItemRow, city: Awaited<ReturnType<typeof cityPricing>>['city']) {
  return { ...presentItemDetail(row, city), version: row.version, catalogReferenceMinFen: row.price_min_fen, catalogReferenceMaxFen: row.price_max_fen, cityPrice: cityPriceOf(city, row.code) };
}

function cityPriceOf(city: Awaited<ReturnType<typeof cityPricing>>['city'], code: string) {
  const range = city.referenceRanges?.[code];
  return range ? { basePriceFen: city.basePriceOverrides?.[code] ?? null, referenceMinFen: range.minFen, referenceMaxFen: range.maxFen } : null;
}

/** Sets (or with `null` base price, keeps the catalogue's) an item's price and reference range for a city. */
export async function setCityItemPrice(ctx: AppContext, actor: Actor, itemId: string, cityCode: string, v: { basePriceFen: number | null; referenceMinFen: number; referenceMaxFen: number }) {
  assertRange(v.referenceMinFen, v.referenceMaxFen);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await q.findItemById(trx, itemId))) throw new AppError('NOT_FOUND');
    const before = await trx.selectFrom('city_item_prices').selectAll().where('city_code', '=', cityCode).where('item_id', '=', itemId).forUpdate().executeTakeFirst();
    const values = { base_price_fen: v.basePriceFen, reference_min_fen: v.referenceMinFen, reference_max_fen: v.referenceMaxFen, updated_at: new Date() };
    await trx.insertInto('city_item_prices').values({ city_code: cityCode, item_id: itemId, ...values })
      .onConflict((oc) => oc.columns(['city_code', 'item_id']).doUpdateSet(values)).execute();
    await recordChange(trx, actor, 'item', itemId, 'city_price_set', before ? { cityCode, basePriceFen: before.base_price_fen, referenceMinFen: before.reference_min_fen, referenceMaxFen: before.reference_max_fen } : null, { cityCode, ...v });
  });
  return itemDetail(ctx, itemId);
}

/** Removes the city's override: the item goes back to the catalogue price and reference range. */
export async function clearCityItemPrice(ctx: AppContext, actor: Actor, itemId: string, cityCode: string) {
  await ctx.db.transaction().execute(async (trx) => {
    const gone = await trx.deleteFrom('city_item_prices').where('city_code', '=', cityCode).where('item_id', '=', itemId).returningAll().executeTakeFirst();
    if (!gone) throw new AppError('NOT_FOUND');
    await recordChange(trx, actor, 'item', itemId, 'city_price_cleared', { cityCode, basePriceFen: gone.base_price_fen, referenceMinFen: gone.reference_min_fen, referenceMaxFen: gone.reference_max_fen }, null);
  });
  return itemDetail(ctx, itemId);
}

export async function setCityMultiplier(ctx: AppContext, actor: Actor, cityCode: string, multiplierBp: number) {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await q.cityMultiplier(trx, cityCode);
    await trx.insertInto('city_pricing').values({ city_code: cityCode, multiplier_bp: multiplierBp })
      .onConflict((oc) => oc.column('city_code').doUpdateSet({ multiplier_bp: multiplierBp, updated_at: new Date() })).execute();
    await recordChange(trx, actor, 'city', cityCode, 'city_multiplier_set', before ? { multiplierBp: before.multiplier_bp } : null, { multiplierBp });
  });
  return { cityCode, multiplierBp };
}

export interface RuleInput { kind: TimeRule['kind']; labelZh: string; labelEn: string; config: Record<string, unknown>; adjustment: TimeRule['adjustment']; excludes?: string[]; active?: boolean }

function assertValidRule(id: string, input: RuleInput) {
  const rule = { id, kind: input.kind, label: { zh: input.labelZh, en: input.labelEn }, adjustment: input.adjustment, excludes: input.excludes ?? [], ...input.config } as TimeRule;
  const errors = validatePricingContext({ now: new Date(), city: { code: 'x' }, timeRules: [rule] });
  if (errors.length) throw new AppError('PRICING_INVALID', {}, asFieldErrors(errors).map((e) => ({ ...e, field: e.field.replace(/^timeRules\.0\./, '') })));
}

export async function saveRule(ctx: AppContext, actor: Actor, cityCode: string, id: string | null, input: RuleInput) {
  assertValidRule(id ?? 'new', input);
  return ctx.db.transaction().execute(async (trx: Transaction<DB>) => {
    const values = { kind: input.kind, label_zh: input.labelZh, label_en: input.labelEn, config: JSON.stringify(input.config), adjustment: JSON.stringify(input.adjustment), excludes: input.excludes ?? [], active: input.active ?? true, updated_at: new Date() };
    const before = id ? await trx.selectFrom('price_rules').selectAll().where('id', '=', id).where('city_code', '=', cityCode).forUpdate().executeTakeFirst() : null;
    if (id && !before) throw new AppError('NOT_FOUND');
    const row = id
      ? await trx.updateTable('price_rules').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow()
      : await trx.insertInto('price_rules').values({ ...values, city_code: cityCode }).returningAll().executeTakeFirstOrThrow();
    await recordChange(trx, actor, 'price_rule', row.id, id ? 'rule_updated' : 'rule_created', before ?? null, row);
    return { ...toTimeRule(row), active: row.active };
  });
}

export async function listRules(ctx: AppContext, cityCode: string) {
  const rows = await ctx.db.selectFrom('price_rules').selectAll().where('city_code', '=', cityCode).orderBy('created_at').execute();
  return rows.map((r) => ({ ...toTimeRule(r), active: r.active }));
}

export async function listChanges(ctx: AppContext, f: { entityId?: string; offset: number; limit: number }) {
  let query = ctx.db.selectFrom('catalog_changes');
  if (f.entityId) query = query.where('entity_id', '=', f.entityId);
  const [items, total] = await Promise.all([
    query.selectAll().orderBy('created_at', 'desc').offset(f.offset).limit(f.limit).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(total.n),
    items: items.map((c) => ({ id: c.id, entityType: c.entity_type, entityId: c.entity_id, action: c.action, adminName: c.admin_name, before: c.before, after: c.after, createdAt: c.created_at.toISOString() })),
  };
}

/** The console's catalogue: every category and item, published or not, with city prices and versions. */
export async function listCatalogAdmin(ctx: AppContext) {
  const [categories, items, { city }] = await Promise.all([
    ctx.db.selectFrom('service_categories').selectAll().orderBy('sort').orderBy('code').execute(),
    q.itemsWithCategory(ctx.db).orderBy('i.sort').orderBy('i.code').execute(),
    cityPricing(ctx.db, ctx.config.cityCode),
  ]);
  return {
    cityCode: city.code,
    multiplierBp: city.multiplierBp ?? 10000,
    categories: categories.map((c) => ({
      id: c.id, code: c.code, name: c.name, nameEn: c.name_en, icon: c.icon, published: c.published,
      items: items.filter((i) => i.category_id === c.id).map((i) => adminView(i, city)),
    })),
  };
}

export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
const MAX_PHOTOS = 8;

/** Adds a public photo (JPEG/PNG/WebP ≤ 5 MiB, checked by content) to an item. */
export async function addItemPhoto(ctx: AppContext, actor: Actor, itemId: string, bytes: Buffer) {
  const item = await q.findItemById(ctx.db, itemId);
  if (!item) throw new AppError('NOT_FOUND');
  if (item.photo_file_ids.length >= MAX_PHOTOS) {
    throw new AppError('VALIDATION_FAILED', {}, [{ field: 'file', code: 'maxItems', message: { zh: '最多 {limit} 张图片', en: 'at most {limit} photos' }, vars: { limit: MAX_PHOTOS } }]);
  }
  const file = await storeUpload(ctx.db, ctx.storage, { ownerKind: 'catalog_item', ownerId: itemId, purpose: 'item-photo', bytes, allowed: IMAGE_TYPES, maxBytes: PHOTO_MAX_BYTES, isPublic: true });
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('service_items').set((eb) => ({ photo_file_ids: sql<string[]>`array_append(${eb.ref('photo_file_ids')}, ${file.id}::uuid)`, updated_at: new Date() }))
      .where('id', '=', itemId).execute();
    await recordChange(trx, actor, 'item', itemId, 'photo_added', null, { fileId: file.id });
  });
  return itemDetail(ctx, itemId);
}

export async function removeItemPhoto(ctx: AppContext, actor: Actor, itemId: string, fileId: string) {
  const key = await ctx.db.transaction().execute(async (trx) => {
    const updated = await trx.updateTable('service_items')
      .set((eb) => ({ photo_file_ids: sql<string[]>`array_remove(${eb.ref('photo_file_ids')}, ${fileId}::uuid)`, updated_at: new Date() }))
      .where('id', '=', itemId).where(sql<boolean>`${fileId}::uuid = any(photo_file_ids)`).returning('id').executeTakeFirst();
    if (!updated) throw new AppError('NOT_FOUND');
    const removed = await trx.deleteFrom('files').where('id', '=', fileId).returning('storage_key').executeTakeFirst();
    await recordChange(trx, actor, 'item', itemId, 'photo_removed', { fileId }, null);
    return removed?.storage_key;
  });
  if (key) await ctx.storage.remove(key);
  return itemDetail(ctx, itemId);
}
