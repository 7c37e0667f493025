import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';

/** Served cities and their districts (static reference data, seeded per city). */
export async function getCity(db: Kysely<DB>, code: string) {
  const city = await db.selectFrom('cities').selectAll().where('code', '=', code).executeTakeFirst();
  if (!city) return null;
  const districts = await db.selectFrom('districts').selectAll().where('city_code', '=', code).orderBy('code').execute();
  return {
    code: city.code, name: city.name, nameEn: city.name_en, timeZone: city.time_zone,
    center: [city.center_lat, city.center_lng] as [number, number],
    districts: districts.map((d) => ({ code: d.code, name: d.name, nameEn: d.name_en, center: [d.center_lat, d.center_lng] as [number, number], radiusKm: d.radius_km })),
  };
}

export async function getDistrict(db: Kysely<DB>, code: string) {
  const d = await db.selectFrom('districts').selectAll().where('code', '=', code).executeTakeFirst();
  return d ? { code: d.code, cityCode: d.city_code, name: d.name, nameEn: d.name_en, centerLat: d.center_lat, centerLng: d.center_lng, radiusKm: d.radius_km } : null;
}

export interface CitySeed {
  city: { code: string; name: string; nameEn: string; timeZone: string; center: [number, number] };
  districts: { code: string; name: string; nameEn: string; center: [number, number]; radiusKm: number }[];
}

/** Inserts (or refreshes) a city and its districts. */
export async function upsertCity(db: Kysely<DB>, seed: CitySeed) {
  const c = seed.city;
  await db.insertInto('cities').values({ code: c.code, name: c.name, name_en: c.nameEn, time_zone: c.timeZone, center_lat: c.center[0], center_lng: c.center[1] })
    .onConflict((oc) => oc.column('code').doUpdateSet({ name: c.name, name_en: c.nameEn, time_zone: c.timeZone })).execute();
  for (const d of seed.districts) {
    await db.insertInto('districts').values({ code: d.code, city_code: c.code, name: d.name, name_en: d.nameEn, center_lat: d.center[0], center_lng: d.center[1], radius_km: d.radiusKm })
      .onConflict((oc) => oc.column('code').doUpdateSet({ name: d.name, name_en: d.nameEn })).execute();
  }
}

/** The city's IANA time zone (Asia/Shanghai when unknown). */
export async function cityTimeZone(db: Kysely<DB>, code: string): Promise<string> {
  const row = await db.selectFrom('cities').select('time_zone').where('code', '=', code).executeTakeFirst();
  return row?.time_zone ?? 'Asia/Shanghai';
}
