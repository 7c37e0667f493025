/**
 * Coupons: operations run campaigns (满减, 折扣, 新人券); customers claim them in the 领券中心 or are granted
 * them; a quote prices one through the pure engine; booking locks it to the order, paying uses it, and a
 * cancelled order gives it back. The discount is funded by `promotions` when the order completes.
 */
import type { Kysely, Selectable } from 'kysely';
import type { AppContext } from '../../platform/app-context.js';
import type { DB } from '../../db/types.js';
import type { CouponCampaignsTable, CustomerCouponsTable } from '../../db/types-promotions.js';
import { AppError } from '../../platform/errors.js';
import { hasPaidOrder } from '../booking/index.js';
import { describeCoupon, evaluateCoupon, type Coupon, type CouponRejection } from '../catalog/index.js';

type Db = Kysely<DB>;
type Campaign = Selectable<CouponCampaignsTable>;
type Held = Selectable<CustomerCouponsTable>;
const DAY = 86_400_000;

export const REJECTION_TEXT: Record<CouponRejection | 'UNAVAILABLE', { zh: string; en: string }> = {
  NOT_YET_VALID: { zh: '未到使用时间', en: 'not valid yet' },
  EXPIRED: { zh: '已过期', en: 'expired' },
  ITEM_NOT_ELIGIBLE: { zh: '不适用于该服务', en: 'not for this service' },
  THRESHOLD_NOT_MET: { zh: '未达到使用门槛', en: 'the order is below its minimum' },
  NOT_FIRST_ORDER: { zh: '仅限首单使用', en: 'first order only' },
  NOTHING_TO_DISCOUNT: { zh: '订单金额过低', en: 'nothing to discount' },
  NOT_APPLICABLE_TO_DEPOSIT: { zh: '上门报价的订金不可用券', en: 'not for on-site-quote deposits' },
  UNAVAILABLE: { zh: '已使用或已锁定', en: 'already used or held by an order' },
};

/** Why the engine refused a coupon, in both languages. */
export function couponRefusal(reason: string | undefined): { zh: string; en: string } {
  return REJECTION_TEXT[(reason ?? 'UNAVAILABLE') as keyof typeof REJECTION_TEXT] ?? REJECTION_TEXT.UNAVAILABLE;
}

/** The engine's view of a held coupon: its own id, the campaign's rule, the holder's validity window. */
export function engineCoupon(c: Campaign, held: Pick<Held, 'id' | 'valid_from' | 'valid_until'>): Coupon {
  const base = {
    id: held.id, code: c.id.slice(0, 8), label: { zh: c.name, en: c.name_en || c.name },
    validFrom: held.valid_from.toISOString(), validUntil: held.valid_until.toISOString(), ...(c.item_codes ? { itemCodes: c.item_codes } : {}),
  };
  switch (c.kind) {
    case 'spend_threshold': return { ...base, kind: 'spend_threshold', thresholdFen: c.threshold_fen ?? 0, offFen: c.off_fen ?? 0 };
    case 'percent_off': return { ...base, kind: 'percent_off', offBp: c.off_bp ?? 0, ...(c.cap_fen ? { capFen: c.cap_fen } : {}), ...(c.min_spend_fen ? { minSpendFen: c.min_spend_fen } : {}) };
    case 'new_customer': return { ...base, kind: 'new_customer', offFen: c.off_fen ?? 0 };
  }
}

/** Whether the customer has never paid for an order (新人券). */
const isFirstOrder = async (db: Db, customerId: string) => !(await hasPaidOrder(db, customerId));

function presentCampaign(c: Campaign) {
  const rule = engineCoupon(c, { id: c.id, valid_from: c.starts_at, valid_until: c.ends_at });
  return {
    id: c.id, name: c.name, nameEn: c.name_en, kind: c.kind, rule: describeCoupon(rule), offFen: c.off_fen, thresholdFen: c.threshold_fen, offBp: c.off_bp,
    capFen: c.cap_fen, minSpendFen: c.min_spend_fen, itemCodes: c.item_codes, startsAt: c.starts_at.toISOString(), endsAt: c.ends_at.toISOString(),
    validDays: c.valid_days, totalQuantity: c.total_quantity, issuedCount: c.issued_count, perCustomer: c.per_customer, claimable: c.claimable, status: c.status,
  };
}

type HeldStatus = 'available' | 'locked' | 'used' | 'expired';
const statusOf = (h: Held, now: Date): HeldStatus => (h.status === 'available' && h.valid_until <= now ? 'expired' : h.status);

function presentHeld(h: Held, c: Campaign, now: Date, fit?: { itemCode: string; subtotalFen: number; firstOrder: boolean }) {
  const status = statusOf(h, now);
  let usable: { applicable: boolean; discountFen?: number; reason?: { zh: string; en: string } } | undefined;
  if (fit) {
    if (status !== 'available') usable = { applicable: false, reason: REJECTION_TEXT[status === 'expired' ? 'EXPIRED' : 'UNAVAILABLE'] };
    else {
      const r = evaluateCoupon(engineCoupon(c, h), { itemCode: fit.itemCode, subtotalFen: fit.subtotalFen, now, isFirstOrder: fit.firstOrder });
      usable = r.applicable ? { applicable: true, discountFen: r.discountFen } : { applicable: false, reason: REJECTION_TEXT[r.reason] };
    }
  }
  return {
    id: h.id, campaignId: c.id, name: c.name, nameEn: c.name_en, kind: c.kind, rule: describeCoupon(engineCoupon(c, h)), itemCodes: c.item_codes,
    offFen: c.off_fen, offBp: c.off_bp, thresholdFen: c.threshold_fen, capFen: c.cap_fen,
    status, validFrom: h.valid_from.toISOString(), validUntil: h.valid_until.toISOString(), orderId: h.order_id, usedAt: h.used_at?.toISOString() ?? null,
    ...(usable ? { usable } : {}),
  };
}

/** 我的优惠券, newest first; with `itemCode` and `subtotalFen`, each says whether (and how much) it takes off. */
export async function myCoupons(ctx: AppContext, customerId: string, fit: { itemCode?: string; subtotalFen?: number } = {}) {
  const now = new Date();
  const held = await ctx.db.selectFrom('customer_coupons').selectAll().where('customer_id', '=', customerId).orderBy('created_at', 'desc').limit(200).execute();
  const campaigns = held.length ? await ctx.db.selectFrom('coupon_campaigns').selectAll().where('id', 'in', [...new Set(held.map((h) => h.campaign_id))]).execute() : [];
  const campaign = new Map(campaigns.map((c) => [c.id, c]));
  const check = fit.itemCode !== undefined && fit.subtotalFen !== undefined
    ? { itemCode: fit.itemCode, subtotalFen: fit.subtotalFen, firstOrder: await isFirstOrder(ctx.db, customerId) } : undefined;
  return { items: held.map((h) => presentHeld(h, campaign.get(h.campaign_id)!, now, check)) };
}

const isOpen = (c: Campaign, now: Date) => c.status === 'active' && c.starts_at <= now && now < c.ends_at;

/** 领券中心: open, claimable campaigns with how many I hold and whether any are left. */
export async function claimableCampaigns(ctx: AppContext, customerId: string) {
  const now = new Date();
  const rows = await ctx.db.selectFrom('coupon_campaigns').selectAll().where('city_code', '=', ctx.config.cityCode).where('status', '=', 'active')
    .where('claimable', '=', true).where('starts_at', '<=', now).where('ends_at', '>', now).orderBy('created_at', 'desc').execute();
  const mine = rows.length ? await ctx.db.selectFrom('customer_coupons').select(['campaign_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('customer_id', '=', customerId).where('campaign_id', 'in', rows.map((r) => r.id)).groupBy('campaign_id').execute() : [];
  const held = new Map(mine.map((m) => [m.campaign_id, Number(m.n)]));
  return { items: rows.map((c) => ({ ...presentCampaign(c), claimed: held.get(c.id) ?? 0, soldOut: c.total_quantity !== null && c.issued_count >= c.total_quantity })) };
}

/** Issues one coupon of a campaign to a customer (claim or ops grant), within quantity and per-customer limits. */
async function issue(trx: Db, campaignId: string, customerId: string, source: 'claim' | 'grant', now: Date): Promise<Held> {
  const c = await trx.selectFrom('coupon_campaigns').selectAll().where('id', '=', campaignId).forUpdate().executeTakeFirst();
  if (!c || (source === 'claim' && !c.claimable)) throw new AppError('NOT_FOUND');
  if (!isOpen(c, now)) throw new AppError('CAMPAIGN_CLOSED');
  if (c.total_quantity !== null && c.issued_count >= c.total_quantity) throw new AppError('COUPON_SOLD_OUT');
  const held = await trx.selectFrom('customer_coupons').select((eb) => eb.fn.countAll<number>().as('n')).where('campaign_id', '=', c.id).where('customer_id', '=', customerId).executeTakeFirstOrThrow();
  if (Number(held.n) >= c.per_customer) throw new AppError('COUPON_LIMIT', { limit: c.per_customer });
  const validUntil = c.valid_days ? new Date(Math.min(c.ends_at.getTime(), now.getTime() + c.valid_days * DAY)) : c.ends_at;
  await trx.updateTable('coupon_campaigns').set({ issued_count: c.issued_count + 1 }).where('id', '=', c.id).execute();
  return trx.insertInto('customer_coupons').values({ campaign_id: c.id, customer_id: customerId, valid_from: now, valid_until: validUntil, source, created_at: now })
    .returningAll().executeTakeFirstOrThrow();
}

/** 领取: one coupon of an open, claimable campaign. */
export async function claimCoupon(ctx: AppContext, customerId: string, campaignId: string) {
  const now = new Date();
  const held = await ctx.db.transaction().execute((trx) => issue(trx, campaignId, customerId, 'claim', now));
  const c = await ctx.db.selectFrom('coupon_campaigns').selectAll().where('id', '=', campaignId).executeTakeFirstOrThrow();
  return presentHeld(held, c, now);
}

/**
 * For a quote: the engine coupon of a coupon I hold that is still free to use, and whether this would be my
 * first paid order. 404 for someone else's coupon, 409 COUPON_UNAVAILABLE when used or held by an order.
 */
export async function couponForQuote(db: Db, customerId: string, couponId: string): Promise<{ coupon: Coupon; isFirstOrder: boolean }> {
  const row = await db.selectFrom('customer_coupons as h').innerJoin('coupon_campaigns as c', 'c.id', 'h.campaign_id').selectAll('c')
    .select(['h.id as held_id', 'h.status as held_status', 'h.valid_from', 'h.valid_until']).where('h.id', '=', couponId).where('h.customer_id', '=', customerId).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', {}, [{ field: 'couponId', code: 'unknown', message: { zh: '优惠券不存在', en: 'unknown coupon' } }]);
  if (row.held_status !== 'available') throw new AppError('COUPON_UNAVAILABLE');
  return { coupon: engineCoupon(row, { id: row.held_id, valid_from: row.valid_from, valid_until: row.valid_until }), isFirstOrder: await isFirstOrder(db, customerId) };
}

/** In the booking transaction: the order holds the coupon (409 COUPON_UNAVAILABLE when it was used meanwhile or expired). */
export async function lockCoupon(trx: Db, customerId: string, couponId: string, orderId: string, now: Date): Promise<void> {
  const locked = await trx.updateTable('customer_coupons').set({ status: 'locked', order_id: orderId })
    .where('id', '=', couponId).where('customer_id', '=', customerId).where('status', '=', 'available').where('valid_until', '>', now).returning('id').executeTakeFirst();
  if (!locked) throw new AppError('COUPON_UNAVAILABLE');
}

/** The order was paid: its coupon is used. */
export async function useCouponOf(trx: Db, orderId: string, at: Date): Promise<void> {
  await trx.updateTable('customer_coupons').set({ status: 'used', used_at: at }).where('order_id', '=', orderId).where('status', '=', 'locked').execute();
}

/** The order was cancelled: its coupon is the customer's again (until its own expiry). */
export async function releaseCouponOf(trx: Db, orderId: string): Promise<void> {
  await trx.updateTable('customer_coupons').set({ status: 'available', order_id: null, used_at: null }).where('order_id', '=', orderId).execute();
}

export interface CampaignInput {
  name: string; nameEn?: string; kind: Campaign['kind']; offFen?: number; thresholdFen?: number; offBp?: number; capFen?: number; minSpendFen?: number;
  itemCodes?: string[]; startsAt: string; endsAt: string; validDays?: number; totalQuantity?: number; perCustomer?: number; claimable?: boolean;
}

function campaignProblems(i: CampaignInput) {
  const problems: { field: string; code: string; message: { zh: string; en: string } }[] = [];
  const bad = (field: string, zh: string, en: string) => problems.push({ field, code: 'invalid', message: { zh, en } });
  if (i.kind === 'percent_off' && !i.offBp) bad('offBp', '折扣券须填写折扣', 'A percent-off coupon needs offBp');
  if (i.kind !== 'percent_off' && !i.offFen) bad('offFen', '须填写减免金额', 'offFen is required');
  if (i.kind === 'spend_threshold' && (i.thresholdFen ?? 0) <= (i.offFen ?? 0)) bad('thresholdFen', '满减门槛须高于减免金额', 'The threshold must exceed the amount off');
  const [s, e] = [new Date(i.startsAt), new Date(i.endsAt)];
  if (Number.isNaN(s.getTime())) bad('startsAt', '开始时间无效', 'Invalid start');
  if (Number.isNaN(e.getTime()) || !(e > s)) bad('endsAt', '结束时间须晚于开始时间', 'The end must be after the start');
  return problems;
}

/** 新建活动 (operations). */
export async function createCampaign(ctx: AppContext, i: CampaignInput, by: string) {
  const problems = campaignProblems(i);
  if (problems.length) throw new AppError('VALIDATION_FAILED', {}, problems);
  const row = await ctx.db.insertInto('coupon_campaigns').values({
    city_code: ctx.config.cityCode, name: i.name.trim(), name_en: i.nameEn?.trim() ?? '', kind: i.kind,
    off_fen: i.kind === 'percent_off' ? null : i.offFen ?? null, threshold_fen: i.kind === 'spend_threshold' ? i.thresholdFen ?? null : null,
    off_bp: i.kind === 'percent_off' ? i.offBp ?? null : null, cap_fen: i.kind === 'percent_off' ? i.capFen ?? null : null,
    min_spend_fen: i.kind === 'percent_off' ? i.minSpendFen ?? null : null, item_codes: i.itemCodes?.length ? i.itemCodes : null,
    starts_at: new Date(i.startsAt), ends_at: new Date(i.endsAt), valid_days: i.validDays ?? null, total_quantity: i.totalQuantity ?? null,
    per_customer: i.perCustomer ?? 1, claimable: i.claimable ?? true, created_by: by,
  }).returningAll().executeTakeFirstOrThrow();
  return presentCampaign(row);
}

export async function listCampaigns(ctx: AppContext) {
  const rows = await ctx.db.selectFrom('coupon_campaigns').selectAll().where('city_code', '=', ctx.config.cityCode).orderBy('created_at', 'desc').limit(500).execute();
  const used = rows.length ? await ctx.db.selectFrom('customer_coupons').select(['campaign_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', '=', 'used').where('campaign_id', 'in', rows.map((r) => r.id)).groupBy('campaign_id').execute() : [];
  const usedOf = new Map(used.map((u) => [u.campaign_id, Number(u.n)]));
  return { items: rows.map((c) => ({ ...presentCampaign(c), usedCount: usedOf.get(c.id) ?? 0 })) };
}

/** 停止发放: no more claims or grants; coupons already held stay usable until they expire. */
export async function stopCampaign(ctx: AppContext, id: string) {
  const row = await ctx.db.updateTable('coupon_campaigns').set({ status: 'stopped' }).where('id', '=', id).returningAll().executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return presentCampaign(row);
}

/** 定向发放: ops give one coupon of a campaign to customers (by user id); each result says issued or why not. */
export async function grantCoupons(ctx: AppContext, campaignId: string, customerIds: string[]) {
  const now = new Date();
  const results: { customerId: string; couponId?: string; error?: string }[] = [];
  for (const customerId of customerIds) {
    try {
      const held = await ctx.db.transaction().execute((trx) => issue(trx, campaignId, customerId, 'grant', now));
      results.push({ customerId, couponId: held.id });
    } catch (error) {
      if (!(error instanceof AppError) || error.code === 'NOT_FOUND') throw error;
      results.push({ customerId, error: error.code });
    }
  }
  return { results };
}
