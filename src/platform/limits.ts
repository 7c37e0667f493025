/**
 * Atomic rate limits shared by every API instance: one counter row per limited thing in `rate_limit_counters`
 * (migration 0032), taken with a single `insert … on conflict do update … returning`. A request takes its hit
 * BEFORE it does the limited work (checks a password, sends a code), so N parallel requests get hits 1…N and only
 * those within the limit go on — a count read first and written after the work would let them all through. The
 * same statement is atomic on PostgreSQL (any number of instances and connections) and on PGlite.
 *
 * Windows are fixed and start at the first hit: `limit` hits per `windowSeconds`; a refused request answers with the
 * seconds until its window ends. Work that turns out not to count (a correct password) gives its hit back.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/types.js';
import { AppError } from './errors.js';

export interface LimitRule {
  /** What is limited, e.g. `password.account_ip`; one namespace of keys. */
  scope: string;
  /** Hits allowed per window. */
  limit: number;
  windowSeconds: number;
}

export interface Hit {
  rule: LimitRule;
  key: string;
  /** Within the limit: go on with the work. */
  allowed: boolean;
  /** This request's number in the window (1 for the first). */
  count: number;
  windowStart: Date;
  /** Seconds until the window ends (≥ 1); what a refusal tells the client to wait. */
  retryAfterSeconds: number;
  /** The first refused request of the window — exactly one per window, however many run in parallel (audit it). */
  justLocked: boolean;
}

/** Takes one hit on `key` atomically; `allowed` says whether it was within the rule's limit. */
export async function takeHit(db: Kysely<DB>, rule: LimitRule, key: string, now = new Date()): Promise<Hit> {
  const expired = new Date(now.getTime() - rule.windowSeconds * 1000);
  const row = await db.insertInto('rate_limit_counters')
    .values({ scope: rule.scope, key, window_start: now, hits: 1 })
    .onConflict((oc) => oc.columns(['scope', 'key']).doUpdateSet({
      hits: sql<number>`case when rate_limit_counters.window_start <= ${expired} then 1 else rate_limit_counters.hits + 1 end`,
      window_start: sql<Date>`case when rate_limit_counters.window_start <= ${expired} then ${now}::timestamptz else rate_limit_counters.window_start end`,
    }))
    .returning(['hits', 'window_start'])
    .executeTakeFirstOrThrow();
  const count = Number(row.hits);
  const windowStart = new Date(row.window_start);
  const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + rule.windowSeconds * 1000 - now.getTime()) / 1000));
  return { rule, key, allowed: count <= rule.limit, count, windowStart, retryAfterSeconds, justLocked: count === rule.limit + 1 };
}

/** Gives a hit back (the work turned out not to count, e.g. the password was right); only within the same window. */
export async function returnHit(db: Kysely<DB>, hit: Hit): Promise<void> {
  await db.updateTable('rate_limit_counters').set({ hits: sql<number>`greatest(hits - 1, 0)` })
    .where('scope', '=', hit.rule.scope).where('key', '=', hit.key).where('window_start', '=', hit.windowStart).execute();
}

/** Forgets a key's counter (e.g. the failures of one account from one address, after a successful sign-in). */
export async function resetLimit(db: Kysely<DB>, rule: LimitRule, key: string): Promise<void> {
  await db.deleteFrom('rate_limit_counters').where('scope', '=', rule.scope).where('key', '=', key).execute();
}

/** Housekeeping: drops counters whose window started more than `olderThanSeconds` ago (longer than any rule's window). */
export async function purgeLimitCounters(db: Kysely<DB>, olderThanSeconds = 2 * 86_400, now = new Date()): Promise<number> {
  const r = await db.deleteFrom('rate_limit_counters').where('window_start', '<', new Date(now.getTime() - olderThanSeconds * 1000)).executeTakeFirst();
  return Number(r.numDeletedRows ?? 0);
}

/**
 * The client address as a limit key: IPv4 as is (an IPv4-mapped IPv6 address as its IPv4), IPv6 by its /64 prefix —
 * one subscriber usually holds a whole /64, so counting single IPv6 addresses would give an attacker 2^64 tries.
 */
export function clientKey(ip: string): string {
  const plain = ip.trim().toLowerCase().replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(plain);
  if (mapped) return mapped[1]!;
  if (!plain.includes(':')) return plain;
  const [head = '', tail] = plain.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

/** An AppError that carries the seconds to wait: the body gets `retryAfterSeconds`, the answer a `Retry-After` header. */
export function limitError(code: ConstructorParameters<typeof AppError>[0], retryAfterSeconds: number, vars: Record<string, string | number> = {}): AppError {
  return new AppError(code, { seconds: retryAfterSeconds, minutes: Math.ceil(retryAfterSeconds / 60), ...vars }, [], { retryAfterSeconds });
}

/** Route `onError` hook: sets `Retry-After` when the error says how long to wait (it runs before the error handler). */
export function retryAfterHeader(_request: FastifyRequest, reply: FastifyReply, error: Error, done: () => void): void {
  const seconds = error instanceof AppError ? error.extra.retryAfterSeconds : undefined;
  if (typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0) reply.header('retry-after', String(Math.ceil(seconds)));
  done();
}
