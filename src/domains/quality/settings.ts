import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { AppError } from '../../platform/errors.js';

/** The share of last week's completed orders called back per category, in basis points (1000 = 10 %). */
export const DEFAULT_QA_RATE_BP = 1000;

export async function qaRateBp(db: Kysely<DB>, cityCode: string): Promise<number> {
  const row = await db.selectFrom('qa_settings').select('rate_bp').where('city_code', '=', cityCode).executeTakeFirst();
  return row?.rate_bp ?? DEFAULT_QA_RATE_BP;
}

export async function saveQaRateBp(db: Kysely<DB>, cityCode: string, rateBp: number): Promise<number> {
  if (!Number.isInteger(rateBp) || rateBp < 1 || rateBp > 10_000) {
    throw new AppError('VALIDATION_FAILED', {}, [{ field: 'rateBp', code: 'range', message: { zh: '抽检比例须在 0.01%–100% 之间', en: 'the sampling rate must be 0.01 %–100 %' } }]);
  }
  await db.insertInto('qa_settings').values({ city_code: cityCode, rate_bp: rateBp })
    .onConflict((oc) => oc.column('city_code').doUpdateSet({ rate_bp: rateBp, updated_at: new Date() })).execute();
  return rateBp;
}
