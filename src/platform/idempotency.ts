/**
 * Idempotency-Key handling as Stripe defines it: the same key and the same request replay the stored
 * answer (errors included); the same key with a different request is refused; a request still running
 * under a key makes a concurrent duplicate wait-free refused (409). Keys are kept 24 h.
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../db/types.js';
import { AppError, problemOfError } from './errors.js';
import { requestLang } from './http-errors.js';

const KEY_RE = /^[\x21-\x7e]{1,100}$/;
export const IDEMPOTENCY_TTL_HOURS = 24;

function hashOf(request: FastifyRequest): string {
  return createHash('sha256').update(JSON.stringify({ params: request.params ?? null, body: request.body ?? null })).digest('hex');
}

/**
 * Runs `handler` at most once per (principal, Idempotency-Key). Without the header it simply runs.
 * `handler` returns the status and body to send; AppErrors are stored as their problem+json answer.
 */
export async function idempotent(
  db: Kysely<DB>, request: FastifyRequest, reply: FastifyReply, principal: string,
  handler: () => Promise<{ status: number; body: unknown }>,
) {
  const raw = request.headers['idempotency-key'];
  const key = Array.isArray(raw) ? raw[0] : raw;
  if (key === undefined) {
    const r = await handler();
    return reply.status(r.status).send(r.body);
  }
  if (!KEY_RE.test(key)) {
    throw new AppError('VALIDATION_FAILED', {}, [{ field: 'Idempotency-Key', code: 'format', message: { zh: '应为 1–100 个可见 ASCII 字符', en: 'must be 1–100 visible ASCII characters' } }]);
  }
  const route = `${request.method} ${request.routeOptions.url ?? request.url}`;
  const hash = hashOf(request);
  const fresh = await db.insertInto('idempotency_keys').values({ principal, key, route, request_hash: hash })
    .onConflict((oc) => oc.columns(['principal', 'key']).doNothing()).returning('key').executeTakeFirst();
  if (!fresh) {
    const row = await db.selectFrom('idempotency_keys').selectAll().where('principal', '=', principal).where('key', '=', key).executeTakeFirstOrThrow();
    if (row.route !== route || row.request_hash !== hash) throw new AppError('IDEMPOTENCY_KEY_REUSED');
    if (row.status_code === null) throw new AppError('IDEMPOTENCY_IN_PROGRESS');
    void reply.header('idempotent-replayed', 'true');
    if (row.status_code >= 400) void reply.type('application/problem+json; charset=utf-8');
    return reply.status(row.status_code).send(row.response);
  }
  const store = (status: number, body: unknown) => db.updateTable('idempotency_keys').set({ status_code: status, response: JSON.stringify(body ?? null) })
    .where('principal', '=', principal).where('key', '=', key).execute();
  try {
    const r = await handler();
    await store(r.status, r.body);
    return reply.status(r.status).send(r.body);
  } catch (err) {
    if (err instanceof AppError && err.status < 500) {
      await store(err.status, problemOfError(err, requestLang(request)));
    } else {
      await db.deleteFrom('idempotency_keys').where('principal', '=', principal).where('key', '=', key).execute();
    }
    throw err;
  }
}

/** Forgets keys older than the retention period. */
export async function purgeIdempotencyKeys(db: Kysely<DB>, now = new Date()): Promise<void> {
  await db.deleteFrom('idempotency_keys').where('created_at', '<', new Date(now.getTime() - IDEMPOTENCY_TTL_HOURS * 3_600_000)).execute();
}
