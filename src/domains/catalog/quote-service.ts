import { hkdfSync } from 'node:crypto';
import type { AppContext } from '../../platform/app-context.js';
import { AppError } from '../../platform/errors.js';
import { computeQuote, formatFen, isQuoteValid, priceCustomQuote, referenceRangeFor, signQuote, verifyQuote, type Coupon, type Quote } from './pricing/index.js';
import * as q from './queries.js';
import { cityPricing, engineItem } from './service.js';

export interface QuoteInput { itemCode: string; quantity?: number; options?: Record<string, unknown>; scheduledStart: string; couponId?: string }

/**
 * A coupon the customer holds, resolved by promotions (src/workflows/quote.ts), and how to word its refusal.
 * The catalogue prices it; it does not know where coupons come from.
 */
export interface HeldCoupon {
  coupon: Coupon;
  isFirstOrder: boolean;
  refusal(reason: string | undefined): { zh: string; en: string };
}

const keys = new WeakMap<AppContext, Buffer>();
/** The quote-signing key, derived from APP_SECRET (separate from the PII keys). */
function signingKey(ctx: AppContext): Buffer {
  let key = keys.get(ctx);
  if (!key) keys.set(ctx, (key = Buffer.from(hkdfSync('sha256', ctx.config.appSecret, 'daojia', 'quote-signing', 32))));
  return key;
}

async function publishedItem(ctx: AppContext, code: string) {
  const row = await q.findItemByCode(ctx.db, code);
  if (!row) throw new AppError('ITEM_NOT_FOUND', {}, [{ field: 'itemCode', code: 'unknown', message: { zh: '未知服务项目', en: 'unknown item' } }]);
  if (!row.published || !row.category_published || !row.pricing) throw new AppError('ITEM_UNAVAILABLE');
  return row;
}

async function priced(ctx: AppContext, input: QuoteInput, held: HeldCoupon | null) {
  const row = await publishedItem(ctx, input.itemCode);
  const { city, timeRules } = await cityPricing(ctx.db, ctx.config.cityCode);
  const { couponId: _coupon, ...request } = input;
  const result = computeQuote(engineItem(row), request, { now: new Date(), city, timeRules, ...(held ? { coupon: held.coupon, customer: { isFirstOrder: held.isFirstOrder } } : {}) });
  if (!result.ok) {
    throw new AppError('QUOTE_INVALID', {}, result.errors.map((e) => ({ field: e.field, code: e.code, message: e.message })));
  }
  return { row, city, quote: result.quote };
}

/** The refusals `createQuote` would answer for this input (unknown or unavailable item, invalid choices), without storing a quote. */
export async function checkQuoteInput(ctx: AppContext, input: QuoteInput): Promise<void> {
  await priced(ctx, input, null);
}

/**
 * Prices a customer's choices with the city's current prices and rules, stores the quote with an
 * HMAC signature and an expiry; booking later consumes it by id, never trusting client-sent lines.
 */
export async function createQuote(ctx: AppContext, customerId: string, input: QuoteInput, held: HeldCoupon | null = null) {
  const { row, city, quote } = await priced(ctx, input, held);
  if (quote.coupon && !quote.coupon.applied) {
    const why = held!.refusal(quote.coupon.reason);
    throw new AppError('COUPON_NOT_APPLICABLE', { reason: why.zh, reasonEn: why.en }, [{ field: 'couponId', code: quote.coupon.reason ?? 'unavailable', message: why }]);
  }
  const stored = await ctx.db.insertInto('quotes').values({
    customer_id: customerId, item_id: row.id, city_code: city.code, request: JSON.stringify(input), quote: JSON.stringify(quote),
    signature: signQuote(quote, signingKey(ctx)), total_fen: quote.totalFen, expires_at: new Date(quote.expiresAt),
  }).returning(['id', 'quote_no', 'created_at']).executeTakeFirstOrThrow();
  return present(stored.id, stored.quote_no, quote, row.name, row.name_en, row.unit);
}

/** A worker's itemised answer to a custom request: `lines` and `durationMinutes` for a visit at `start`. */
export interface CustomQuoteInput { itemCode: string; lines: unknown; durationMinutes: unknown; start: string }

/** Prices a custom answer (field errors as QUOTE_INVALID, or QUOTE_BELOW_MINIMUM with the floor); stores nothing. */
export async function priceCustom(ctx: AppContext, input: CustomQuoteInput): Promise<{ quote: Quote; itemId: string }> {
  const row = await publishedItem(ctx, input.itemCode);
  const { city, timeRules } = await cityPricing(ctx.db, ctx.config.cityCode);
  const item = engineItem(row);
  const result = priceCustomQuote(item, { lines: input.lines, durationMinutes: input.durationMinutes }, input.start, { now: new Date(), city, timeRules });
  if (!result.ok) {
    const floor = result.errors.find((e) => e.code === 'BELOW_MINIMUM');
    const minimumFen = referenceRangeFor(item, city)?.minFen ?? 1;
    if (floor) throw new AppError('QUOTE_BELOW_MINIMUM', { minimum: formatFen(minimumFen) }, [{ field: 'lines', code: 'below_minimum', message: floor.message }], { minimumFen });
    throw new AppError('QUOTE_INVALID', {}, result.errors.map((e) => ({ field: e.field, code: e.code, message: e.message })));
  }
  return { quote: result.quote, itemId: row.id };
}

/**
 * The signed quote of a chosen custom answer, stored for the customer like any quote, so the order is made by the
 * same create-order workflow (which consumes it by id and never trusts client-sent lines).
 */
export async function createCustomQuote(ctx: AppContext, customerId: string, input: CustomQuoteInput): Promise<{ id: string; quote: Quote }> {
  const { quote, itemId } = await priceCustom(ctx, input);
  const stored = await ctx.db.insertInto('quotes').values({
    customer_id: customerId, item_id: itemId, city_code: quote.cityCode, request: JSON.stringify(input), quote: JSON.stringify(quote),
    signature: signQuote(quote, signingKey(ctx)), total_fen: quote.totalFen, expires_at: new Date(quote.expiresAt),
  }).returning('id').executeTakeFirstOrThrow();
  return { id: stored.id, quote };
}

function present(id: string, quoteNo: string, quote: Quote, itemName: string, itemNameEn: string, unit: string) {
  return { id, quoteNo, itemName, itemNameEn, unit, ...quote };
}

/** One of my quotes (404 for anyone else's). */
export async function getQuote(ctx: AppContext, customerId: string, id: string) {
  const row = await ctx.db.selectFrom('quotes as qt').innerJoin('service_items as i', 'i.id', 'qt.item_id')
    .select(['qt.id', 'qt.quote_no', 'qt.quote', 'qt.consumed_at', 'i.name', 'i.name_en', 'i.unit'])
    .where('qt.id', '=', id).where('qt.customer_id', '=', customerId).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return { ...present(row.id, row.quote_no, row.quote as Quote, row.name, row.name_en, row.unit), used: row.consumed_at !== null };
}

/**
 * For booking: my quote, intact (signature), not expired, not used. Throws NOT_FOUND,
 * QUOTE_TAMPERED, QUOTE_USED or QUOTE_EXPIRED.
 */
export async function loadQuoteForBooking(ctx: AppContext, customerId: string, id: string): Promise<Quote> {
  const row = await ctx.db.selectFrom('quotes').select(['quote', 'signature', 'consumed_at', 'customer_id'])
    .where('id', '=', id).where('customer_id', '=', customerId).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  const quote = row.quote as Quote;
  if (!verifyQuote(quote, row.signature, signingKey(ctx))) throw new AppError('QUOTE_TAMPERED');
  if (row.consumed_at) throw new AppError('QUOTE_USED');
  if (!isQuoteValid(quote, new Date())) throw new AppError('QUOTE_EXPIRED');
  return quote;
}

/**
 * Whether the stored quote `id` was signed over exactly `quote` (an order's snapshot of it): nobody altered the copy
 * the order keeps. Reads through `db` (the caller's transaction).
 */
export async function quoteIntact(ctx: AppContext, db: AppContext['db'], id: string, quote: Quote): Promise<boolean> {
  const row = await db.selectFrom('quotes').select('signature').where('id', '=', id).executeTakeFirst();
  return !!row && verifyQuote(quote, row.signature, signingKey(ctx));
}

/** Marks a quote used, once; call in the booking transaction. */
export async function consumeQuote(ctx: Pick<AppContext, 'db'>, id: string): Promise<void> {
  const used = await ctx.db.updateTable('quotes').set({ consumed_at: new Date() }).where('id', '=', id).where('consumed_at', 'is', null).returning('id').executeTakeFirst();
  if (!used) throw new AppError('QUOTE_USED');
}
