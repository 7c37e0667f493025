/** Operations' view of custom requests: the list with figures, one request's invitations and answers, inviting by hand. */
import { sql } from 'kysely';
import type { AppContext } from '../../platform/app-context.js';
import { writeAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import type { Lang } from '../../platform/i18n.js';
import { bookableItem } from '../catalog/index.js';
import { notify } from '../messaging/index.js';
import { qualifiedWorkers } from '../workers/index.js';
import { namesOf, workerCards } from './customer-service.js';
import { inviteVars } from './matching.js';
import { closedReason, presentAnswer, presentRequestBase } from './present.js';
import * as q from './queries.js';

const minutesBetween = (a: Date | null, b: Date | null) => (a && b ? Math.round((b.getTime() - a.getTime()) / 60_000) : null);

export async function adminListRequests(ctx: AppContext, f: { status?: string; page: number; pageSize: number }, lang: Lang) {
  const city = ctx.config.cityCode;
  let query = ctx.db.selectFrom('service_requests').where('city_code', '=', city).where('status', '!=', 'draft');
  if (f.status) query = query.where('status', '=', f.status as never);
  const [rows, total, summary] = await Promise.all([
    query.selectAll().orderBy('published_at', 'desc').offset((f.page - 1) * f.pageSize).limit(f.pageSize).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    requestSummary(ctx, city),
  ]);
  const ids = rows.map((r) => r.id);
  const [invited, answered] = await Promise.all([q.countInvitations(ctx.db, ids), q.countReceivedAnswers(ctx.db, ids)]);
  const items = await Promise.all(rows.map(async (r) => ({
    id: r.id, requestNo: r.request_no, status: r.status, categoryCode: r.category_code, itemCode: r.item_code, districtName: (await namesOf(ctx, r)).district,
    publishedAt: r.published_at?.toISOString() ?? null, expiresAt: r.expires_at?.toISOString() ?? null, invited: invited.get(r.id) ?? 0, answers: answered.get(r.id) ?? 0,
    firstAnswerMinutes: minutesBetween(r.published_at, r.first_answer_at), closedReason: closedReason(r, lang), orderId: r.order_id,
  })));
  return { items, total: Number(total.n), summary };
}

/** Figures over the city's published requests: open now, the share that got an answer, the median time to it, expired unanswered. */
async function requestSummary(ctx: AppContext, city: string) {
  const r = await ctx.db.selectFrom('service_requests').where('city_code', '=', city).where('status', '!=', 'draft').select([
    sql<number>`count(*) filter (where status = 'open')::int`.as('open'),
    sql<number>`count(*)::int`.as('published'),
    sql<number>`count(*) filter (where first_answer_at is not null)::int`.as('answered'),
    sql<number | null>`percentile_cont(0.5) within group (order by extract(epoch from (first_answer_at - published_at)) / 60) filter (where first_answer_at is not null)`.as('median'),
    sql<number>`count(*) filter (where status = 'expired' and first_answer_at is null)::int`.as('expired_no_answer'),
  ]).executeTakeFirstOrThrow();
  return {
    open: Number(r.open), published: Number(r.published),
    answeredShare: Number(r.published) ? Math.round((Number(r.answered) / Number(r.published)) * 1000) / 1000 : null,
    medianFirstAnswerMinutes: r.median === null ? null : Math.round(Number(r.median)), expiredNoAnswer: Number(r.expired_no_answer),
  };
}

export async function adminGetRequest(ctx: AppContext, id: string, lang: Lang) {
  const r = await q.findRequest(ctx.db, id);
  if (!r || r.city_code !== ctx.config.cityCode || r.status === 'draft') throw new AppError('NOT_FOUND');
  const [invitations, answers] = await Promise.all([q.invitationsOf(ctx.db, id), q.answersOf(ctx.db, id)]);
  const cards = await workerCards(ctx.db, [...new Set([...invitations.map((i) => i.worker_id), ...answers.map((a) => a.worker_id)])]);
  const distance = new Map(invitations.map((i) => [i.worker_id, i.distance_km]));
  return {
    ...presentRequestBase(r, await namesOf(ctx, r), lang), orderId: r.order_id, firstAnswerMinutes: minutesBetween(r.published_at, r.first_answer_at),
    invitations: invitations.map((i) => ({
      worker: cards.get(i.worker_id) ? { id: i.worker_id, name: cards.get(i.worker_id)!.name, ratingAvg: cards.get(i.worker_id)!.ratingAvg } : { id: i.worker_id, name: '', ratingAvg: 0 },
      round: i.round, distanceKm: i.distance_km, score: i.score, explanation: i.explanation, invitedBy: i.invited_by_admin_name, createdAt: i.created_at.toISOString(),
      answered: answers.some((a) => a.worker_id === i.worker_id && a.status !== 'withdrawn'),
    })),
    answers: answers.map((a) => presentAnswer(a, cards.get(a.worker_id), distance.get(a.worker_id) ?? null)),
  };
}

/** 手动邀请: asks one more worker to quote — one qualified for the item whose area covers the address; audited. */
export async function inviteByHand(ctx: AppContext, admin: { id: string; name: string; ip: string }, id: string, workerId: string, lang: Lang) {
  const now = new Date();
  await ctx.db.transaction().execute(async (trx) => {
    const r = await q.lockRequest(trx, id);
    if (!r || r.city_code !== ctx.config.cityCode || r.status === 'draft') throw new AppError('NOT_FOUND');
    if (r.status !== 'open') throw new AppError('REQUEST_STATE', { status: r.status }, [], { currentState: r.status });
    const item = (await bookableItem(trx, r.item_code))!;
    const today = now.toISOString().slice(0, 10);
    const [worker] = await qualifiedWorkers(trx, { itemId: item.id, requiredCertificate: item.requiredCertificate, lat: r.lat!, lng: r.lng!, workerIds: [workerId], fromDate: today, toDate: today });
    if (!worker) throw new AppError('WORKER_NOT_QUALIFIED', {}, [{ field: 'workerId', code: 'not_qualified', message: { zh: '该师傅不具备此服务的资格或不覆盖该地址', en: 'not qualified for the item or does not cover the address' } }]);
    const added = await trx.insertInto('request_invitations').values({
      request_id: id, worker_id: workerId, round: Math.max(r.rounds, 1), distance_km: Math.round(worker.distanceKm * 100) / 100, score: null, explanation: JSON.stringify([]),
      invited_by_admin_id: admin.id, invited_by_admin_name: admin.name, created_at: now,
    }).onConflict((oc) => oc.columns(['request_id', 'worker_id']).doNothing()).returning('worker_id').executeTakeFirst();
    if (!added) throw new AppError('ALREADY_INVITED');
    await notify(trx, { type: 'request_invited', to: { userId: workerId, audience: 'worker' }, vars: { ...await inviteVars(trx, r), distance: `${worker.distanceKm.toFixed(1)} 公里` }, linkId: id, dedupeKey: `request-invite:${id}`, now });
    await writeAudit(trx, { actorKind: 'admin', actorId: admin.id, actorName: admin.name, action: 'request.invited', targetType: 'service_request', targetId: id, ip: admin.ip, detail: { workerId } });
  });
  return adminGetRequest(ctx, id, lang);
}
