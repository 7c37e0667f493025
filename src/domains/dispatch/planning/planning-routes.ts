import { Type } from 'typebox';
import type { Api, AppContext } from '../../../platform/app-context.js';
import { applyPlan, createPlan, discardPlan, getPlan, listPlans } from './planning-service.js';
import { workerRoute } from './worker-route.js';

const Strict = { additionalProperties: false } as const;
const LocalDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const PlanId = Type.Object({ id: Type.String({ format: 'uuid' }) });
const CreatePlanBody = Type.Object({ date: Type.Optional(LocalDate), categoryCode: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })) }, Strict);
const PlansQuery = Type.Object({ date: Type.Optional(LocalDate) });
const RouteQuery = Type.Object({ date: LocalDate });
const Empty = Type.Object({}, Strict);

/** Day planning in the console (orders:write) and the worker's route for a day. */
export async function dispatchPlanningRoutes(app: Api, ctx: AppContext) {
  const tags = ['dispatch-planning'];
  const write = ctx.guards.admin('orders:write');
  const actor = (r: { admin?: { id: string; name: string }; ip: string }) => ({ id: r.admin!.id, name: r.admin!.name, ip: r.ip });

  app.post('/api/admin/dispatch/plans', {
    preHandler: write,
    schema: { tags, summary: "Propose routes for a day's paid, unassigned orders (VRPTW: least travel under time windows, skills, working hours); default tomorrow", body: CreatePlanBody },
  }, async (request, reply) => reply.status(201).send(await createPlan(ctx, actor(request), request.body)));
  app.get('/api/admin/dispatch/plans', { preHandler: write, schema: { tags, summary: 'Plans of a local day (newest first), without their routes', querystring: PlansQuery } },
    async (request) => listPlans(ctx, request.query.date));
  app.get('/api/admin/dispatch/plans/:id', { preHandler: write, schema: { tags, summary: 'A plan: routes with the ETA chain, totals, unassigned orders with reasons, apply results', params: PlanId } },
    async (request) => getPlan(ctx, request.params.id));
  app.post('/api/admin/dispatch/plans/:id/apply', {
    preHandler: write,
    schema: { tags, summary: 'Assign every planned order to its worker (one transaction per order; conflicts reported per order)', params: PlanId, body: Type.Optional(Empty) },
  }, async (request) => applyPlan(ctx, actor(request), request.params.id));
  app.post('/api/admin/dispatch/plans/:id/discard', { preHandler: write, schema: { tags, summary: 'Discard a proposed plan', params: PlanId, body: Type.Optional(Empty) } },
    async (request) => discardPlan(ctx, actor(request), request.params.id));

  app.get('/api/worker/route', { preHandler: ctx.guards.user('worker'), schema: { tags: ['worker-orders'], summary: 'My accepted jobs of a local day in order, with the ETA chain from my home base', querystring: RouteQuery } },
    async (request) => workerRoute(ctx, request.user!.id, request.query.date));
}
