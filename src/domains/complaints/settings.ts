import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { AppError } from '../../platform/errors.js';
import { DEFAULT_COMPLAINT_SETTINGS, settingsProblems, type ComplaintSettings } from './rules.js';

/** The city's complaint SLA settings (defaults where none were saved). */
export async function complaintSettings(db: Kysely<DB>, cityCode: string): Promise<ComplaintSettings> {
  const row = await db.selectFrom('complaint_settings').select('settings').where('city_code', '=', cityCode).executeTakeFirst();
  return { ...DEFAULT_COMPLAINT_SETTINGS, ...((row?.settings as Partial<ComplaintSettings>) ?? {}) };
}

export async function saveComplaintSettings(db: Kysely<DB>, cityCode: string, s: ComplaintSettings): Promise<ComplaintSettings> {
  const problems = settingsProblems(s);
  if (problems.length) throw new AppError('VALIDATION_FAILED', {}, problems.map((p) => ({ field: p.field, code: 'range', message: { zh: p.zh, en: p.en } })));
  const json = JSON.stringify(s);
  await db.insertInto('complaint_settings').values({ city_code: cityCode, settings: json })
    .onConflict((oc) => oc.column('city_code').doUpdateSet({ settings: json, updated_at: new Date() })).execute();
  return s;
}
