/**
 * 上门报价 answer workflow: the customer accepts or declines the worker's on-site proposal, in one transaction.
 *   accept  → the order's price becomes the proposal's total (booking) → what was paid above it leaves escrow and goes
 *             back through the provider (payments); a balance above what was paid is then due through the cashier
 *             (`POST /api/orders/:id/pay`, purpose `extras`).
 *   decline → the deposit is kept as the visit fee: booking ends the visit and completes the order, whose escrow split
 *             (the order-lifecycle step `completed`) pays the worker.
 * A concurrent or repeated answer finds the proposal answered (409 ONSITE_QUOTE_STATE) and changes nothing.
 */
import type { Kysely } from 'kysely';
import type { Api, AppContext } from '../platform/app-context.js';
import type { DB } from '../db/types.js';
import { idempotent } from '../platform/idempotency.js';
import { acceptOnSiteQuote, BookingSchemas, declineOnSiteQuote, getCustomerOrder } from '../domains/booking/index.js';
import { refundPriceDifference } from '../domains/payments/index.js';
import { runWorkflow, type Step } from './workflow.js';

interface Answer {
  ctx: AppContext; trx: Kysely<DB>; customerId: string; orderId: string; proposalId: string; now: Date;
  refundFen: number; refundedFen: number;
}

const accept: Step<Answer>[] = [
  {
    name: 'set-final-price',
    run: async (s) => { s.refundFen = (await acceptOnSiteQuote(s.trx, s.customerId, s.orderId, s.proposalId, s.now)).refundFen; },
  },
  {
    name: 'refund-difference',
    run: async (s) => {
      if (s.refundFen <= 0) return;
      s.refundedFen = await refundPriceDifference(s.trx, s.orderId, s.refundFen, '上门报价低于已付金额，退还差价 · on-site quote below what was paid', `onsite:${s.proposalId}`);
    },
  },
];

const decline: Step<Answer>[] = [
  { name: 'end-with-visit-fee', run: async (s) => { await declineOnSiteQuote(s.ctx, s.trx, s.customerId, s.orderId, s.proposalId, s.now); } },
];

/** The customer's answer to an on-site proposal; returns the order as the customer sees it after it. */
export async function answerOnSiteQuote(ctx: AppContext, customerId: string, orderId: string, proposalId: string, agree: boolean) {
  const now = new Date();
  await ctx.db.transaction().execute((trx) => runWorkflow<Answer>('onsite-quote', agree ? accept : decline, { ctx, trx, customerId, orderId, proposalId, now, refundFen: 0, refundedFen: 0 }));
  return getCustomerOrder(ctx, customerId, orderId);
}

export async function onSiteQuoteRoutes(app: Api, ctx: AppContext) {
  app.post('/api/orders/:id/onsite-quote/:proposalId/decision', {
    preHandler: ctx.guards.user('customer'),
    schema: {
      tags: ['booking'], params: BookingSchemas.OnSiteQuoteParams, body: BookingSchemas.AcceptBody,
      summary: "Accept or decline the worker's on-site quote (上门报价): accept sets the price (balance paid through the cashier, or the difference refunded); decline keeps the deposit as the visit fee and ends the order (Idempotency-Key honoured)",
    },
  }, async (request, reply) => idempotent(ctx.db, request, reply, request.user!.id, async () => ({
    status: 200, body: await answerOnSiteQuote(ctx, request.user!.id, request.params.id, request.params.proposalId, request.body.accept),
  })));
}
