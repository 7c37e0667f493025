import { Type } from 'typebox';
import type { Api, AppContext } from '../../platform/app-context.js';
import { writeAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { requestLang } from '../../platform/http-errors.js';
import { districtNames, summaryOf } from '../booking/index.js';
import { assignmentCandidates } from './assignment.js';
import { orderHall } from './hall-service.js';
import { decisionsOf, queueReasonText } from './service.js';
import { listDispatchSettings, saveDispatchSettings } from './settings.js';

const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Weights = Type.Object(Object.fromEntries(['proximity', 'rating', 'onTime', 'completion', 'regular', 'badges', 'fairness', 'newcomer', 'acceptance']
  .map((k) => [k, Type.Optional(Type.Number({ minimum: 0, maximum: 10 }))])), { additionalProperties: false });
const SettingsBody = Type.Object({
  mode: Type.Optional(Type.Union([Type.Literal('grab'), Type.Literal('assign')])), topK: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
  grabWindowSeconds: Type.Optional(Type.Integer({ minimum: 10, maximum: 3600 })), acceptTimeoutSeconds: Type.Optional(Type.Integer({ minimum: 10, maximum: 7200 })),
  maxAssignRounds: Type.Optional(Type.Integer({ minimum: 0, maximum: 20 })), candidatePool: Type.Optional(Type.Integer({ minimum: 10, maximum: 2000 })), weights: Type.Optional(Weights),
}, { additionalProperties: false });

/** Worker order hall, the console's dispatch queue, decisions and per-category settings. */
export async function dispatchRoutes(app: Api, ctx: AppContext) {
  app.get('/api/admin/orders/:id/candidates', { preHandler: ctx.guards.admin('orders:write'), schema: { tags: ['admin-orders'], summary: 'Workers who may legally take the order now', params: Type.Object({ id: Type.String({ format: 'uuid' }) }) } },
    async (request) => assignmentCandidates(ctx, request.params.id));
  const tags = ['dispatch'];
  app.get('/api/worker/hall', { preHandler: ctx.guards.user('worker'), schema: { tags, summary: '抢单大厅: open offers I am free for, best fit first, with distance and pay' } },
    async (request) => orderHall(ctx, request.user!.id));

  app.get('/api/admin/dispatch/queue', { preHandler: ctx.guards.admin('orders:read'), schema: { tags, summary: 'Paid orders nobody took: the operations queue (oldest first)' } }, async (request) => {
    const rows = await ctx.db.selectFrom('dispatch_queue as q').innerJoin('orders as o', 'o.id', 'q.order_id').selectAll('o').select(['q.reason', 'q.queued_at'])
      .where('q.resolved_at', 'is', null).where('o.status', '=', 'paid').orderBy('q.queued_at').limit(200).execute();
    const districts = await districtNames(ctx.db);
    const lang = requestLang(request);
    return rows.map((r) => ({ ...summaryOf(r, districts), reasonCode: r.reason.split(':')[0], reason: queueReasonText(r.reason, lang), queuedAt: r.queued_at.toISOString() }));
  });
  app.get('/api/admin/orders/:id/dispatch', { preHandler: ctx.guards.admin('orders:read'), schema: { tags, summary: 'Every dispatch round: who was offered it and why, who was not and why', params: Id } }, async (request) => {
    const exists = await ctx.db.selectFrom('orders').select('id').where('id', '=', request.params.id).executeTakeFirst();
    if (!exists) throw new AppError('NOT_FOUND');
    return decisionsOf(ctx.db, request.params.id);
  });
  app.get('/api/admin/dispatch/settings', { preHandler: ctx.guards.admin('orders:read'), schema: { tags } }, async () => listDispatchSettings(ctx.db, ctx.config.cityCode));
  app.put('/api/admin/dispatch/settings/:categoryCode', {
    preHandler: ctx.guards.admin('orders:write'),
    schema: { tags, summary: 'Mode, K, windows, rounds and weights for a category (`*` = the city default)', params: Type.Object({ categoryCode: Type.String({ minLength: 1, maxLength: 60 }) }), body: SettingsBody },
  }, async (request) => {
    const saved = await saveDispatchSettings(ctx.db, ctx.config.cityCode, request.params.categoryCode, request.body);
    await writeAudit(ctx.db, { actorKind: 'admin', actorId: request.admin!.id, actorName: request.admin!.name, action: 'dispatch.settings_changed', targetType: 'category', targetId: request.params.categoryCode, ip: request.ip, detail: { ...request.body } });
    return saved;
  });
}
