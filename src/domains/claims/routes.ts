import { Type } from 'typebox';
import type { Api, AppContext } from '../../platform/app-context.js';
import { AppError } from '../../platform/errors.js';
import { findFile, IMAGE_TYPES, readUpload, redirectToSignedFile, storeUpload } from '../../platform/files.js';
import { idempotent } from '../../platform/idempotency.js';
import { pageOf } from '../../platform/paging.js';
import {
  claimById, claimDocument, claimOptions, claimsOfOrder, decideClaim, fileClaim, listClaims, orderForAdmin, orderForCustomer, startReview, type ClaimInput,
} from './service.js';
import { findOrder } from '../booking/index.js';

const Strict = { additionalProperties: false } as const;
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const DocParams = Type.Object({ id: Type.String({ format: 'uuid' }), fileId: Type.String({ format: 'uuid' }) });
const ClaimFields = {
  source: Type.Union([Type.Literal('incident'), Type.Literal('dispute')]),
  incidentId: Type.Optional(Type.String({ format: 'uuid' })),
  amountFen: Type.Integer(),
  description: Type.String({ maxLength: 1000 }),
  documentFileIds: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 9, uniqueItems: true })),
};
const CustomerClaimBody = Type.Object(ClaimFields, Strict);
const AdminClaimBody = Type.Object({ orderNo: Type.String({ minLength: 1, maxLength: 40 }), ...ClaimFields }, Strict);
const DecisionBody = Type.Object({ decision: Type.Union([Type.Literal('pay'), Type.Literal('reject')]), reason: Type.String({ maxLength: 500 }) }, Strict);
const Status = Type.Union([Type.Literal('submitted'), Type.Literal('reviewing'), Type.Literal('paid'), Type.Literal('rejected')]);
const DOC_MAX = 8 * 1024 * 1024;

/** 保险理赔: the customer files from an order and follows it, the worker sees it, ops file and review, finance decides. */
export async function claimRoutes(app: Api, ctx: AppContext) {
  const tags = ['claims'];
  const customer = ctx.guards.user('customer');
  const worker = ctx.guards.user('worker');
  const admin = (r: { admin?: { id: string; name: string } | null; ip: string }) => ({ id: r.admin!.id, name: r.admin!.name, ip: r.ip });

  const redirectToDocument = async (fileId: string, reply: import('fastify').FastifyReply) => {
    if (!(await findFile(ctx.db, fileId))) throw new AppError('NOT_FOUND');
    return redirectToSignedFile(reply, ctx.config.appSecret, fileId);
  };

  app.post('/api/claims/documents', { preHandler: customer, schema: { tags, summary: 'Upload a claim document (photo of the damage, receipt, medical bill: JPEG/PNG/WebP ≤ 8 MiB, private)', consumes: ['multipart/form-data'] } }, async (request, reply) => {
    const f = await storeUpload(ctx.db, ctx.storage, { ownerKind: 'user', ownerId: request.user!.id, purpose: 'claim_document', bytes: await readUpload(request, DOC_MAX), allowed: IMAGE_TYPES, maxBytes: DOC_MAX, isPublic: false });
    // The uploader sees their own private file at /api/files/:id until it is attached to the claim.
    return reply.status(201).send({ id: f.id, url: `/api/files/${f.id}` });
  });
  app.get('/api/orders/:id/claims', { preHandler: customer, schema: { tags, summary: "My order's claims with status and payout ledger entry, and whether (and from which incidents) I may file one", params: Id } }, async (request) => {
    const o = await orderForCustomer(ctx.db, request.user!.id, request.params.id);
    const [options, items] = await Promise.all([claimOptions(ctx.db, o), claimsOfOrder(ctx, o.id, 'customer')]);
    return { ...options, items };
  });
  app.post('/api/orders/:id/claims', { preHandler: customer, schema: { tags, summary: '申请理赔: amount ≤ the cover left, from an incident of the order or its dispute (one open claim per order; Idempotency-Key honoured)', params: Id, body: CustomerClaimBody } }, async (request, reply) => {
    const u = request.user!;
    return idempotent(ctx.db, request, reply, `user:${u.id}`, async () => {
      const o = await orderForCustomer(ctx.db, u.id, request.params.id);
      return { status: 201, body: await fileClaim(ctx, { kind: 'customer', id: u.id, name: u.name ?? '', ip: request.ip }, o, request.body as ClaimInput) };
    });
  });
  app.get('/api/claims/:id/documents/:fileId', { preHandler: customer, schema: { tags, summary: 'A document of my claim', params: DocParams } }, async (request, reply) => {
    await claimDocument(ctx.db, request.params.id, request.params.fileId, request.user!.id);
    return redirectToDocument(request.params.fileId, reply);
  });
  app.get('/api/worker/orders/:id/claims', { preHandler: worker, schema: { tags, summary: 'Claims on an order I worked (status, amount, decision; no documents)', params: Id } }, async (request) => {
    const o = await findOrder(ctx.db, request.params.id);
    if (!o || o.worker_id !== request.user!.id) throw new AppError('NOT_FOUND');
    return { items: await claimsOfOrder(ctx, o.id, 'worker') };
  });

  const read = ctx.guards.admin('orders:read');
  const write = ctx.guards.admin('orders:write');
  const decide = ctx.guards.admin('finance:write');
  app.post('/api/admin/claims/documents', { preHandler: write, schema: { tags, summary: 'Upload a claim document for a claim ops file (private)', consumes: ['multipart/form-data'] } }, async (request, reply) => {
    const f = await storeUpload(ctx.db, ctx.storage, { ownerKind: 'admin', ownerId: request.admin!.id, purpose: 'claim_document', bytes: await readUpload(request, DOC_MAX), allowed: IMAGE_TYPES, maxBytes: DOC_MAX, isPublic: false });
    return reply.status(201).send({ id: f.id });
  });
  app.get('/api/admin/claims', { preHandler: read, schema: { tags, summary: 'Claims: open first; by status or order number', querystring: Type.Object({ status: Type.Optional(Status), orderNo: Type.Optional(Type.String({ maxLength: 40 })), page: Type.Optional(Type.Integer({ minimum: 1 })), pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })) }) } },
    async (request) => listClaims(ctx, { status: request.query.status, orderNo: request.query.orderNo, ...pageOf(request.query) }));
  app.get('/api/admin/claims/options', { preHandler: read, schema: { tags, summary: "An order's cover, cover left, incidents and dispute, by order number (to file a claim)", querystring: Type.Object({ orderNo: Type.String({ minLength: 1, maxLength: 40 }) }) } },
    async (request) => claimOptions(ctx.db, await orderForAdmin(ctx.db, { orderNo: request.query.orderNo })));
  app.get('/api/admin/claims/:id', { preHandler: read, schema: { tags, summary: 'One claim with its documents and payout entry', params: Id } }, async (request) => claimById(ctx, request.params.id));
  app.get('/api/admin/claims/:id/documents/:fileId', { preHandler: read, schema: { tags, summary: 'A document of a claim', params: DocParams } }, async (request, reply) => {
    await claimDocument(ctx.db, request.params.id, request.params.fileId);
    return redirectToDocument(request.params.fileId, reply);
  });
  app.post('/api/admin/claims', { preHandler: write, schema: { tags, summary: 'Ops file a claim for an order (by number); audited', body: AdminClaimBody } }, async (request, reply) => {
    const a = admin(request);
    return idempotent(ctx.db, request, reply, `admin:${a.id}`, async () => {
      const { orderNo, ...input } = request.body;
      const o = await orderForAdmin(ctx.db, { orderNo });
      return { status: 201, body: await fileClaim(ctx, { kind: 'admin', ...a }, o, input as ClaimInput) };
    });
  });
  app.post('/api/admin/claims/:id/review', { preHandler: write, schema: { tags, summary: '审核: take a submitted claim into review; audited', params: Id } }, async (request) => startReview(ctx, admin(request), request.params.id));
  app.post('/api/admin/claims/:id/decision', { preHandler: decide, schema: { tags, summary: '赔付 (ledger payout, once) or 驳回, with a written reason; both sides notified; audited; Idempotency-Key honoured', params: Id, body: DecisionBody } }, async (request, reply) => {
    const a = admin(request);
    return idempotent(ctx.db, request, reply, `admin:${a.id}`, async () => ({ status: 200, body: await decideClaim(ctx, a, request.params.id, request.body.decision, request.body.reason) }));
  });
}
