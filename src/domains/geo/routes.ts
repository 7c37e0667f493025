import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Api, AppContext } from '../../app-context.js';
import { AppError } from '../../platform/errors.js';
import { getCity } from './service.js';

const LatLng = Type.Tuple([Type.Number(), Type.Number()]);
const CityView = Type.Object({
  code: Type.String(), name: Type.String(), nameEn: Type.String(), timeZone: Type.String(), center: LatLng,
  districts: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), nameEn: Type.String(), center: LatLng, radiusKm: Type.Number() })),
});

export async function geoRoutes(app: Api, ctx: AppContext) {
  app.get('/api/geo/city', {
    schema: { tags: ['geo'], summary: 'The served city and its districts', response: { 200: CityView } },
  }, async () => {
    const city = await getCity(ctx.db, ctx.config.cityCode);
    if (!city) throw new AppError('NOT_FOUND');
    return city;
  });
}
