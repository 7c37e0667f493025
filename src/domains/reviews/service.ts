/**
 * 评价: the customer's review of a completed order (four dimensions, tags, text, photos, anonymous), one follow-up
 * (追评), the worker's one public reply and one appeal (差评申诉) decided by support, reports of abuse, the default
 * positive mark when the window closes, and the worker's rating of the customer. The worker's rating figures are
 * recomputed from these rows after every change (workers' setWorkerRating).
 */
import type { Kysely, Selectable } from 'kysely';
import type { AppContext } from '../../platform/app-context.js';
import type { DB } from '../../db/types.js';
import type { ReviewsTable } from '../../db/types-reviews.js';
import { writeAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { fileUrl } from '../../platform/files.js';
import { maskName } from '../../platform/mask.js';
import { findOrder, snapshotItem, type OrderRow } from '../booking/index.js';
import { notify } from '../messaging/index.js';
import { setWorkerRating } from '../workers/index.js';
import { moderateReviewText } from './rules/moderation.js';
import { checkTags } from './rules/review-rules.js';
import { refreshItemRating } from './item-rating.js';
import { STAR_VALUES, summarizeReviews, type WorkerReviewRow } from './rules/reputation.js';
import { reviewSettings } from './settings.js';

type Db = Kysely<DB>;
type ReviewRow = Selectable<ReviewsTable>;
const DAY = 86_400_000;
const REVIEWABLE = new Set(['completed', 'closed']);

/** The text as stored: sensitive words, ID numbers and contacts masked; how many pieces were masked. */
function moderate(text: string): { text: string; hits: number } {
  const m = moderateReviewText(text.trim());
  return { text: m.text, hits: m.sensitiveHits.length + m.idNumbersMasked + m.contactsMasked };
}

export interface ReviewInput {
  stars: number; attitude?: number; skill?: number; efficiency?: number; punctuality?: number;
  tags?: string[]; body?: string; photoFileIds?: string[]; anonymous?: boolean;
}

async function assertOwnFiles(db: Db, ownerId: string, ids: string[]) {
  if (!ids.length) return;
  const rows = await db.selectFrom('files').select('id').where('id', 'in', ids).where('owner_id', '=', ownerId).where('purpose', '=', 'review_photo').execute();
  if (rows.length !== new Set(ids).size) throw new AppError('FILE_NOT_OWNED');
}

/** The order of mine that may be reviewed now (404 for another's; 409 when not completed or the window closed). */
async function reviewableOrder(db: Db, customerId: string, orderId: string, now: Date): Promise<OrderRow> {
  const o = await findOrder(db, orderId);
  if (!o || o.customer_id !== customerId) throw new AppError('NOT_FOUND');
  if (!REVIEWABLE.has(o.status) || !o.completed_at || !o.worker_id) throw new AppError('REVIEW_NOT_ALLOWED');
  const { windowDays } = await reviewSettings(db, o.city_code);
  if (now.getTime() > o.completed_at.getTime() + windowDays * DAY) throw new AppError('REVIEW_WINDOW_CLOSED', { days: windowDays });
  return o;
}

export async function reviewOrder(ctx: AppContext, customerId: string, orderId: string, input: ReviewInput, now = new Date()) {
  const o = await reviewableOrder(ctx.db, customerId, orderId, now);
  const tags = checkTags(input.stars, input.tags ?? []);
  if (!tags.ok) throw new AppError('VALIDATION_FAILED', {}, [{ field: tags.field ?? 'tags', code: tags.code, message: tags.message }]);
  const photos = input.photoFileIds ?? [];
  await assertOwnFiles(ctx.db, customerId, photos);
  const text = moderate(input.body ?? '');
  const review = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('reviews').values({
      order_id: o.id, customer_id: customerId, worker_id: o.worker_id!, item_code: o.item_code, stars: input.stars,
      attitude: input.attitude ?? null, skill: input.skill ?? null, efficiency: input.efficiency ?? null, punctuality: input.punctuality ?? null,
      tags: tags.value, body: text.text, photo_file_ids: photos, anonymous: input.anonymous ?? false, masked_hits: text.hits, created_at: now, updated_at: now,
    }).onConflict((oc) => oc.column('order_id').doNothing()).returningAll().executeTakeFirst();
    if (!row) throw new AppError('ALREADY_REVIEWED');
    await refreshWorkerRating(trx, row.worker_id);
    await refreshItemRating(trx, row.item_code);
    await notify(trx, { type: 'review_received', to: { userId: row.worker_id, audience: 'worker' }, vars: { service: snapshotItem(o).name, stars: String(row.stars) as '1' }, linkId: row.id, dedupeKey: `review:${row.id}` });
    return row;
  });
  return presentForOwner(review);
}

export async function followUp(ctx: AppContext, customerId: string, orderId: string, input: { body: string; photoFileIds?: string[] }, now = new Date()) {
  const r = await ctx.db.selectFrom('reviews').selectAll().where('order_id', '=', orderId).where('customer_id', '=', customerId).executeTakeFirst();
  if (!r || r.is_default) throw new AppError('NOT_FOUND');
  const { followUpDays } = await reviewSettings(ctx.db, ctx.config.cityCode);
  if (r.follow_up_at || now.getTime() > r.created_at.getTime() + followUpDays * DAY) throw new AppError('FOLLOW_UP_NOT_ALLOWED', { days: followUpDays });
  const photos = input.photoFileIds ?? [];
  await assertOwnFiles(ctx.db, customerId, photos);
  const text = moderate(input.body);
  const row = await ctx.db.updateTable('reviews').set({ follow_up_body: text.text, follow_up_photo_file_ids: photos, follow_up_at: now, masked_hits: r.masked_hits + text.hits, updated_at: now })
    .where('id', '=', r.id).where('follow_up_at', 'is', null).returningAll().executeTakeFirst();
  if (!row) throw new AppError('FOLLOW_UP_NOT_ALLOWED', { days: followUpDays });
  return presentForOwner(row);
}

/** The customer's own review of an order (null before one exists), with whether and until when one may be written. */
export async function myReviewOf(ctx: AppContext, customerId: string, orderId: string, now = new Date()) {
  const o = await findOrder(ctx.db, orderId);
  if (!o || o.customer_id !== customerId) throw new AppError('NOT_FOUND');
  const r = await ctx.db.selectFrom('reviews').selectAll().where('order_id', '=', orderId).executeTakeFirst();
  const { windowDays, followUpDays } = await reviewSettings(ctx.db, o.city_code);
  const reviewUntil = o.completed_at ? new Date(o.completed_at.getTime() + windowDays * DAY) : null;
  const followUpUntil = r && !r.is_default ? new Date(r.created_at.getTime() + followUpDays * DAY) : null;
  return {
    review: r ? presentForOwner(r) : null,
    canReview: !r && REVIEWABLE.has(o.status) && !!reviewUntil && now < reviewUntil,
    reviewUntil: reviewUntil?.toISOString() ?? null,
    canFollowUp: !!r && !r.is_default && !r.follow_up_at && !!followUpUntil && now < followUpUntil,
  };
}

/** My completed orders still inside the review window without a review (待评价). */
function toReviewQuery(db: Db, customerId: string, since: Date) {
  return db.selectFrom('orders as o')
    .where('o.customer_id', '=', customerId).where('o.status', 'in', [...REVIEWABLE]).where('o.worker_id', 'is not', null).where('o.completed_at', '>', since)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('reviews as r').select('r.id').whereRef('r.order_id', '=', 'o.id'))));
}

export async function toReviewCount(ctx: AppContext, customerId: string, now = new Date()): Promise<number> {
  const { windowDays } = await reviewSettings(ctx.db, ctx.config.cityCode);
  const row = await toReviewQuery(ctx.db, customerId, new Date(now.getTime() - windowDays * DAY)).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function replyToReview(ctx: AppContext, workerId: string, reviewId: string, body: string, now = new Date()) {
  const text = moderate(body);
  const row = await ctx.db.updateTable('reviews').set({ reply_body: text.text, reply_at: now, updated_at: now })
    .where('id', '=', reviewId).where('worker_id', '=', workerId).where('reply_at', 'is', null).where('is_default', '=', false).returningAll().executeTakeFirst();
  if (row) return presentPublic(row, null);
  const exists = await ctx.db.selectFrom('reviews').select('id').where('id', '=', reviewId).where('worker_id', '=', workerId).executeTakeFirst();
  throw new AppError(exists ? 'ALREADY_REPLIED' : 'NOT_FOUND');
}

export async function appealReview(ctx: AppContext, workerId: string, reviewId: string, input: { reason: string; evidenceFileIds?: string[] }, now = new Date()) {
  const r = await ctx.db.selectFrom('reviews').select(['id', 'worker_id', 'is_default']).where('id', '=', reviewId).where('worker_id', '=', workerId).executeTakeFirst();
  if (!r || r.is_default) throw new AppError('NOT_FOUND');
  const evidence = input.evidenceFileIds ?? [];
  if (evidence.length) {
    const own = await ctx.db.selectFrom('files').select('id').where('id', 'in', evidence).where('owner_id', '=', workerId).execute();
    if (own.length !== new Set(evidence).size) throw new AppError('FILE_NOT_OWNED');
  }
  const row = await ctx.db.insertInto('review_appeals').values({ review_id: r.id, worker_id: workerId, reason: input.reason.trim(), evidence_file_ids: evidence, created_at: now })
    .onConflict((oc) => oc.column('review_id').doNothing()).returningAll().executeTakeFirst();
  if (!row) throw new AppError('APPEAL_CLOSED');
  return presentAppeal(row);
}

export async function reportReview(ctx: AppContext, reporterId: string, reviewId: string, reason: string) {
  const r = await ctx.db.selectFrom('reviews').select('id').where('id', '=', reviewId).where('status', '=', 'visible').executeTakeFirst();
  if (!r) throw new AppError('NOT_FOUND');
  await ctx.db.insertInto('review_reports').values({ review_id: r.id, reporter_id: reporterId, reason: reason.trim() }).onConflict((oc) => oc.columns(['review_id', 'reporter_id']).doNothing()).execute();
}

export type AppealDecision = 'keep' | 'hide' | 'remove';
const DECIDED: Record<AppealDecision, 'kept' | 'hidden' | 'removed'> = { keep: 'kept', hide: 'hidden', remove: 'removed' };

/** Support decides an appeal: the review stays, is hidden or removed; both sides are told; audited. */
export async function decideAppeal(ctx: AppContext, admin: { id: string; name: string; ip: string }, appealId: string, decision: AppealDecision, note: string, now = new Date()) {
  return ctx.db.transaction().execute(async (trx) => {
    const a = await trx.updateTable('review_appeals').set({ status: DECIDED[decision], decision_note: note.trim(), decided_by: admin.id, decided_at: now })
      .where('id', '=', appealId).where('status', '=', 'pending').returningAll().executeTakeFirst();
    if (!a) {
      const exists = await trx.selectFrom('review_appeals').select('id').where('id', '=', appealId).executeTakeFirst();
      throw new AppError(exists ? 'APPEAL_CLOSED' : 'NOT_FOUND');
    }
    const r = await trx.updateTable('reviews').set({ status: decision === 'keep' ? 'visible' : DECIDED[decision] as 'hidden' | 'removed', updated_at: now })
      .where('id', '=', a.review_id).returningAll().executeTakeFirstOrThrow();
    await refreshWorkerRating(trx, r.worker_id);
    await refreshItemRating(trx, r.item_code);
    const o = await findOrder(trx, r.order_id);
    const service = o ? snapshotItem(o).name : '';
    const reason = note.trim();
    const workerVars = decision === 'keep' ? { decision: 'kept' as const, service, reason } : { decision: 'removed' as const, service };
    await notify(trx, { type: 'review_outcome', to: { userId: r.worker_id, audience: 'worker' }, vars: workerVars, linkId: r.id, dedupeKey: `appeal:${a.id}` });
    await notify(trx, { type: 'review_moderated', to: { userId: r.customer_id, audience: 'customer' }, vars: { decision: DECIDED[decision], service, reason }, linkId: r.order_id, dedupeKey: `appeal:${a.id}` });
    await writeAudit(trx, { actorKind: 'admin', actorId: admin.id, actorName: admin.name, action: 'review.appeal_decided', targetType: 'review', targetId: r.id, ip: admin.ip, detail: { decision, note: note.trim() } });
    return presentAppeal(a);
  });
}

export async function appealQueue(ctx: AppContext, status: 'pending' | 'decided' = 'pending') {
  let q = ctx.db.selectFrom('review_appeals as a').innerJoin('reviews as r', 'r.id', 'a.review_id')
    .select(['a.id', 'a.review_id', 'a.worker_id', 'a.reason', 'a.evidence_file_ids', 'a.status', 'a.decision_note', 'a.decided_at', 'a.created_at', 'r.stars', 'r.body', 'r.tags', 'r.photo_file_ids', 'r.order_id', 'r.reply_body']);
  q = status === 'pending' ? q.where('a.status', '=', 'pending').orderBy('a.created_at') : q.where('a.status', '!=', 'pending').orderBy('a.decided_at', 'desc');
  const rows = await q.limit(200).execute();
  return {
    items: rows.map((a) => ({
      id: a.id, reviewId: a.review_id, orderId: a.order_id, workerId: a.worker_id, reason: a.reason, evidenceUrls: a.evidence_file_ids.map((f) => `/api/files/${f}`),
      status: a.status, decisionNote: a.decision_note, decidedAt: a.decided_at?.toISOString() ?? null, createdAt: a.created_at.toISOString(),
      review: { stars: a.stars, body: a.body, tags: a.tags, photoUrls: a.photo_file_ids.map((f) => fileUrl(f)!), reply: a.reply_body },
    })),
  };
}

/** A worker's public reviews, newest first: 全部 / 有图 / 追评 / 差评 (≤ 2 stars). Hidden and removed ones are left out. */
export async function workerReviews(ctx: AppContext, workerId: string, p: { filter?: 'all' | 'photos' | 'follow_up' | 'negative'; offset: number; limit: number }) {
  let q = ctx.db.selectFrom('reviews as r').leftJoin('users as u', 'u.id', 'r.customer_id').where('r.worker_id', '=', workerId).where('r.status', '=', 'visible');
  if (p.filter === 'photos') q = q.where((eb) => eb(eb.fn('cardinality', ['r.photo_file_ids']), '>', 0));
  if (p.filter === 'follow_up') q = q.where('r.follow_up_at', 'is not', null);
  if (p.filter === 'negative') q = q.where('r.stars', '<=', 2).where('r.is_default', '=', false);
  const [rows, total] = await Promise.all([
    q.selectAll('r').select('u.name as customer_name').orderBy('r.created_at', 'desc').offset(p.offset).limit(p.limit).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map((r) => presentPublic(r, r.customer_name)), total: Number(total.n) };
}

/**
 * The worker's own reviews (我的评价): like the public list, but hidden and removed ones stay listed with their
 * `status`, and each carries its appeal (`{status, reason, decisionNote, decidedAt}` or null).
 */
export async function myWorkerReviews(ctx: AppContext, workerId: string, p: { filter?: 'all' | 'photos' | 'follow_up' | 'negative'; offset: number; limit: number }) {
  let q = ctx.db.selectFrom('reviews as r').leftJoin('users as u', 'u.id', 'r.customer_id').leftJoin('review_appeals as a', 'a.review_id', 'r.id').where('r.worker_id', '=', workerId);
  if (p.filter === 'photos') q = q.where((eb) => eb(eb.fn('cardinality', ['r.photo_file_ids']), '>', 0));
  if (p.filter === 'follow_up') q = q.where('r.follow_up_at', 'is not', null);
  if (p.filter === 'negative') q = q.where('r.stars', '<=', 2).where('r.is_default', '=', false);
  const [rows, total] = await Promise.all([
    q.selectAll('r').select(['u.name as customer_name', 'a.status as appeal_status', 'a.reason as appeal_reason', 'a.decision_note as appeal_note', 'a.decided_at as appeal_decided_at'])
      .orderBy('r.created_at', 'desc').offset(p.offset).limit(p.limit).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      ...presentPublic(r, r.customer_name), status: r.status,
      appeal: r.appeal_status ? { status: r.appeal_status, reason: r.appeal_reason ?? '', decisionNote: r.appeal_note ?? '', decidedAt: r.appeal_decided_at?.toISOString() ?? null } : null,
    })),
    total: Number(total.n),
  };
}

/** 系统默认好评: orders whose window closed without a review get the default mark (once; kept out of averages). */
export async function giveDefaultReviews(db: Db, cityCode: string, now = new Date()): Promise<number> {
  const { windowDays } = await reviewSettings(db, cityCode);
  const due = await db.selectFrom('orders as o').select(['o.id', 'o.customer_id', 'o.worker_id', 'o.item_code'])
    .where('o.city_code', '=', cityCode).where('o.status', 'in', [...REVIEWABLE]).where('o.worker_id', 'is not', null).where('o.completed_at', '<=', new Date(now.getTime() - windowDays * DAY))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('reviews as r').select('r.id').whereRef('r.order_id', '=', 'o.id')))).limit(500).execute();
  if (!due.length) return 0;
  const rows = await db.insertInto('reviews').values(due.map((o) => ({
    order_id: o.id, customer_id: o.customer_id, worker_id: o.worker_id!, item_code: o.item_code, stars: 5, is_default: true, created_at: now, updated_at: now,
  }))).onConflict((oc) => oc.column('order_id').doNothing()).returning('worker_id').execute();
  for (const w of new Set(rows.map((r) => r.worker_id))) await refreshWorkerRating(db, w);
  return rows.length;
}

/** Recomputes a worker's shown rating from the visible, non-default reviews. */
export async function refreshWorkerRating(db: Db, workerId: string): Promise<void> {
  const rows = await db.selectFrom('reviews').select(['stars', 'is_default', 'status']).where('worker_id', '=', workerId).execute();
  await setWorkerRating(db, workerId, shownRating(rows));
}

/** What a worker's profile shows, from review rows by the reputation rules: hidden, removed and default marks count for nothing. */
export function shownRating(rows: readonly { stars: number; is_default: boolean; status: 'visible' | 'hidden' | 'removed' }[]) {
  const figures = summarizeReviews(rows.map((r) => ({ stars: r.stars, isDefault: r.is_default, visibility: r.status })));
  return {
    count: figures.ratedCount, avg: figures.average ?? 0, score: figures.rating,
    histogram: STAR_VALUES.map((stars) => figures.histogram[stars]),
  };
}

function presentForOwner(r: ReviewRow) {
  return { ...presentPublic(r, null), status: r.status, maskedHits: r.masked_hits };
}

function presentPublic(r: ReviewRow, customerName: string | null) {
  return {
    id: r.id, orderId: r.order_id, itemCode: r.item_code, stars: r.stars, isDefault: r.is_default,
    dimensions: { attitude: r.attitude, skill: r.skill, efficiency: r.efficiency, punctuality: r.punctuality },
    tags: r.tags, body: r.body, photoUrls: r.photo_file_ids.map((f) => fileUrl(f)!),
    author: r.anonymous || !customerName ? '匿名用户' : maskName(customerName, '用户'), anonymous: r.anonymous,
    followUp: r.follow_up_at ? { body: r.follow_up_body ?? '', photoUrls: r.follow_up_photo_file_ids.map((f) => fileUrl(f)!), at: r.follow_up_at.toISOString() } : null,
    reply: r.reply_at ? { body: r.reply_body ?? '', at: r.reply_at.toISOString() } : null,
    createdAt: r.created_at.toISOString(),
  };
}

function presentAppeal(a: { id: string; review_id: string; reason: string; status: string; decision_note: string; decided_at: Date | null; created_at: Date }) {
  return { id: a.id, reviewId: a.review_id, reason: a.reason, status: a.status, decisionNote: a.decision_note, decidedAt: a.decided_at?.toISOString() ?? null, createdAt: a.created_at.toISOString() };
}

export interface CustomerRatingInput { punctuality: number; communication: number; environment: number; accuracy: number; body?: string }

/** The worker rates the customer of an order they completed (once; same window as the customer's review). */
export async function rateCustomer(ctx: AppContext, workerId: string, orderId: string, input: CustomerRatingInput, now = new Date()) {
  const o = await findOrder(ctx.db, orderId);
  if (!o || o.worker_id !== workerId) throw new AppError('NOT_FOUND');
  if (!REVIEWABLE.has(o.status) || !o.completed_at) throw new AppError('REVIEW_NOT_ALLOWED');
  const { windowDays } = await reviewSettings(ctx.db, o.city_code);
  if (now.getTime() > o.completed_at.getTime() + windowDays * DAY) throw new AppError('REVIEW_WINDOW_CLOSED', { days: windowDays });
  const row = await ctx.db.insertInto('customer_ratings').values({
    order_id: o.id, worker_id: workerId, customer_id: o.customer_id, punctuality: input.punctuality, communication: input.communication,
    environment: input.environment, accuracy: input.accuracy, body: moderate(input.body ?? '').text, created_at: now,
  }).onConflict((oc) => oc.column('order_id').doNothing()).returningAll().executeTakeFirst();
  if (!row) throw new AppError('ALREADY_RATED');
  return { orderId: row.order_id, punctuality: row.punctuality, communication: row.communication, environment: row.environment, accuracy: row.accuracy, body: row.body, createdAt: row.created_at.toISOString() };
}

/** My rating of the customer of an order I took (null before one), and whether I may rate now. */
export async function myCustomerRating(ctx: AppContext, workerId: string, orderId: string, now = new Date()) {
  const o = await findOrder(ctx.db, orderId);
  if (!o || o.worker_id !== workerId) throw new AppError('NOT_FOUND');
  const row = await ctx.db.selectFrom('customer_ratings').selectAll().where('order_id', '=', orderId).executeTakeFirst();
  const { windowDays } = await reviewSettings(ctx.db, o.city_code);
  const open = REVIEWABLE.has(o.status) && !!o.completed_at && now.getTime() <= o.completed_at.getTime() + windowDays * DAY;
  return {
    rating: row ? { orderId: row.order_id, punctuality: row.punctuality, communication: row.communication, environment: row.environment, accuracy: row.accuracy, body: row.body, createdAt: row.created_at.toISOString() } : null,
    canRate: !row && open,
  };
}

/** Below this many ratings a customer's aggregate is not shown (one worker's view would identify the rater). */
export const CUSTOMER_AGGREGATE_MIN = 3;

/** What workers see of customers: the average of each dimension over all ratings (never single ratings). */
export async function customerAggregates(db: Db, customerIds: string[]) {
  const out = new Map<string, { count: number; punctuality: number; communication: number; environment: number; accuracy: number } | null>();
  if (!customerIds.length) return out;
  const rows = await db.selectFrom('customer_ratings').select((eb) => [
    'customer_id', eb.fn.countAll<number>().as('n'), eb.fn.avg<number>('punctuality').as('p'), eb.fn.avg<number>('communication').as('c'),
    eb.fn.avg<number>('environment').as('e'), eb.fn.avg<number>('accuracy').as('a'),
  ]).where('customer_id', 'in', customerIds).groupBy('customer_id').execute();
  const round = (x: number) => Math.round(Number(x) * 10) / 10;
  for (const id of customerIds) out.set(id, null);
  for (const r of rows) {
    if (Number(r.n) < CUSTOMER_AGGREGATE_MIN) continue;
    out.set(r.customer_id, { count: Number(r.n), punctuality: round(r.p), communication: round(r.c), environment: round(r.e), accuracy: round(r.a) });
  }
  return out;
}

/** The orders I may still review, newest completion first (待评价). */
export async function ordersToReview(ctx: AppContext, customerId: string, now = new Date()) {
  const { windowDays } = await reviewSettings(ctx.db, ctx.config.cityCode);
  const rows = await toReviewQuery(ctx.db, customerId, new Date(now.getTime() - windowDays * DAY))
    .select(['o.id', 'o.order_no', 'o.item_code', 'o.completed_at', 'o.quote_snapshot', 'o.worker_snapshot'])
    .orderBy('o.completed_at', 'desc').limit(100).execute();
  return {
    items: rows.map((o) => ({
      orderId: o.id, orderNo: o.order_no, itemName: (o.quote_snapshot as { item: { name: string } }).item.name,
      workerName: (o.worker_snapshot as { name?: string } | null)?.name ?? '', completedAt: o.completed_at!.toISOString(),
      reviewUntil: new Date(o.completed_at!.getTime() + windowDays * DAY).toISOString(),
    })),
  };
}

/** The worker's reviews as the reputation rules read them (every row: the rules leave out hidden ones and default marks). */
export async function workerReviewRows(db: Db, workerId: string): Promise<WorkerReviewRow[]> {
  const rows = await db.selectFrom('reviews').select(['stars', 'attitude', 'skill', 'efficiency', 'punctuality', 'is_default', 'status']).where('worker_id', '=', workerId).execute();
  return rows.map((r) => ({
    stars: r.stars, isDefault: r.is_default, visibility: r.status,
    dimensions: { attitude: r.attitude, skill: r.skill, efficiency: r.efficiency, punctuality: r.punctuality },
  }));
}

/** The stars a customer gave each listed order, where a counted review exists (visible, not the default mark). */
export async function starsOfOrders(db: Db, orderIds: string[]): Promise<Map<string, number>> {
  if (!orderIds.length) return new Map();
  const rows = await db.selectFrom('reviews').select(['order_id', 'stars']).where('order_id', 'in', orderIds).where('status', '=', 'visible').where('is_default', '=', false).execute();
  return new Map(rows.map((r) => [r.order_id, r.stars]));
}
