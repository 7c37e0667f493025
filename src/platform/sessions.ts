import DataLoader from 'dataloader';
import type { Kysely } from 'kysely';
import type { DB } from '../db/types.js';
import { newToken, sha256 } from './crypto.js';

export type PrincipalKind = 'user' | 'admin';
const DAY = 24 * 3600 * 1000;
export const SESSION_TTL_MS = { remember: 30 * DAY, plain: DAY } as const;
const TOUCH_EVERY_MS = 60_000;

export interface SessionRow { id: string; principalKind: PrincipalKind; principalId: string; remember: boolean }

/** Opaque random token to the client; only its SHA-256 is stored, so a database leak yields no sessions. */
export async function createSession(
  db: Kysely<DB>,
  input: { kind: PrincipalKind; principalId: string; remember: boolean; userAgent: string; ip: string },
): Promise<{ token: string; sessionId: string; expiresAt: Date }> {
  const token = newToken();
  const expiresAt = new Date(Date.now() + (input.remember ? SESSION_TTL_MS.remember : SESSION_TTL_MS.plain));
  const row = await db.insertInto('sessions').values({
    token_hash: sha256(token), principal_kind: input.kind, principal_id: input.principalId,
    remember: input.remember, user_agent: input.userAgent.slice(0, 300), ip: input.ip, expires_at: expiresAt,
  }).returning('id').executeTakeFirstOrThrow();
  return { token, sessionId: row.id, expiresAt };
}

/** Resolves a live session and slides its expiry forward (at most once a minute). */
export async function resolveSession(db: Kysely<DB>, token: string): Promise<SessionRow | null> {
  const [session] = await lookupSessions(db, [sha256(token)]);
  return session ?? null;
}

/**
 * resolveSession for the request guards: the lookups of one event-loop turn share one query, so a burst of
 * requests (a grab race, a reconnect storm) costs one round trip instead of one each.
 */
export function sessionBatcher(db: Kysely<DB>): (token: string) => Promise<SessionRow | null> {
  const loader = new DataLoader<string, SessionRow | null>((hashes) => lookupSessions(db, hashes), { cache: false, batchScheduleFn: setImmediate });
  return (token) => loader.load(sha256(token));
}

async function lookupSessions(db: Kysely<DB>, hashes: readonly string[]): Promise<(SessionRow | null)[]> {
  const rows = await db.selectFrom('sessions')
    .select(['id', 'token_hash', 'principal_kind', 'principal_id', 'remember', 'last_seen_at'])
    .where('token_hash', 'in', [...new Set(hashes)])
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', new Date())
    .execute();
  const stale = rows.filter((r) => Date.now() - r.last_seen_at.getTime() > TOUCH_EVERY_MS);
  for (const remember of [true, false]) {
    const ids = stale.filter((r) => r.remember === remember).map((r) => r.id);
    if (!ids.length) continue;
    const ttl = remember ? SESSION_TTL_MS.remember : SESSION_TTL_MS.plain;
    await db.updateTable('sessions').set({ last_seen_at: new Date(), expires_at: new Date(Date.now() + ttl) }).where('id', 'in', ids).execute();
  }
  const byHash = new Map(rows.map((r) => [r.token_hash, { id: r.id, principalKind: r.principal_kind, principalId: r.principal_id, remember: r.remember }]));
  return hashes.map((h) => byHash.get(h) ?? null);
}

export async function revokeSession(db: Kysely<DB>, sessionId: string): Promise<void> {
  await db.updateTable('sessions').set({ revoked_at: new Date() }).where('id', '=', sessionId).where('revoked_at', 'is', null).execute();
}

/** Revokes every session of a principal, optionally keeping one (the current device). */
export async function revokeAllSessions(db: Kysely<DB>, kind: PrincipalKind, principalId: string, keepSessionId?: string) {
  let q = db.updateTable('sessions').set({ revoked_at: new Date() })
    .where('principal_kind', '=', kind).where('principal_id', '=', principalId).where('revoked_at', 'is', null);
  if (keepSessionId) q = q.where('id', '!=', keepSessionId);
  await q.execute();
}

export async function listSessions(db: Kysely<DB>, kind: PrincipalKind, principalId: string) {
  return db.selectFrom('sessions')
    .select(['id', 'user_agent', 'ip', 'created_at', 'last_seen_at', 'remember'])
    .where('principal_kind', '=', kind).where('principal_id', '=', principalId)
    .where('revoked_at', 'is', null).where('expires_at', '>', new Date())
    .orderBy('last_seen_at', 'desc').execute();
}
