import type { Api, AppContext } from '../../platform/app-context.js';
import { AppError } from '../../platform/errors.js';
import { listFavourites, searchWorkers, setFavourite } from './search-service.js';
import * as S from './schema.js';

/** Customer-facing: find workers, open a profile, keep favourites (常用师傅). */
export async function workerSearchRoutes(app: Api, ctx: AppContext) {
  const tags = ['workers'];
  const signedIn = ctx.guards.user();
  app.get('/api/workers', { preHandler: signedIn, schema: { tags, summary: 'Search approved, online workers', querystring: S.SearchQuery } }, async (request) => {
    const query = request.query;
    let point = query.lat !== undefined && query.lng !== undefined ? { lat: query.lat, lng: query.lng } : undefined;
    if (query.addressId) {
      const a = await ctx.db.selectFrom('addresses').select(['lat', 'lng']).where('id', '=', query.addressId).where('user_id', '=', request.user!.id).executeTakeFirst();
      if (!a) throw new AppError('NOT_FOUND');
      point = a;
    }
    const city = await ctx.db.selectFrom('cities').select('time_zone').where('code', '=', ctx.config.cityCode).executeTakeFirst();
    const limit = query.pageSize ?? 20;
    return searchWorkers(ctx.db, { ...query, lat: point?.lat, lng: point?.lng, offset: ((query.page ?? 1) - 1) * limit, limit, timeZone: city?.time_zone ?? 'Asia/Shanghai' });
  });
  app.get('/api/me/favourite-workers', { preHandler: signedIn, schema: { tags, summary: 'My regular workers (常用师傅)' } }, async (request) => listFavourites(ctx, request.user!.id));
  app.put('/api/me/favourite-workers/:id', { preHandler: signedIn, schema: { tags, params: S.WorkerId } },
    async (request, reply) => { await setFavourite(ctx, request.user!.id, request.params.id, true); return reply.status(204).send(); });
  app.delete('/api/me/favourite-workers/:id', { preHandler: signedIn, schema: { tags, params: S.WorkerId } },
    async (request, reply) => { await setFavourite(ctx, request.user!.id, request.params.id, false); return reply.status(204).send(); });
}
