/** Order views for the customer, the worker and the console; PII only where each may see it. */
import type { AppContext } from '../../platform/app-context.js';
import type { DB } from '../../db/types.js';
import type { Kysely } from 'kysely';
import { cityTimeZone } from '../geo/index.js';
import { snapshotItem, type QuoteSnapshot, type WorkerSnapshot } from './order-facts.js';
export type { WorkerSnapshot } from './order-facts.js';
import { eventLabel } from './event-labels.js';
import { eventsOf, extrasOf, latestReschedule, openOffer, pendingReschedule, recordsOf, type OrderRow } from './queries.js';
import { earlyVisitOf } from './early-visit.js';
import { onSiteQuoteOf } from './onsite-quote-view.js';
import { timingOf, type BookingSettings } from './settings.js';
import { availableActions, canReschedule, finishWithoutReasonAt, STATE_LABELS, tabOf, visitStartMs, type Actor, type OrderState } from './state-machine.js';
import { snapshotOf } from './transition-service.js';

export interface AddressSnapshot { label: string; contactName: string; contactPhone: string; contactPhoneMasked: string; detail: string; districtName: string }

const HOUR = 3_600_000;
/** States in which the assigned worker sees the exact address, contact and relay number. */
const WORKER_PII_STATES: readonly OrderState[] = ['assigned', 'on_the_way', 'in_service', 'awaiting_confirmation'];
/** The relay number connects the two sides while the order is theirs and open (the same states). */
export const relayOpen = (o: { relay_number: string | null; status: string }) => !!o.relay_number && WORKER_PII_STATES.includes(o.status as OrderState);
/** The key an order's relay binding is made with; the provider carries it on every call report. */
export const relayBindingKey = (orderId: string, workerId: string) => `${orderId}:${workerId}`;
/** States in which the customer sees the 4-digit service code. */
const CODE_STATES: readonly OrderState[] = ['assigned', 'on_the_way'];

export const orderFileUrl = (orderId: string, fileId: string) => `/api/orders/${orderId}/files/${fileId}`;

export type DistrictNames = Map<string, { name: string; nameEn: string }>;

/** District names by code (zh and en), for lists. */
export async function districtNames(db: Kysely<DB>): Promise<DistrictNames> {
  const rows = await db.selectFrom('districts').select(['code', 'name', 'name_en']).execute();
  return new Map(rows.map((d) => [d.code, { name: d.name, nameEn: d.name_en }]));
}

export function summaryOf(o: OrderRow, districts: DistrictNames) {
  const district = districts.get(o.district_code);
  const item = snapshotItem(o);
  const state = o.status as OrderState;
  return {
    id: o.id, orderNo: o.order_no, status: state, statusLabel: STATE_LABELS[state], tab: tabOf(state), kind: o.kind, itemCode: item.code, itemName: item.name, itemNameEn: item.nameEn,
    scheduledStart: o.scheduled_start.toISOString(), durationMinutes: o.duration_minutes, districtName: district?.name ?? '', districtNameEn: district?.nameEn ?? '', totalFen: o.price_fen + o.extras_fen,
    workerName: (o.worker_snapshot as WorkerSnapshot | null)?.name ?? null, createdAt: o.created_at.toISOString(),
  };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const isoMs = (t: number | null) => (t === null ? null : new Date(t).toISOString());
/** States in which the worker may ask to come earlier and the customer answer. */
const ASKABLE_EARLY: readonly OrderState[] = ['assigned', 'on_the_way'];

/** When set off and check-in open (the booked start, or an agreed earlier visit, less the windows) and when finishing needs no reason. */
function visitWindows(o: OrderRow, settings: BookingSettings) {
  const snap = snapshotOf(o);
  const start = visitStartMs(snap);
  return {
    departOpensAt: isoMs(start === null ? null : start - settings.departWindowHours * HOUR),
    checkInOpensAt: isoMs(start === null ? null : start - settings.checkInMinutesBefore * 60_000),
    finishWithoutReasonAt: isoMs(finishWithoutReasonAt(snap, timingOf(settings))),
  };
}

function customerActions(o: OrderRow, now: Date, settings: BookingSettings, pendingRequest: boolean): string[] {
  const ctx = { now, actorId: o.customer_id, reason: '·', timing: timingOf(settings) };
  const names: string[] = availableActions(snapshotOf(o), 'customer', ctx).filter((a) => a !== 'dispute').map((a) => (a === 'worker_no_show' ? 'no_show' : a));
  if (o.early_visit_status === 'requested' && ASKABLE_EARLY.includes(o.status as OrderState)) names.push('answer_early_visit');
  if (canReschedule(o.status as OrderState) && !pendingRequest) names.push('reschedule');
  if ((o.status === 'in_service' || o.status === 'awaiting_confirmation') && o.price_fen + o.extras_fen > o.paid_fen) names.push('pay'); // accepted extra work
  return names;
}

type OnSiteQuoteView = Awaited<ReturnType<typeof onSiteQuoteOf>>;

async function workerActions(db: Kysely<DB>, o: OrderRow, workerId: string, now: Date, settings: BookingSettings, pendingRequest: boolean, pendingExtra: boolean, onSite: OnSiteQuoteView): Promise<string[]> {
  if (o.status === 'paid') return (await openOffer(db, o.id, workerId)) ? ['accept', 'decline'] : [];
  if (o.worker_id !== workerId) return [];
  // Actions that need input (a reason, the code) are listed as if it were given; finish waits for pending extras;
  // set off and check-in only once their window is open. 上门报价: proposed (or replaced) until the customer accepts one.
  const pendingQuote = onSite?.proposals.some((p) => p.status === 'proposed') ?? false;
  const names: string[] = availableActions(snapshotOf(o), 'worker', {
    now, actorId: workerId, reason: '·', timing: timingOf(settings), checkIn: { withinRadius: true, serviceCodeMatches: true }, hasPendingExtraWork: pendingExtra, hasPendingOnSiteQuote: pendingQuote,
  }).filter((a) => a !== 'dispute');
  if (ASKABLE_EARLY.includes(o.status as OrderState) && !names.includes('check_in') && o.early_visit_status !== 'agreed') names.push('request_early_visit');
  if (o.status === 'in_service') names.push('record', 'propose_extra');
  if (o.status === 'in_service' && onSite && !onSite.proposals.some((p) => p.status === 'accepted')) names.push('propose_onsite_quote');
  if (o.status === 'assigned' && !pendingRequest) names.push('reschedule');
  return names;
}

const line = (code: string, zh: string, en: string, amountFen: number) => ({ code, label: { zh, en }, quantity: 1, unitPriceFen: amountFen, amountFen, rule: { id: code.toLowerCase(), description: { zh, en } } });

/**
 * The quote's lines (an accepted on-site quote's instead of the deposit) plus what the order added: the
 * accident-insurance premium, or a service card's payment of the visit.
 */
function priceLines(o: OrderRow, snap: QuoteSnapshot, quoteLines: readonly unknown[] = snap.quote.lines) {
  const lines: unknown[] = [...quoteLines];
  if (o.pay_method === 'service_card') {
    lines.push(line('SERVICE_CARD', '次卡抵扣', 'Paid by service card', o.price_fen - snap.quote.totalFen));
  } else if (o.insurance_premium_fen > 0) {
    lines.push(line('INSURANCE', '意外险保费', 'Accident insurance premium', o.insurance_premium_fen));
  }
  return lines;
}

export type Viewer = { kind: Extract<Actor, 'customer' | 'worker' | 'admin'>; id: string };

type EventRow = Awaited<ReturnType<typeof eventsOf>>[number];

/**
 * Who acted, by name: events of the order's customer and worker were written with their role as the name ("客户",
 * "师傅"); the console reads their account names (a customer without a nickname by the masked phone), the customer
 * reads the worker's name. A worker is never shown the customer's name.
 */
async function actorNames(db: Kysely<DB>, events: EventRow[], viewer: Viewer, worker: WorkerSnapshot | null): Promise<(e: EventRow) => string> {
  const wanted = viewer.kind === 'admin' ? ['customer', 'worker'] : viewer.kind === 'customer' ? ['worker'] : [];
  const ids = [...new Set(events.filter((e) => e.actor_id && wanted.includes(e.actor_kind)).map((e) => e.actor_id!))];
  const users = ids.length ? await db.selectFrom('users').select(['id', 'name', 'phone_masked']).where('id', 'in', ids).execute() : [];
  const byId = new Map(users.map((u) => [u.id, u.name.trim() || u.phone_masked || '']));
  return (e) => {
    if (viewer.kind === 'worker' && e.actor_kind === 'customer') return '客户';
    if (!e.actor_id || !wanted.includes(e.actor_kind)) return e.actor_name;
    if (e.actor_kind === 'worker' && worker?.id === e.actor_id && worker.name) return worker.name;
    return byId.get(e.actor_id) || e.actor_name;
  };
}

/** The full order page for one viewer. */
export async function orderView(ctx: AppContext, db: Kysely<DB>, o: OrderRow, viewer: Viewer, settings: BookingSettings, now = new Date()) {
  const [districts, timeZone, events, extras, records, pending, latest, child, onSiteQuote] = await Promise.all([
    districtNames(db), cityTimeZone(db, o.city_code), eventsOf(db, o.id), extrasOf(db, o.id), recordsOf(db, o.id),
    pendingReschedule(db, o.id), latestReschedule(db, o.id),
    db.selectFrom('orders').select('id').where('parent_order_id', '=', o.id).orderBy('created_at', 'desc').limit(1).executeTakeFirst(),
    onSiteQuoteOf(db, o),
  ]);
  const state = o.status as OrderState;
  const district = districts.get(o.district_code);
  const snap = o.quote_snapshot as QuoteSnapshot;
  const address = JSON.parse(ctx.pii.decrypt(o.address_enc)) as AddressSnapshot;
  const workerSees = viewer.kind !== 'worker' || (o.worker_id === viewer.id && WORKER_PII_STATES.includes(state));
  const worker = o.worker_snapshot as WorkerSnapshot | null;
  const relayVisible = relayOpen(o) && (viewer.kind !== 'worker' || o.worker_id === viewer.id);
  const pendingExtra = extras.some((e) => e.status === 'proposed');
  const actions = viewer.kind === 'customer' ? customerActions(o, now, settings, !!pending)
    : viewer.kind === 'worker' ? await workerActions(db, o, viewer.id, now, settings, !!pending, pendingExtra, onSiteQuote) : [];
  const request = pending ?? latest;
  const nameOf = await actorNames(db, events, viewer, worker);
  // 上门报价 accepted: the order is priced by it (its total is the order's price, the deposit counts towards it).
  const final = onSiteQuote?.proposals.find((p) => p.status === 'accepted') ?? null;
  return {
    ...summaryOf(o, districts),
    timeZone, channel: o.channel,
    price: {
      lines: final ? priceLines(o, snap, final.lines) : priceLines(o, snap), subtotalFen: final?.subtotalFen ?? snap.quote.subtotalFen,
      discountFen: final ? final.subtotalFen - final.totalFen : snap.quote.discountFen, totalFen: o.price_fen, extrasFen: o.extras_fen,
      couponFen: o.coupon_fen, payMethod: o.pay_method,
      insurance: o.insurance_plan ? { premiumFen: o.insurance_premium_fen, coverFen: o.insurance_cover_fen, plan: o.insurance_plan } : null,
      dueFen: o.price_fen + o.extras_fen, paidFen: o.paid_fen, refundFen: o.refund_fen, feeFen: o.fee_fen, workerCompensationFen: o.worker_compensation_fen,
    },
    address: {
      label: o.address_label, districtCode: o.district_code, districtName: district?.name ?? '',
      detail: workerSees ? address.detail : null, contactName: workerSees ? address.contactName : null,
      contactPhoneMasked: workerSees && viewer.kind !== 'worker' ? address.contactPhoneMasked : null,
      lat: workerSees ? o.lat : null, lng: workerSees ? o.lng : null,
    },
    notes: o.notes, photos: o.photo_file_ids.map((f) => orderFileUrl(o.id, f)),
    serviceCode: viewer.kind === 'customer' && CODE_STATES.includes(state) ? o.service_code : null,
    worker: worker ? { ...worker, relayPhone: relayVisible ? o.relay_number : null } : null,
    preferredWorkerId: o.preferred_worker_id,
    etaAt: iso(o.eta_at), paidAt: iso(o.paid_at), acceptedAt: iso(o.accepted_at), departedAt: iso(o.departed_at), startedAt: iso(o.started_at),
    finishedAt: iso(o.finished_at), completedAt: iso(o.completed_at), cancelledAt: iso(o.cancelled_at), cancelReason: o.cancel_reason,
    autoConfirmAt: state === 'awaiting_confirmation' && o.finished_at ? new Date(o.finished_at.getTime() + settings.autoConfirmHours * HOUR).toISOString() : null,
    afterSalesEndsAt: state === 'completed' && o.completed_at ? new Date(o.completed_at.getTime() + settings.afterSalesHours * HOUR).toISOString()
      : state === 'awaiting_confirmation' && o.finished_at ? new Date(o.finished_at.getTime() + settings.reworkHours * HOUR).toISOString() : null,
    lateFlagged: o.late_flagged_at !== null,
    earlyVisit: earlyVisitOf(o), earlyFinishReason: o.early_finish_reason, windows: visitWindows(o, settings),
    extras: extras.map((e) => ({ id: e.id, title: e.title, amountFen: e.amount_fen, reason: e.reason, status: e.status, createdAt: e.created_at.toISOString(), decidedAt: iso(e.decided_at) })),
    onSiteQuote,
    records: records.map((r) => ({
      id: r.id, note: r.note, photosBefore: r.photos_before.map((f) => orderFileUrl(o.id, f)), photosAfter: r.photos_after.map((f) => orderFileUrl(o.id, f)),
      checklist: r.checklist, createdAt: r.created_at.toISOString(),
    })),
    checklistTemplate: snapshotItem(o).included ?? [],
    reschedule: request ? {
      id: request.id, requestedBy: request.requested_by, proposedStart: request.proposed_start.toISOString(), previousStart: request.previous_start.toISOString(),
      reason: request.reason, status: request.status, createdAt: request.created_at.toISOString(), decidedAt: iso(request.decided_at), decisionNote: request.decision_note,
    } : null,
    reworkOf: o.parent_order_id, reworkOrderId: child?.id ?? null,
    timeline: events.map((e) => ({
      at: e.at.toISOString(), action: e.action, label: eventLabel(e.action), actorKind: e.actor_kind,
      actorName: nameOf(e),
      fromStatus: e.from_status, toStatus: e.to_status, note: e.note,
    })),
    actions,
  };
}
