/**
 * Figures derived from many workers' or items' reviews at once (after an import such as the demo city's history):
 * the same rules as one review's recomputation (`refreshWorkerRating`, rules/reputation.ts).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { summarizeReviews } from './rules/reputation.js';
import { refreshWorkerRating } from './service.js';

type Db = Kysely<DB>;

/** Recomputes the shown rating of each listed worker from their review rows. */
export async function refreshWorkerRatings(db: Db, workerIds: Iterable<string>): Promise<number> {
  let n = 0;
  for (const id of new Set(workerIds)) {
    await refreshWorkerRating(db, id);
    n++;
  }
  return n;
}

/**
 * Per item code: the plain mean (2 decimals) and count of the visible reviews customers wrote — hidden and removed
 * reviews and 系统默认好评 count for nothing, as for a worker. Items without such a review are left out.
 */
export async function itemRatings(db: Db): Promise<Map<string, { avg: number; count: number }>> {
  const rows = await db.selectFrom('reviews').select(['item_code', 'stars', 'is_default', 'status']).execute();
  const byItem = new Map<string, { stars: number; isDefault: boolean; visibility: 'visible' | 'hidden' | 'removed' }[]>();
  for (const r of rows) {
    const list = byItem.get(r.item_code) ?? [];
    list.push({ stars: r.stars, isDefault: r.is_default, visibility: r.status });
    byItem.set(r.item_code, list);
  }
  const out = new Map<string, { avg: number; count: number }>();
  for (const [code, list] of byItem) {
    const f = summarizeReviews(list);
    if (f.ratedCount) out.set(code, { avg: f.average!, count: f.ratedCount });
  }
  return out;
}
