import { Type } from 'typebox';
import type { Api, AppContext } from '../../platform/app-context.js';
import { writeAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { handleIncident, listIncidents, myIncidents, raiseSos } from './service.js';

const Strict = { additionalProperties: false } as const;
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Role = Type.Union([Type.Literal('customer'), Type.Literal('worker')]);

/** 一键求助 for customers and workers; the incident desk for operations (orders:write). */
export async function safetyRoutes(app: Api, ctx: AppContext) {
  const tags = ['safety'];
  const user = ctx.guards.user();
  app.post('/api/sos', { preHandler: user, schema: { tags, summary: 'SOS: alert operations and my emergency contact (pressing again returns the open incident)', querystring: Type.Object({ audience: Role }),
    body: Type.Object({ orderId: Type.Optional(Type.String({ format: 'uuid' })), lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })), lng: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })), note: Type.Optional(Type.String({ maxLength: 300 })) }, Strict) } },
  async (request, reply) => {
    const role = request.query.audience;
    if (!request.user!.roles.includes(role)) throw new AppError('FORBIDDEN');
    if ((request.body.lat === undefined) !== (request.body.lng === undefined)) {
      throw new AppError('VALIDATION_FAILED', {}, [{ field: 'lng', code: 'required', message: { zh: '经纬度须同时提供', en: 'lat and lng go together' } }]);
    }
    const incident = await ctx.db.transaction().execute((trx) => raiseSos(trx, request.user!, role, request.body));
    return reply.status(incident.repeated ? 200 : 201).send(incident);
  });
  app.get('/api/sos', { preHandler: user, schema: { tags, summary: 'My SOS incidents and their state' } }, async (request) => myIncidents(ctx.db, request.user!.id));

  const desk = ctx.guards.admin('orders:write');
  app.get('/api/admin/incidents', { preHandler: ctx.guards.admin('orders:read'), schema: { tags, summary: 'SOS incidents (status=open: waiting)', querystring: Type.Object({ status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('acknowledged'), Type.Literal('resolved')])) }) } },
    async (request) => listIncidents(ctx.db, request.query.status));
  for (const step of ['acknowledge', 'resolve'] as const) {
    app.post(`/api/admin/incidents/:id/${step}`, { preHandler: desk, schema: { tags, summary: `${step} an incident (audited)`, params: Id, body: step === 'resolve' ? Type.Object({ resolution: Type.String({ minLength: 1, maxLength: 500 }) }, Strict) : Type.Object({}, Strict) } }, async (request) => {
      const incident = await ctx.db.transaction().execute((trx) => handleIncident(trx, request.admin!, request.params.id, step, (request.body as { resolution?: string }).resolution));
      await writeAudit(ctx.db, { actorKind: 'admin', actorId: request.admin!.id, actorName: request.admin!.name, action: `incident.${step}`, targetType: 'incident', targetId: incident.id, ip: request.ip, detail: request.body as Record<string, unknown> });
      return incident;
    });
  }
}
