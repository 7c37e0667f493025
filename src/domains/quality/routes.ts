import { Type } from 'typebox';
import type { Api, AppContext } from '../../platform/app-context.js';
import { writeAudit } from '../../platform/audit.js';
import { COMPLAINT_CATEGORIES } from '../complaints/index.js';
import { complaintFromSample, drawWeek, qaPassRates, recordResult, revealCustomerPhone, weekSamples } from './service.js';
import { qaRateBp, saveQaRateBp } from './settings.js';

const Strict = { additionalProperties: false } as const;
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Week = Type.String({ minLength: 10, maxLength: 10 });
const Score = Type.Integer({ minimum: 1, maximum: 5 });
const ResultBody = Type.Object({
  outcome: Type.Union([Type.Literal('pass'), Type.Literal('issue'), Type.Literal('unreachable')]),
  onTime: Type.Optional(Type.Boolean()), asDescribed: Type.Optional(Type.Boolean()), attitude: Type.Optional(Score),
  extraCharges: Type.Optional(Type.Boolean()), satisfaction: Type.Optional(Score), notes: Type.Optional(Type.String({ maxLength: 500 })),
}, Strict);

/** 抽检回访: the console's weekly samples, the call results, the sampling rate; the public QA pass rate of a worker. */
export async function qualityRoutes(app: Api, ctx: AppContext) {
  const tags = ['quality'];
  const admin = (r: { admin?: { id: string; name: string } | null; ip: string }) => ({ id: r.admin!.id, name: r.admin!.name, ip: r.ip });

  app.get('/api/workers/:id/quality', { preHandler: ctx.guards.user(), schema: { tags, summary: "A worker's QA pass rate (抽检合格率: passed / (passed + issue), unreachable calls left out), with the counts", params: Id } },
    async (request) => {
      const r = (await qaPassRates(ctx.db, [request.params.id])).get(request.params.id)!;
      return { workerId: request.params.id, ...r };
    });

  app.get('/api/admin/quality/samples', { preHandler: ctx.guards.admin('orders:read'), schema: { tags, summary: "A week's samples (default: last week) with the draw, counts per outcome, masked customer phones", querystring: Type.Object({ week: Type.Optional(Week) }) } },
    async (request) => weekSamples(ctx, request.query.week));
  app.post('/api/admin/quality/draws', { preHandler: ctx.guards.admin('orders:write'), schema: { tags, summary: 'Draw the sample of an ended week now (once per week: a second draw returns the first); audited', body: Type.Object({ week: Week }, Strict) } },
    async (request) => {
      const a = admin(request);
      const result = await drawWeek(ctx.db, ctx.config.cityCode, request.body.week, a.name);
      if (result.created) await writeAudit(ctx.db, { actorKind: 'admin', actorId: a.id, actorName: a.name, action: 'qa.sample_drawn', targetType: 'city', targetId: ctx.config.cityCode, ip: a.ip, detail: { ...result } });
      return result;
    });
  app.post('/api/admin/quality/samples/:id/reveal-phone', { preHandler: ctx.guards.admin('support:answer'), schema: { tags, summary: "The customer's full phone number for the call (audited)", params: Id } },
    async (request) => revealCustomerPhone(ctx, admin(request), request.params.id));
  app.post('/api/admin/quality/samples/:id/result', { preHandler: ctx.guards.admin('support:answer'), schema: { tags, summary: 'Record the call: questionnaire and outcome pass / issue / unreachable (unreachable may be called again); audited', params: Id, body: ResultBody } },
    async (request) => recordResult(ctx, admin(request), request.params.id, request.body));
  app.post('/api/admin/quality/samples/:id/complaint', { preHandler: ctx.guards.admin('support:answer'), schema: { tags, summary: "转投诉: open a complaint (source 'qa') about the worker from a failed sample, once; audited", params: Id,
    body: Type.Object({ category: Type.Union(COMPLAINT_CATEGORIES.map((c) => Type.Literal(c))), description: Type.String({ minLength: 1, maxLength: 1000 }) }, Strict) } },
  async (request, reply) => reply.status(201).send(await complaintFromSample(ctx, admin(request), request.params.id, request.body)));
  app.get('/api/admin/quality/settings', { preHandler: ctx.guards.admin('orders:read'), schema: { tags, summary: 'The sampling rate (basis points, 1000 = 10 %)' } },
    async () => ({ rateBp: await qaRateBp(ctx.db, ctx.config.cityCode) }));
  app.put('/api/admin/quality/settings', { preHandler: ctx.guards.admin('orders:write'), schema: { tags, summary: 'Change the sampling rate (audited)', body: Type.Object({ rateBp: Type.Integer() }, Strict) } },
    async (request) => {
      const rateBp = await saveQaRateBp(ctx.db, ctx.config.cityCode, request.body.rateBp);
      const a = admin(request);
      await writeAudit(ctx.db, { actorKind: 'admin', actorId: a.id, actorName: a.name, action: 'qa.settings_changed', targetType: 'city', targetId: ctx.config.cityCode, ip: a.ip, detail: { rateBp } });
      return { rateBp };
    });
}
