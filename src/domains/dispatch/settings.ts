/** Dispatch modes and windows per city and category (category `*` = the city default). */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { AppError } from '../../platform/errors.js';
import type { MatchWeights } from './matching/config.js';

export interface DispatchSettings {
  /** grab: push to the best `topK` for `grabWindowSeconds`, then direct assignment; assign: direct assignment at once. */
  mode: 'grab' | 'assign';
  topK: number;
  grabWindowSeconds: number;
  /** Direct assignment: how long the chosen worker has to accept before the next candidate. */
  acceptTimeoutSeconds: number;
  /** Direct-assignment attempts before the order goes to the operations queue. */
  maxAssignRounds: number;
  /** How many of the nearest covering workers are scored (3 × the 20 an order ever needs; the rest are farther than all of them). */
  candidatePool: number;
  weights?: Partial<MatchWeights>;
}

export const DEFAULT_DISPATCH_SETTINGS: DispatchSettings = {
  mode: 'grab', topK: 5, grabWindowSeconds: 120, acceptTimeoutSeconds: 300, maxAssignRounds: 3, candidatePool: 60,
};

export async function dispatchSettingsFor(db: Kysely<DB>, cityCode: string, categoryCode: string): Promise<DispatchSettings> {
  const rows = await db.selectFrom('dispatch_settings').select(['category_code', 'settings']).where('city_code', '=', cityCode).where('category_code', 'in', ['*', categoryCode]).execute();
  const city = rows.find((r) => r.category_code === '*')?.settings as Partial<DispatchSettings> | undefined;
  const category = rows.find((r) => r.category_code === categoryCode)?.settings as Partial<DispatchSettings> | undefined;
  return { ...DEFAULT_DISPATCH_SETTINGS, ...city, ...category };
}

export async function listDispatchSettings(db: Kysely<DB>, cityCode: string) {
  const rows = await db.selectFrom('dispatch_settings').select(['category_code', 'settings', 'updated_at']).where('city_code', '=', cityCode).orderBy('category_code').execute();
  return { defaults: DEFAULT_DISPATCH_SETTINGS, items: rows.map((r) => ({ categoryCode: r.category_code, settings: r.settings as Partial<DispatchSettings>, updatedAt: r.updated_at.toISOString() })) };
}

export async function saveDispatchSettings(db: Kysely<DB>, cityCode: string, categoryCode: string, settings: Partial<DispatchSettings>) {
  if (categoryCode !== '*') {
    const cat = await db.selectFrom('service_categories').select('id').where('code', '=', categoryCode).executeTakeFirst();
    if (!cat) throw new AppError('NOT_FOUND', {}, [{ field: 'categoryCode', code: 'unknown', message: { zh: '未知分类', en: 'unknown category' } }]);
  }
  const json = JSON.stringify(settings);
  await db.insertInto('dispatch_settings').values({ city_code: cityCode, category_code: categoryCode, settings: json })
    .onConflict((oc) => oc.columns(['city_code', 'category_code']).doUpdateSet({ settings: json, updated_at: new Date() })).execute();
  return dispatchSettingsFor(db, cityCode, categoryCode);
}
