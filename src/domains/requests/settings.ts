import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';

/** How a city runs custom requests: how long one stays open and how workers are invited. */
export interface RequestSettings {
  /** Hours an open request waits for the customer's choice before it expires. */
  expiryHours: number;
  /** Workers invited per matching round. */
  roundSize: number;
  /** Another round runs while fewer answers than this came in. */
  targetAnswers: number;
  /** Minutes between rounds. */
  roundMinutes: number;
  maxRounds: number;
}

export const DEFAULT_REQUEST_SETTINGS: RequestSettings = { expiryHours: 24, roundSize: 5, targetAnswers: 3, roundMinutes: 30, maxRounds: 3 };
export const SETTINGS_RANGES: Record<keyof RequestSettings, [number, number]> = {
  expiryHours: [1, 168], roundSize: [1, 20], targetAnswers: [1, 10], roundMinutes: [5, 240], maxRounds: [1, 10],
};

export async function requestSettings(db: Kysely<DB>, cityCode: string): Promise<RequestSettings> {
  const row = await db.selectFrom('request_settings').selectAll().where('city_code', '=', cityCode).executeTakeFirst();
  if (!row) return { ...DEFAULT_REQUEST_SETTINGS };
  return { expiryHours: row.expiry_hours, roundSize: row.round_size, targetAnswers: row.target_answers, roundMinutes: row.round_minutes, maxRounds: row.max_rounds };
}

export async function saveRequestSettings(db: Kysely<DB>, cityCode: string, s: RequestSettings): Promise<RequestSettings> {
  const values = { expiry_hours: s.expiryHours, round_size: s.roundSize, target_answers: s.targetAnswers, round_minutes: s.roundMinutes, max_rounds: s.maxRounds, updated_at: new Date() };
  await db.insertInto('request_settings').values({ city_code: cityCode, ...values })
    .onConflict((oc) => oc.column('city_code').doUpdateSet(values)).execute();
  return requestSettings(db, cityCode);
}
