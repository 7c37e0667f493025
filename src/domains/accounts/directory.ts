import type { AppContext } from '../../platform/app-context.js';
import { countUsersWithRole, searchUsers } from './queries.js';

/** Console view of accounts: masked phones only, deleted accounts shown as such. */
export async function searchAccounts(ctx: AppContext, f: { q?: string; role?: string; offset: number; limit: number }) {
  const [rows, total] = await searchUsers(ctx.db, f);
  return {
    total,
    items: rows.map((r) => ({
      id: r.id, name: r.name, roles: r.roles, phoneMasked: r.phone_masked, email: r.email,
      createdAt: r.created_at.toISOString(), deletedAt: r.deleted_at?.toISOString() ?? null,
    })),
  };
}

export async function countAccounts(ctx: AppContext) {
  const [customers, workers] = await Promise.all([countUsersWithRole(ctx.db, 'customer'), countUsersWithRole(ctx.db, 'worker')]);
  return { customers, workers };
}

/** Display names and masked phones of some accounts (for other domains' lists; deleted accounts keep their anonymised name). */
export async function userNames(db: AppContext['db'], ids: readonly string[]): Promise<Map<string, { name: string; phoneMasked: string | null }>> {
  const out = new Map<string, { name: string; phoneMasked: string | null }>();
  const unique = [...new Set(ids.filter(Boolean))];
  if (!unique.length) return out;
  const rows = await db.selectFrom('users').select(['id', 'name', 'phone_masked']).where('id', 'in', unique).execute();
  for (const r of rows) out.set(r.id, { name: r.name, phoneMasked: r.phone_masked });
  return out;
}
