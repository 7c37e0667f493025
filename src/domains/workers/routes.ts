import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Api, AppContext } from '../../platform/app-context.js';
import { Page, PageQuery, pageOf } from '../../platform/paging.js';
import { listWorkers } from './service.js';

const WorkerRow = Type.Object({
  id: Type.String(), name: Type.String(), gender: Type.String(), status: Type.String(), online: Type.Boolean(), districtName: Type.Union([Type.Null(), Type.String()]),
  suspendedUntil: Type.Union([Type.Null(), Type.String()]),
  skills: Type.Array(Type.String()), ratingAvg: Type.Number(), ratingCount: Type.Integer(), ordersDone: Type.Integer(), experienceYears: Type.Integer(),
});

export async function workerAdminRoutes(app: Api, ctx: AppContext) {
  app.get('/api/admin/workers', {
    preHandler: ctx.guards.admin('workers:read'),
    schema: {
      tags: ['admin'], summary: 'Workers (console list)',
      querystring: Type.Intersect([PageQuery, Type.Object({ q: Type.Optional(Type.String({ maxLength: 50 })), districtCode: Type.Optional(Type.String({ maxLength: 12 })) })]),
      response: { 200: Page(WorkerRow) },
    },
  }, async (request) => {
    const { offset, limit } = pageOf(request.query);
    return listWorkers(ctx.db, { q: request.query.q, districtCode: request.query.districtCode, offset, limit });
  });
}
