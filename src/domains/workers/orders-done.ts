/** 已完成单数 shown on a worker's profile, set from booking's count of completed orders. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/types.js';

/** Sets `orders_done` of every listed worker (the count booking derived); workers not listed keep theirs. */
export async function setOrdersDone(db: Kysely<DB>, counts: ReadonlyMap<string, number>): Promise<void> {
  const rows = [...counts];
  for (let i = 0; i < rows.length; i += 2000) {
    const values = sql.join(rows.slice(i, i + 2000).map(([id, n]) => sql`(${id}::uuid, ${n}::int)`));
    await sql`update worker_profiles w set orders_done = v.n from (values ${values}) as v(id, n) where w.user_id = v.id`.execute(db);
  }
}
