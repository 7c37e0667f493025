/** Customer booking: the calendar, creating an order from a quote, the local pay step, my orders. */
import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AppContext } from '../../platform/app-context.js';
import type { DB } from '../../db/types.js';
import { AppError } from '../../platform/errors.js';
import { scheduleJob } from '../../platform/jobs.js';
import { addressForBooking } from '../accounts/index.js';
import { bookableItem } from '../catalog/index.js';
import type { Quote } from '../catalog/index.js';
import { cityTimeZone } from '../geo/index.js';
import { publishOrderChanged } from './order-notices.js';
import { lockWorkerSchedule } from '../workers/index.js';
import { alternatives, anyCoverage, assertBookableStart, freeWorkersAt, searchSlots, type Need } from './availability.js';
import { commit } from './commitments.js';
import { visitDurationMinutes } from './duration.js';
import type { QuoteSnapshot } from './order-facts.js';
import { jobKey, runEffects } from './effects.js';
import { districtNames, orderView, summaryOf, type AddressSnapshot } from './present.js';
import { countByStatus, findOrder, insertEvent, type OrderRow } from './queries.js';
import { loadSettings, type BookingSettings } from './settings.js';
import { ORDER_TABS, statesOfTab, type OrderTab } from './state-machine.js';
import { applyTransition, lockedOrder, type BookingActor } from './transition-service.js';

type Db = Kysely<DB>;
const MIN = 60_000;

export const settingsOf = (ctx: AppContext, db: Db = ctx.db) => loadSettings(db, ctx.config.cityCode);

async function itemOrFail(db: Db, code: string) {
  const item = await bookableItem(db, code);
  if (!item) throw new AppError('ITEM_NOT_FOUND');
  if (!item.published) throw new AppError('ITEM_UNAVAILABLE');
  return item;
}

async function myAddress(ctx: AppContext, customerId: string, addressId: string) {
  const a = await addressForBooking(ctx, ctx.db, customerId, addressId);
  if (!a) throw new AppError('NOT_FOUND', {}, [{ field: 'addressId', code: 'unknown', message: { zh: '地址不存在', en: 'unknown address' } }]);
  return a;
}

/** A customer's own order (404 for anyone else's). */
export async function customerOrder(db: Db, customerId: string, id: string): Promise<OrderRow> {
  const o = await findOrder(db, id);
  if (!o || o.customer_id !== customerId) throw new AppError('NOT_FOUND');
  return o;
}

export interface SlotParams { quoteId?: string; orderId?: string; addressId?: string; workerId?: string; from?: string; to?: string }

/** The booking calendar for a quote + address, or for an existing order (reschedule, rework). */
export async function customerSlots(ctx: AppContext, customerId: string, p: SlotParams) {
  const now = new Date();
  const settings = await settingsOf(ctx);
  const timeZone = await cityTimeZone(ctx.db, ctx.config.cityCode);
  let need: Need;
  if (p.orderId) {
    const o = await customerOrder(ctx.db, customerId, p.orderId);
    need = { itemId: o.item_id, requiredCertificate: (o.quote_snapshot as QuoteSnapshot).item.requiredCertificate, durationMinutes: o.duration_minutes, bufferMinutes: o.buffer_minutes, lat: o.lat, lng: o.lng, timeZone, excludeOrderId: o.id };
    const only = p.workerId ?? o.worker_id ?? undefined;
    if (only) need.workerIds = [only];
  } else {
    if (!p.quoteId || !p.addressId) throw new AppError('VALIDATION_FAILED', {}, [{ field: p.quoteId ? 'addressId' : 'quoteId', code: 'required', message: { zh: '必填', en: 'required' } }]);
    const quote = await quoteOf(ctx, customerId, p.quoteId);
    const item = await itemOrFail(ctx.db, quote.itemCode);
    const address = await myAddress(ctx, customerId, p.addressId);
    need = { itemId: item.id, requiredCertificate: item.requiredCertificate, durationMinutes: quote.durationMinutes ?? visitDurationMinutes(item.pricing, quote.quantity, item.durationMinutes), bufferMinutes: settings.bufferMinutes, lat: address.lat, lng: address.lng, timeZone };
    if (p.workerId) need.workerIds = [p.workerId];
  }
  return searchSlots(ctx.db, need, now, { from: p.from, to: p.to });
}

/** A quote of mine for reading (the calendar may use an expired one: only booking needs a live quote). */
async function quoteOf(ctx: AppContext, customerId: string, id: string): Promise<Quote> {
  const row = await ctx.db.selectFrom('quotes').select('quote').where('id', '=', id).where('customer_id', '=', customerId).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', {}, [{ field: 'quoteId', code: 'unknown', message: { zh: '报价不存在', en: 'unknown quote' } }]);
  return row.quote as Quote;
}

export interface CreateOrderInput {
  quoteId: string; addressId: string; workerId?: string; notes?: string; photoFileIds?: string[];
  /** Add the category's optional accident insurance (a mandatory one is always added). */
  insurance?: boolean;
  /** Pay the visit with a service card (次卡) of mine instead of through a provider. */
  serviceCardId?: string;
}
export interface BookingOrigin { channel: 'app' | 'phone'; admin?: { id: string; name: string } }

const orderNo = (now: Date) => `DJ${now.toISOString().slice(2, 10).replace(/-/g, '')}${String(randomInt(0, 1e8)).padStart(8, '0')}`;
const serviceCode = () => String(randomInt(0, 10_000)).padStart(4, '0');

async function assertOwnPhotos(db: Db, ownerId: string, ids: string[]) {
  if (!ids.length) return;
  const rows = await db.selectFrom('files').select('id').where('id', 'in', ids).where('owner_id', '=', ownerId).where('purpose', '=', 'order_photo').execute();
  if (rows.length !== new Set(ids).size) throw new AppError('FILE_NOT_OWNED');
}

/** Everything booking checked and snapshotted for an order about to be created from a quote. */
export interface OrderPlan {
  now: Date; settings: BookingSettings; start: Date; need: Need; categoryCode: string;
  item: Awaited<ReturnType<typeof itemOrFail>>; address: Awaited<ReturnType<typeof myAddress>>;
  snapshot: QuoteSnapshot; addressSnap: AddressSnapshot;
}

/**
 * The booking checks of a new order (create-order workflow): the start (ahead, within 14 days, on the grid), that
 * someone covers the address and is free then (409 SLOT_TAKEN with alternatives otherwise), the photos are mine;
 * and the snapshots of quote, item and address the order keeps.
 */
export async function planOrder(ctx: AppContext, customerId: string, input: CreateOrderInput, quote: Quote): Promise<OrderPlan> {
  const now = new Date();
  const settings = await settingsOf(ctx);
  const item = await itemOrFail(ctx.db, quote.itemCode);
  const address = await myAddress(ctx, customerId, input.addressId);
  const timeZone = await cityTimeZone(ctx.db, ctx.config.cityCode);
  const start = new Date(quote.scheduledStart);
  assertBookableStart(start, now, timeZone);
  await assertOwnPhotos(ctx.db, customerId, input.photoFileIds ?? []);
  const need: Need = {
    itemId: item.id, requiredCertificate: item.requiredCertificate, durationMinutes: quote.durationMinutes ?? visitDurationMinutes(item.pricing, quote.quantity, item.durationMinutes),
    bufferMinutes: settings.bufferMinutes, lat: address.lat, lng: address.lng, timeZone, ...(input.workerId ? { workerIds: [input.workerId] } : {}),
  };
  if (!(await anyCoverage(ctx.db, need, now))) throw new AppError(input.workerId ? 'WORKER_NOT_QUALIFIED' : 'ADDRESS_NOT_COVERED');
  const free = await freeWorkersAt(ctx.db, need, start, now);
  if (!free.length) throw new AppError('SLOT_TAKEN', {}, [], { alternatives: await alternatives(ctx.db, need, start, now) });
  const snapshot: QuoteSnapshot = {
    quote: quote as unknown as QuoteSnapshot['quote'],
    item: { code: item.code, name: item.name, nameEn: item.nameEn, unit: quote.model, included: item.included, requiredCertificate: item.requiredCertificate },
  };
  const addressSnap: AddressSnapshot = { label: address.label, contactName: address.contactName, contactPhone: address.contactPhone, contactPhoneMasked: address.contactPhoneMasked, detail: address.detail, districtName: address.districtName };
  return { now, settings, start, need, categoryCode: item.categoryCode, item, address, snapshot, addressSnap };
}

/** What the order costs and carries, decided by the workflow from the quote, the coupon, the insurance plan and a card. */
export interface OrderMoney {
  priceFen: number; couponFen: number;
  insurance: { premiumFen: number; coverFen: number; plan: string } | null;
}

/** In the booking transaction: the order row and its first timeline entry. */
export async function insertOrder(ctx: AppContext, trx: Db, plan: OrderPlan, customerId: string, input: CreateOrderInput, origin: BookingOrigin, money: OrderMoney): Promise<OrderRow> {
  const { now, item, address, need } = plan;
  const o = await trx.insertInto('orders').values({
    order_no: orderNo(now), city_code: ctx.config.cityCode, channel: origin.channel, booked_by_admin_id: origin.admin?.id ?? null, booked_by_admin_name: origin.admin?.name ?? null,
    customer_id: customerId, preferred_worker_id: input.workerId ?? null, item_id: item.id, item_code: item.code, category_code: item.categoryCode,
    scheduled_start: plan.start, duration_minutes: need.durationMinutes, buffer_minutes: need.bufferMinutes, district_code: address.districtCode, lat: address.lat, lng: address.lng,
    quote_id: input.quoteId, quote_snapshot: JSON.stringify(plan.snapshot), address_enc: ctx.pii.encrypt(JSON.stringify(plan.addressSnap)), address_label: address.label,
    price_fen: money.priceFen, service_code: serviceCode(), notes: (input.notes ?? '').trim(), photo_file_ids: input.photoFileIds ?? [], created_at: now,
    coupon_fen: money.couponFen, insurance_premium_fen: money.insurance ? Math.min(money.insurance.premiumFen, money.priceFen) : 0,
    insurance_cover_fen: money.insurance?.coverFen ?? 0, insurance_plan: money.insurance?.plan ?? null,
  }).returningAll().executeTakeFirstOrThrow();
  await insertEvent(trx, {
    orderId: o.id, action: 'create', actorKind: origin.admin ? 'admin' : 'customer', actorId: origin.admin?.id ?? customerId, actorName: origin.admin?.name ?? '客户',
    toStatus: 'created', note: origin.channel === 'phone' ? '客服代客下单' : '', at: now,
  });
  return o;
}

/** In the booking transaction: a chosen worker's time is held for the order (SCHEDULE_CONFLICT when taken meanwhile). */
export async function holdChosenWorker(trx: Db, plan: OrderPlan, orderId: string, workerId: string): Promise<void> {
  await lockWorkerSchedule(trx, workerId);
  if (!(await freeWorkersAt(trx, plan.need, plan.start, plan.now)).length) throw new AppError('SCHEDULE_CONFLICT');
  await commit(trx, { workerId, orderId, kind: 'hold', start: plan.start, durationMinutes: plan.need.durationMinutes, bufferMinutes: plan.need.bufferMinutes });
}

/** An unpaid order cancels itself after the setting's minutes. */
export async function armUnpaidTimer(trx: Db, plan: OrderPlan, orderId: string): Promise<void> {
  await scheduleJob(trx, { kind: 'order.expire', key: jobKey(orderId, 'expire'), runAt: new Date(plan.now.getTime() + plan.settings.unpaidCancelMinutes * MIN), payload: { orderId } });
}

/** A lost race for the chosen worker answers like a taken slot, with alternatives. */
export async function slotTaken(ctx: AppContext, plan: OrderPlan): Promise<AppError> {
  return new AppError('SLOT_TAKEN', {}, [], { alternatives: await alternatives(ctx.db, plan.need, plan.start, plan.now) });
}

/** The customer's view of a new order. */
export async function newOrderView(ctx: AppContext, o: OrderRow, customerId: string, plan: OrderPlan) {
  return orderView(ctx, ctx.db, o, { kind: 'customer', id: customerId }, plan.settings, plan.now);
}

export const PAY_METHODS = ['wechat', 'alipay', 'card'] as const;
/** How an order was paid: a provider, or a service card (次卡). */
export type PayMethod = (typeof PAY_METHODS)[number] | 'service_card';

/** What a customer can pay on an order now: the price while 待支付, accepted extra work during the visit. */
export async function payableFor(trx: Db, customerId: string, orderId: string) {
  const o = await lockedOrder(trx, orderId);
  if (o.customer_id !== customerId) throw new AppError('NOT_FOUND');
  const item = (o.quote_snapshot as QuoteSnapshot).item;
  if (o.status === 'created') return { purpose: 'order' as const, amountFen: o.price_fen, orderNo: o.order_no, description: `到家 · ${item.name}`, cityCode: o.city_code };
  const extras = o.price_fen + o.extras_fen - o.paid_fen;
  if (extras > 0 && EXTRAS_PAYABLE.has(o.status)) return { purpose: 'extras' as const, amountFen: extras, orderNo: o.order_no, description: `到家 · ${item.name} · 加项`, cityCode: o.city_code };
  throw new AppError('PAYMENT_NOT_DUE', {}, [], { currentState: o.status });
}
const EXTRAS_PAYABLE = new Set(['in_service', 'awaiting_confirmation']);

/**
 * A captured payment reaches the order (called by the payments domain in its capture transaction): the
 * price moves the order to 待接单 and starts dispatch; extra work only adds to what was paid.
 * Returns false when the order can no longer take this money (the caller refunds it).
 */
export async function markOrderPaid(ctx: AppContext, trx: Db, orderId: string, p: { purpose: 'order' | 'extras'; method: PayMethod; amountFen: number; at: Date }): Promise<boolean> {
  const o = await lockedOrder(trx, orderId);
  if (p.purpose === 'extras') {
    if (o.price_fen + o.extras_fen - o.paid_fen < p.amountFen) return false;
    await trx.updateTable('orders').set({ paid_fen: o.paid_fen + p.amountFen, version: o.version + 1, updated_at: p.at }).where('id', '=', o.id).execute();
    await insertEvent(trx, { orderId: o.id, action: 'extras_paid', actorKind: 'customer', actorId: o.customer_id, actorName: '客户', note: `¥${(p.amountFen / 100).toFixed(2)}`, at: p.at });
    await publishOrderChanged(trx, o, 'extras_paid');
    return true;
  }
  if (o.status !== 'created' || p.amountFen !== o.price_fen) return false;
  const settings = await settingsOf(ctx, trx);
  const actor = { kind: 'customer' as const, id: o.customer_id, name: '客户' };
  const { order: paid, result } = await applyTransition(trx, o, 'pay', actor, { now: p.at, settings, patch: { paid_fen: p.amountFen, paid_at: p.at, pay_method: p.method }, detail: { method: p.method, amountFen: p.amountFen } });
  await runEffects(trx, paid, result, { now: p.at, settings });
  return true;
}

/** Who an order's two sides are and where it stands (for its chat and support). */
export async function orderParties(db: Db, orderId: string) {
  const o = await findOrder(db, orderId);
  return o ? { id: o.id, orderNo: o.order_no, customerId: o.customer_id, workerId: o.worker_id, status: o.status, itemName: (o.quote_snapshot as QuoteSnapshot).item.name } : null;
}

/** Whether the customer ever paid for an order (a 新人券 is for the first one). */
export async function hasPaidOrder(db: Db, customerId: string): Promise<boolean> {
  return !!(await db.selectFrom('orders').select('id').where('customer_id', '=', customerId).where('paid_at', 'is not', null).limit(1).executeTakeFirst());
}

export async function getCustomerOrder(ctx: AppContext, customerId: string, id: string) {
  const o = await customerOrder(ctx.db, customerId, id);
  return orderView(ctx, ctx.db, o, { kind: 'customer', id: customerId }, await settingsOf(ctx));
}

/** My orders under a tab, newest first. */
export async function listCustomerOrders(ctx: AppContext, customerId: string, f: { tab?: OrderTab; offset: number; limit: number }) {
  let q = ctx.db.selectFrom('orders').where('customer_id', '=', customerId);
  if (f.tab) q = q.where('status', 'in', statesOfTab(f.tab));
  const [rows, total, districts] = await Promise.all([
    q.selectAll().orderBy('created_at', 'desc').offset(f.offset).limit(f.limit).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    districtNames(ctx.db),
  ]);
  return { total: Number(total.n), items: rows.map((o) => summaryOf(o, districts)) };
}

export async function customerTabCounts(ctx: AppContext, customerId: string) {
  const byStatus = await countByStatus(ctx.db, customerId);
  return Object.fromEntries(ORDER_TABS.map((tab) => [tab, statesOfTab(tab).reduce((n, s) => n + (byStatus.get(s) ?? 0), 0)]));
}

export type { BookingSettings };
