/**
 * Create-order workflow: a signed quote (catalog) → booking's checks (time, coverage, a free worker) → insurance
 * (payments) → in one transaction: the quote is used, a 次卡 visit priced, the order written, the coupon held
 * (promotions), the chosen worker's time held (booking), and either the card pays at once or the unpaid timer
 * starts. A step that fails rolls back the whole transaction: nothing of a half-made order remains.
 */
import type { Kysely } from 'kysely';
import type { Api, AppContext } from '../platform/app-context.js';
import type { DB } from '../db/types.js';
import { AppError } from '../platform/errors.js';
import { idempotent } from '../platform/idempotency.js';
import {
  armUnpaidTimer, findOrder, holdChosenWorker, insertOrder, markOrderPaid, newOrderView, planOrder, slotTaken,
  BookingSchemas, type BookingOrigin, type CreateOrderInput, type OrderPlan, type OrderRow,
} from '../domains/booking/index.js';
import { consumeQuote, loadQuoteForBooking, type Quote } from '../domains/catalog/index.js';
import { cardVisitFor, orderInsurance, redeemVisit } from '../domains/payments/index.js';
import { lockCoupon } from '../domains/promotions/index.js';
import { runWorkflow, type Step } from './workflow.js';

interface Prepared {
  ctx: AppContext; customerId: string; input: CreateOrderInput; origin: BookingOrigin;
  quote?: Quote; plan?: OrderPlan; insurance?: Awaited<ReturnType<typeof orderInsurance>>;
}

interface Booking extends Prepared {
  trx: Kysely<DB>; quote: Quote; plan: OrderPlan; insurance: Awaited<ReturnType<typeof orderInsurance>>;
  cardShareFen: number | null; order?: OrderRow;
}

const couponOf = (quote: Quote) => (quote.coupon?.applied ? quote.coupon : null);

const prepare: Step<Prepared>[] = [
  { name: 'load-quote', run: async (s) => { s.quote = await loadQuoteForBooking(s.ctx, s.customerId, s.input.quoteId); } },
  { name: 'plan-booking', run: async (s) => { s.plan = await planOrder(s.ctx, s.customerId, s.input, s.quote!); } },
  {
    name: 'price-insurance',
    run: async (s) => {
      s.insurance = await orderInsurance(s.ctx.db, s.ctx.config.cityCode, s.plan!.categoryCode, s.input.serviceCardId ? false : s.input.insurance);
      if (couponOf(s.quote!) && s.input.serviceCardId) throw new AppError('SERVICE_CARD_NOT_USABLE', { reason: '次卡不能与优惠券同用', reasonEn: 'a card visit cannot take a coupon' });
    },
  },
];

const book: Step<Booking>[] = [
  { name: 'use-quote', run: (s) => consumeQuote({ db: s.trx }, s.input.quoteId) },
  { name: 'price-card-visit', run: async (s) => { s.cardShareFen = s.input.serviceCardId ? await cardVisitFor(s.trx, s.customerId, s.input.serviceCardId, s.quote, s.plan.now) : null; } },
  {
    name: 'write-order',
    run: async (s) => {
      const coupon = couponOf(s.quote);
      // A card visit costs its share of the card (a mandatory premium included); otherwise the quote plus the premium.
      const priceFen = s.cardShareFen ?? s.quote.totalFen + (s.insurance?.premiumFen ?? 0);
      s.order = await insertOrder(s.ctx, s.trx, s.plan, s.customerId, s.input, s.origin, { priceFen, couponFen: coupon ? s.quote.discountFen : 0, insurance: s.insurance });
    },
  },
  { name: 'hold-coupon', run: async (s) => { const c = couponOf(s.quote); if (c) await lockCoupon(s.trx, s.customerId, c.id, s.order!.id, s.plan.now); } },
  { name: 'hold-chosen-worker', run: async (s) => { if (s.input.workerId) await holdChosenWorker(s.trx, s.plan, s.order!.id, s.input.workerId); } },
  {
    name: 'pay-by-card-or-arm-timer',
    run: async (s) => {
      if (s.cardShareFen === null) return armUnpaidTimer(s.trx, s.plan, s.order!.id);
      await redeemVisit(s.trx, s.input.serviceCardId!, s.order!.id, s.cardShareFen, s.plan.now);
      await markOrderPaid(s.ctx, s.trx, s.order!.id, { purpose: 'order', method: 'service_card', amountFen: s.cardShareFen, at: s.plan.now });
      s.order = (await findOrder(s.trx, s.order!.id))!;
    },
  },
];

export async function createOrder(ctx: AppContext, customerId: string, input: CreateOrderInput, origin: BookingOrigin = { channel: 'app' }) {
  const ready = await runWorkflow('create-order', prepare, { ctx, customerId, input, origin });
  const plan = ready.plan!;
  try {
    const booked = await ctx.db.transaction().execute((trx) => runWorkflow<Booking>('create-order', book, {
      ...ready, trx, quote: ready.quote!, plan, insurance: ready.insurance ?? null, cardShareFen: null,
    }));
    return newOrderView(ctx, booked.order!, customerId, plan);
  } catch (err) {
    if (err instanceof AppError && err.code === 'SCHEDULE_CONFLICT') throw await slotTaken(ctx, plan);
    throw err;
  }
}

export async function createOrderRoutes(app: Api, ctx: AppContext) {
  const customer = ctx.guards.user('customer');
  app.post('/api/orders', { preHandler: customer, schema: { tags: ['booking'], summary: 'Book from a quote (Idempotency-Key honoured)', body: BookingSchemas.CreateOrderBody } },
    async (request, reply) => idempotent(ctx.db, request, reply, request.user!.id, async () => ({ status: 201, body: await createOrder(ctx, request.user!.id, request.body) })));
}
