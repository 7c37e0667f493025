/**
 * Quote workflow: resolve the coupon I hold (promotions) → price and sign the quote (catalog). The catalogue
 * knows how to price a coupon, not where coupons come from.
 */
import type { Api, AppContext } from '../platform/app-context.js';
import { CatalogSchemas, createQuote, type QuoteInput } from '../domains/catalog/index.js';
import { couponForQuote, couponRefusal } from '../domains/promotions/index.js';

export async function quoteWithCoupon(ctx: AppContext, customerId: string, input: QuoteInput) {
  const held = input.couponId ? { ...await couponForQuote(ctx.db, customerId, input.couponId), refusal: couponRefusal } : null;
  return createQuote(ctx, customerId, input, held);
}

export async function quoteRoutes(app: Api, ctx: AppContext) {
  app.post('/api/catalog/quotes', {
    preHandler: ctx.guards.user(),
    schema: { tags: ['catalog'], summary: 'Get an exact, itemised quote (stored, signed, expires in 30 min)', body: CatalogSchemas.QuoteBody, response: { 201: CatalogSchemas.QuoteView } },
  }, async (request, reply) => reply.status(201).send(await quoteWithCoupon(ctx, request.user!.id, request.body)));
}
