import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { AppError } from '../../platform/errors.js';

/** How long after completion a customer may review (then the default positive mark), and follow up after a review. */
export interface ReviewSettings { windowDays: number; followUpDays: number }

export const DEFAULT_REVIEW_SETTINGS: ReviewSettings = { windowDays: 15, followUpDays: 30 };

export async function reviewSettings(db: Kysely<DB>, cityCode: string): Promise<ReviewSettings> {
  const row = await db.selectFrom('review_settings').select('settings').where('city_code', '=', cityCode).executeTakeFirst();
  return { ...DEFAULT_REVIEW_SETTINGS, ...((row?.settings as Partial<ReviewSettings>) ?? {}) };
}

export async function saveReviewSettings(db: Kysely<DB>, cityCode: string, s: ReviewSettings): Promise<ReviewSettings> {
  if (!(s.windowDays >= 1 && s.windowDays <= 90) || !(s.followUpDays >= 1 && s.followUpDays <= 180)) {
    throw new AppError('VALIDATION_FAILED', {}, [{ field: 'windowDays', code: 'range', message: { zh: '评价期限 1–90 天，追评期限 1–180 天', en: 'review window 1–90 days, follow-up 1–180 days' } }]);
  }
  const json = JSON.stringify(s);
  await db.insertInto('review_settings').values({ city_code: cityCode, settings: json })
    .onConflict((oc) => oc.column('city_code').doUpdateSet({ settings: json, updated_at: new Date() })).execute();
  return s;
}
