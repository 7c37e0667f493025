import type { Api, AppContext } from '../../platform/app-context.js';
import { readUpload } from '../../platform/files.js';
import { idempotent } from '../../platform/idempotency.js';
import { addDisputeStatement, myDisputeCase, openWorkerDispute } from './disputes.js';
import { requestEarlyVisit } from './early-visit.js';
import { proposeOnSiteQuote } from './onsite-quote.js';
import { decideReschedule, workerReschedule } from './reschedule-service.js';
import { PHOTO_MAX, uploadOrderPhoto } from './routes.js';
import * as S from './schema.js';
import {
  acceptOrder, addRecord, checkIn, declineOrder, departOrder, finishOrder, listWorkerOrders, proposeExtra, workerCalendar, workerOrderView,
} from './worker-service.js';

/** The worker portal's orders: offers, the visit flow and the calendar, only on orders offered to or held by the worker. */
export async function workerOrderRoutes(app: Api, ctx: AppContext) {
  const tags = ['worker-orders'];
  const preHandler = ctx.guards.user('worker');
  const me = (r: { user?: { id: string } }) => r.user!.id;

  app.get('/api/worker/orders', { preHandler, schema: { tags, summary: 'Offers for me, my upcoming work, my history', querystring: S.WorkerOrdersQuery } },
    async (request) => listWorkerOrders(ctx, me(request), request.query.view ?? 'offers'));
  app.get('/api/worker/calendar', { preHandler, schema: { tags, summary: 'My accepted work between two local dates (≤ 31 days)', querystring: S.CalendarQuery } },
    async (request) => workerCalendar(ctx, me(request), request.query.from, request.query.to));
  app.post('/api/worker/orders/photos', { preHandler, schema: { tags, summary: 'Upload a service photo', consumes: ['multipart/form-data'] } },
    async (request) => uploadOrderPhoto(ctx, me(request), await readUpload(request, PHOTO_MAX)));
  app.get('/api/worker/orders/:id', { preHandler, schema: { tags, summary: 'An order offered to me or mine (address and relay number only while it is mine and open)', params: S.OrderId } },
    async (request) => workerOrderView(ctx, me(request), request.params.id));
  app.post('/api/worker/orders/:id/accept', { preHandler, schema: { tags, summary: 'Accept (first valid accept wins)', params: S.OrderId, body: S.Empty } },
    async (request) => acceptOrder(ctx, me(request), request.params.id));
  app.post('/api/worker/orders/:id/decline', { preHandler, schema: { tags, summary: 'Decline an offer, or give back an accepted order', params: S.OrderId, body: S.ReasonBody } },
    async (request, reply) => {
      const view = await declineOrder(ctx, me(request), request.params.id, request.body.reason);
      return view ? view : reply.status(204).send();
    });
  app.post('/api/worker/orders/:id/depart', { preHandler, schema: { tags, summary: '出发 (ETA shown to the customer)', params: S.OrderId, body: S.DepartBody } },
    async (request) => departOrder(ctx, me(request), request.params.id, request.body.lat !== undefined && request.body.lng !== undefined ? { lat: request.body.lat, lng: request.body.lng } : undefined));
  app.post('/api/worker/orders/:id/check-in', { preHandler, schema: { tags, summary: 'Check in with location and the customer\'s 4-digit service code', params: S.OrderId, body: S.CheckInBody } },
    async (request) => checkIn(ctx, me(request), request.params.id, request.body));
  app.post('/api/worker/orders/:id/records', { preHandler, schema: { tags, summary: 'Service record: note, photos before/after, checklist', params: S.OrderId, body: S.RecordBody } },
    async (request, reply) => reply.status(201).send(await addRecord(ctx, me(request), request.params.id, request.body)));
  app.post('/api/worker/orders/:id/extras', { preHandler, schema: { tags, summary: 'Propose extra work with a price', params: S.OrderId, body: S.ExtraBody } },
    async (request, reply) => reply.status(201).send(await proposeExtra(ctx, me(request), request.params.id, request.body)));
  app.post('/api/worker/orders/:id/onsite-quote', { preHandler, schema: { tags, summary: '上门报价: the itemised price of the work (in service, on-site-priced orders), priced by the engine; replaces one still waiting for the customer (Idempotency-Key honoured)', params: S.OrderId, body: S.OnSiteQuoteBody } },
    async (request, reply) => idempotent(ctx.db, request, reply, me(request), async () => ({ status: 201, body: await proposeOnSiteQuote(ctx, me(request), request.params.id, request.body) })));
  app.post('/api/worker/orders/:id/dispute', { preHandler, schema: { tags, summary: '申请平台介入: open an after-sales case on my order', params: S.OrderId, body: S.DisputeOpenBody } },
    async (request) => openWorkerDispute(ctx, me(request), request.params.id, request.body.reason));
  app.get('/api/worker/orders/:id/dispute', { preHandler, schema: { tags, summary: 'The after-sales case on my order: statements, deadline, decision', params: S.OrderId } },
    async (request) => myDisputeCase(ctx, 'worker', me(request), request.params.id));
  app.post('/api/worker/orders/:id/dispute/statements', { preHandler, schema: { tags, summary: 'Add my statement with photos to the open case, before its deadline', params: S.OrderId, body: S.StatementBody } },
    async (request, reply) => reply.status(201).send(await addDisputeStatement(ctx, 'worker', me(request), request.params.id, request.body)));
  app.post('/api/worker/orders/:id/early-visit', { preHandler, schema: { tags, summary: 'Ask the customer to let me come earlier (default: now); their yes opens set off / check-in from then', params: S.OrderId, body: S.EarlyVisitBody } },
    async (request) => {
      await requestEarlyVisit(ctx, me(request), request.params.id, request.body.at, request.body.note);
      return workerOrderView(ctx, me(request), request.params.id);
    });
  app.post('/api/worker/orders/:id/finish', { preHandler, schema: { tags, summary: '完成服务 → 待验收 (a reason, shown to the customer, when finishing well before the booked duration)', params: S.OrderId, body: S.OptionalReasonBody } },
    async (request) => finishOrder(ctx, me(request), request.params.id, request.body.reason));
  app.post('/api/worker/orders/:id/reschedule', { preHandler, schema: { tags, summary: 'Ask to move an accepted order (ops, then the customer, agree)', params: S.OrderId, body: S.RescheduleBody } },
    async (request) => workerReschedule(ctx, me(request), request.params.id, request.body.start, request.body.reason));
  app.post('/api/worker/orders/:id/reschedule/:rid/decision', { preHandler, schema: { tags, summary: "Answer the customer's reschedule request", params: S.OrderRequestParams, body: S.ApproveBody } },
    async (request) => {
      await decideReschedule(ctx, request.params.rid, { as: 'worker', userId: me(request), orderId: request.params.id }, request.body.approve);
      return workerOrderView(ctx, me(request), request.params.id);
    });
}
