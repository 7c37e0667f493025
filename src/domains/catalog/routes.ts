import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Api, AppContext } from '../../app-context.js';
import { listCatalog } from './service.js';

const Item = Type.Object({
  id: Type.String(), code: Type.String(), name: Type.String(), nameEn: Type.String(), description: Type.String(),
  unit: Type.String(), priceMinFen: Type.Integer(), priceMaxFen: Type.Integer(), durationMinutes: Type.Integer(),
  requiredCertificate: Type.Union([Type.String(), Type.Null()]), published: Type.Boolean(),
});
const Category = Type.Object({ id: Type.String(), code: Type.String(), name: Type.String(), nameEn: Type.String(), icon: Type.String(), items: Type.Array(Item) });

export async function catalogRoutes(app: Api, ctx: AppContext) {
  app.get('/api/catalog/categories', {
    schema: { tags: ['catalog'], summary: 'Published service categories and items', response: { 200: Type.Array(Category) } },
  }, async () => listCatalog(ctx.db));
}
