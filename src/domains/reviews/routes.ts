import { Type } from 'typebox';
import type { Api, AppContext } from '../../platform/app-context.js';
import { writeAudit } from '../../platform/audit.js';
import { IMAGE_TYPES, readUpload, storeUpload } from '../../platform/files.js';
import { pageOf } from '../../platform/paging.js';
import {
  appealQueue, appealReview, decideAppeal, followUp, myCustomerRating, myReviewOf, myWorkerReviews, ordersToReview, rateCustomer, replyToReview, reportReview, reviewOrder,
  toReviewCount, workerReviews,
} from './service.js';
import { reviewSettings, saveReviewSettings } from './settings.js';

const Strict = { additionalProperties: false } as const;
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Stars = Type.Integer({ minimum: 1, maximum: 5 });
const Photos = Type.Array(Type.String({ format: 'uuid' }), { maxItems: 9, uniqueItems: true });
const Text500 = Type.String({ maxLength: 500 });
const ReviewBody = Type.Object({
  stars: Stars, attitude: Type.Optional(Stars), skill: Type.Optional(Stars), efficiency: Type.Optional(Stars), punctuality: Type.Optional(Stars),
  tags: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 12 }), { maxItems: 10, uniqueItems: true })),
  body: Type.Optional(Text500), photoFileIds: Type.Optional(Photos), anonymous: Type.Optional(Type.Boolean()),
}, Strict);
const FollowUpBody = Type.Object({ body: Type.String({ minLength: 1, maxLength: 500 }), photoFileIds: Type.Optional(Photos) }, Strict);
const ReplyBody = Type.Object({ body: Type.String({ minLength: 1, maxLength: 500 }) }, Strict);
const AppealBody = Type.Object({ reason: Type.String({ minLength: 4, maxLength: 500 }), evidenceFileIds: Type.Optional(Photos) }, Strict);
const ReportBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 200 }) }, Strict);
const CustomerRatingBody = Type.Object({ punctuality: Stars, communication: Stars, environment: Stars, accuracy: Stars, body: Type.Optional(Text500) }, Strict);
const DecisionBody = Type.Object({ decision: Type.Union([Type.Literal('keep'), Type.Literal('hide'), Type.Literal('remove')]), note: Type.String({ minLength: 2, maxLength: 500 }) }, Strict);
const Filter = Type.Union([Type.Literal('all'), Type.Literal('photos'), Type.Literal('follow_up'), Type.Literal('negative')]);
const ListQuery = Type.Object({ filter: Type.Optional(Filter), page: Type.Optional(Type.Integer({ minimum: 1 })), pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })) });
const SettingsBody = Type.Object({ windowDays: Type.Integer({ minimum: 1, maximum: 90 }), followUpDays: Type.Integer({ minimum: 1, maximum: 180 }) }, Strict);
const PHOTO_MAX = 8 * 1024 * 1024;

/** 评价: customers review and follow up, workers reply, appeal and rate customers, support decides appeals. */
export async function reviewRoutes(app: Api, ctx: AppContext) {
  const tags = ['reviews'];
  const customer = ctx.guards.user('customer');
  const worker = ctx.guards.user('worker');
  const me = (r: { user?: { id: string } }) => r.user!.id;

  app.post('/api/reviews/photos', { preHandler: ctx.guards.user(), schema: { tags, summary: 'Upload a review / appeal photo (JPEG/PNG/WebP ≤ 8 MiB, content-checked)', consumes: ['multipart/form-data'] } }, async (request, reply) => {
    const f = await storeUpload(ctx.db, ctx.storage, { ownerKind: 'user', ownerId: me(request), purpose: 'review_photo', bytes: await readUpload(request, PHOTO_MAX), allowed: IMAGE_TYPES, maxBytes: PHOTO_MAX, isPublic: true });
    return reply.status(201).send({ id: f.id, url: `/api/files/${f.id}` });
  });
  app.get('/api/orders/:id/review', { preHandler: customer, schema: { tags, summary: 'My review of an order, and whether I may review or follow up now', params: Id } },
    async (request) => myReviewOf(ctx, me(request), request.params.id));
  app.post('/api/orders/:id/review', { preHandler: customer, schema: { tags, summary: 'Review a completed order (within the window; once)', params: Id, body: ReviewBody } },
    async (request, reply) => reply.status(201).send(await reviewOrder(ctx, me(request), request.params.id, request.body)));
  app.post('/api/orders/:id/review/follow-up', { preHandler: customer, schema: { tags, summary: '追评: once, within the follow-up window', params: Id, body: FollowUpBody } },
    async (request) => followUp(ctx, me(request), request.params.id, request.body));
  app.get('/api/reviews/to-review', { preHandler: customer, schema: { tags, summary: '待评价: my completed orders still to review, with the count' } }, async (request) => {
    const [list, count] = await Promise.all([ordersToReview(ctx, me(request)), toReviewCount(ctx, me(request))]);
    return { ...list, count };
  });
  app.post('/api/reviews/:id/report', { preHandler: ctx.guards.user(), schema: { tags, summary: 'Report a review as abusive (once per person)', params: Id, body: ReportBody } },
    async (request, reply) => { await reportReview(ctx, me(request), request.params.id, request.body.reason); return reply.status(204).send(); });
  app.get('/api/workers/:id/reviews', { preHandler: ctx.guards.user(), schema: { tags, summary: "A worker's public reviews: 全部 / 有图 / 追评 / 差评", params: Id, querystring: ListQuery } },
    async (request) => workerReviews(ctx, request.params.id, { filter: request.query.filter, ...pageOf(request.query) }));

  app.get('/api/worker/reviews', { preHandler: worker, schema: { tags, summary: 'Reviews of my work (hidden / removed ones too, with their status and appeal)', querystring: ListQuery } },
    async (request) => myWorkerReviews(ctx, me(request), { filter: request.query.filter, ...pageOf(request.query) }));
  app.post('/api/worker/reviews/:id/reply', { preHandler: worker, schema: { tags, summary: 'Reply publicly to a review of my work (once)', params: Id, body: ReplyBody } },
    async (request) => replyToReview(ctx, me(request), request.params.id, request.body.body));
  app.post('/api/worker/reviews/:id/appeal', { preHandler: worker, schema: { tags, summary: '差评申诉: appeal a review with a reason and evidence (once)', params: Id, body: AppealBody } },
    async (request, reply) => reply.status(201).send(await appealReview(ctx, me(request), request.params.id, request.body)));
  app.get('/api/worker/orders/:id/customer-rating', { preHandler: worker, schema: { tags, summary: 'My rating of the customer of an order (or null), and whether I may rate now', params: Id } },
    async (request) => myCustomerRating(ctx, me(request), request.params.id));
  app.post('/api/worker/orders/:id/customer-rating', { preHandler: worker, schema: { tags, summary: 'Rate the customer of an order I completed (once)', params: Id, body: CustomerRatingBody } },
    async (request, reply) => reply.status(201).send(await rateCustomer(ctx, me(request), request.params.id, request.body)));

  const desk = ctx.guards.admin('support:answer');
  app.get('/api/admin/review-appeals', { preHandler: desk, schema: { tags, summary: 'Review appeals: waiting first, or decided', querystring: Type.Object({ status: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('decided')])) }) } },
    async (request) => appealQueue(ctx, request.query.status));
  app.post('/api/admin/review-appeals/:id/decision', { preHandler: desk, schema: { tags, summary: 'Keep, hide or remove the review, with a written reason (both sides notified; audited)', params: Id, body: DecisionBody } },
    async (request) => decideAppeal(ctx, { id: request.admin!.id, name: request.admin!.name, ip: request.ip }, request.params.id, request.body.decision, request.body.note));
  app.get('/api/admin/reviews/settings', { preHandler: ctx.guards.admin('orders:read'), schema: { tags, summary: 'Review and follow-up windows (days)' } },
    async () => reviewSettings(ctx.db, ctx.config.cityCode));
  app.put('/api/admin/reviews/settings', { preHandler: ctx.guards.admin('orders:write'), schema: { tags, body: SettingsBody } }, async (request) => {
    const saved = await saveReviewSettings(ctx.db, ctx.config.cityCode, request.body);
    await writeAudit(ctx.db, { actorKind: 'admin', actorId: request.admin!.id, actorName: request.admin!.name, action: 'reviews.settings_changed', targetType: 'city', targetId: ctx.config.cityCode, ip: request.ip, detail: { ...saved } });
    return saved;
  });
}
