/**
 * Worker commitments: `[start, end + buffer)` ranges guarded by the exclusion constraint. Every path
 * that puts a job on a worker's calendar (hold, accept, assign, reschedule) goes through here, and an
 * overlap surfaces as SCHEDULE_CONFLICT, whatever the calculator said a moment earlier.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { AppError } from '../../platform/errors.js';
import { commitmentRange, type Commitment } from './slots.js';

type Db = Kysely<DB>;

function isExclusionViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: string }).code === '23P01';
}

async function guarded<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (isExclusionViolation(err)) throw new AppError('SCHEDULE_CONFLICT');
    throw err;
  }
}

const rangeSql = (start: Date, durationMinutes: number, bufferMinutes: number) => {
  const r = commitmentRange(start, durationMinutes, bufferMinutes);
  return sql<string>`tstzrange(${r.start}::timestamptz, ${r.end}::timestamptz, '[)')`;
};

/** Active commitments of these workers overlapping `[from, to)`, optionally without one order's own. */
export async function commitmentsOf(db: Db, workerIds: string[], from: Date, to: Date, excludeOrderId?: string): Promise<Map<string, Commitment[]>> {
  const out = new Map<string, Commitment[]>();
  if (!workerIds.length) return out;
  let q = db.selectFrom('worker_commitments')
    .select(['worker_id', 'work_minutes', sql<Date>`lower(during)`.as('s'), sql<Date>`upper(during)`.as('e')])
    .where('active', '=', true).where('worker_id', 'in', workerIds)
    .where(sql<boolean>`during && tstzrange(${from.toISOString()}::timestamptz, ${to.toISOString()}::timestamptz, '[)')`);
  if (excludeOrderId) q = q.where('order_id', '!=', excludeOrderId);
  for (const r of await q.execute()) {
    const list = out.get(r.worker_id) ?? [];
    list.push({ start: r.s, end: r.e, workMinutes: r.work_minutes });
    out.set(r.worker_id, list);
  }
  return out;
}

/** Puts the order on the worker's calendar (a hold while unpaid / unaccepted, or the job). */
export async function commit(db: Db, c: { workerId: string; orderId: string; kind: 'hold' | 'order'; start: Date; durationMinutes: number; bufferMinutes: number }) {
  await guarded(() => db.insertInto('worker_commitments').values({
    worker_id: c.workerId, order_id: c.orderId, kind: c.kind, during: rangeSql(c.start, c.durationMinutes, c.bufferMinutes), work_minutes: c.durationMinutes,
  }).execute());
}

/** The order's active commitment, if any. */
export async function activeCommitment(db: Db, orderId: string) {
  return db.selectFrom('worker_commitments').select(['id', 'worker_id', 'kind']).where('order_id', '=', orderId).where('active', '=', true).executeTakeFirst();
}

/** A hold becomes the job when its worker accepts. */
export async function confirmHold(db: Db, orderId: string, workerId: string): Promise<boolean> {
  const r = await db.updateTable('worker_commitments').set({ kind: 'order' }).where('order_id', '=', orderId).where('worker_id', '=', workerId).where('active', '=', true).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Frees the order's time on whoever's calendar holds it. */
export async function release(db: Db, orderId: string) {
  await db.updateTable('worker_commitments').set({ active: false, released_at: new Date() }).where('order_id', '=', orderId).where('active', '=', true).execute();
}

/** Moves the order's commitment to a new start (reschedule); the exclusion constraint judges the new range. */
export async function move(db: Db, orderId: string, start: Date, durationMinutes: number, bufferMinutes: number) {
  await guarded(() => db.updateTable('worker_commitments').set({ during: rangeSql(start, durationMinutes, bufferMinutes) })
    .where('order_id', '=', orderId).where('active', '=', true).execute());
}

/** Finished early: the calendar frees up from the real end (plus the buffer). Never extends a range. */
export async function trim(db: Db, orderId: string, end: Date, bufferMinutes: number) {
  const upper = new Date(end.getTime() + bufferMinutes * 60_000).toISOString();
  await db.updateTable('worker_commitments')
    .set({ during: sql`tstzrange(lower(during), ${upper}::timestamptz, '[)')` })
    .where('order_id', '=', orderId).where('active', '=', true)
    .where(sql<boolean>`upper(during) > ${upper}::timestamptz and lower(during) < ${upper}::timestamptz`).execute();
}

/** Active commitments of one worker in a window, for the worker's calendar. */
export async function calendarOf(db: Db, workerId: string, from: Date, to: Date) {
  return db.selectFrom('worker_commitments').select(['order_id', 'kind', sql<Date>`lower(during)`.as('s'), sql<Date>`upper(during)`.as('e'), 'work_minutes'])
    .where('worker_id', '=', workerId).where('active', '=', true)
    .where(sql<boolean>`during && tstzrange(${from.toISOString()}::timestamptz, ${to.toISOString()}::timestamptz, '[)')`)
    .orderBy(sql`lower(during)`).execute();
}
