/**
 * The customer's side of a custom request: drafts, publishing (coverage checked, the first round invited, the round
 * and expiry jobs armed), reading with the answers side by side, cancelling, and the three steps of a choice that the
 * choose-answer workflow runs around order creation.
 */
import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import type { StoredWindow } from '../../db/types-requests.js';
import type { AppContext } from '../../platform/app-context.js';
import { AppError, type FieldErrorSpec } from '../../platform/errors.js';
import type { Lang } from '../../platform/i18n.js';
import { cancelJobs, scheduleJob } from '../../platform/jobs.js';
import { publish, topics } from '../../platform/events.js';
import { addressForBooking } from '../accounts/index.js';
import { anyCoverage, HORIZON_DAYS } from '../booking/index.js';
import { bookableItem, listCatalog } from '../catalog/index.js';
import { cityTimeZone, getDistrict } from '../geo/index.js';
import { notify } from '../messaging/index.js';
import { nearestSkilledDistrict, workerCard, workerFacts } from '../workers/index.js';
import { inviteRound, localStart } from './matching.js';
import { presentAnswer, presentRequestBase, type WorkerCardFacts } from './present.js';
import * as q from './queries.js';
import { requestSettings } from './settings.js';

type Db = Kysely<DB>;
const MIN = 60_000;

export interface RequestInput {
  categoryCode: string; itemCode?: string; description: string; photoFileIds?: string[]; addressId?: string;
  windows?: StoredWindow[]; budgetMinFen?: number; budgetMaxFen?: number; specialNeeds?: string[]; notes?: string;
}

const fieldError = (field: string, code: string, zh: string, en: string): FieldErrorSpec => ({ field, code, message: { zh, en } });
const invalid = (errors: FieldErrorSpec[]) => new AppError('VALIDATION_FAILED', {}, errors);
const requestNo = (now: Date) => `XQ${now.toISOString().slice(2, 10).replace(/-/g, '')}${randomInt(0, 0xffffff).toString(16).toUpperCase().padStart(6, '0')}`;

/** The category's item the request is about: the one named (of that category), else the category's first. */
async function itemFor(ctx: AppContext, categoryCode: string, itemCode: string | undefined) {
  const catalog = await listCatalog(ctx.db, ctx.config.cityCode);
  const category = catalog.find((c) => c.code === categoryCode);
  if (!category || !category.items.length) throw invalid([fieldError('categoryCode', 'unknown', '未知的服务类别', 'unknown category')]);
  const summary = itemCode ? category.items.find((i) => i.code === itemCode) : category.items[0];
  if (!summary) throw invalid([fieldError('itemCode', 'unknown', '该类别下没有这个服务项目', 'no such item in this category')]);
  return { category, item: summary };
}

function checkWindows(windows: StoredWindow[], now: Date): FieldErrorSpec[] {
  const errors: FieldErrorSpec[] = [];
  const horizon = now.getTime() + HORIZON_DAYS * 24 * 60 * MIN;
  windows.forEach((w, i) => {
    const [s, e] = [Date.parse(w.start), Date.parse(w.end)];
    if (Number.isNaN(s) || Number.isNaN(e)) errors.push(fieldError(`windows.${i}`, 'invalid', '时间格式不正确', 'not a valid time'));
    else if (s <= now.getTime()) errors.push(fieldError(`windows.${i}.start`, 'past', '开始时间需晚于现在', 'must be in the future'));
    else if (e - s < 30 * MIN) errors.push(fieldError(`windows.${i}.end`, 'too_short', '时间段至少 30 分钟', 'at least 30 minutes long'));
    else if (s > horizon) errors.push(fieldError(`windows.${i}.start`, 'too_far', `只能选择 ${HORIZON_DAYS} 天内的时间`, `within ${HORIZON_DAYS} days`));
  });
  return errors;
}

async function checkInput(ctx: AppContext, customerId: string, input: Partial<RequestInput>, now: Date): Promise<void> {
  const errors: FieldErrorSpec[] = [];
  if (input.windows) errors.push(...checkWindows(input.windows, now));
  if (input.budgetMinFen !== undefined && input.budgetMaxFen !== undefined && input.budgetMinFen > input.budgetMaxFen) {
    errors.push(fieldError('budgetMaxFen', 'below_min', '预算上限不能低于下限', 'must not be below the minimum'));
  }
  if (input.addressId && !(await addressForBooking(ctx, ctx.db, customerId, input.addressId))) errors.push(fieldError('addressId', 'unknown', '地址不存在', 'unknown address'));
  const photos = input.photoFileIds ?? [];
  if (photos.length) {
    const mine = await ctx.db.selectFrom('files').select('id').where('id', 'in', photos).where('owner_id', '=', customerId).where('purpose', '=', 'order_photo').execute();
    if (mine.length !== new Set(photos).size) errors.push(fieldError('photoFileIds', 'not_owned', '照片无效或不属于你', 'unknown photo or not yours'));
  }
  if (errors.length) throw invalid(errors);
}

const columnsOf = (input: Partial<RequestInput>) => ({
  ...(input.description !== undefined ? { description: input.description.trim() } : {}),
  ...(input.photoFileIds !== undefined ? { photo_file_ids: [...new Set(input.photoFileIds)] } : {}),
  ...(input.addressId !== undefined ? { address_id: input.addressId } : {}),
  ...(input.windows !== undefined ? { windows: JSON.stringify(input.windows.map((w) => ({ start: new Date(w.start).toISOString(), end: new Date(w.end).toISOString() }))) } : {}),
  ...(input.budgetMinFen !== undefined ? { budget_min_fen: input.budgetMinFen } : {}),
  ...(input.budgetMaxFen !== undefined ? { budget_max_fen: input.budgetMaxFen } : {}),
  ...(input.specialNeeds !== undefined ? { special_needs: [...new Set(input.specialNeeds)] } : {}),
  ...(input.notes !== undefined ? { notes: input.notes.trim() } : {}),
});

/** A new request: kept as a draft, or published at once. */
export async function createRequest(ctx: AppContext, customerId: string, input: RequestInput, publishNow: boolean, lang: Lang) {
  const now = new Date();
  const { item } = await itemFor(ctx, input.categoryCode, input.itemCode);
  await checkInput(ctx, customerId, input, now);
  const row = await ctx.db.insertInto('service_requests').values({
    request_no: requestNo(now), city_code: ctx.config.cityCode, customer_id: customerId, category_code: input.categoryCode, item_id: item.id, item_code: item.code,
    description: input.description.trim(), photo_file_ids: [], windows: '[]', special_needs: [], ...columnsOf(input), created_at: now, updated_at: now,
  }).returning('id').executeTakeFirstOrThrow();
  if (publishNow) return publishRequest(ctx, customerId, row.id, lang);
  return getMyRequest(ctx, customerId, row.id, lang);
}

async function mine(db: Db, customerId: string, id: string) {
  const r = await q.findRequest(db, id);
  if (!r || r.customer_id !== customerId) throw new AppError('NOT_FOUND');
  return r;
}

const stateError = (status: string) => new AppError('REQUEST_STATE', { status }, [], { currentState: status });

/** Edits a draft. */
export async function updateDraft(ctx: AppContext, customerId: string, id: string, patch: Partial<RequestInput>, lang: Lang) {
  const now = new Date();
  const r = await mine(ctx.db, customerId, id);
  if (r.status !== 'draft') throw stateError(r.status);
  const category = patch.categoryCode ?? r.category_code;
  const picked = patch.categoryCode !== undefined || patch.itemCode !== undefined ? (await itemFor(ctx, category, patch.itemCode)).item : null;
  await checkInput(ctx, customerId, patch, now);
  const updated = await ctx.db.updateTable('service_requests').set({
    ...columnsOf(patch), ...(picked ? { category_code: category, item_id: picked.id, item_code: picked.code } : {}), version: r.version + 1, updated_at: now,
  }).where('id', '=', id).where('status', '=', 'draft').returning('id').executeTakeFirst();
  if (!updated) throw stateError('open');
  return getMyRequest(ctx, customerId, id, lang);
}

/**
 * Publishes a draft: the address and at least one window are required, a qualified worker must cover the address
 * (else 400 with the nearest district that has one), then the first round is invited and the jobs armed.
 */
export async function publishRequest(ctx: AppContext, customerId: string, id: string, lang: Lang) {
  const now = new Date();
  const r0 = await mine(ctx.db, customerId, id);
  if (r0.status !== 'draft') throw stateError(r0.status);
  const missing: FieldErrorSpec[] = [];
  if (!r0.address_id) missing.push(fieldError('addressId', 'required', '请选择服务地址', 'choose the service address'));
  if (!r0.windows.length) missing.push(fieldError('windows', 'required', '请至少选择一个上门时间段', 'choose at least one time window'));
  missing.push(...checkWindows(r0.windows, now));
  if (missing.length) throw invalid(missing);
  const address = await addressForBooking(ctx, ctx.db, customerId, r0.address_id!);
  if (!address) throw invalid([fieldError('addressId', 'unknown', '地址不存在', 'unknown address')]);
  const item = (await bookableItem(ctx.db, r0.item_code))!;
  const need = { itemId: item.id, requiredCertificate: item.requiredCertificate, durationMinutes: item.durationMinutes, bufferMinutes: 0, lat: address.lat, lng: address.lng, timeZone: await cityTimeZone(ctx.db, r0.city_code) };
  if (!(await anyCoverage(ctx.db, need, now))) {
    const code = await nearestSkilledDistrict(ctx.db, item.id, address.lat, address.lng);
    const nearest = code ? await getDistrict(ctx.db, code) : null;
    throw new AppError('ADDRESS_NOT_COVERED', {}, [fieldError('addressId', 'not_covered', '该地址附近暂无可服务的师傅', 'no qualified worker covers this address')],
      { nearest: nearest ? { districtCode: nearest.code, districtName: nearest.name, districtNameEn: nearest.nameEn } : null });
  }
  const s = await requestSettings(ctx.db, r0.city_code);
  const lastStart = Math.max(...r0.windows.map((w) => Date.parse(w.start)));
  const expiresAt = new Date(Math.min(now.getTime() + s.expiryHours * 60 * MIN, lastStart));
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await q.lockRequest(trx, id);
    if (!locked || locked.status !== 'draft') throw stateError(locked?.status ?? 'unknown');
    const published = await trx.updateTable('service_requests').set({
      status: 'open', published_at: now, expires_at: expiresAt, address_enc: ctx.pii.encrypt(JSON.stringify({ label: address.label, detail: address.detail, contactName: address.contactName, contactPhone: address.contactPhone })),
      address_label: address.label, district_code: address.districtCode, lat: address.lat, lng: address.lng, version: locked.version + 1, updated_at: now,
    }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await inviteRound(trx, published, now);
    await scheduleJob(trx, { kind: 'requests.expire', key: `request:${id}:expire`, runAt: expiresAt, payload: { requestId: id } });
    await scheduleJob(trx, { kind: 'requests.round', key: `request:${id}:round:2`, runAt: new Date(now.getTime() + s.roundMinutes * MIN), payload: { requestId: id } });
  });
  return getMyRequest(ctx, customerId, id, lang);
}

/** Worker cards for answers: masked name, avatar, rating, experience, verified certificates. */
export async function workerCards(db: Db, ids: string[]): Promise<Map<string, WorkerCardFacts>> {
  const [facts, cards] = await Promise.all([workerFacts(db, ids), Promise.all(ids.map((id) => workerCard(db, id)))]);
  const certs = new Map(facts.map((f) => [f.id, f.certificates]));
  return new Map(cards.filter((c) => c !== null).map((c) => [c!.id, { ...c!, certificates: certs.get(c!.id) ?? [] }]));
}

export async function namesOf(ctx: AppContext, r: q.RequestRow) {
  const [catalog, district] = await Promise.all([listCatalog(ctx.db, ctx.config.cityCode), r.district_code ? getDistrict(ctx.db, r.district_code) : null]);
  const category = catalog.find((c) => c.code === r.category_code);
  const item = category?.items.find((i) => i.code === r.item_code);
  return {
    category: { zh: category?.name ?? r.category_code, en: category?.nameEn ?? r.category_code },
    item: { zh: item?.name ?? r.item_code, en: item?.nameEn ?? r.item_code },
    district: district?.name ?? '',
  };
}

/** One of my requests with its answers (open and chosen ones; cheapest first). */
export async function getMyRequest(ctx: AppContext, customerId: string, id: string, lang: Lang) {
  const r = await mine(ctx.db, customerId, id);
  const [answers, invitations] = await Promise.all([q.answersOf(ctx.db, id), q.invitationsOf(ctx.db, id)]);
  const shown = answers.filter((a) => a.status === 'open' || a.status === 'chosen');
  const cards = await workerCards(ctx.db, shown.map((a) => a.worker_id));
  const distance = new Map(invitations.map((i) => [i.worker_id, i.distance_km]));
  const address = r.address_id ? await addressForBooking(ctx, ctx.db, customerId, r.address_id) : null;
  return {
    ...presentRequestBase(r, await namesOf(ctx, r), lang),
    address: address ? { id: r.address_id, label: address.label, districtName: address.districtName } : r.address_label ? { id: null, label: r.address_label, districtName: (await namesOf(ctx, r)).district } : null,
    invitedCount: invitations.length, orderId: r.order_id,
    answers: shown.sort((a, b) => Number(b.status === 'chosen') - Number(a.status === 'chosen') || a.total_fen - b.total_fen)
      .map((a) => presentAnswer(a, cards.get(a.worker_id), distance.get(a.worker_id) ?? null)),
  };
}

export async function listMyRequests(ctx: AppContext, customerId: string, status: string | undefined, lang: Lang) {
  let query = ctx.db.selectFrom('service_requests').selectAll().where('customer_id', '=', customerId);
  if (status) query = query.where('status', '=', status as never);
  const rows = await query.orderBy('created_at', 'desc').limit(100).execute();
  const counts = await q.countReceivedAnswers(ctx.db, rows.map((r) => r.id));
  const catalog = await listCatalog(ctx.db, ctx.config.cityCode);
  return {
    items: rows.map((r) => {
      const category = catalog.find((c) => c.code === r.category_code);
      const item = category?.items.find((i) => i.code === r.item_code);
      return {
        ...presentRequestBase(r, { category: { zh: category?.name ?? '', en: category?.nameEn ?? '' }, item: { zh: item?.name ?? '', en: item?.nameEn ?? '' }, district: '' }, lang),
        answerCount: counts.get(r.id) ?? 0, orderId: r.order_id,
      };
    }),
  };
}

/** Tells the customer's open pages that a request changed (an answer came, was edited or withdrawn). */
export async function announceChange(db: Db, r: q.RequestRow, what: string) {
  await publish(db, [{ topic: topics.user(r.customer_id), type: 'request', data: { requestId: r.id, what } }]);
}

/** Closes the open answers of a request (but `keep`) and tells their workers why. */
export async function closeAnswers(db: Db, r: q.RequestRow, outcome: 'chosen_other' | 'cancelled' | 'expired', now: Date, keep?: string) {
  let query = db.updateTable('request_answers').set({ status: 'closed', updated_at: now }).where('request_id', '=', r.id).where('status', '=', 'open');
  if (keep) query = query.where('id', '!=', keep);
  const closed = await query.returning('worker_id').execute();
  for (const a of closed) {
    await notify(db, { type: 'request_closed', to: { userId: a.worker_id, audience: 'worker' }, vars: { requestNo: r.request_no, outcome }, linkId: r.id, dedupeKey: `request-closed:${r.id}`, now });
  }
}

export async function cancelRequest(ctx: AppContext, customerId: string, id: string, lang: Lang) {
  const now = new Date();
  await mine(ctx.db, customerId, id);
  await ctx.db.transaction().execute(async (trx) => {
    const r = (await q.lockRequest(trx, id))!;
    if (r.status !== 'draft' && r.status !== 'open') throw stateError(r.status);
    await trx.updateTable('service_requests').set({ status: 'cancelled', closed_at: now, closed_reason: 'cancelled', version: r.version + 1, updated_at: now }).where('id', '=', id).execute();
    await closeAnswers(trx, r, 'cancelled', now);
    await cancelJobs(trx, `request:${id}:`);
  });
  return getMyRequest(ctx, customerId, id, lang);
}

// ── The choice (run by src/workflows/choose-answer.ts around create-order) ────────────────────────────────────────

export interface Choice { request: q.RequestRow; answer: q.AnswerRow }

/** Step 1: the request is taken for this answer (open → chosen), so a second choice cannot run at the same time. */
export async function beginChoice(ctx: AppContext, customerId: string, id: string, answerId: string): Promise<Choice> {
  await mine(ctx.db, customerId, id);
  return ctx.db.transaction().execute(async (trx) => {
    const r = (await q.lockRequest(trx, id))!;
    if (r.status !== 'open') throw stateError(r.status);
    const answer = await trx.selectFrom('request_answers').selectAll().where('id', '=', answerId).where('request_id', '=', id).where('status', '=', 'open').executeTakeFirst();
    if (!answer) throw new AppError('NOT_FOUND', {}, [fieldError('answerId', 'unknown', '报价不存在或已撤回', 'no such open quote on this request')]);
    const request = await trx.updateTable('service_requests').set({ status: 'chosen', chosen_answer_id: answerId, version: r.version + 1, updated_at: new Date() })
      .where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    return { request, answer };
  });
}

/** Compensation of step 1 when the order could not be made: the request and its answers are open again. */
export async function releaseChoice(ctx: AppContext, c: Choice): Promise<void> {
  await ctx.db.updateTable('service_requests').set({ status: 'open', chosen_answer_id: null, updated_at: new Date() })
    .where('id', '=', c.request.id).where('status', '=', 'chosen').where('order_id', 'is', null).execute();
}

/** Step 3, after the order exists: the answer is chosen, the others closed, both sides told. */
export async function completeChoice(ctx: AppContext, c: Choice, order: { id: string; scheduledStart: Date }): Promise<void> {
  const now = new Date();
  await ctx.db.transaction().execute(async (trx) => {
    const r = await trx.updateTable('service_requests').set({ order_id: order.id, closed_at: now, closed_reason: 'chosen', updated_at: now })
      .where('id', '=', c.request.id).returningAll().executeTakeFirstOrThrow();
    await trx.updateTable('request_answers').set({ status: 'chosen', updated_at: now }).where('id', '=', c.answer.id).execute();
    await closeAnswers(trx, r, 'chosen_other', now, c.answer.id);
    await cancelJobs(trx, `request:${r.id}:`);
    await notify(trx, {
      type: 'request_chosen', to: { userId: c.answer.worker_id, audience: 'worker' }, linkId: order.id, dedupeKey: `request-chosen:${r.id}`, now,
      vars: { requestNo: r.request_no, total: `¥${(c.answer.total_fen / 100).toFixed(2)}`, start: await localStart(trx, r.city_code, order.scheduledStart) },
    });
  });
}
