/** An item's shown rating (目录 ★ and count), kept current from its review rows by the same rules as a worker's. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { setItemRating } from '../catalog/index.js';
import { summarizeReviews } from './rules/reputation.js';

export async function refreshItemRating(db: Kysely<DB>, itemCode: string): Promise<void> {
  const rows = await db.selectFrom('reviews').select(['stars']).where('item_code', '=', itemCode).where('status', '=', 'visible').where('is_default', '=', false).execute();
  const f = summarizeReviews(rows.map((r) => ({ stars: r.stars, isDefault: false, visibility: 'visible' as const })));
  await setItemRating(db, itemCode, { avg: f.average ?? 0, count: f.ratedCount });
}
