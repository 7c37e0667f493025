import type { Api, AppContext } from '../../platform/app-context.js';
import { writeAudit } from '../../platform/audit.js';
import { idempotent } from '../../platform/idempotency.js';
import { pageOf } from '../../platform/paging.js';
import { adminCancel, adminSlots, arbitrateOrder, assignOrder, disputeOrder, forceOrder, forStaff, getAdminOrder, listAdminOrders } from './admin-service.js';
import { decideReschedule, listReschedules } from './reschedule-service.js';
import * as S from './schema.js';
import { loadSettings, saveSettings, type BookingSettings } from './settings.js';

/** The console's order desk; every action is audited. */
export async function bookingAdminRoutes(app: Api, ctx: AppContext) {
  const tags = ['admin-orders'];
  const read = ctx.guards.admin('orders:read');
  const write = ctx.guards.admin('orders:write');
  const book = ctx.guards.admin('orders:book');
  const actor = (r: { admin?: { id: string; name: string }; ip: string }) => ({ id: r.admin!.id, name: r.admin!.name, ip: r.ip });

  app.get('/api/admin/orders', { preHandler: read, schema: { tags, summary: 'Orders with filters and anomalies (unpaid, unassigned close to start, late, over-running)', querystring: S.AdminOrdersQuery } },
    async (request) => listAdminOrders(ctx, { ...request.query, ...pageOf(request.query) }));
  app.get('/api/admin/orders/:id', { preHandler: read, schema: { tags, params: S.OrderId } },
    async (request) => forStaff(await getAdminOrder(ctx, request.params.id), request.admin!.permissions));
  app.post('/api/admin/orders/:id/assign', { preHandler: write, schema: { tags, summary: 'Manual assignment (same checks as accepting)', params: S.OrderId, body: S.AssignBody } },
    async (request) => assignOrder(ctx, actor(request), request.params.id, request.body.workerId, request.body.reason));
  app.post('/api/admin/orders/:id/cancel', { preHandler: write, schema: { tags, summary: 'Cancel (cause platform: free; customer: by the policy)', params: S.OrderId, body: S.AdminCancelBody } },
    async (request) => adminCancel(ctx, actor(request), request.params.id, request.body.reason, request.body.cause ?? 'platform'));
  app.post('/api/admin/orders/:id/dispute', { preHandler: write, schema: { tags, summary: '介入: open a dispute on the order (audited)', params: S.OrderId, body: S.ReasonBody } },
    async (request) => disputeOrder(ctx, actor(request), request.params.id, request.body.reason));
  app.post('/api/admin/orders/:id/arbitrate', { preHandler: write, schema: { tags, summary: '仲裁: a disputed order ends completed, or refunded in full or in part (money moves; audited; Idempotency-Key honoured)', params: S.OrderId, body: S.ArbitrateBody } },
    async (request, reply) => idempotent(ctx.db, request, reply, `admin:${request.admin!.id}`, async () => ({ status: 200, body: await arbitrateOrder(ctx, actor(request), request.params.id, request.body.outcome, request.body.reason, request.body.refundFen) })));
  app.post('/api/admin/orders/:id/force', { preHandler: write, schema: { tags, summary: 'Force a status with a reason (no money or schedule moves)', params: S.OrderId, body: S.ForceBody } },
    async (request) => forceOrder(ctx, actor(request), request.params.id, request.body.target, request.body.reason));
  app.get('/api/admin/reschedules', { preHandler: read, schema: { tags, querystring: S.ReschedulesQuery } },
    async (request) => listReschedules(ctx, request.query.status ?? 'pending_ops'));
  app.post('/api/admin/reschedules/:id/decision', { preHandler: write, schema: { tags, summary: "Approve or reject a worker's reschedule request", params: S.OrderId, body: S.DecisionBody } },
    async (request, reply) => {
      await decideReschedule(ctx, request.params.id, { as: 'ops', admin: actor(request) }, request.body.approve, request.body.note ?? '');
      return reply.status(204).send();
    });
  app.get('/api/admin/booking/slots', { preHandler: book, schema: { tags, summary: 'Free times in a district for booking on behalf of a caller', querystring: S.AdminSlotsQuery } },
    async (request) => adminSlots(ctx, request.query));
  app.get('/api/admin/booking/settings', { preHandler: read, schema: { tags } },
    async () => loadSettings(ctx.db, ctx.config.cityCode));
  app.put('/api/admin/booking/settings', { preHandler: write, schema: { tags, body: S.SettingsBody } },
    async (request) => {
      const saved = await saveSettings(ctx.db, ctx.config.cityCode, { ...(await loadSettings(ctx.db, ctx.config.cityCode)), ...request.body } as BookingSettings);
      const a = actor(request);
      await writeAudit(ctx.db, { actorKind: 'admin', actorId: a.id, actorName: a.name, action: 'booking.settings_changed', targetType: 'city', targetId: ctx.config.cityCode, ip: a.ip, detail: { ...saved } });
      return saved;
    });
}
