/**
 * 售后 / 纠纷 as the parties see it: who opened the case and why, the deadline for statements, each party's
 * statements with uploads, and the arbitration decision with its reason. Either party may open a case (the customer
 * through 申请售后, the worker through 申请平台介入); ops decide it (admin-service's arbitrateOrder).
 */
import type { Kysely } from 'kysely';
import type { AppContext } from '../../platform/app-context.js';
import type { DB } from '../../db/types.js';
import { AppError } from '../../platform/errors.js';
import { settingsOf } from './booking-service.js';
import { runEffects } from './effects.js';
import { findOrder, type OrderRow } from './queries.js';
import { applyTransition, lockedOrder } from './transition-service.js';

type Db = Kysely<DB>;
export type DisputeParty = 'customer' | 'worker';
const HOUR = 3_600_000;
/** Statements a party may add to one case. */
export const MAX_STATEMENTS = 5;
const OPENING = ['dispute', 'report_problem'];

export interface DisputeStatement { id: string; party: DisputeParty; body: string; fileUrls: string[]; fileIds: string[]; at: string }
export interface DisputeCase {
  openedAt: string; openedBy: 'customer' | 'worker' | 'admin' | 'system'; reason: string; statementsUntil: string; open: boolean;
  statements: DisputeStatement[];
  decision: { outcome: string; refundFen: number; reason: string; at: string } | null;
}

/** Statement photos open to both parties and the desk through the order's file route (support's order-files). */
const orderFileUrl = (orderId: string, fileId: string) => `/api/orders/${orderId}/files/${fileId}`;

/** Every photo attached to the order's statements (the order-file route lets the parties open them). */
export async function disputeFileIds(db: Db, orderId: string): Promise<string[]> {
  const rows = await db.selectFrom('dispute_statements').select('file_ids').where('order_id', '=', orderId).execute();
  return rows.flatMap((r) => r.file_ids);
}

/** Every photo the order keeps outside its chat: the booking's photos, service records (before / after), dispute statements. */
export async function orderPhotoIds(db: Db, o: Pick<OrderRow, 'id' | 'photo_file_ids'>): Promise<Set<string>> {
  const records = await db.selectFrom('order_records').select(['photos_before', 'photos_after']).where('order_id', '=', o.id).execute();
  return new Set([...o.photo_file_ids, ...records.flatMap((r) => [...r.photos_before, ...r.photos_after]), ...await disputeFileIds(db, o.id)]);
}

/** The order's latest after-sales case (null when it never had one). */
export async function disputeCase(db: Db, o: OrderRow, statementHours: number): Promise<DisputeCase | null> {
  const events = await db.selectFrom('order_events').select(['action', 'actor_kind', 'note', 'detail', 'at']).where('order_id', '=', o.id)
    .where('action', 'in', [...OPENING, 'arbitrate']).orderBy('at').orderBy('id').execute();
  const openedIndex = events.map((e) => OPENING.includes(e.action)).lastIndexOf(true);
  if (openedIndex < 0) return null;
  const opened = events[openedIndex]!;
  const decided = events.slice(openedIndex + 1).find((e) => e.action === 'arbitrate');
  const statements = await db.selectFrom('dispute_statements').selectAll().where('order_id', '=', o.id).where('created_at', '>=', opened.at).orderBy('created_at').execute();
  const detail = (decided?.detail ?? {}) as { outcome?: string; refundFen?: number };
  return {
    openedAt: opened.at.toISOString(), openedBy: opened.actor_kind, reason: opened.note,
    statementsUntil: new Date(opened.at.getTime() + statementHours * HOUR).toISOString(), open: o.status === 'disputed',
    statements: statements.map((s) => ({ id: s.id, party: s.party, body: s.body, fileIds: s.file_ids, fileUrls: s.file_ids.map((f) => orderFileUrl(o.id, f)), at: s.created_at.toISOString() })),
    decision: decided ? { outcome: detail.outcome ?? '', refundFen: detail.refundFen ?? 0, reason: decided.note, at: decided.at.toISOString() } : null,
  };
}

/** The order of mine (as `party`) — 404 for anyone else's, so nobody learns another's order exists. */
async function partyOrder(db: Db, party: DisputeParty, userId: string, orderId: string): Promise<OrderRow> {
  const o = await findOrder(db, orderId);
  if (!o || (party === 'customer' ? o.customer_id : o.worker_id) !== userId) throw new AppError('NOT_FOUND');
  return o;
}

export async function myDisputeCase(ctx: AppContext, party: DisputeParty, userId: string, orderId: string) {
  const o = await partyOrder(ctx.db, party, userId, orderId);
  const settings = await settingsOf(ctx);
  return { case: await disputeCase(ctx.db, o, settings.disputeStatementHours) };
}

/** 申请平台介入: the worker opens an after-sales case on an open order of theirs (or a completed one within the window). */
export async function openWorkerDispute(ctx: AppContext, workerId: string, orderId: string, reason: string) {
  const now = new Date();
  const settings = await settingsOf(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const o = await lockedOrder(trx, orderId);
    if (o.worker_id !== workerId) throw new AppError('NOT_FOUND');
    const { order, result } = await applyTransition(trx, o, 'dispute', { kind: 'worker', id: workerId, name: '师傅' }, { now, settings, facts: { reason: reason.trim() } });
    await runEffects(trx, order, result, { now, settings });
  });
  return myDisputeCase(ctx, 'worker', workerId, orderId);
}

/** A party's statement with uploads (their own order photos) while the case is open and before its deadline. */
export async function addDisputeStatement(ctx: AppContext, party: DisputeParty, userId: string, orderId: string, input: { body: string; fileIds?: string[] }, now = new Date()) {
  const settings = await settingsOf(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const o = await partyOrder(trx, party, userId, orderId);
    await lockedOrder(trx, orderId);
    const c = await disputeCase(trx, o, settings.disputeStatementHours);
    if (!c || !c.open) throw new AppError('DISPUTE_NOT_OPEN');
    if (now.getTime() > Date.parse(c.statementsUntil)) throw new AppError('DISPUTE_STATEMENTS_CLOSED', { until: c.statementsUntil });
    if (c.statements.filter((s) => s.party === party).length >= MAX_STATEMENTS) throw new AppError('DISPUTE_STATEMENTS_FULL', { max: MAX_STATEMENTS });
    const fileIds = [...new Set(input.fileIds ?? [])];
    if (fileIds.length) {
      const own = await trx.selectFrom('files').select('id').where('id', 'in', fileIds).where('owner_id', '=', userId).where('purpose', '=', 'order_photo').execute();
      if (own.length !== fileIds.length) throw new AppError('FILE_NOT_OWNED');
    }
    await trx.insertInto('dispute_statements').values({ order_id: o.id, party, author_id: userId, body: input.body.trim(), file_ids: fileIds, created_at: now }).execute();
    return { case: await disputeCase(trx, o, settings.disputeStatementHours) };
  });
}
