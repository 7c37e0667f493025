/** The worker's side of an order: offers, accept / decline, the visit (set off, check in, record, extras, finish), calendar. */
import { timingSafeEqual } from 'node:crypto';
import dayjs from 'dayjs';
import type { Kysely } from 'kysely';
import type { AppContext } from '../../platform/app-context.js';
import type { DB } from '../../db/types.js';
import { AppError } from '../../platform/errors.js';
import { haversineKm } from '../../platform/providers/map.js';
import { userContact } from '../accounts/index.js';
import { cityTimeZone } from '../geo/index.js';
import { lockWorkerSchedule, qualifiedWorkers, workerAvailability, workerCard } from '../workers/index.js';
import { freeWorkersAt } from './availability.js';
import { settingsOf } from './booking-service.js';
import { calendarOf, commit, commitmentsOf, confirmHold, release } from './commitments.js';
import { needOf, snapshotItem } from './order-facts.js';
import { hasLiveProposal } from './onsite-quote-view.js';
import { orderSteps } from './order-steps.js';
import { runEffects } from './effects.js';
import { districtNames, orderView, relayBindingKey, summaryOf, type AddressSnapshot } from './present.js';
import { decideOffer, findOrder, insertEvent, offerOf, openOffer, withdrawOffers, type OrderRow } from './queries.js';
import { publishOrderChanged } from './order-notices.js';
import { MAX_CHECK_IN_FAILURES, timingOf, type BookingSettings } from './settings.js';
import { finishWithoutReasonAt, visitStartMs } from './state-machine.js';
import { applyTransition, lockedOrder, snapshotOf, type BookingActor } from './transition-service.js';

type Db = Kysely<DB>;
const MIN = 60_000;
/** Average city speed for ETAs (local map provider; a real one gives road times). */
const CITY_KMH = 25;

const workerActor = (id: string): BookingActor => ({ kind: 'worker', id, name: '师傅' });

/** An order this worker may look at: offered to them (open or decided) or theirs. 404 otherwise. */
async function visibleOrder(db: Db, workerId: string, id: string): Promise<OrderRow> {
  const o = await findOrder(db, id);
  if (!o) throw new AppError('NOT_FOUND');
  if (o.worker_id === workerId) return o;
  const offer = await offerOf(db, id, workerId);
  if (!offer) throw new AppError('NOT_FOUND');
  return o;
}

export async function workerOrderView(ctx: AppContext, workerId: string, id: string) {
  const o = await visibleOrder(ctx.db, workerId, id);
  return respond(ctx, o, workerId, await settingsOf(ctx), new Date());
}

/** The worker's order page, with the distance from their home base (shown before accepting, instead of the address). */
async function respond(ctx: AppContext, o: OrderRow, workerId: string, settings: BookingSettings, now: Date) {
  const [view, card] = await Promise.all([orderView(ctx, ctx.db, o, { kind: 'worker', id: workerId }, settings, now), workerCard(ctx.db, workerId)]);
  const distanceKm = card?.home ? Math.round(haversineKm(card.home, { lat: o.lat, lng: o.lng }) * 10) / 10 : null;
  return { ...view, distanceKm };
}

/** Offers (open, still bookable), upcoming (mine, not done) and history (mine, done or given back). */
export async function listWorkerOrders(ctx: AppContext, workerId: string, view: 'offers' | 'upcoming' | 'history') {
  const now = new Date();
  let rows: (OrderRow & { distance_km?: number | null })[];
  if (view === 'offers') {
    rows = await ctx.db.selectFrom('order_offers as f').innerJoin('orders as o', 'o.id', 'f.order_id').selectAll('o').select('f.distance_km')
      .where('f.worker_id', '=', workerId).where('f.status', '=', 'open').where('o.status', '=', 'paid').where('o.scheduled_start', '>', now)
      .where((eb) => eb.or([eb('f.expires_at', 'is', null), eb('f.expires_at', '>', now)]))
      .orderBy('o.scheduled_start').limit(100).execute();
  } else {
    const active = ['assigned', 'on_the_way', 'in_service', 'awaiting_confirmation'];
    rows = view === 'upcoming'
      ? await ctx.db.selectFrom('orders').selectAll().where('worker_id', '=', workerId).where('status', 'in', active).orderBy('scheduled_start').limit(100).execute()
      : await ctx.db.selectFrom('orders').selectAll()
        .where((eb) => eb.or([
          eb.and([eb('worker_id', '=', workerId), eb('status', 'not in', active)]),
          eb.exists(eb.selectFrom('order_offers as f').select('f.order_id').whereRef('f.order_id', '=', 'orders.id').where('f.worker_id', '=', workerId).where('f.status', '=', 'declined')),
        ])).orderBy('scheduled_start', 'desc').limit(100).execute();
  }
  const districts = await districtNames(ctx.db);
  return {
    items: rows.map((o) => ({ ...summaryOf(o, districts), distanceKm: o.distance_km === undefined || o.distance_km === null ? null : Math.round(o.distance_km * 10) / 10, offered: view === 'offers' })),
  };
}

/** My accepted work between two local dates (inclusive), for the day / week calendar. */
export async function workerCalendar(ctx: AppContext, workerId: string, fromDate: string, toDate: string) {
  const tz = await cityTimeZone(ctx.db, ctx.config.cityCode);
  const from = dayjs.tz(`${fromDate} 00:00`, tz).toDate();
  const to = dayjs.tz(`${toDate} 00:00`, tz).add(1, 'day').toDate();
  if (!(to > from) || to.getTime() - from.getTime() > 32 * 86_400_000) throw new AppError('VALIDATION_FAILED', {}, [{ field: 'to', code: 'range', message: { zh: '日期范围须在 31 天内', en: 'at most 31 days' } }]);
  const entries = await calendarOf(ctx.db, workerId, from, to);
  const orders = entries.length ? await ctx.db.selectFrom('orders').selectAll().where('id', 'in', entries.map((e) => e.order_id)).execute() : [];
  const byId = new Map(orders.map((o) => [o.id, o]));
  const districts = await districtNames(ctx.db);
  return {
    timeZone: tz,
    items: entries.flatMap((e) => {
      const o = byId.get(e.order_id);
      if (!o) return [];
      const item = snapshotItem(o);
      return [{ orderId: o.id, orderNo: o.order_no, start: o.scheduled_start.toISOString(), end: new Date(o.scheduled_start.getTime() + o.duration_minutes * MIN).toISOString(), status: o.status, itemName: item.name, itemNameEn: item.nameEn, districtName: districts.get(o.district_code)?.name ?? '', districtNameEn: districts.get(o.district_code)?.nameEn ?? '' }];
    }),
  };
}

/**
 * Puts an order on a worker's calendar (accept or admin assignment): the worker must still be
 * qualified and free by the calculator (hours, days off, rest), and the exclusion constraint has the last word.
 */
export async function takeOrder(ctx: AppContext, trx: Db, o: OrderRow, workerId: string, actor: BookingActor, now: Date, settings: BookingSettings, reason?: string) {
  await lockWorkerSchedule(trx, workerId);
  const need = await needOf(trx, o, { workerIds: [workerId], excludeOrderId: o.id });
  const qualified = await qualifiedWorkers(trx, { itemId: need.itemId, requiredCertificate: need.requiredCertificate, lat: o.lat, lng: o.lng, workerIds: [workerId], fromDate: '1970-01-01', toDate: '1970-01-01' });
  if (!qualified.length) throw new AppError('WORKER_NOT_QUALIFIED');
  if (!(await freeWorkersAt(trx, need, o.scheduled_start, now)).length) {
    const end = new Date(o.scheduled_start.getTime() + (o.duration_minutes + o.buffer_minutes) * MIN);
    const overlapping = await commitmentsOf(trx, [workerId], o.scheduled_start, end, o.id);
    throw new AppError(overlapping.size ? 'SCHEDULE_CONFLICT' : 'REST_RULE');
  }
  const card = await workerCard(trx, workerId);
  const [customer, worker] = await Promise.all([userContact(ctx, trx, o.customer_id), userContact(ctx, trx, workerId)]);
  const relay = await ctx.relay.bind(relayBindingKey(o.id, workerId), customer?.phone ?? '', worker?.phone ?? '', new Date(o.scheduled_start.getTime() + 3 * 86_400_000));
  const action = actor.kind === 'worker' ? 'accept' : 'assign';
  const { home: _home, ...snapshot } = card ?? { home: null };
  const { order: taken, result } = await applyTransition(trx, o, action, actor, {
    now, settings, facts: { reason }, patch: { worker_id: workerId, worker_snapshot: JSON.stringify(snapshot), accepted_at: now, relay_number: relay },
  });
  const held = await confirmHold(trx, o.id, workerId);
  if (!held) {
    await release(trx, o.id); // someone else's hold (the chosen worker was passed over)
    await commit(trx, { workerId, orderId: o.id, kind: 'order', start: o.scheduled_start, durationMinutes: o.duration_minutes, bufferMinutes: o.buffer_minutes });
  }
  await decideOffer(trx, o.id, workerId, 'accepted');
  await withdrawOffers(trx, o.id, workerId);
  await runEffects(trx, taken, result, { now, settings });
  return taken;
}

/** Grabs in flight on this instance, per order: a crowd of grabs for one order waits for the first instead of queueing on its row lock. */
const grabsInFlight = new Map<string, Promise<unknown>>();

/**
 * The first valid accept wins; later ones get ORDER_TAKEN. The database decides (row lock + versioned
 * update, across any number of instances); the in-process wait and the unlocked read in front only let
 * the losers of a grab race answer without queueing on the order's lock.
 */
export async function acceptOrder(ctx: AppContext, workerId: string, id: string) {
  (globalThis as any).__mark?.("authed");
  const ahead = grabsInFlight.get(id);
  if (ahead) {
    await ahead.catch(() => {});
    await refuseIfTaken(ctx, workerId, id);
  }
  return registered(ctx, workerId, id);
}

/** ORDER_TAKEN, from an unlocked read, when the order went to another of the workers it was offered to. */
async function refuseIfTaken(ctx: AppContext, workerId: string, id: string) {
  const seen = await takenView(ctx, id);
  if (seen?.offered.has(workerId) && seen.workerId && seen.workerId !== workerId) throw new AppError('ORDER_TAKEN', {}, [], { currentState: seen.status });
}

/** Unlocked reads of who holds an order, shared by the grabs that ask while one is under way. */
const takenReads = new Map<string, Promise<{ workerId: string | null; status: string; offered: Set<string> } | undefined>>();

function takenView(ctx: AppContext, id: string) {
  let read = takenReads.get(id);
  if (read) return read;
  read = ctx.db.selectFrom('orders as o').leftJoin('order_offers as f', 'f.order_id', 'o.id')
    .select(['o.worker_id', 'o.status'])
    .select((eb) => eb.fn.agg<string[] | null>('array_agg', ['f.worker_id']).as('offered'))
    .where('o.id', '=', id).groupBy('o.id').executeTakeFirst()
    .then((r) => r && { workerId: r.worker_id, status: r.status, offered: new Set(r.offered ?? []) });
  takenReads.set(id, read);
  const forget = () => takenReads.delete(id);
  read.then(forget, forget);
  return read;
}

/**
 * Starts an accept and makes its commit the one later grabs of this order wait for (registered before any
 * await); the answer's page is rendered after, without holding them up.
 */
async function registered(ctx: AppContext, workerId: string, id: string) {
  const attempt = acceptLocked(ctx, workerId, id);
  grabsInFlight.set(id, attempt);
  const forget = () => { if (grabsInFlight.get(id) === attempt) grabsInFlight.delete(id); };
  attempt.then(forget, forget);
  const { order, settings, now } = await attempt;
  return respond(ctx, order, workerId, settings, now);
}

async function acceptLocked(ctx: AppContext, workerId: string, id: string) {
  await refuseIfTaken(ctx, workerId, id); // a late grab of a taken order need not queue on its lock
  const now = new Date();
  const settings = await settingsOf(ctx);
  const order = await ctx.db.transaction().execute(async (trx) => {
    const o = await lockedOrder(trx, id);
    const offer = await offerOf(trx, id, workerId);
    if (!offer && o.worker_id !== workerId) throw new AppError('NOT_FOUND');
    if (o.status !== 'paid' || offer?.status === 'withdrawn') {
      if (o.worker_id && o.worker_id !== workerId) throw new AppError('ORDER_TAKEN', {}, [], { currentState: o.status });
      if (o.status !== 'paid') throw new AppError('ORDER_STATE', {}, [], { code: 'ILLEGAL_TRANSITION', currentState: o.status });
    }
    if (offer?.status === 'declined') throw new AppError('ORDER_STATE', {}, [], { code: 'ILLEGAL_TRANSITION', currentState: o.status });
    if (offer?.status === 'expired' || (offer?.expires_at && offer.expires_at <= now)) throw new AppError('GRAB_WINDOW_CLOSED', {}, [], { currentState: o.status });
    const availability = await workerAvailability(trx, workerId);
    if (availability !== 'ok') throw new AppError('WORKER_UNAVAILABLE', {}, [], { reason: availability });
    return takeOrder(ctx, trx, o, workerId, workerActor(workerId), now, settings);
  });
  return { order, settings, now };
}

/** Declines an open offer (204) or gives back an accepted order, which is then offered to others. */
export async function declineOrder(ctx: AppContext, workerId: string, id: string, reason: string) {
  const now = new Date();
  const settings = await settingsOf(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const o = await lockedOrder(trx, id);
    if (o.status === 'paid' && (await openOffer(trx, id, workerId))) {
      await decideOffer(trx, id, workerId, 'declined', reason.trim());
      await insertEvent(trx, { orderId: id, action: 'offer_declined', actorKind: 'worker', actorId: workerId, actorName: '师傅', note: reason.trim(), at: now });
      if (o.preferred_worker_id === workerId) await release(trx, id); // the chosen worker's hold
      await orderSteps().declined(trx, o, now);
      return null;
    }
    if (o.worker_id !== workerId) throw new AppError('NOT_FOUND');
    await decideOffer(trx, id, workerId, 'declined', reason.trim());
    const { order: back, result } = await applyTransition(trx, o, 'decline', workerActor(workerId), {
      now, settings, facts: { reason }, patch: { worker_id: null, worker_snapshot: null, relay_number: null, accepted_at: null, preferred_worker_id: null },
    });
    await runEffects(trx, back, result, { now, settings, previousWorkerId: workerId });
    return back;
  }).then((o) => (o ? respond(ctx, o, workerId, settings, now) : null));
}

async function mine(trx: Db, workerId: string, id: string) {
  const o = await lockedOrder(trx, id);
  if (o.worker_id !== workerId) throw new AppError('NOT_FOUND');
  return o;
}

/**
 * 出发 (from `departWindowHours` before the start): on the way, with an ETA from where the worker is (or their
 * home base) — never before the booked start, or the earlier time the customer agreed to.
 */
export async function departOrder(ctx: AppContext, workerId: string, id: string, at?: { lat: number; lng: number }) {
  const now = new Date();
  const settings = await settingsOf(ctx);
  const order = await ctx.db.transaction().execute(async (trx) => {
    const o = await mine(trx, workerId, id);
    const from = at ?? (await workerCard(trx, workerId))?.home ?? null;
    const km = from ? haversineKm(from, { lat: o.lat, lng: o.lng }) : 5;
    const travelled = now.getTime() + Math.ceil((km / CITY_KMH) * 60 + 5) * MIN;
    const eta = new Date(Math.max(travelled, visitStartMs(snapshotOf(o)) ?? o.scheduled_start.getTime()));
    const { order: next, result } = await applyTransition(trx, o, 'depart', workerActor(workerId), {
      now, settings, facts: { timeZone: await cityTimeZone(trx, o.city_code) }, patch: { departed_at: now, eta_at: eta }, detail: { distanceKm: Math.round(km * 10) / 10, etaAt: eta.toISOString() },
    });
    await runEffects(trx, next, result, { now, settings });
    return next;
  });
  return respond(ctx, order, workerId, settings, now);
}

const codeMatches = (given: string, expected: string) => given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));

export interface CheckInInput { lat: number; lng: number; serviceCode: string; farReason?: string }

/**
 * 签到 = start: the customer's 4-digit code must match (5 wrong codes lock check-in) and the worker
 * must be within the configured radius of the address, or give a reason.
 */
export async function checkIn(ctx: AppContext, workerId: string, id: string, input: CheckInInput) {
  const now = new Date();
  const settings = await settingsOf(ctx);
  const current = await findOrder(ctx.db, id);
  if (!current || current.worker_id !== workerId) throw new AppError('NOT_FOUND');
  if (current.check_in_failures >= MAX_CHECK_IN_FAILURES) throw new AppError('CHECK_IN_LOCKED');
  const matches = codeMatches(input.serviceCode, current.service_code);
  if (!matches && ['assigned', 'on_the_way'].includes(current.status)) {
    await ctx.db.updateTable('orders').set({ check_in_failures: current.check_in_failures + 1 }).where('id', '=', id).execute();
  }
  const distanceM = Math.round(haversineKm({ lat: input.lat, lng: input.lng }, { lat: current.lat, lng: current.lng }) * 1000);
  const order = await ctx.db.transaction().execute(async (trx) => {
    const o = await mine(trx, workerId, id);
    const late = Math.max(0, Math.round((now.getTime() - o.scheduled_start.getTime()) / MIN));
    const { order: next, result } = await applyTransition(trx, o, 'check_in', workerActor(workerId), {
      now, settings, facts: { timeZone: await cityTimeZone(trx, o.city_code), checkIn: { withinRadius: distanceM <= settings.checkInRadiusMeters, serviceCodeMatches: matches, farReason: input.farReason ?? null } },
      patch: { started_at: now, check_in: JSON.stringify({ lat: input.lat, lng: input.lng, distanceM, farReason: input.farReason ?? null }), ...(late > settings.lateGraceMinutes && !o.late_flagged_at ? { late_flagged_at: now } : {}) },
      note: input.farReason ? `距离 ${distanceM} 米：${input.farReason}` : '', detail: { distanceM, lateMinutes: late },
    });
    await runEffects(trx, next, result, { now, settings });
    return next;
  });
  return respond(ctx, order, workerId, settings, now);
}

async function assertWorkerPhotos(db: Db, workerId: string, ids: string[]) {
  if (!ids.length) return;
  const rows = await db.selectFrom('files').select('id').where('id', 'in', ids).where('owner_id', '=', workerId).where('purpose', '=', 'order_photo').execute();
  if (rows.length !== new Set(ids).size) throw new AppError('FILE_NOT_OWNED');
}

export interface RecordInput { note: string; photosBefore: string[]; photosAfter: string[]; checklist: { label: string; done: boolean }[] }

/** A service record while in service: note, before/after photos, checklist. */
export async function addRecord(ctx: AppContext, workerId: string, id: string, input: RecordInput) {
  await assertWorkerPhotos(ctx.db, workerId, [...input.photosBefore, ...input.photosAfter]);
  return ctx.db.transaction().execute(async (trx) => {
    const o = await mine(trx, workerId, id);
    if (o.status !== 'in_service') throw new AppError('ORDER_STATE', {}, [], { code: 'ILLEGAL_TRANSITION', currentState: o.status });
    const r = await trx.insertInto('order_records').values({
      order_id: id, worker_id: workerId, note: input.note.trim(), photos_before: input.photosBefore, photos_after: input.photosAfter, checklist: JSON.stringify(input.checklist),
    }).returningAll().executeTakeFirstOrThrow();
    await insertEvent(trx, { orderId: id, action: 'record', actorKind: 'worker', actorId: workerId, actorName: '师傅', note: input.note.trim().slice(0, 200) });
    return { id: r.id, note: r.note, photosBefore: r.photos_before.map((f) => `/api/orders/${id}/files/${f}`), photosAfter: r.photos_after.map((f) => `/api/orders/${id}/files/${f}`), checklist: r.checklist, createdAt: r.created_at.toISOString() };
  });
}

/** 加项: proposed extra work with a price; the customer answers in the app before it is done. */
export async function proposeExtra(ctx: AppContext, workerId: string, id: string, input: { title: string; amountFen: number; reason: string }) {
  return ctx.db.transaction().execute(async (trx) => {
    const o = await mine(trx, workerId, id);
    if (o.status !== 'in_service') throw new AppError('ORDER_STATE', {}, [], { code: 'ILLEGAL_TRANSITION', currentState: o.status });
    const e = await trx.insertInto('order_extras').values({ order_id: id, title: input.title.trim(), amount_fen: input.amountFen, reason: input.reason.trim() }).returningAll().executeTakeFirstOrThrow();
    await insertEvent(trx, { orderId: id, action: 'extra_proposed', actorKind: 'worker', actorId: workerId, actorName: '师傅', note: `${e.title} ¥${(e.amount_fen / 100).toFixed(2)}` });
    await publishOrderChanged(trx, o, 'extra_proposed');
    return { id: e.id, title: e.title, amountFen: e.amount_fen, reason: e.reason, status: e.status, createdAt: e.created_at.toISOString(), decidedAt: null };
  });
}

/**
 * 完成服务 → 待验收; the calendar frees up from now (plus the buffer) when finished early. Before
 * `earlyFinishPercent` of the booked duration has passed since check-in a reason is required; it is kept on the
 * order for the customer to read.
 */
export async function finishOrder(ctx: AppContext, workerId: string, id: string, reason?: string) {
  const now = new Date();
  const settings = await settingsOf(ctx);
  const order = await ctx.db.transaction().execute(async (trx) => {
    const o = await mine(trx, workerId, id);
    const pending = await trx.selectFrom('order_extras').select('id').where('order_id', '=', id).where('status', '=', 'proposed').executeTakeFirst();
    const at = finishWithoutReasonAt(snapshotOf(o), timingOf(settings));
    const early = at !== null && now.getTime() < at;
    const why = reason?.trim() ?? '';
    const { order: next, result } = await applyTransition(trx, o, 'finish', workerActor(workerId), {
      now, settings, facts: { hasPendingExtraWork: !!pending, hasPendingOnSiteQuote: await hasLiveProposal(trx, id), reason: why, timeZone: await cityTimeZone(trx, o.city_code) },
      patch: { finished_at: now, early_finish_reason: early ? why : null },
      detail: early && o.started_at ? { earlyFinish: true, servedMinutes: Math.floor((now.getTime() - o.started_at.getTime()) / MIN), bookedMinutes: o.duration_minutes } : undefined,
    });
    await runEffects(trx, next, result, { now, settings });
    return next;
  });
  return respond(ctx, order, workerId, settings, now);
}

export type { AddressSnapshot };
