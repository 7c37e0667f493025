import { Type } from 'typebox';
import type { Api, AppContext } from '../../platform/app-context.js';
import { idempotent } from '../../platform/idempotency.js';
import { PAY_PROVIDERS, type PayProvider } from '../../platform/providers/payments/types.js';
import { AppError } from '../../platform/errors.js';
import { getCustomerOrder } from '../booking/index.js';
import { bookableItem } from '../catalog/index.js';
import { invoicesOfOrder, receiptHtml, requestInvoice } from './invoices.js';
import { insuranceOffer } from './settings.js';
import { handleNotification, orderBill, paymentStatus, startPayment } from './pay-service.js';
import { addCard, listCards, listWorkerWithdrawals, quoteWithdrawal, removeCard, requestWithdrawal, workerIncome } from './withdrawal-service.js';

const Strict = { additionalProperties: false } as const;
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const PayBody = Type.Object({ method: Type.Union(PAY_PROVIDERS.map((p) => Type.Literal(p))) }, Strict);
const CardBody = Type.Object({ bankName: Type.String({ minLength: 2, maxLength: 40 }), holderName: Type.String({ minLength: 1, maxLength: 40 }), cardNo: Type.String({ minLength: 12, maxLength: 30 }) }, Strict);
const Amount = Type.Integer({ minimum: 1, maximum: 100_000_000 });
const InvoiceBody = Type.Object({
  titleKind: Type.Union([Type.Literal('personal'), Type.Literal('company')]), title: Type.String({ minLength: 1, maxLength: 100 }),
  taxNo: Type.Optional(Type.String({ maxLength: 20 })), email: Type.String({ format: 'email', maxLength: 200 }),
}, Strict);
const WithdrawBody = Type.Object({ amountFen: Amount, cardId: Type.String({ format: 'uuid' }) }, Strict);

/** Customer payments, provider callbacks, and the worker's income, cards and withdrawals. */
export async function paymentRoutes(app: Api, ctx: AppContext) {
  const tags = ['payments'];
  const customer = ctx.guards.user('customer');
  const worker = ctx.guards.user('worker');
  const me = (r: { user?: { id: string } }) => r.user!.id;

  app.post('/api/orders/:id/pay', { preHandler: customer, schema: { tags, summary: 'Open a charge with the provider and get its cashier (Idempotency-Key honoured)', params: Id, body: PayBody } },
    async (request, reply) => idempotent(ctx.db, request, reply, me(request), async () => ({ status: 200, body: await startPayment(ctx, me(request), request.params.id, request.body.method) })));
  app.get('/api/payments/:id', { preHandler: customer, schema: { tags, summary: 'One of my payments; a pending one is checked with the provider', params: Id } },
    async (request) => paymentStatus(ctx, me(request), request.params.id));
  app.get('/api/orders/:id/bill', { preHandler: customer, schema: { tags, summary: '账单: lines, paid, refunds', params: Id } }, async (request) => {
    const order = await getCustomerOrder(ctx, me(request), request.params.id);
    return orderBill(ctx, order);
  });

  app.get('/api/insurance', { schema: { tags, summary: 'The accident insurance offered for an item: off, optional or mandatory, premium and cover', querystring: Type.Object({ itemCode: Type.String({ minLength: 1, maxLength: 60 }) }) } }, async (request) => {
    const item = await bookableItem(ctx.db, request.query.itemCode);
    if (!item) throw new AppError('ITEM_NOT_FOUND');
    return insuranceOffer(ctx.db, ctx.config.cityCode, item.categoryCode);
  });
  app.get('/api/orders/:id/receipt', { preHandler: customer, schema: { tags, summary: '电子收据 of a paid order (printable HTML)', params: Id } },
    async (request, reply) => reply.type('text/html; charset=utf-8').send(await receiptHtml(ctx, me(request), request.params.id)));
  app.get('/api/orders/:id/invoices', { preHandler: customer, schema: { tags, summary: 'My invoice requests for an order', params: Id } }, async (request) => invoicesOfOrder(ctx, me(request), request.params.id));
  app.post('/api/orders/:id/invoices', { preHandler: customer, schema: { tags, summary: '申请发票 for a completed order (one per order)', params: Id, body: InvoiceBody } },
    async (request, reply) => reply.status(201).send(await requestInvoice(ctx, me(request), request.params.id, request.body)));

  // Providers post here; the raw body is what their signature covers, so it is kept as received.
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) => done(null, body));
    scope.post<{ Params: { provider: string } }>('/api/payments/notify/:provider', { schema: { tags, summary: 'Provider payment notification (signed; answered in the provider\'s format)' } }, async (request, reply) => {
      const provider = request.params.provider as PayProvider;
      if (!PAY_PROVIDERS.includes(provider)) throw new AppError('NOT_FOUND');
      const answer = await handleNotification(ctx, provider, request.headers, typeof request.body === 'string' ? request.body : '');
      return reply.status(answer.status).type(answer.contentType).send(answer.body);
    });
  });

  app.get('/api/worker/income', { preHandler: worker, schema: { tags, summary: '收入: today / month / total, pending vs available, by day, per order' } }, async (request) => workerIncome(ctx, me(request)));
  app.get('/api/worker/bank-cards', { preHandler: worker, schema: { tags, summary: 'My bank cards (masked)' } }, async (request) => listCards(ctx, me(request)));
  app.post('/api/worker/bank-cards', { preHandler: worker, schema: { tags, summary: 'Bind a bank card (Luhn-checked, stored encrypted)', body: CardBody } },
    async (request, reply) => reply.status(201).send(await addCard(ctx, me(request), request.body)));
  app.delete('/api/worker/bank-cards/:id', { preHandler: worker, schema: { tags, summary: 'Remove a bank card', params: Id } }, async (request, reply) => {
    await removeCard(ctx, me(request), request.params.id);
    return reply.status(204).send();
  });
  app.get('/api/worker/withdrawals/quote', { preHandler: worker, schema: { tags, summary: 'Fee, net and review need of a withdrawal amount', querystring: Type.Object({ amountFen: Type.Integer() }) } },
    async (request) => quoteWithdrawal(ctx, me(request), request.query.amountFen));
  app.get('/api/worker/withdrawals', { preHandler: worker, schema: { tags, summary: 'My withdrawals, newest first' } }, async (request) => listWorkerWithdrawals(ctx, me(request)));
  app.post('/api/worker/withdrawals', { preHandler: worker, schema: { tags, summary: 'Withdraw available money to a bound card (Idempotency-Key honoured)', body: WithdrawBody } },
    async (request, reply) => idempotent(ctx.db, request, reply, me(request), async () => ({ status: 201, body: await requestWithdrawal(ctx, me(request), request.body) })));
}
