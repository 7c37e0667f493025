import { Type } from 'typebox';
import type { Api, AppContext } from '../../platform/app-context.js';
import { writeAudit } from '../../platform/audit.js';
import { adminTrail, customerTracking, reportFix } from './service.js';
import { RETENTION_RANGE, saveTrackingSettings, trackingSettings } from './settings.js';

const Strict = { additionalProperties: false } as const;
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const FixBody = Type.Object({
  lat: Type.Number({ minimum: -90, maximum: 90 }),
  lng: Type.Number({ minimum: -180, maximum: 180 }),
  /** Metres (the browser's `coords.accuracy`). */
  accuracy: Type.Number({ minimum: 0, maximum: 100_000 }),
  recordedAt: Type.String({ format: 'date-time' }),
}, Strict);
const SettingsBody = Type.Object({ retentionDays: Type.Integer({ minimum: RETENTION_RANGE.min, maximum: RETENTION_RANGE.max }) }, Strict);

/** 位置轨迹: the worker's phone reports, the customer follows the worker on the way, operations read the trail. */
export async function trackingRoutes(app: Api, ctx: AppContext) {
  const tags = ['tracking'];

  app.post('/api/worker/orders/:id/location', {
    preHandler: ctx.guards.user('worker'),
    schema: { tags, summary: '上报位置: one fix of my order while 上门中 / 服务中 (idempotent on recordedAt; ≤ 6 new fixes a minute)', params: Id, body: FixBody },
  }, async (request, reply) => {
    const res = await reportFix(ctx.db, request.user!.id, request.params.id, request.body);
    return reply.status(res.created ? 201 : 200).send(res);
  });

  app.get('/api/orders/:id/tracking', {
    preHandler: ctx.guards.user('customer'),
    schema: { tags, summary: "The worker's live position and ETA while 上门中 (nothing once arrived or finished)", params: Id },
  }, async (request) => customerTracking(ctx.db, request.user!.id, request.params.id));

  app.get('/api/admin/orders/:id/trail', {
    preHandler: ctx.guards.admin('orders:read'),
    schema: { tags, summary: "An order's location trail with the address and check-in point (dispute and SOS desks; each view audited)", params: Id },
  }, async (request) => {
    const trail = await adminTrail(ctx.db, request.params.id, ctx.config.cityCode);
    await writeAudit(ctx.db, { actorKind: 'admin', actorId: request.admin!.id, actorName: request.admin!.name, action: 'tracking.trail_viewed', targetType: 'order', targetId: trail.orderId, ip: request.ip, detail: { points: trail.points.length } });
    return trail;
  });

  app.get('/api/admin/tracking/settings', { preHandler: ctx.guards.admin('orders:read'), schema: { tags, summary: 'How many days location trails are kept (this city)' } },
    async () => trackingSettings(ctx.db, ctx.config.cityCode));
  app.put('/api/admin/tracking/settings', { preHandler: ctx.guards.admin('orders:write'), schema: { tags, summary: 'Set the trail retention, 1–365 days (audited)', body: SettingsBody } }, async (request) => {
    const before = await trackingSettings(ctx.db, ctx.config.cityCode);
    const saved = await saveTrackingSettings(ctx.db, ctx.config.cityCode, request.body);
    await writeAudit(ctx.db, { actorKind: 'admin', actorId: request.admin!.id, actorName: request.admin!.name, action: 'tracking.settings_changed', targetType: 'city', targetId: ctx.config.cityCode, ip: request.ip, detail: { from: before.retentionDays, to: saved.retentionDays } });
    return saved;
  });
}
