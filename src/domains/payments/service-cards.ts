/**
 * Prepaid service cards (次卡): a customer buys N visits of one item at a discount, pays once through the
 * provider, and books visits with the card. The purchase sits in `card_prepaid:<card>` until a visit moves
 * its share into the order's escrow; a cancelled visit's refund returns to the card with the visit; what is
 * left on the card is refundable at any time (pro rata: exactly the unused visits' share).
 */
import { randomInt } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { AppContext } from '../../platform/app-context.js';
import type { DB } from '../../db/types.js';
import type { ServiceCardProductsTable, ServiceCardsTable } from '../../db/types-promotions.js';
import { AppError } from '../../platform/errors.js';
import type { PayProvider } from '../../platform/providers/payments/types.js';
import { accounts, balanceOf, balances, post } from './ledger.js';
import { startCardPayment } from './pay-service.js';
import { requestRefunds } from './refund-service.js';
import { cardOfOrder } from './card-store.js';
export { activateCard, cardOfOrder } from './card-store.js';

type Db = Kysely<DB>;
type Product = Selectable<ServiceCardProductsTable>;
type Card = Selectable<ServiceCardsTable>;
const DAY = 86_400_000;

/** Quote lines a card visit covers: the base service and the city's price level; options and surcharges are extra. */
const COVERED_LINES = new Set(['BASE', 'CITY_ADJUSTMENT']);

/**
 * The share of one visit: the balance spread evenly over the visits left, the last visit taking the rest, so
 * the shares of a card always add up to what was paid (minus any cancellation fees it paid).
 */
export function visitShare(balanceFen: number, visitsLeft: number): number {
  if (visitsLeft <= 0 || balanceFen <= 0) return 0;
  return visitsLeft === 1 ? balanceFen : Math.floor(balanceFen / visitsLeft);
}

function presentProduct(p: Product) {
  return {
    id: p.id, code: p.code, name: p.name, nameEn: p.name_en, itemCode: p.item_code, quantity: p.quantity, visits: p.visits, priceFen: p.price_fen,
    listPriceFen: p.list_price_fen, savingFen: p.list_price_fen - p.price_fen, perVisitFen: Math.floor(p.price_fen / p.visits), validDays: p.valid_days, published: p.published,
  };
}

function presentCard(c: Card, balanceFen: number, now: Date) {
  const expired = c.expires_at !== null && c.expires_at <= now;
  return {
    id: c.id, cardNo: c.card_no, productId: c.product_id, name: c.name, itemCode: c.item_code, quantity: c.quantity, visits: c.visits, visitsUsed: c.visits_used,
    visitsLeft: c.visits - c.visits_used, priceFen: c.price_fen, balanceFen, nextVisitFen: visitShare(balanceFen, c.visits - c.visits_used),
    status: c.status === 'active' && expired ? 'expired' : c.status, paidAt: c.paid_at?.toISOString() ?? null, expiresAt: c.expires_at?.toISOString() ?? null,
    refundedFen: c.refunded_fen, createdAt: c.created_at.toISOString(),
  };
}

/** 次卡 on sale in the city. */
export async function cardProducts(ctx: AppContext, opts: { all?: boolean } = {}) {
  let q = ctx.db.selectFrom('service_card_products').selectAll().where('city_code', '=', ctx.config.cityCode);
  if (!opts.all) q = q.where('published', '=', true);
  return { items: (await q.orderBy('created_at').execute()).map(presentProduct) };
}

/** 购买: an unpaid card and its charge; the card becomes active when the provider's payment is captured. */
export async function buyCard(ctx: AppContext, customerId: string, productId: string, method: PayProvider) {
  const { open, cardId } = await ctx.db.transaction().execute(async (trx) => {
    const p = await trx.selectFrom('service_card_products').selectAll().where('id', '=', productId).where('city_code', '=', ctx.config.cityCode).executeTakeFirst();
    if (!p || !p.published) throw new AppError('NOT_FOUND');
    const card = await trx.insertInto('service_cards').values({
      card_no: `SC${Date.now().toString().slice(-8)}${String(randomInt(0, 1e4)).padStart(4, '0')}`, product_id: p.id, customer_id: customerId, name: p.name,
      item_code: p.item_code, quantity: p.quantity, visits: p.visits, price_fen: p.price_fen,
    }).returning('id').executeTakeFirstOrThrow();
    return { open: await startCardPayment(ctx, trx, { id: card.id, priceFen: p.price_fen, name: p.name }, method), cardId: card.id };
  });
  return { cardId, ...(await open()) };
}

/** Pays again for a card whose first payment failed or was abandoned. */
export async function payCard(ctx: AppContext, customerId: string, cardId: string, method: PayProvider) {
  const open = await ctx.db.transaction().execute(async (trx) => {
    const c = await trx.selectFrom('service_cards').selectAll().where('id', '=', cardId).where('customer_id', '=', customerId).forUpdate().executeTakeFirst();
    if (!c) throw new AppError('NOT_FOUND');
    if (c.status !== 'unpaid') throw new AppError('SERVICE_CARD_STATE');
    return startCardPayment(ctx, trx, { id: c.id, priceFen: c.price_fen, name: c.name }, method);
  });
  return { cardId, ...(await open()) };
}

export async function myCards(ctx: AppContext, customerId: string) {
  const now = new Date();
  const rows = await ctx.db.selectFrom('service_cards').selectAll().where('customer_id', '=', customerId).where('status', '!=', 'void').orderBy('created_at', 'desc').limit(100).execute();
  const held = await balances(ctx.db, rows.map((c) => accounts.cardPrepaid(c.id)));
  return { items: rows.map((c) => presentCard(c, held.get(accounts.cardPrepaid(c.id)) ?? 0, now)) };
}

/** One of my cards with the orders it paid. */
export async function myCard(ctx: AppContext, customerId: string, cardId: string) {
  const c = await ctx.db.selectFrom('service_cards').selectAll().where('id', '=', cardId).where('customer_id', '=', customerId).executeTakeFirst();
  if (!c) throw new AppError('NOT_FOUND');
  const visits = await ctx.db.selectFrom('service_card_redemptions').selectAll().where('card_id', '=', c.id).orderBy('created_at', 'desc').execute();
  return {
    ...presentCard(c, await balanceOf(ctx.db, accounts.cardPrepaid(c.id)), new Date()),
    redemptions: visits.map((r) => ({ orderId: r.order_id, amountFen: r.amount_fen, status: r.status, createdAt: r.created_at.toISOString(), returnedAt: r.returned_at?.toISOString() ?? null })),
  };
}

const notUsable = (zh: string, en: string) => new AppError('SERVICE_CARD_NOT_USABLE', { reason: zh, reasonEn: en });

/**
 * In the booking transaction: the share the card pays for a visit of this quote (the card locked). Refuses
 * someone else's card, an inactive or expired one, one with no visits left, another item or quantity, and a
 * quote with options, surcharges or a coupon (the card covers the standard visit only).
 */
export async function cardVisitFor(trx: Db, customerId: string, cardId: string, quote: { itemCode: string; quantity: number; lines: { code: string }[] }, now: Date): Promise<number> {
  const c = await trx.selectFrom('service_cards').selectAll().where('id', '=', cardId).where('customer_id', '=', customerId).forUpdate().executeTakeFirst();
  if (!c) throw new AppError('NOT_FOUND', {}, [{ field: 'serviceCardId', code: 'unknown', message: { zh: '次卡不存在', en: 'unknown service card' } }]);
  if (c.status !== 'active') throw notUsable('次卡未激活或已退款', 'the card is not active');
  if (c.expires_at && c.expires_at <= now) throw notUsable('次卡已过期', 'the card has expired');
  if (c.visits_used >= c.visits) throw notUsable('次数已用完', 'no visits left');
  if (c.item_code !== quote.itemCode || c.quantity !== quote.quantity) throw notUsable('服务项目或时长与次卡不符', 'another service or quantity than the card');
  if (quote.lines.some((l) => !COVERED_LINES.has(l.code))) throw notUsable('次卡不含附加选项、时段加价与优惠券', 'options, surcharges and coupons are not covered by the card');
  const share = visitShare(await balanceOf(trx, accounts.cardPrepaid(c.id)), c.visits - c.visits_used);
  if (share <= 0) throw notUsable('次卡余额不足', 'nothing left on the card');
  return share;
}

/** In the booking transaction, after the order row exists: the visit's share moves from the card into escrow. */
export async function redeemVisit(trx: Db, cardId: string, orderId: string, amountFen: number, now: Date): Promise<void> {
  await post(trx, { key: `card-visit:${orderId}`, kind: 'card_redeem', orderId, memo: cardId, moves: [{ from: accounts.cardPrepaid(cardId), to: accounts.escrow(orderId), amountFen }] });
  await trx.insertInto('service_card_redemptions').values({ order_id: orderId, card_id: cardId, amount_fen: amountFen, created_at: now }).execute();
  await trx.updateTable('service_cards').set((eb) => ({ visits_used: eb('visits_used', '+', 1), updated_at: now })).where('id', '=', cardId).execute();
}

/**
 * A cancelled card visit: what is refunded (from escrow, or taken back after a split into refunds_payable) goes back
 * onto the card and the visit is free again. On a card
 * that was refunded meanwhile, the money goes on to the customer through the provider.
 */
export async function returnVisit(trx: Db, orderId: string, refund: { fromEscrow: number; fromPayable?: number; keepVisitUsed?: boolean }, reason: string, now: Date): Promise<void> {
  const r = await cardOfOrder(trx, orderId);
  if (!r || r.status !== 'redeemed') return;
  const prepaid = accounts.cardPrepaid(r.card_id);
  const refundFen = refund.fromEscrow + (refund.fromPayable ?? 0);
  await post(trx, {
    key: `card-return:${orderId}`, kind: 'card_return', orderId, memo: reason,
    moves: [{ from: accounts.escrow(orderId), to: prepaid, amountFen: refund.fromEscrow }, { from: accounts.refundsPayable(orderId), to: prepaid, amountFen: refund.fromPayable ?? 0 }],
  });
  if (!refund.keepVisitUsed) { // a cancelled or fully refunded visit is free again; a partial arbitration refund keeps it used
    await trx.updateTable('service_card_redemptions').set({ status: 'returned', returned_at: now }).where('order_id', '=', orderId).execute();
    await trx.updateTable('service_cards').set((eb) => ({ visits_used: eb('visits_used', '-', 1), updated_at: now })).where('id', '=', r.card_id).execute();
  }
  if (r.card_status === 'refunded' && refundFen > 0) await refundBalance(trx, r.card_id, refundFen, `return:${orderId}`);
}

async function refundBalance(trx: Db, cardId: string, amountFen: number, cause: string) {
  await post(trx, { key: `card-refund:${cardId}:${cause}`, kind: 'refund', memo: cause, moves: [{ from: accounts.cardPrepaid(cardId), to: accounts.refundsPayable(cardId), amountFen }] });
  await requestRefunds(trx, { serviceCardId: cardId }, amountFen, 'service_card', '次卡退款（未使用次数按比例）· card refund', 'customer', cause);
  await trx.updateTable('service_cards').set((eb) => ({ refunded_fen: eb('refunded_fen', '+', amountFen), updated_at: new Date() })).where('id', '=', cardId).execute();
}

/** 退卡: what is left on the card (the unused visits' share) goes back through the provider; the card closes. */
export async function refundCard(ctx: AppContext, customerId: string, cardId: string) {
  await ctx.db.transaction().execute(async (trx) => {
    const c = await trx.selectFrom('service_cards').selectAll().where('id', '=', cardId).where('customer_id', '=', customerId).forUpdate().executeTakeFirst();
    if (!c) throw new AppError('NOT_FOUND');
    if (c.status === 'unpaid') {
      await trx.updateTable('service_cards').set({ status: 'void', updated_at: new Date() }).where('id', '=', c.id).execute();
      return;
    }
    if (c.status !== 'active') throw new AppError('SERVICE_CARD_STATE');
    const left = await balanceOf(trx, accounts.cardPrepaid(c.id));
    await trx.updateTable('service_cards').set({ status: 'refunded', updated_at: new Date() }).where('id', '=', c.id).execute();
    if (left > 0) await refundBalance(trx, c.id, left, 'refund');
  });
  return myCard(ctx, customerId, cardId);
}

export interface CardProductInput { code: string; name: string; nameEn?: string; itemCode: string; quantity?: number; visits: number; priceFen: number; listPriceFen: number; validDays: number; published?: boolean }

/** 新建次卡 (operations); the item must exist; the price must be below the list price. */
export async function createCardProduct(ctx: AppContext, i: CardProductInput, itemExists: boolean) {
  if (!itemExists) throw new AppError('ITEM_NOT_FOUND', {}, [{ field: 'itemCode', code: 'unknown', message: { zh: '未知服务项目', en: 'unknown item' } }]);
  if (i.priceFen > i.listPriceFen || i.priceFen < i.visits) {
    throw new AppError('VALIDATION_FAILED', {}, [{ field: 'priceFen', code: 'invalid', message: { zh: '售价须不高于原价，且每次至少 1 分', en: 'The price must not exceed the list price and be at least 1 fen per visit' } }]);
  }
  const taken = await ctx.db.selectFrom('service_card_products').select('id').where('code', '=', i.code).executeTakeFirst();
  if (taken) throw new AppError('CODE_TAKEN');
  const row = await ctx.db.insertInto('service_card_products').values({
    city_code: ctx.config.cityCode, code: i.code, name: i.name.trim(), name_en: i.nameEn?.trim() ?? '', item_code: i.itemCode, quantity: i.quantity ?? 1,
    visits: i.visits, price_fen: i.priceFen, list_price_fen: i.listPriceFen, valid_days: i.validDays, published: i.published ?? true,
  }).returningAll().executeTakeFirstOrThrow();
  return presentProduct(row);
}

/** 上架 / 下架: cards already sold stay usable. */
export async function publishCardProduct(ctx: AppContext, id: string, published: boolean) {
  const row = await ctx.db.updateTable('service_card_products').set({ published, updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return presentProduct(row);
}

/** Cards sold, for operations: who, how many visits used, what is left. */
export async function soldCards(ctx: AppContext) {
  const rows = await ctx.db.selectFrom('service_cards').selectAll().where('status', '!=', 'void').orderBy('created_at', 'desc').limit(200).execute();
  const held = await balances(ctx.db, rows.map((c) => accounts.cardPrepaid(c.id)));
  const now = new Date();
  return { items: rows.map((c) => ({ ...presentCard(c, held.get(accounts.cardPrepaid(c.id)) ?? 0, now), customerId: c.customer_id })) };
}
