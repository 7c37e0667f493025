/** The console's order desk: list with anomalies, detail, manual assignment, cancel, force, booking for callers. */
import { sql, type Kysely } from 'kysely';
import type { AppContext } from '../../platform/app-context.js';
import type { DB } from '../../db/types.js';
import type { Actor as AdminActor } from '../admin/index.js';
import { writeAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { addAddress } from '../accounts/index.js';
import { findOrCreatePhoneCustomer } from '../accounts/index.js';
import { bookableItem } from '../catalog/index.js';
import { cityTimeZone, getDistrict } from '../geo/index.js';
import { searchSlots } from './availability.js';
import { settingsOf } from './booking-service.js';
import { cancelOrder } from './customer-actions.js';
import { visitDurationMinutes } from './duration.js';
import { districtNames, orderView, summaryOf } from './present.js';
import { findOrder, type OrderRow } from './queries.js';
import { isOrderState, type OrderState } from './state-machine.js';
import { applyTransition, lockedOrder, type BookingActor } from './transition-service.js';
import { runEffects } from './effects.js';
import { orderSteps } from './order-steps.js';
import { takeOrder } from './worker-service.js';

type Db = Kysely<DB>;
export type Anomaly = 'unpaid' | 'unassigned_soon' | 'late' | 'overrunning';
const UNASSIGNED_SOON_HOURS = 2;

const adminActor = (a: AdminActor): BookingActor => ({ kind: 'admin', id: a.id, name: a.name, ip: a.ip });

/** Anomaly predicates in SQL (alias `o`), the same ones the list filter and the tags use. */
function anomalySql(a: Anomaly, now: Date) {
  switch (a) {
    case 'unpaid': return sql<boolean>`o.status = 'created'`;
    case 'unassigned_soon': return sql<boolean>`o.status = 'paid' and o.scheduled_start < ${new Date(now.getTime() + UNASSIGNED_SOON_HOURS * 3_600_000)}`;
    case 'late': return sql<boolean>`o.status in ('assigned', 'on_the_way') and (o.late_flagged_at is not null or o.scheduled_start < ${now})`;
    case 'overrunning': return sql<boolean>`o.status = 'in_service' and o.started_at + make_interval(mins => o.duration_minutes) < ${now}`;
  }
}
const ANOMALIES: Anomaly[] = ['unpaid', 'unassigned_soon', 'late', 'overrunning'];

export interface AdminOrderFilter {
  status?: string; categoryCode?: string; districtCode?: string; from?: string; to?: string; workerId?: string; customerId?: string; q?: string; anomaly?: Anomaly;
  offset: number; limit: number;
}

export async function listAdminOrders(ctx: AppContext, f: AdminOrderFilter) {
  const now = new Date();
  let q = ctx.db.selectFrom('orders as o').leftJoin('users as c', 'c.id', 'o.customer_id');
  if (f.status && isOrderState(f.status)) q = q.where('o.status', '=', f.status);
  if (f.categoryCode) q = q.where('o.category_code', '=', f.categoryCode);
  if (f.districtCode) q = q.where('o.district_code', '=', f.districtCode);
  if (f.from) q = q.where('o.scheduled_start', '>=', new Date(f.from));
  if (f.to) q = q.where('o.scheduled_start', '<', new Date(f.to));
  if (f.workerId) q = q.where('o.worker_id', '=', f.workerId);
  if (f.customerId) q = q.where('o.customer_id', '=', f.customerId);
  if (f.q?.trim()) {
    const term = f.q.trim();
    q = /^\d{4,11}$/.test(term) ? q.where((eb) => eb.or([eb('o.order_no', 'like', `%${term}%`), eb('c.phone_masked', 'like', `%${term.slice(-4)}`)]))
      : q.where('o.order_no', 'ilike', `%${term.replace(/[%_\\]/g, (ch) => `\\${ch}`)}%`);
  }
  if (f.anomaly) q = q.where(anomalySql(f.anomaly, now));
  const tags = ANOMALIES.map((a) => anomalySql(a, now).as(`a_${a}`));
  const [rows, total, districts] = await Promise.all([
    q.selectAll('o').select(['c.name as customer_name', 'c.phone_masked as customer_phone_masked']).select(tags).orderBy('o.scheduled_start', 'desc').offset(f.offset).limit(f.limit).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    districtNames(ctx.db),
  ]);
  return {
    total: Number(total.n),
    items: rows.map((r) => ({
      ...summaryOf(r as OrderRow, districts), customerName: r.customer_name ?? '', customerPhoneMasked: r.customer_phone_masked ?? null,
      workerId: r.worker_id, categoryCode: r.category_code, anomalies: ANOMALIES.filter((a) => (r as Record<string, unknown>)[`a_${a}`]),
    })),
  };
}

async function anomaliesOf(db: Db, id: string, now: Date): Promise<Anomaly[]> {
  const r = await db.selectFrom('orders as o').select(ANOMALIES.map((a) => anomalySql(a, now).as(a))).where('o.id', '=', id).executeTakeFirst();
  return r ? ANOMALIES.filter((a) => (r as Record<string, unknown>)[a]) : [];
}

export async function adminOrderView(ctx: AppContext, o: OrderRow) {
  const now = new Date();
  const [view, customer, anomalies, refundedFen] = await Promise.all([
    orderView(ctx, ctx.db, o, { kind: 'admin', id: '' }, await settingsOf(ctx), now),
    ctx.db.selectFrom('users').select(['name', 'phone_masked']).where('id', '=', o.customer_id).executeTakeFirst(),
    anomaliesOf(ctx.db, o.id, now),
    orderSteps().refunded(ctx.db, o.id),
  ]);
  // What was refunded so far (cancellation, finance, arbitration) and what a ruling could still give back.
  const price = { ...view.price, refundedFen, refundableFen: Math.max(0, o.paid_fen - refundedFen) };
  return { ...view, price, customerId: o.customer_id, customerName: customer?.name ?? '', customerPhoneMasked: customer?.phone_masked ?? null, bookedByAdmin: o.booked_by_admin_name, anomalies };
}

/**
 * Minimum necessary (PIPL): staff without `orders:address` (support, finance) see the order's district, not the
 * street address or the contact's name — dispatching and on-site problems are operations' work.
 */
export function forStaff<T extends { address: { detail: string | null; contactName: string | null } }>(view: T, permissions: readonly string[]): T {
  if (permissions.includes('orders:address')) return view;
  return { ...view, address: { ...view.address, detail: null, contactName: null } };
}

export async function orderOr404(db: Db, id: string) {
  const o = await findOrder(db, id);
  if (!o) throw new AppError('NOT_FOUND');
  return o;
}

export async function getAdminOrder(ctx: AppContext, id: string) {
  return adminOrderView(ctx, await orderOr404(ctx.db, id));
}

/** 人工派单 through the same checks and commitment as a worker's accept; audited. */
export async function assignOrder(ctx: AppContext, admin: AdminActor, id: string, workerId: string, reason: string) {
  const now = new Date();
  const settings = await settingsOf(ctx);
  const o = await ctx.db.transaction().execute(async (trx) => takeOrder(ctx, trx, await lockedOrder(trx, id), workerId, adminActor(admin), now, settings, reason));
  return adminOrderView(ctx, o);
}

export async function adminCancel(ctx: AppContext, admin: AdminActor, id: string, reason: string, cause: 'platform' | 'customer') {
  await cancelOrder(ctx, adminActor(admin), id, reason, cause);
  return getAdminOrder(ctx, id);
}

/** Status correction with a reason (audited); moves no money and no schedule. */
export async function forceOrder(ctx: AppContext, admin: AdminActor, id: string, target: OrderState, reason: string) {
  const now = new Date();
  const settings = await settingsOf(ctx);
  const o = await ctx.db.transaction().execute(async (trx) => {
    const current = await lockedOrder(trx, id);
    return (await applyTransition(trx, current, 'force', adminActor(admin), { now, settings, facts: { reason, target } })).order;
  });
  return adminOrderView(ctx, o);
}

export type ArbitrationOutcome = 'completed' | 'refund_full' | 'refund_partial';

/** 介入: ops open a dispute on an open order (or a completed one within the after-sales window). */
export async function disputeOrder(ctx: AppContext, admin: AdminActor, id: string, reason: string) {
  const now = new Date();
  const settings = await settingsOf(ctx);
  const o = await ctx.db.transaction().execute(async (trx) => {
    const { order, result } = await applyTransition(trx, await lockedOrder(trx, id), 'dispute', adminActor(admin), { now, settings, facts: { reason } });
    await runEffects(trx, order, result, { now, settings });
    return order;
  });
  return adminOrderView(ctx, o);
}

/**
 * 仲裁: a disputed order ends completed (escrow to the worker) or refunded in full or in part; the refund comes
 * from escrow, or back from the worker's share and the commission when the order was already split.
 */
export async function arbitrateOrder(ctx: AppContext, admin: AdminActor, id: string, outcome: ArbitrationOutcome, reason: string, refundFen?: number) {
  const now = new Date();
  const settings = await settingsOf(ctx);
  const o = await ctx.db.transaction().execute(async (trx) => {
    const current = await lockedOrder(trx, id);
    const refundable = current.paid_fen - (await orderSteps().refunded(trx, id));
    const refund = outcome === 'refund_full' ? refundable : outcome === 'refund_partial' ? refundFen ?? 0 : 0;
    if (outcome === 'refund_partial' && current.status === 'disputed' && !(refund > 0 && refund < refundable)) {
      // A part must be less than what is still refundable (all of it is refund_full): say how much that is.
      throw new AppError('REFUND_TOO_LARGE', { maxFen: Math.max(0, refundable - 1) }, [], { maxFen: Math.max(0, refundable - 1) });
    }
    const { order, result } = await applyTransition(trx, current, 'arbitrate', adminActor(admin), {
      now, settings, facts: { reason, outcome, refundFen: refund, priceFen: refundable },
      patch: { refund_fen: refund, fee_fen: 0, worker_compensation_fen: 0 }, detail: { outcome, refundFen: refund },
    });
    await runEffects(trx, order, result, { now, settings });
    return order;
  });
  return adminOrderView(ctx, o);
}

/** Free times for support booking a caller: the district centre stands in for the address. */
export async function adminSlots(ctx: AppContext, p: { itemCode: string; quantity: number; districtCode: string; from?: string; to?: string }) {
  const item = await bookableItem(ctx.db, p.itemCode);
  if (!item) throw new AppError('ITEM_NOT_FOUND');
  const district = await getDistrict(ctx.db, p.districtCode);
  if (!district) throw new AppError('DISTRICT_UNKNOWN');
  const settings = await settingsOf(ctx);
  return searchSlots(ctx.db, {
    itemId: item.id, requiredCertificate: item.requiredCertificate, durationMinutes: visitDurationMinutes(item.pricing, p.quantity, item.durationMinutes),
    bufferMinutes: settings.bufferMinutes, lat: district.centerLat, lng: district.centerLng, timeZone: await cityTimeZone(ctx.db, ctx.config.cityCode),
  }, new Date(), { from: p.from, to: p.to });
}
