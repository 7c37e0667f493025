import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { AppError } from '../../platform/errors.js';

/** How long a city keeps location trails before the daily purge deletes them. */
export interface TrackingSettings { retentionDays: number }

export const DEFAULT_TRACKING_SETTINGS: TrackingSettings = { retentionDays: 30 };
export const RETENTION_RANGE = { min: 1, max: 365 } as const;

export async function trackingSettings(db: Kysely<DB>, cityCode: string): Promise<TrackingSettings> {
  const row = await db.selectFrom('tracking_settings').select('retention_days').where('city_code', '=', cityCode).executeTakeFirst();
  return { retentionDays: row?.retention_days ?? DEFAULT_TRACKING_SETTINGS.retentionDays };
}

export async function saveTrackingSettings(db: Kysely<DB>, cityCode: string, s: TrackingSettings): Promise<TrackingSettings> {
  if (!Number.isInteger(s.retentionDays) || s.retentionDays < RETENTION_RANGE.min || s.retentionDays > RETENTION_RANGE.max) {
    throw new AppError('VALIDATION_FAILED', {}, [{ field: 'retentionDays', code: 'range', message: { zh: '轨迹保留天数须为 1–365', en: 'retention must be 1–365 days' } }]);
  }
  await db.insertInto('tracking_settings').values({ city_code: cityCode, retention_days: s.retentionDays })
    .onConflict((oc) => oc.column('city_code').doUpdateSet({ retention_days: s.retentionDays, updated_at: new Date() })).execute();
  return { retentionDays: s.retentionDays };
}
