import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Api, AppContext } from '../../platform/app-context.js';
import { AppError } from '../../platform/errors.js';
import { topics } from '../../platform/events.js';
import { requestLang as langOf } from '../../platform/http-errors.js';
import { pageOf } from '../../platform/paging.js';
import { getPreferences, listNotifications, markRead, openNotification, setPreferences, unreadCount, type Reader } from './notify-service.js';

const Strict = { additionalProperties: false } as const;
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Audience = Type.Union([Type.Literal('customer'), Type.Literal('worker')]);
const Page = { page: Type.Optional(Type.Integer({ minimum: 1 })), pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })) };
const ReadBody = Type.Object({ ids: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 200 })) }, Strict);
const KEEPALIVE_MS = 20_000;

/**
 * Streams the reader's events as Server-Sent Events: first everything after `Last-Event-ID` (the browser sends it
 * when it reconnects), then live ones; a fresh stream starts with a `ready` event carrying the current position.
 */
async function stream(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, topicList: string[]) {
  const header = request.headers['last-event-id'];
  const query = (request.query as { lastEventId?: number }).lastEventId;
  const after = Number(Array.isArray(header) ? header[0] : header ?? query);
  const resume = Number.isSafeInteger(after) && after >= 0 ? after : null;
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
  res.write(`retry: 3000\n\n`);
  if (resume === null) res.write(`id: ${ctx.events.position}\nevent: ready\ndata: {}\n\n`);
  const sub = await ctx.events.subscribe(topicList, resume, (e) => res.write(`id: ${e.id}\nevent: ${e.type}\ndata: ${JSON.stringify({ ...e.data, at: e.createdAt })}\n\n`), () => res.end());
  const ping = setInterval(() => res.write(': ping\n\n'), KEEPALIVE_MS);
  request.raw.on('close', () => {
    clearInterval(ping);
    sub.close();
  });
}

/** 消息中心 for the three portals, notification settings, and the real-time event streams. */
export async function messagingRoutes(app: Api, ctx: AppContext) {
  const tags = ['messaging'];
  const user = ctx.guards.user();
  const admin = ctx.guards.admin();
  const asUser = (request: FastifyRequest, audience: 'customer' | 'worker'): Reader => {
    if (!request.user!.roles.includes(audience)) throw new AppError('FORBIDDEN');
    return { kind: 'user', id: request.user!.id, audience };
  };
  const asAdmin = (request: FastifyRequest): Reader => ({ kind: 'admin', id: request.admin!.id });

  app.get('/api/events/stream', { preHandler: user, schema: { tags, summary: 'My live events (text/event-stream); resumes after Last-Event-ID', querystring: Type.Object({ lastEventId: Type.Optional(Type.Integer({ minimum: 0 })) }) } },
    (request, reply) => stream(ctx, request, reply, [topics.user(request.user!.id)]));
  app.get('/api/admin/events/stream', { preHandler: admin, schema: { tags, summary: 'The admin\'s live events (text/event-stream), including those of their permissions', querystring: Type.Object({ lastEventId: Type.Optional(Type.Integer({ minimum: 0 })) }) } },
    (request, reply) => stream(ctx, request, reply, [topics.admin(request.admin!.id), ...request.admin!.permissions.map(topics.permission)]));

  app.get('/api/notifications', { preHandler: user, schema: { tags, summary: 'My notifications for one portal, newest first, with the unread count', querystring: Type.Object({ audience: Audience, unread: Type.Optional(Type.Boolean()), ...Page }) } },
    async (request) => listNotifications(ctx.db, asUser(request, request.query.audience), { ...pageOf(request.query), unread: request.query.unread, lang: langOf(request) }));
  app.get('/api/notifications/unread-count', { preHandler: user, schema: { tags, summary: 'The badge', querystring: Type.Object({ audience: Audience }) } },
    async (request) => ({ unread: await unreadCount(ctx.db, asUser(request, request.query.audience)) }));
  app.get('/api/notifications/:id', { preHandler: user, schema: { tags, summary: 'One of my notifications (marked read)', params: Id, querystring: Type.Object({ audience: Audience }) } },
    async (request) => openNotification(ctx.db, asUser(request, request.query.audience), request.params.id, langOf(request)));
  app.post('/api/notifications/read', { preHandler: user, schema: { tags, summary: 'Mark some (ids) or all of my notifications read', querystring: Type.Object({ audience: Audience }), body: ReadBody } },
    async (request) => markRead(ctx.db, asUser(request, request.query.audience), request.body.ids));
  app.get('/api/me/notification-settings', { preHandler: user, schema: { tags, summary: 'SMS / e-mail per category; quiet hours' } }, async (request) => getPreferences(ctx.db, request.user!.id));
  app.put('/api/me/notification-settings', { preHandler: user, schema: { tags, summary: 'Switch SMS / e-mail per category (in-app and safety messages cannot be switched off)', body: Type.Object({ categories: Type.Array(Type.Object({ category: Type.String({ maxLength: 20 }), sms: Type.Optional(Type.Boolean()), email: Type.Optional(Type.Boolean()) }, Strict), { minItems: 1, maxItems: 20 }) }, Strict) } },
    async (request) => setPreferences(ctx.db, request.user!.id, request.body.categories));

  app.get('/api/admin/notifications', { preHandler: admin, schema: { tags, summary: 'My console notifications', querystring: Type.Object({ unread: Type.Optional(Type.Boolean()), ...Page }) } },
    async (request) => listNotifications(ctx.db, asAdmin(request), { ...pageOf(request.query), unread: request.query.unread, lang: langOf(request) }));
  app.get('/api/admin/notifications/:id', { preHandler: admin, schema: { tags, params: Id } }, async (request) => openNotification(ctx.db, asAdmin(request), request.params.id, langOf(request)));
  app.post('/api/admin/notifications/read', { preHandler: admin, schema: { tags, body: ReadBody } }, async (request) => markRead(ctx.db, asAdmin(request), request.body.ids));
}
