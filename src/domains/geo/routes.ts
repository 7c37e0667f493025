import { Type } from 'typebox';
import type { Api, AppContext } from '../../platform/app-context.js';
import { AppError } from '../../platform/errors.js';
import type { Place } from '../../platform/providers/map.js';
import { getCity } from './service.js';

const LatLng = Type.Tuple([Type.Number(), Type.Number()]);
const CityView = Type.Object({
  code: Type.String(), name: Type.String(), nameEn: Type.String(), timeZone: Type.String(), center: LatLng,
  districts: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), nameEn: Type.String(), center: LatLng, radiusKm: Type.Number() })),
});
const DistrictCode = Type.String({ pattern: '^\\d{6}$' });
const PlaceView = Type.Object({
  id: Type.String(), name: Type.String(), kind: Type.Union([Type.Literal('street'), Type.Literal('community'), Type.Literal('area'), Type.Literal('landmark')]),
  districtCode: Type.String(), districtName: Type.String(), lat: Type.Number(), lng: Type.Number(),
});
const PlacesQuery = Type.Object({
  q: Type.String({ minLength: 1, maxLength: 40 }),
  districtCode: Type.Optional(DistrictCode),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })),
}, { additionalProperties: false });
const ReverseQuery = Type.Object({
  lat: Type.Number({ minimum: -90, maximum: 90 }),
  lng: Type.Number({ minimum: -180, maximum: 180 }),
}, { additionalProperties: false });

export async function geoRoutes(app: Api, ctx: AppContext) {
  /** District names of the served city (static reference data: read once per process). */
  let names: Promise<Map<string, string>> | null = null;
  const districtNames = () => (names ??= getCity(ctx.db, ctx.config.cityCode).then((c) => new Map((c?.districts ?? []).map((d) => [d.code, d.name])))
    .catch((error: unknown) => { names = null; throw error; }));
  const view = async (p: Place) => ({ ...p, districtName: (await districtNames()).get(p.districtCode) ?? '' });

  app.get('/api/geo/city', {
    schema: { tags: ['geo'], summary: 'The served city and its districts', response: { 200: CityView } },
  }, async () => {
    const city = await getCity(ctx.db, ctx.config.cityCode);
    if (!city) throw new AppError('NOT_FOUND');
    return city;
  });

  app.get('/api/geo/places', {
    schema: {
      tags: ['geo'], summary: 'Address suggestions as the user types: streets, 小区, towns and landmarks matching 汉字, pinyin or initials, best first',
      querystring: PlacesQuery, response: { 200: Type.Object({ items: Type.Array(PlaceView) }) },
    },
  }, async (request) => {
    const { q, districtCode, limit } = request.query;
    const known = await districtNames();
    if (districtCode && !known.has(districtCode)) {
      throw new AppError('DISTRICT_UNKNOWN', {}, [{ field: 'districtCode', code: 'unknown', message: { zh: '未知区县', en: 'unknown district' } }]);
    }
    const places = (await ctx.map.suggest(q, districtCode, limit ?? 8)).filter((p) => known.has(p.districtCode));
    return { items: await Promise.all(places.map(view)) };
  });

  app.get('/api/geo/reverse', {
    schema: {
      tags: ['geo'], summary: '"Use my location": the place nearest to a point and the district it falls in (404 OUTSIDE_CITY when nothing is near)',
      querystring: ReverseQuery, response: { 200: Type.Object({ place: PlaceView, distanceKm: Type.Number() }) },
    },
  }, async (request) => {
    const hit = await ctx.map.reverse({ lat: request.query.lat, lng: request.query.lng });
    if (!hit || !(await districtNames()).has(hit.place.districtCode)) throw new AppError('OUTSIDE_CITY');
    return { place: await view(hit.place), distanceKm: Math.round(hit.distanceKm * 100) / 100 };
  });
}
