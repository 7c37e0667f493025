/** The catalogue's shown figures per item — rating, rating count, popularity — as derived elsewhere (reviews, orders). */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/types.js';

export interface ItemStats { code: string; ratingAvg: number; ratingCount: number; popularity: number }

/** Sets every listed item's figures in one statement; items not listed keep theirs. */
export async function setItemStats(db: Kysely<DB>, stats: readonly ItemStats[]): Promise<void> {
  if (!stats.length) return;
  const values = sql.join(stats.map((s) => sql`(${s.code}::text, ${s.ratingAvg}::numeric, ${s.ratingCount}::int, ${s.popularity}::int)`));
  await sql`update service_items i set rating_avg = v.avg, rating_count = v.n, popularity = v.pop from (values ${values}) as v(code, avg, n, pop) where i.code = v.code`.execute(db);
}

/** An item's shown rating as the reviews domain derived it from its review rows (popularity untouched). */
export async function setItemRating(db: Kysely<DB>, code: string, r: { avg: number; count: number }): Promise<void> {
  await db.updateTable('service_items').set({ rating_avg: r.avg, rating_count: r.count }).where('code', '=', code).execute();
}

/** One more completed order of the item (its popularity: completed orders, as the demo history derives it). */
export async function countCompletedItemOrder(db: Kysely<DB>, code: string): Promise<void> {
  await db.updateTable('service_items').set((eb) => ({ popularity: eb('popularity', '+', 1) })).where('code', '=', code).execute();
}
