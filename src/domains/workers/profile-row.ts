import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';

/** The worker's own profile row, created as a draft on first use. */
export async function ensureProfile(db: Kysely<DB>, userId: string) {
  await db.insertInto('worker_profiles').values({ user_id: userId }).onConflict((oc) => oc.column('user_id').doNothing()).execute();
  return db.selectFrom('worker_profiles').selectAll().where('user_id', '=', userId).executeTakeFirstOrThrow();
}
