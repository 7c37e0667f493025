import type { Api, AppContext } from '../../platform/app-context.js';
import { writeAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { findFile, redirectToSignedFile } from '../../platform/files.js';
import { requestLang } from '../../platform/http-errors.js';
import { adminGetRequest, adminListRequests, inviteByHand } from './admin-service.js';
import { cancelRequest, createRequest, getMyRequest, listMyRequests, publishRequest, updateDraft } from './customer-service.js';
import * as q from './queries.js';
import * as S from './schema.js';
import { requestSettings, saveRequestSettings } from './settings.js';
import { answerRequest, getInvited, listInvited, withdrawAnswer } from './worker-service.js';

/** Custom requests (docs/api-requests.md); choosing an answer is the workflow layer's (src/workflows/choose-answer.ts). */
export async function requestRoutes(app: Api, ctx: AppContext) {
  const tags = ['requests'];
  const customer = ctx.guards.user('customer');
  const worker = ctx.guards.user('worker');
  const me = (r: { user?: { id: string } }) => r.user!.id;

  app.post('/api/requests', { preHandler: customer, schema: { tags, summary: '发布需求: a custom request, kept as a draft or published at once (publish: true)', body: S.CreateBody } }, async (request, reply) => {
    const { publish, ...input } = request.body;
    return reply.status(201).send(await createRequest(ctx, me(request), input, publish ?? false, requestLang(request)));
  });
  app.get('/api/requests', { preHandler: customer, schema: { tags, summary: 'My requests, newest first', querystring: S.ListQuery } },
    async (request) => listMyRequests(ctx, me(request), request.query.status, requestLang(request)));
  app.get('/api/requests/:id', { preHandler: customer, schema: { tags, summary: 'One of my requests with its answers side by side', params: S.IdParams } },
    async (request) => getMyRequest(ctx, me(request), request.params.id, requestLang(request)));
  app.patch('/api/requests/:id', { preHandler: customer, schema: { tags, summary: 'Edit my draft', params: S.IdParams, body: S.PatchBody } },
    async (request) => updateDraft(ctx, me(request), request.params.id, request.body, requestLang(request)));
  app.post('/api/requests/:id/publish', { preHandler: customer, schema: { tags, summary: 'Publish my draft: coverage checked, the first round of workers invited', params: S.IdParams } },
    async (request) => publishRequest(ctx, me(request), request.params.id, requestLang(request)));
  app.post('/api/requests/:id/cancel', { preHandler: customer, schema: { tags, summary: 'Cancel my draft or open request; answering workers are told', params: S.IdParams } },
    async (request) => cancelRequest(ctx, me(request), request.params.id, requestLang(request)));

  app.get('/api/requests/:id/files/:fileId', { schema: { tags, summary: "A photo of a request: its customer, invited workers and admins with orders:read; a redirect to its short-lived signed link", params: S.FileParams } }, async (request, reply) => {
    const r = await q.findRequest(ctx.db, request.params.id);
    if (!r || !r.photo_file_ids.includes(request.params.fileId)) throw new AppError('NOT_FOUND');
    const user = await ctx.guards.user()(request, reply).then(() => request.user, () => null);
    const allowed = user ? user.id === r.customer_id || (r.status !== 'draft' && Boolean(await q.invitationOf(ctx.db, r.id, user.id))) : await ctx.guards.admin('orders:read')(request, reply).then(() => true, () => false);
    if (!allowed || !(await findFile(ctx.db, request.params.fileId))) throw new AppError('NOT_FOUND');
    return redirectToSignedFile(reply, ctx.config.appSecret, request.params.fileId);
  });

  app.get('/api/worker/requests', { preHandler: worker, schema: { tags, summary: 'Open requests I was invited to quote on (district and distance only), and those I answered lately' } },
    async (request) => listInvited(ctx, me(request), requestLang(request)));
  app.get('/api/worker/requests/:id', { preHandler: worker, schema: { tags, summary: 'A request I was invited to', params: S.IdParams } },
    async (request) => getInvited(ctx, me(request), request.params.id, requestLang(request)));
  app.put('/api/worker/requests/:id/answer', { preHandler: worker, schema: { tags, summary: '报价: my itemised answer (create or edit while the request is open)', params: S.IdParams, body: S.AnswerBody } },
    async (request) => answerRequest(ctx, me(request), request.params.id, request.body, requestLang(request)));
  app.delete('/api/worker/requests/:id/answer', { preHandler: worker, schema: { tags, summary: 'Withdraw my open answer', params: S.IdParams } }, async (request, reply) => {
    await withdrawAnswer(ctx, me(request), request.params.id);
    return reply.status(204).send();
  });

  const read = ctx.guards.admin('orders:read');
  const write = ctx.guards.admin('orders:write');
  const admin = (r: { admin?: { id: string; name: string } | null; ip: string }) => ({ id: r.admin!.id, name: r.admin!.name, ip: r.ip });
  app.get('/api/admin/requests', { preHandler: read, schema: { tags, summary: '需求单: published requests of the city with figures', querystring: S.AdminListQuery } },
    async (request) => adminListRequests(ctx, { status: request.query.status, page: request.query.page ?? 1, pageSize: request.query.pageSize ?? 20 }, requestLang(request)));
  app.get('/api/admin/requests/settings', { preHandler: read, schema: { tags, summary: 'How the city runs requests: expiry and invitation rounds' } },
    async () => requestSettings(ctx.db, ctx.config.cityCode));
  app.put('/api/admin/requests/settings', { preHandler: write, schema: { tags, summary: 'Change the request settings (audited)', body: S.SettingsBody } }, async (request) => {
    const before = await requestSettings(ctx.db, ctx.config.cityCode);
    const saved = await saveRequestSettings(ctx.db, ctx.config.cityCode, request.body);
    await writeAudit(ctx.db, { ...actor(request), action: 'requests.settings_changed', targetType: 'city', targetId: ctx.config.cityCode, detail: { before, after: saved } });
    return saved;
  });
  app.get('/api/admin/requests/:id', { preHandler: read, schema: { tags, summary: 'A request with its invitations (round, distance, score, explanation) and answers', params: S.IdParams } },
    async (request) => adminGetRequest(ctx, request.params.id, requestLang(request)));
  app.post('/api/admin/requests/:id/invite', { preHandler: write, schema: { tags, summary: '手动邀请: invite a qualified worker to quote (audited)', params: S.IdParams, body: S.InviteBody } },
    async (request) => inviteByHand(ctx, admin(request), request.params.id, request.body.workerId, requestLang(request)));

  function actor(r: { admin?: { id: string; name: string } | null; ip: string }) {
    return { actorKind: 'admin' as const, actorId: r.admin!.id, actorName: r.admin!.name, ip: r.ip };
  }
}
