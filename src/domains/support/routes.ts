import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Api, AppContext } from '../../platform/app-context.js';
import { AppError } from '../../platform/errors.js';
import { requestLang as langOf } from '../../platform/http-errors.js';
import { idempotent } from '../../platform/idempotency.js';
import { writeAudit } from '../../platform/audit.js';
import { chatForSupport, chatOf, markChatRead, sendChat, type ChatRole } from './chat-service.js';
import { consultationOf, markConsultationRead, myConsultations, openConsultation, sendConsultation, setConsultationStatus } from './consultation-service.js';
import { orderFileRoute } from './order-files.js';
import { CHAT_RETENTION_RANGE, saveSupportSettings, supportSettings } from './chat-retention.js';
import { answerTicket, deskTicket, deskTickets, helpCentre, myTickets, openTicket, replyAsUser, ticketOfUser } from './support-service.js';

const Strict = { additionalProperties: false } as const;
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Audience = Type.Union([Type.Literal('customer'), Type.Literal('worker')]);
const ChatBody = Type.Union([
  Type.Object({ kind: Type.Literal('text'), body: Type.String({ maxLength: 4000 }) }, Strict),
  Type.Object({ kind: Type.Literal('quick'), code: Type.String({ maxLength: 40 }) }, Strict),
  Type.Object({ kind: Type.Literal('image'), fileId: Type.String({ format: 'uuid' }) }, Strict),
]);
/** A chat or support message is small: anything bigger is refused before it is read (413). */
const MESSAGE_BODY_LIMIT = 16 * 1024;
const TicketBody = Type.Object({ subject: Type.String({ minLength: 1, maxLength: 80 }), body: Type.String({ maxLength: 4000 }), orderId: Type.Optional(Type.String({ format: 'uuid' })) }, Strict);
const ReplyBody = Type.Object({ body: Type.String({ maxLength: 4000 }) }, Strict);

/** 私信 per order, the order's photos, 帮助中心 and 客服工单. */
export async function supportRoutes(app: Api, ctx: AppContext) {
  const tags = ['messaging'];
  const user = ctx.guards.user();
  const asUser = (request: FastifyRequest, audience: 'customer' | 'worker') => {
    if (!request.user!.roles.includes(audience)) throw new AppError('FORBIDDEN');
    return { id: request.user!.id };
  };
  await orderFileRoute(app, ctx);

  // 私信 per order: the customer under /api/orders, the worker under /api/worker/orders.
  for (const [prefix, role] of [['/api/orders', 'customer'], ['/api/worker/orders', 'worker']] as [string, ChatRole][]) {
    const guard = ctx.guards.user(role);
    app.get(`${prefix}/:id/chat`, { preHandler: guard, schema: { tags, summary: `The order's conversation (${role}); \`after\` = only newer messages`, params: Id, querystring: Type.Object({ after: Type.Optional(Type.String({ format: 'date-time' })) }) } },
      async (request) => chatOf(ctx.db, request.params.id, request.user!.id, role, request.query.after));
    app.post(`${prefix}/:id/chat`, { preHandler: guard, bodyLimit: MESSAGE_BODY_LIMIT, schema: { tags, summary: `Send a text, quick reply or photo (${role}); contacts are masked; 20 per minute`, params: Id, body: ChatBody } },
      async (request, reply) => reply.status(201).send(await ctx.db.transaction().execute((trx) => sendChat(trx, request.params.id, request.user!.id, role, request.body))));
    app.post(`${prefix}/:id/chat/read`, { preHandler: guard, schema: { tags, summary: 'Mark the conversation read', params: Id } },
      async (request) => markChatRead(ctx.db, request.params.id, request.user!.id, role));
  }
  // 售前咨询 before booking: the customer under /api/consultations, the worker under /api/worker/consultations.
  const customer = ctx.guards.user('customer');
  app.post('/api/consultations', { preHandler: customer, schema: { tags, summary: '咨询: my conversation with a worker (started when new; 201 then, 200 when it exists); 20 new workers a day', body: Type.Object({ workerId: Type.String({ format: 'uuid' }) }, Strict) } },
    async (request, reply) => {
      const c = await ctx.db.transaction().execute((trx) => openConsultation(ctx, trx, request.user!.id, request.body.workerId));
      return reply.status(c.created ? 201 : 200).send(c);
    });
  for (const [prefix, role] of [['/api/consultations', 'customer'], ['/api/worker/consultations', 'worker']] as [string, ChatRole][]) {
    const guard = ctx.guards.user(role);
    app.get(prefix, { preHandler: guard, schema: { tags, summary: `My pre-booking consultations (${role}), latest first, with unread counts` } },
      async (request) => myConsultations(ctx.db, request.user!.id, role));
    app.get(`${prefix}/:id`, { preHandler: guard, schema: { tags, summary: `A consultation (${role}); \`after\` = only newer messages`, params: Id, querystring: Type.Object({ after: Type.Optional(Type.String({ format: 'date-time' })) }) } },
      async (request) => consultationOf(ctx.db, request.params.id, request.user!.id, role, request.query.after));
    app.post(`${prefix}/:id/messages`, { preHandler: guard, bodyLimit: MESSAGE_BODY_LIMIT, schema: { tags, summary: `Send a text (${role}); contacts masked; rate-limited; Idempotency-Key honoured`, params: Id, body: ReplyBody } },
      async (request, reply) => idempotent(ctx.db, request, reply, request.user!.id, async () => ({
        status: 201, body: await ctx.db.transaction().execute((trx) => sendConsultation(trx, request.params.id, request.user!.id, role, request.body.body)),
      })));
    app.post(`${prefix}/:id/read`, { preHandler: guard, schema: { tags, summary: 'Mark the consultation read', params: Id } },
      async (request) => markConsultationRead(ctx.db, request.params.id, request.user!.id, role));
  }
  const worker = ctx.guards.user('worker');
  for (const [action, status] of [['decline', 'declined'], ['reopen', 'open']] as const) {
    app.post(`/api/worker/consultations/:id/${action}`, { preHandler: worker, schema: { tags, summary: action === 'decline' ? 'Stop this customer\'s further messages' : 'Accept this customer\'s messages again', params: Id } },
      async (request) => ctx.db.transaction().execute((trx) => setConsultationStatus(trx, request.params.id, request.user!.id, status)));
  }

  app.get('/api/admin/orders/:id/chat', { preHandler: ctx.guards.admin('orders:read'), schema: { tags, summary: 'An order\'s conversation, for support and disputes', params: Id } },
    async (request) => chatForSupport(ctx.db, request.params.id));

  // 帮助中心 and 客服工单.
  app.get('/api/help', { schema: { tags, summary: 'Help centre questions for a portal', querystring: Type.Object({ audience: Audience, q: Type.Optional(Type.String({ maxLength: 40 })) }) } },
    async (request) => helpCentre(ctx.db, request.query.audience, langOf(request), request.query.q));
  app.get('/api/support/tickets', { preHandler: user, schema: { tags, summary: 'My support tickets', querystring: Type.Object({ audience: Audience }) } },
    async (request) => myTickets(ctx.db, asUser(request, request.query.audience).id, request.query.audience));
  app.post('/api/support/tickets', { preHandler: user, bodyLimit: MESSAGE_BODY_LIMIT, schema: { tags, summary: '联系客服: open a ticket (optionally about one of my orders)', querystring: Type.Object({ audience: Audience }), body: TicketBody } },
    async (request, reply) => reply.status(201).send(await ctx.db.transaction().execute((trx) => openTicket(trx, asUser(request, request.query.audience).id, request.query.audience, request.body))));
  app.get('/api/support/tickets/:id', { preHandler: user, schema: { tags, params: Id } }, async (request) => ticketOfUser(ctx.db, request.user!.id, request.params.id));
  app.post('/api/support/tickets/:id/messages', { preHandler: user, bodyLimit: MESSAGE_BODY_LIMIT, schema: { tags, summary: 'Add to my ticket', params: Id, body: ReplyBody } },
    async (request) => ctx.db.transaction().execute((trx) => replyAsUser(trx, request.user!.id, request.params.id, request.body.body)));
  const desk = ctx.guards.admin('support:answer');
  app.get('/api/admin/support/tickets', { preHandler: desk, schema: { tags, summary: 'Support desk: tickets by status', querystring: Type.Object({ status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('answered'), Type.Literal('closed')])) }) } },
    async (request) => deskTickets(ctx.db, request.query.status));
  app.get('/api/admin/support/tickets/:id', { preHandler: desk, schema: { tags, params: Id } }, async (request) => deskTicket(ctx.db, request.params.id));
  app.post('/api/admin/support/tickets/:id/answer', { preHandler: desk, bodyLimit: MESSAGE_BODY_LIMIT, schema: { tags, summary: 'Answer and / or close a ticket (the user is notified)', params: Id, body: Type.Object({ body: Type.Optional(Type.String({ maxLength: 4000 })), close: Type.Optional(Type.Boolean()) }, Strict) } },
    async (request) => ctx.db.transaction().execute((trx) => answerTicket(trx, request.admin!, request.params.id, request.body)));


  app.get('/api/admin/support/settings', { preHandler: ctx.guards.admin('orders:read'), schema: { tags, summary: 'How many days photos sent in order chats are kept (this city)' } },
    async () => supportSettings(ctx.db, ctx.config.cityCode));
  app.put('/api/admin/support/settings', {
    preHandler: ctx.guards.admin('orders:write'),
    schema: { tags, summary: 'Set the chat photo retention, 7–3650 days (audited)', body: Type.Object({ chatImageRetentionDays: Type.Integer({ minimum: CHAT_RETENTION_RANGE.min, maximum: CHAT_RETENTION_RANGE.max }) }, { additionalProperties: false }) },
  }, async (request) => {
    const before = await supportSettings(ctx.db, ctx.config.cityCode);
    const saved = await saveSupportSettings(ctx.db, ctx.config.cityCode, request.body);
    await writeAudit(ctx.db, { actorKind: 'admin', actorId: request.admin!.id, actorName: request.admin!.name, action: 'support.settings_changed', targetType: 'city', targetId: ctx.config.cityCode, ip: request.ip, detail: { from: before.chatImageRetentionDays, to: saved.chatImageRetentionDays } });
    return saved;
  });
}
