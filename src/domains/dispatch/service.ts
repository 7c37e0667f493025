/**
 * Dispatch of a paid order: rank the free qualified workers near it (pure matching module), then
 * (a) push to the best K for a grab window — the first valid grab wins (booking's accept) —,
 * (b) direct assignment to the best remaining one with an accept timeout, round after round,
 * (c) nobody left → the operations queue. Every round stores its decision with explanations.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { render, type Lang, type Text } from '../../platform/i18n.js';
import { scheduleJob } from '../../platform/jobs.js';
import { workersAt, type Need } from '../booking/index.js';
import { cityTimeZone } from '../geo/index.js';
import { needOf, snapshotItem } from '../booking/index.js';
import { insertEvent, type OrderRow } from '../booking/index.js';
import { noticeOffers } from '../booking/index.js';
import { workerOrderStats } from '../booking/index.js';
import { customerWorkerHistory } from '../reviews/index.js';
import { workerFacts } from '../workers/index.js';
import { rankCandidates, type MatchCandidate, type MatchResult } from './matching/index.js';
import { dispatchSettingsFor, type DispatchSettings } from './settings.js';

type Db = Kysely<DB>;

export interface Ranking { result: MatchResult; candidates: number }

/** A visit to staff: an order's, or a custom request's at one of its windows (the requests domain ranks with it). */
export interface Job {
  id: string; itemId: string; itemCode: string; categoryCode: string; requiredCertificate: string | null; cityCode: string; customerId: string;
  lat: number; lng: number; start: Date; durationMinutes: number; bufferMinutes: number;
}

/** Scores every free qualified worker in the pool nearest the order (minus `exclude`); busy ones are listed as rejected. */
export async function rankOrder(db: Db, o: OrderRow, now: Date, s: DispatchSettings, exclude: ReadonlySet<string> = new Set(), only?: string[]): Promise<Ranking> {
  const need = await needOf(db, o, { excludeOrderId: o.id, ...(only ? { workerIds: only } : { poolLimit: s.candidatePool }) });
  const item = snapshotItem(o);
  const job: Job = { id: o.id, itemId: o.item_id, itemCode: item.code, categoryCode: o.category_code, requiredCertificate: item.requiredCertificate, cityCode: o.city_code, customerId: o.customer_id, lat: o.lat, lng: o.lng, start: o.scheduled_start, durationMinutes: o.duration_minutes, bufferMinutes: o.buffer_minutes };
  return rankWorkers(db, job, need, now, s.weights, exclude);
}

/** Scores the free qualified workers nearest a job that is not an order yet (a custom request's window). */
export async function rankJob(db: Db, job: Job, now: Date, options: { poolLimit: number; exclude?: ReadonlySet<string>; only?: string[] }): Promise<Ranking> {
  const s = await dispatchSettingsFor(db, job.cityCode, job.categoryCode);
  const need: Need = {
    itemId: job.itemId, requiredCertificate: job.requiredCertificate, durationMinutes: job.durationMinutes, bufferMinutes: job.bufferMinutes,
    lat: job.lat, lng: job.lng, timeZone: await cityTimeZone(db, job.cityCode), ...(options.only ? { workerIds: options.only } : { poolLimit: options.poolLimit }),
  };
  return rankWorkers(db, job, need, now, s.weights, options.exclude ?? new Set());
}

async function rankWorkers(db: Db, job: Job, need: Need, now: Date, weights: DispatchSettings['weights'], exclude: ReadonlySet<string>): Promise<Ranking> {
  const { free, busy } = await workersAt(db, need, job.start, now);
  const pool = free.filter((w) => !exclude.has(w.id));
  const ids = pool.map((w) => w.id);
  const [facts, stats, history] = await Promise.all([
    workerFacts(db, ids), workerOrderStats(db, ids, job.start, need.timeZone, now), customerWorkerHistory(db, job.customerId),
  ]);
  const candidates: MatchCandidate[] = facts.map((f) => {
    const st = stats.get(f.id)!;
    return {
      id: f.id, status: f.status, online: f.online, skills: f.skills, certificates: f.certificates, homeLocation: f.home, serviceRadiusKm: f.serviceRadiusKm,
      ratingAvg: f.ratingAvg, ratingCount: f.ratingCount, onTimeRate: st.onTimeRate, completionRate: st.completionRate,
      badges: [...(f.certificates.length ? ['certified'] : []), ...(f.experienceYears >= 5 ? ['experienced'] : [])],
      completedOrders: f.ordersDone, joinedAt: f.joinedAt, todayOrders: st.todayOrders, todayEarningsFen: st.todayEarningsFen, recentDeclines: st.recentDeclines,
      previousJobEnd: st.previousJob, isFreeForWindow: true,
    };
  });
  const result = rankCandidates(
    { id: job.id, itemCode: job.itemCode, requiredCertificate: job.requiredCertificate, location: { lat: job.lat, lng: job.lng }, start: job.start.toISOString(), durationMinutes: job.durationMinutes, customerId: job.customerId, cityCode: job.cityCode },
    candidates, history, weights ? { weights } : {}, now,
  );
  const notFree = { code: 'not_free' as const, message: { zh: '该时段已有安排或超出工作时间/休息规定', en: 'Busy then, outside working hours or against the rest rule' } };
  result.rejected.push(...busy.slice(0, 50).map((w) => ({ workerId: w.id, reasons: [notFree] })));
  return { result, candidates: free.length + busy.length };
}

async function previousOffers(db: Db, orderId: string) {
  return db.selectFrom('order_offers').select(['worker_id', 'status', 'round', 'mode']).where('order_id', '=', orderId).execute();
}

/** Why an order is in the operations queue: stored as `code` or `code:rounds`, shown in the reader's language. */
const QUEUE_REASONS: Record<string, Text> = {
  no_taker: { zh: '{rounds} 轮派单无人接单', en: 'Nobody accepted in {rounds} assignment rounds' },
  all_busy: { zh: '附近符合条件的师傅均无空档', en: 'Every qualified worker nearby is busy then' },
  none_nearby: { zh: '附近没有符合条件的师傅', en: 'No qualified worker covers this address' },
};

export function queueReasonText(stored: string, lang: Lang): string {
  const [code = '', rounds = ''] = stored.split(':');
  const text = QUEUE_REASONS[code];
  return text ? render(text, lang, { rounds }) : stored; // rows queued before reasons had codes keep their text
}

/** Puts an order nobody took in the operations queue (once) and says so on its timeline. */
export async function enqueueForOps(db: Db, o: OrderRow, reason: string, now: Date) {
  const added = await db.insertInto('dispatch_queue').values({ order_id: o.id, reason, queued_at: now })
    .onConflict((oc) => oc.column('order_id').doUpdateSet({ reason, queued_at: now, resolved_at: null }).where('dispatch_queue.resolved_at', 'is not', null))
    .returning('order_id').executeTakeFirst();
  if (added) await insertEvent(db, { orderId: o.id, action: 'no_candidates', actorKind: 'system', actorId: null, actorName: '系统', note: queueReasonText(reason, 'zh-CN'), at: now });
}

/** The order left 待接单 (taken, cancelled…): it leaves the queue too. */
export async function resolveQueued(db: Db, orderId: string, now: Date) {
  await db.updateTable('dispatch_queue').set({ resolved_at: now }).where('order_id', '=', orderId).where('resolved_at', 'is', null).execute();
}

/**
 * The next dispatch round for a paid, unassigned order. The chosen worker first (accept timeout);
 * then one grab round to the best K; then direct assignments to the best remaining; then the queue.
 */
export async function dispatchRound(db: Db, o: OrderRow, now: Date, exclude: string[] = []): Promise<number> {
  const s = await dispatchSettingsFor(db, o.city_code, o.category_code);
  const offers = await previousOffers(db, o.id);
  const round = offers.reduce((m, f) => Math.max(m, f.round), 0) + 1;
  const tried = new Set([...exclude, ...offers.filter((f) => f.status !== 'withdrawn').map((f) => f.worker_id)]);
  const chosen = o.preferred_worker_id && !tried.has(o.preferred_worker_id) ? o.preferred_worker_id : null;
  const grabDone = offers.some((f) => f.mode === 'grab');
  const assignRounds = new Set(offers.filter((f) => f.mode === 'assign').map((f) => f.round)).size;
  // Direct assignment starts after the grab round (grab mode) or at once (assign mode).
  if (!chosen && (grabDone || s.mode === 'assign') && assignRounds >= s.maxAssignRounds) {
    await enqueueForOps(db, o, `no_taker:${assignRounds}`, now);
    return 0;
  }
  const { result, candidates } = await rankOrder(db, o, now, s, chosen ? new Set() : tried, chosen ? [chosen] : undefined);
  let mode: 'chosen' | 'grab' | 'assign';
  let targets = result.ranked;
  if (chosen) {
    mode = 'chosen';
    targets = targets.filter((r) => r.workerId === chosen);
  } else {
    mode = s.mode === 'grab' && !grabDone ? 'grab' : 'assign';
    targets = targets.slice(0, mode === 'grab' ? s.topK : 1);
  }
  if (!targets.length) {
    if (chosen) return dispatchRound(db, o, now, [...exclude, chosen]); // the chosen worker can no longer come
    await enqueueForOps(db, o, candidates ? 'all_busy' : 'none_nearby', now);
    return 0;
  }
  const seconds = mode === 'grab' ? s.grabWindowSeconds : s.acceptTimeoutSeconds;
  const expiresAt = new Date(now.getTime() + seconds * 1000);
  await db.insertInto('order_offers').values(targets.map((t) => ({ order_id: o.id, worker_id: t.workerId, distance_km: Math.round(t.facts.distanceKm * 100) / 100, round, mode, score: t.score, expires_at: expiresAt })))
    .onConflict((oc) => oc.columns(['order_id', 'worker_id']).doUpdateSet((eb) => ({ status: 'open', round, mode, score: eb.ref('excluded.score'), expires_at: expiresAt, decided_at: null, created_at: now })))
    .execute();
  await db.insertInto('dispatch_decisions').values({
    order_id: o.id, round, mode, offered: targets.map((t) => t.workerId), candidates,
    ranked: JSON.stringify(result.ranked.slice(0, 20)), rejected: JSON.stringify(result.rejected.slice(0, 50)),
  }).execute();
  await scheduleJob(db, { kind: 'dispatch.window', key: `order:${o.id}:dispatch:${round}`, runAt: expiresAt, payload: { orderId: o.id, round } });
  await noticeOffers(db, o, targets.map((t) => t.workerId), round, expiresAt);
  await insertEvent(db, { orderId: o.id, action: 'offered', actorKind: 'system', actorId: null, actorName: '系统', detail: { workers: targets.length, mode, round }, at: now });
  return targets.length;
}

/** The round's window ran out: its open offers expire and the next round starts (if nobody took the order). */
export async function closeRound(db: Db, o: OrderRow, round: number, now: Date) {
  if (o.status !== 'paid' || o.worker_id) return;
  const expired = await db.updateTable('order_offers').set({ status: 'expired', decided_at: now })
    .where('order_id', '=', o.id).where('round', '=', round).where('status', '=', 'open').returning('worker_id').execute();
  const stillOpen = await db.selectFrom('order_offers').select('worker_id').where('order_id', '=', o.id).where('status', '=', 'open').executeTakeFirst();
  if (expired.length && !stillOpen) await dispatchRound(db, o, now);
}

/** After a decline: with no offer left open, the next round starts at once. */
export async function afterDecline(db: Db, o: OrderRow, now: Date) {
  const stillOpen = await db.selectFrom('order_offers').select('worker_id').where('order_id', '=', o.id).where('status', '=', 'open').executeTakeFirst();
  if (!stillOpen) await dispatchRound(db, o, now);
}

/** Every decision for an order, newest round last (console: why this worker, why not others). */
export async function decisionsOf(db: Db, orderId: string) {
  const rows = await db.selectFrom('dispatch_decisions').selectAll().where('order_id', '=', orderId).orderBy('round').execute();
  return rows.map((r) => ({ round: r.round, mode: r.mode, offered: r.offered, candidates: r.candidates, ranked: r.ranked, rejected: r.rejected, at: r.created_at.toISOString() }));
}
