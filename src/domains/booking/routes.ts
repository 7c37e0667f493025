import type { Api, AppContext } from '../../platform/app-context.js';
import { IMAGE_TYPES, readUpload, storeUpload } from '../../platform/files.js';
import { idempotent } from '../../platform/idempotency.js';
import { pageOf } from '../../platform/paging.js';
import { customerSlots, customerTabCounts, getCustomerOrder, listCustomerOrders } from './booking-service.js';
import { cancellationPreview, cancelOrder, changeWorker, confirmOrder, decideExtra, declareNoShow, reportProblem } from './customer-actions.js';
import { addDisputeStatement, myDisputeCase } from './disputes.js';
import { answerEarlyVisit } from './early-visit.js';
import { customerReschedule, decideReschedule, withdrawReschedule } from './reschedule-service.js';
import * as S from './schema.js';
import { bookableWorkerProfile } from './worker-profile.js';

export const PHOTO_MAX = 8 * 1024 * 1024;

/** Stores a job / service photo owned by the uploader (attached to an order later). */
export async function uploadOrderPhoto(ctx: AppContext, ownerId: string, bytes: Buffer) {
  const f = await storeUpload(ctx.db, ctx.storage, { ownerKind: 'user', ownerId, purpose: 'order_photo', bytes, allowed: IMAGE_TYPES, maxBytes: PHOTO_MAX, isPublic: false });
  return { id: f.id, url: `/api/files/${f.id}` };
}

/** Customer booking and "my orders": every route needs a signed-in customer and acts on their own orders only. */
export async function bookingRoutes(app: Api, ctx: AppContext) {
  const tags = ['booking'];
  const preHandler = ctx.guards.user('customer');
  const me = (r: { user?: { id: string } }) => r.user!.id;
  const actor = (r: { user?: { id: string } }) => ({ kind: 'customer' as const, id: me(r), name: '客户' });

  app.get('/api/workers/:id', { preHandler: ctx.guards.user(), schema: { tags: ['workers'], summary: 'A worker profile (masked name, verified certificates, portfolio, next free times)', params: S.OrderId } },
    async (request) => bookableWorkerProfile(ctx, request.params.id, request.user!.id));
  app.get('/api/booking/slots', { preHandler, schema: { tags, summary: 'Free visit times for a quote + address (or an order being moved), per day for 14 days, with ASAP', querystring: S.SlotsQuery } },
    async (request) => customerSlots(ctx, me(request), request.query));
  app.post('/api/orders/photos', { preHandler, schema: { tags, summary: 'Upload a job photo (JPEG/PNG/WebP ≤ 8 MiB)', consumes: ['multipart/form-data'] } },
    async (request) => uploadOrderPhoto(ctx, me(request), await readUpload(request, PHOTO_MAX)));
  app.get('/api/orders', { preHandler, schema: { tags, summary: 'My orders under a status tab', querystring: S.OrdersQuery } },
    async (request) => listCustomerOrders(ctx, me(request), { tab: request.query.tab, ...pageOf(request.query) }));
  app.get('/api/orders/counts', { preHandler, schema: { tags, summary: 'How many of my orders are under each tab' } },
    async (request) => customerTabCounts(ctx, me(request)));
  app.get('/api/orders/:id', { preHandler, schema: { tags, summary: 'My order: status, worker, price, timeline, what I can do', params: S.OrderId } },
    async (request) => getCustomerOrder(ctx, me(request), request.params.id));
  app.get('/api/orders/:id/cancellation', { preHandler, schema: { tags, summary: 'What cancelling now costs', params: S.OrderId } },
    async (request) => cancellationPreview(ctx, me(request), request.params.id));
  app.post('/api/orders/:id/cancel', { preHandler, schema: { tags, summary: 'Cancel (fee by the policy; Idempotency-Key honoured)', params: S.OrderId, body: S.ReasonBody } },
    async (request, reply) => idempotent(ctx.db, request, reply, me(request), async () => ({ status: 200, body: await cancelOrder(ctx, actor(request), request.params.id, request.body.reason) })));
  app.post('/api/orders/:id/no-show', { preHandler, schema: { tags, summary: 'The worker did not come: full refund', params: S.OrderId, body: S.OptionalReasonBody } },
    async (request) => declareNoShow(ctx, actor(request), request.params.id, request.body.reason ?? ''));
  app.post('/api/orders/:id/reschedule', { preHandler, schema: { tags, summary: 'Move the visit (at once without a worker, else the worker must agree)', params: S.OrderId, body: S.RescheduleBody } },
    async (request) => customerReschedule(ctx, me(request), request.params.id, request.body.start, request.body.reason));
  app.post('/api/orders/:id/reschedule/:rid/decision', { preHandler, schema: { tags, summary: "Answer the worker's reschedule request", params: S.OrderRequestParams, body: S.ApproveBody } },
    async (request) => {
      await decideReschedule(ctx, request.params.rid, { as: 'customer', userId: me(request), orderId: request.params.id }, request.body.approve);
      return getCustomerOrder(ctx, me(request), request.params.id);
    });
  app.post('/api/orders/:id/reschedule/:rid/withdraw', { preHandler, schema: { tags, params: S.OrderRequestParams, body: S.Empty } },
    async (request) => {
      await withdrawReschedule(ctx, me(request), request.params.rid, request.params.id);
      return getCustomerOrder(ctx, me(request), request.params.id);
    });
  app.post('/api/orders/:id/early-visit', { preHandler, schema: { tags, summary: "Answer the worker's request to come earlier than booked", params: S.OrderId, body: S.EarlyVisitAnswer } },
    async (request) => {
      await answerEarlyVisit(ctx, me(request), request.params.id, request.body.agree);
      return getCustomerOrder(ctx, me(request), request.params.id);
    });
  app.post('/api/orders/:id/change-worker', { preHandler, schema: { tags, summary: 'Ask for another worker', params: S.OrderId, body: S.OptionalReasonBody } },
    async (request) => changeWorker(ctx, actor(request), request.params.id, request.body.reason ?? ''));
  app.post('/api/orders/:id/extras/:extraId/decision', { preHandler, schema: { tags, summary: 'Accept (and pay) or refuse proposed extra work', params: S.OrderExtraParams, body: S.AcceptBody } },
    async (request) => decideExtra(ctx, me(request), request.params.id, request.params.extraId, request.body.accept));
  app.post('/api/orders/:id/confirm', { preHandler, schema: { tags, summary: 'Accept the work (验收)', params: S.OrderId, body: S.Empty } },
    async (request) => confirmOrder(ctx, me(request), request.params.id));
  app.post('/api/orders/:id/problem', { preHandler, schema: { tags, summary: 'Report a problem; a rework visit within 72 h is free', params: S.OrderId, body: S.ProblemBody } },
    async (request) => reportProblem(ctx, me(request), request.params.id, request.body));
  app.get('/api/orders/:id/dispute', { preHandler, schema: { tags, summary: "售后纠纷: who opened it and why, the statement deadline, both parties' statements, the decision with its reason", params: S.OrderId } },
    async (request) => myDisputeCase(ctx, 'customer', me(request), request.params.id));
  app.post('/api/orders/:id/dispute/statements', { preHandler, schema: { tags, summary: 'Add my statement with photos (order photos of mine) to the open case, before its deadline', params: S.OrderId, body: S.StatementBody } },
    async (request, reply) => reply.status(201).send(await addDisputeStatement(ctx, 'customer', me(request), request.params.id, request.body)));

}


