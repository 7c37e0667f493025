import type { FastifyRequest } from 'fastify';
import type { Api, AppContext } from '../../platform/app-context.js';
import { writeAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { IMAGE_TYPES, readUpload, redirectToSignedFile, storeUpload } from '../../platform/files.js';
import { idempotent } from '../../platform/idempotency.js';
import { pageOf } from '../../platform/paging.js';
import { CATEGORY_LABELS, COMPLAINT_CATEGORIES, STATUS_LABELS } from './rules.js';
import * as S from './schema.js';
import {
  adminComplaint, assignComplaint, claimComplaint, closeComplaint, COMPLAINT_PERMISSION, complaintAssignees, complaintEvidenceFile, complaintToAfterSales,
  EVIDENCE_PURPOSE, listComplaints, myComplaint, myComplaints, myComplaintsOnOrder, openComplaint, replyToComplaint,
} from './service.js';
import { complaintSettings, saveComplaintSettings } from './settings.js';

const EVIDENCE_MAX = 8 * 1024 * 1024;
const EVIDENCE_TYPES = [...IMAGE_TYPES, 'application/pdf'] as const;

/** 投诉: customers and workers file and follow their complaints; the console works them under an SLA. */
export async function complaintRoutes(app: Api, ctx: AppContext) {
  const tags = ['complaints'];
  const anyUser = ctx.guards.user();
  const customer = ctx.guards.user('customer');
  const worker = ctx.guards.user('worker');
  const me = (r: { user?: { id: string } }) => r.user!.id;
  const admin = (r: FastifyRequest) => ({ id: r.admin!.id, name: r.admin!.name, ip: r.ip });
  const requirePermission = (r: FastifyRequest, p: 'workers:review' | 'orders:write') => {
    if (!r.admin!.permissions.includes(p)) throw new AppError('FORBIDDEN');
  };

  app.get('/api/complaints/categories', { preHandler: anyUser, schema: { tags, summary: 'Complaint categories (codes with zh / en labels) and states' } },
    async () => ({ items: COMPLAINT_CATEGORIES.map((code) => ({ code, label: CATEGORY_LABELS[code] })), statuses: STATUS_LABELS }));
  app.post('/api/complaints/evidence', { preHandler: anyUser, schema: { tags, summary: 'Upload a complaint evidence file (JPEG/PNG/WebP/PDF ≤ 8 MiB, content-checked; private to me and the console)', consumes: ['multipart/form-data'] } }, async (request, reply) => {
    const f = await storeUpload(ctx.db, ctx.storage, { ownerKind: 'user', ownerId: me(request), purpose: EVIDENCE_PURPOSE, bytes: await readUpload(request, EVIDENCE_MAX), allowed: EVIDENCE_TYPES, maxBytes: EVIDENCE_MAX, isPublic: false });
    return reply.status(201).send({ id: f.id, url: `/api/files/${f.id}`, contentType: f.contentType });
  });
  app.get('/api/complaints', { preHandler: anyUser, schema: { tags, summary: 'My complaints: filed by me (default) or about me (role=against, once ops acted; without the complainant\'s text)', querystring: S.MineQuery } },
    async (request) => myComplaints(ctx, me(request), request.query.role ?? 'filed', pageOf(request.query)));
  app.get('/api/complaints/:id', { preHandler: anyUser, schema: { tags, summary: 'One complaint of mine: my text, evidence, replies, outcome, after-sales ruling', params: S.Id } },
    async (request) => myComplaint(ctx, me(request), request.params.id));

  app.get('/api/orders/:id/complaints', { preHandler: customer, schema: { tags, summary: 'My complaints about an order, and whether I may file one now', params: S.Id } },
    async (request) => myComplaintsOnOrder(ctx, me(request), request.params.id, 'customer'));
  app.post('/api/orders/:id/complaints', { preHandler: customer, schema: { tags, summary: 'Complain about the worker of my order (one open complaint per order; Idempotency-Key honoured)', params: S.Id, body: S.FileBody } },
    async (request, reply) => idempotent(ctx.db, request, reply, `user:${me(request)}`, async () => ({
      status: 201, body: await myComplaint(ctx, me(request), (await openComplaint(ctx.db, { orderId: request.params.id, source: 'customer', filedBy: me(request), ...request.body })).id),
    })));
  app.get('/api/worker/orders/:id/complaints', { preHandler: worker, schema: { tags, summary: 'My complaints about the customer of an order I took, and whether I may file one now', params: S.Id } },
    async (request) => myComplaintsOnOrder(ctx, me(request), request.params.id, 'worker'));
  app.post('/api/worker/orders/:id/complaints', { preHandler: worker, schema: { tags, summary: '投诉客户: complain about the customer of an order I took (Idempotency-Key honoured)', params: S.Id, body: S.FileBody } },
    async (request, reply) => idempotent(ctx.db, request, reply, `user:${me(request)}`, async () => ({
      status: 201, body: await myComplaint(ctx, me(request), (await openComplaint(ctx.db, { orderId: request.params.id, source: 'worker', filedBy: me(request), ...request.body })).id),
    })));

  const desk = ctx.guards.admin(COMPLAINT_PERMISSION);
  app.get('/api/admin/complaints', { preHandler: desk, schema: { tags, summary: 'Complaints: by state (open = 待处理 + 处理中), category, overdue, mine; open ones first by deadline, with the SLA state', querystring: S.AdminListQuery } },
    async (request) => listComplaints(ctx, { status: request.query.status, category: request.query.category, overdue: request.query.overdue, mine: request.query.mine ? request.admin!.id : undefined, orderId: request.query.orderId, ...pageOf(request.query) }));
  app.get('/api/admin/complaints/assignees', { preHandler: desk, schema: { tags, summary: 'Admins who may own complaints' } }, async () => complaintAssignees(ctx));
  app.get('/api/admin/complaints/settings', { preHandler: desk, schema: { tags, summary: 'SLA hours (first response, resolution; 安全 apart) and the filing window' } },
    async () => complaintSettings(ctx.db, ctx.config.cityCode));
  app.put('/api/admin/complaints/settings', { preHandler: ctx.guards.admin('orders:write'), schema: { tags, summary: 'Change the SLA settings of the served city (audited; applies to complaints filed from now on)', body: S.SettingsBody } }, async (request) => {
    const saved = await saveComplaintSettings(ctx.db, ctx.config.cityCode, request.body);
    await writeAudit(ctx.db, { actorKind: 'admin', actorId: request.admin!.id, actorName: request.admin!.name, action: 'complaints.settings_changed', targetType: 'city', targetId: ctx.config.cityCode, ip: request.ip, detail: { ...saved } });
    return saved;
  });
  app.get('/api/admin/complaints/:id', { preHandler: desk, schema: { tags, summary: 'A complaint: parties, evidence, timeline, SLA, penalty, after-sales ruling', params: S.Id } },
    async (request) => adminComplaint(ctx, request.params.id));
  app.get('/api/admin/complaints/:id/evidence/:fileId', { preHandler: desk, schema: { tags, summary: 'An evidence file of the complaint (viewing is audited): a redirect to its short-lived signed link', params: S.EvidenceParams } }, async (request, reply) => {
    const f = await complaintEvidenceFile(ctx, request.params.id, request.params.fileId);
    await writeAudit(ctx.db, { actorKind: 'admin', actorId: request.admin!.id, actorName: request.admin!.name, action: 'file.viewed', targetType: f.purpose, targetId: f.id, ip: request.ip, detail: { complaintId: request.params.id } });
    return redirectToSignedFile(reply, ctx.config.appSecret, f.id);
  });
  app.post('/api/admin/complaints/:id/claim', { preHandler: desk, schema: { tags, summary: '认领: I become the owner (audited)', params: S.Id } },
    async (request) => claimComplaint(ctx, admin(request), request.params.id));
  app.post('/api/admin/complaints/:id/assign', { preHandler: desk, schema: { tags, summary: '指派: another admin who may handle complaints becomes the owner (audited)', params: S.Id, body: S.AssignBody } },
    async (request) => assignComplaint(ctx, admin(request), request.params.id, request.body.adminId));
  app.post('/api/admin/complaints/:id/reply', { preHandler: desk, schema: { tags, summary: '回复: a reply the complainant sees; the first is the first response (→ 处理中); the accused is told of the complaint (audited)', params: S.Id, body: S.ReplyBody } },
    async (request) => replyToComplaint(ctx, admin(request), request.params.id, request.body.message));
  app.post('/api/admin/complaints/:id/resolve', { preHandler: desk, schema: { tags, summary: '已解决 with a written outcome both parties see; optional penalty for the worker (needs workers:review); Idempotency-Key honoured; audited', params: S.Id, body: S.ResolveBody } },
    async (request, reply) => {
      if (request.body.penalty) requirePermission(request, 'workers:review');
      return idempotent(ctx.db, request, reply, `admin:${request.admin!.id}`, async () => ({ status: 200, body: await closeComplaint(ctx, admin(request), request.params.id, { decision: 'resolved', outcome: request.body.outcome, penalty: request.body.penalty }) }));
    });
  app.post('/api/admin/complaints/:id/reject', { preHandler: desk, schema: { tags, summary: '驳回 with a written outcome both parties see (audited)', params: S.Id, body: S.RejectBody } },
    async (request) => closeComplaint(ctx, admin(request), request.params.id, { decision: 'rejected', outcome: request.body.outcome }));
  app.post('/api/admin/complaints/:id/after-sales', { preHandler: desk, schema: { tags, summary: '转售后: open the order\'s dispute (needs orders:write) and link it; its arbitration is shown on the complaint (audited)', params: S.Id, body: S.AfterSalesBody } },
    async (request) => {
      requirePermission(request, 'orders:write');
      return complaintToAfterSales(ctx, admin(request), request.params.id, request.body.reason);
    });
}
