import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Api, AppContext } from '../../platform/app-context.js';
import { approveWorker, decideAppeal, decideCertificate, expiringCertificates, penalizeWorker, rejectWorker, reviewDetail, reviewQueue } from './review-service.js';
import { PageQuery, pageOf } from '../../platform/paging.js';
import * as S from './schema.js';

const actorOf = (r: FastifyRequest) => ({ id: r.admin!.id, name: r.admin!.name, ip: r.ip, permissions: r.admin!.permissions as string[] });

/** Console: the review queue, a worker's file (PII for permitted roles, audited), decisions, penalties, appeals. */
export async function workerReviewRoutes(app: Api, ctx: AppContext) {
  const tags = ['admin workers'];
  const read = ctx.guards.admin('workers:read');
  const review = ctx.guards.admin('workers:review');
  app.get('/api/admin/worker-reviews', { preHandler: read, schema: { tags, summary: 'Applications by review status (default: waiting), searchable by name or phone digits', querystring: Type.Intersect([PageQuery, Type.Object({ status: Type.Optional(Type.Union([Type.Literal('submitted'), Type.Literal('rejected'), Type.Literal('approved')])), q: Type.Optional(Type.String({ maxLength: 30 })) })]) } },
    async (request) => reviewQueue(ctx, { status: request.query.status, q: request.query.q, ...pageOf(request.query) }));
  app.get('/api/admin/certificates/expiring', { preHandler: read, schema: { tags, summary: 'Verified certificates expiring within N days (default 30) or expired', querystring: Type.Object({ days: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })) }) } },
    async (request) => expiringCertificates(ctx, request.query.days ?? 30));
  app.get('/api/admin/workers/:id', { preHandler: read, schema: { tags, summary: "A worker's file; real name, ID number and ID photos only with workers:pii (each view audited)", params: S.WorkerId } },
    async (request) => reviewDetail(ctx, actorOf(request), request.params.id));
  app.post('/api/admin/workers/:id/approve', { preHandler: review, schema: { tags, params: S.WorkerId, body: Type.Object({}, { additionalProperties: false }) } },
    async (request, reply) => { await approveWorker(ctx, actorOf(request), request.params.id); return reply.status(204).send(); });
  app.post('/api/admin/workers/:id/reject', { preHandler: review, schema: { tags, summary: 'Reject with a reason the worker sees', params: S.WorkerId, body: S.RejectBody } },
    async (request, reply) => { await rejectWorker(ctx, actorOf(request), request.params.id, request.body.reason); return reply.status(204).send(); });
  app.post('/api/admin/workers/:id/certificates/:certificateId/decision', { preHandler: review, schema: { tags, summary: 'Verify or reject one certificate (reason required to reject)', params: Type.Object({ id: Type.String({ format: 'uuid' }), certificateId: Type.String({ format: 'uuid' }) }), body: S.CertificateDecisionBody } },
    async (request, reply) => { await decideCertificate(ctx, actorOf(request), request.params.id, request.params.certificateId, request.body); return reply.status(204).send(); });
  app.post('/api/admin/workers/:id/penalties', { preHandler: review, schema: { tags, summary: 'Warning, suspension for N days, or permanent removal', params: S.WorkerId, body: S.PenaltyBody } },
    async (request, reply) => reply.status(201).send(await penalizeWorker(ctx, actorOf(request), request.params.id, request.body)));
  app.post('/api/admin/penalties/:id/appeal-decision', { preHandler: review, schema: { tags, params: S.WorkerId, body: S.AppealDecisionBody } },
    async (request, reply) => { await decideAppeal(ctx, actorOf(request), request.params.id, request.body); return reply.status(204).send(); });
}
