/** Completed orders counted per worker and per item: what `orders_done` and an item's popularity are derived from. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/types.js';

/** Orders completed (验收, also 已关闭 afterwards) per worker, or per item code; rework visits left out. */
export async function completedOrderCounts(db: Kysely<DB>, by: 'worker_id' | 'item_code'): Promise<Map<string, number>> {
  const rows = await db.selectFrom('orders').select([sql<string>`${sql.ref(by)}`.as('key'), sql<number>`count(*)::int`.as('n')])
    .where('kind', '=', 'normal').where('status', 'in', ['completed', 'closed']).where('worker_id', 'is not', null).groupBy(by).execute();
  return new Map(rows.map((r) => [r.key, Number(r.n)]));
}
