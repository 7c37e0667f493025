import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../db/types.js';

export type ItemRow = Selectable<DB['service_items']> & { category_code: string; category_name: string; category_name_en: string; category_published: boolean };

export function itemsWithCategory(db: Kysely<DB>) {
  return db.selectFrom('service_items as i').innerJoin('service_categories as c', 'c.id', 'i.category_id')
    .selectAll('i').select(['c.code as category_code', 'c.name as category_name', 'c.name_en as category_name_en', 'c.published as category_published']);
}

export function findItemByCode(db: Kysely<DB>, code: string): Promise<ItemRow | undefined> {
  return itemsWithCategory(db).where('i.code', '=', code).executeTakeFirst();
}

export function findItemById(db: Kysely<DB>, id: string): Promise<ItemRow | undefined> {
  return itemsWithCategory(db).where('i.id', '=', id).executeTakeFirst();
}

export function cityItemPrices(db: Kysely<DB>, cityCode: string) {
  return db.selectFrom('city_item_prices').selectAll().where('city_code', '=', cityCode).execute();
}

export function cityMultiplier(db: Kysely<DB>, cityCode: string) {
  return db.selectFrom('city_pricing').select('multiplier_bp').where('city_code', '=', cityCode).executeTakeFirst();
}

export function activeRules(db: Kysely<DB>, cityCode: string) {
  return db.selectFrom('price_rules').selectAll().where('city_code', '=', cityCode).where('active', '=', true).orderBy('created_at').execute();
}

export async function recordChange(db: Kysely<DB>, c: { entityType: string; entityId: string; action: string; adminId: string | null; adminName: string; before: unknown; after: unknown }) {
  await db.insertInto('catalog_changes').values({
    entity_type: c.entityType, entity_id: c.entityId, action: c.action, admin_id: c.adminId, admin_name: c.adminName,
    before: c.before === null ? null : JSON.stringify(c.before), after: c.after === null ? null : JSON.stringify(c.after),
  }).execute();
}
