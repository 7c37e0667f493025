import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';

/** Published categories with their published items, in display order. */
export async function listCatalog(db: Kysely<DB>, opts: { includeUnpublished?: boolean } = {}) {
  const categories = await db.selectFrom('service_categories').selectAll().orderBy('sort').orderBy('code').execute();
  let itemsQ = db.selectFrom('service_items').selectAll().orderBy('sort').orderBy('code');
  if (!opts.includeUnpublished) itemsQ = itemsQ.where('published', '=', true);
  const items = await itemsQ.execute();
  return categories.map((c) => ({
    id: c.id, code: c.code, name: c.name, nameEn: c.name_en, icon: c.icon,
    items: items.filter((i) => i.category_id === c.id).map((i) => ({
      id: i.id, code: i.code, name: i.name, nameEn: i.name_en, description: i.description, unit: i.unit,
      priceMinFen: i.price_min_fen, priceMaxFen: i.price_max_fen, durationMinutes: i.duration_minutes,
      requiredCertificate: i.required_certificate, published: i.published,
    })),
  }));
}

export async function countCatalog(db: Kysely<DB>) {
  const [c, i] = await Promise.all([
    db.selectFrom('service_categories').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    db.selectFrom('service_items').select((eb) => eb.fn.countAll<number>().as('n')).where('published', '=', true).executeTakeFirstOrThrow(),
  ]);
  return { categories: Number(c.n), items: Number(i.n) };
}

export interface CategorySeed {
  code: string; name: string; nameEn: string; icon: string;
  items: { code: string; name: string; nameEn: string; description: string; unit: string; priceMinFen: number; priceMaxFen: number; durationMinutes: number; requiredCertificate?: string }[];
}

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
      }).onConflict((oc) => oc.column('code').doNothing()).execute();
    }
  }
  const rows = await db.selectFrom('service_items').select(['id', 'code']).execute();
  return new Map(rows.map((r) => [r.code, r.id]));
}
