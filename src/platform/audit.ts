import type { Kysely } from 'kysely';
import type { DB } from '../db/types.js';

export interface AuditEntry {
  actorKind: 'user' | 'admin' | 'system' | 'anonymous';
  actorId?: string | null;
  actorName?: string;
  action: string;
  targetType?: string;
  targetId?: string;
  ip?: string;
  detail?: Record<string, unknown>;
}

/** Appends to the audit log; call it inside the transaction of the action it records. */
export async function writeAudit(db: Kysely<DB>, entry: AuditEntry): Promise<void> {
  await db.insertInto('audit_log').values({
    actor_kind: entry.actorKind,
    actor_id: entry.actorId ?? null,
    actor_name: entry.actorName ?? '',
    action: entry.action,
    target_type: entry.targetType ?? null,
    target_id: entry.targetId ?? null,
    ip: entry.ip ?? '',
    detail: JSON.stringify(entry.detail ?? {}),
  }).execute();
}

export async function listAudit(db: Kysely<DB>, filter: { action?: string; offset: number; limit: number }) {
  let q = db.selectFrom('audit_log');
  if (filter.action) q = q.where('action', 'like', `${filter.action}%`);
  const [items, total] = await Promise.all([
    q.selectAll().orderBy('created_at', 'desc').offset(filter.offset).limit(filter.limit).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}
