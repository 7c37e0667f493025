import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Api, AppContext } from '../../platform/app-context.js';
import { listAudit } from '../../platform/audit.js';
import { retryAfterHeader } from '../../platform/limits.js';
import { clearSessionCookie, setSessionCookie, tokenFrom } from '../../platform/auth.js';
import { PageQuery, Page, pageOf } from '../../platform/paging.js';
import { listOutbox, presentOutbox } from '../../platform/providers/outbox.js';
import { resolveSession, revokeSession } from '../../platform/sessions.js';
import { AccountsSchemas, metaOf, searchAccounts } from '../accounts/index.js';
import * as S from './schema.js';
import { adminSignIn, createAdmin, listAdmins, updateAdmin } from './service.js';

const actorOf = (request: FastifyRequest) => ({ id: request.admin!.id, name: request.admin!.name, ip: request.ip });
const tags = ['admin'];

export async function adminRoutes(app: Api, ctx: AppContext) {
  const g = ctx.guards;
  const secure = ctx.config.publicUrl.startsWith('https://');

  app.post('/api/admin/auth/login', { onError: retryAfterHeader, schema: { tags, summary: 'Console sign-in (5 failures per username and address in 15 min lock that address out; 429 CONSOLE_SIGN_IN_LOCKED with Retry-After)', body: S.AdminLoginBody, response: { 200: S.AdminLoginReply } } }, async (request, reply) => {
    const r = await adminSignIn(ctx, request.body, metaOf(request));
    setSessionCookie(reply, 'admin', r.token, false, r.expiresAt, secure);
    return { admin: r.admin, token: r.token };
  });

  app.post('/api/admin/auth/logout', { schema: { tags } }, async (request, reply) => {
    const token = tokenFrom(request, 'admin');
    const session = token ? await resolveSession(ctx.db, token) : null;
    if (session?.principalKind === 'admin') await revokeSession(ctx.db, session.id);
    clearSessionCookie(reply, 'admin');
    return reply.status(204).send();
  });

  app.get('/api/admin/me', { preHandler: g.admin(), schema: { tags, response: { 200: S.AdminMe } } }, async (request) => {
    const a = await ctx.db.selectFrom('admin_accounts').select(['id', 'username', 'name', 'roles']).where('id', '=', request.admin!.id).executeTakeFirstOrThrow();
    return { ...a, permissions: request.admin!.permissions };
  });


  app.get('/api/admin/admins', { preHandler: g.admin('admins:manage'), schema: { tags, response: { 200: Type.Array(S.AdminView) } } }, async () => listAdmins(ctx));
  app.post('/api/admin/admins', { preHandler: g.admin('admins:manage'), schema: { tags, body: S.CreateAdminBody, response: { 201: S.AdminView } } },
    async (request, reply) => reply.status(201).send(await createAdmin(ctx, actorOf(request), request.body)));
  app.patch('/api/admin/admins/:id', { preHandler: g.admin('admins:manage'), schema: { tags, params: AccountsSchemas.IdParam, body: S.UpdateAdminBody, response: { 200: S.AdminView } } },
    async (request) => updateAdmin(ctx, actorOf(request), request.params.id, request.body));

  app.get('/api/admin/users', {
    preHandler: g.admin('users:read'),
    schema: { tags, querystring: Type.Intersect([PageQuery, Type.Object({ q: Type.Optional(Type.String({ maxLength: 50 })), role: Type.Optional(Type.Union([Type.Literal('customer'), Type.Literal('worker')])) })]), response: { 200: Page(S.UserRow) } },
  }, async (request) => searchAccounts(ctx, { q: request.query.q, role: request.query.role, ...pageOf(request.query) }));

  app.get('/api/admin/outbox', {
    preHandler: g.admin('outbox:read'),
    schema: { tags, summary: 'Messages sent through the local SMS / e-mail providers (recipients, codes and tokens masked; only the super admin of a development install sees them)', querystring: Type.Intersect([PageQuery, Type.Object({ channel: Type.Optional(Type.Union([Type.Literal('sms'), Type.Literal('email')])) })]), response: { 200: Page(S.OutboxRow) } },
  }, async (request) => {
    const r = await listOutbox(ctx.db, { channel: request.query.channel, ...pageOf(request.query) });
    const reveal = ctx.config.nodeEnv !== 'production' && request.admin!.roles.includes('super_admin');
    return { total: r.total, items: r.items.map((m) => presentOutbox(m, reveal)) };
  });

  app.get('/api/admin/audit', {
    preHandler: g.admin('audit:read'),
    schema: { tags, querystring: Type.Intersect([PageQuery, Type.Object({ action: Type.Optional(Type.String({ maxLength: 50 })) })]), response: { 200: Page(S.AuditRow) } },
  }, async (request) => {
    const r = await listAudit(ctx.db, { action: request.query.action, ...pageOf(request.query) });
    return {
      total: r.total,
      items: r.items.map((a) => ({ id: a.id, actorKind: a.actor_kind, actorId: a.actor_id, actorName: a.actor_name, action: a.action, targetType: a.target_type, targetId: a.target_id, ip: a.ip, detail: a.detail, createdAt: a.created_at.toISOString() })),
    };
  });
}
