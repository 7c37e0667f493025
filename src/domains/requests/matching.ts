/**
 * Who is asked to quote on a request: dispatch's ranking (skills, certificate, area, free time, rating, distance …)
 * at the starts of the customer's windows; each round invites the best `roundSize` workers not invited yet, with
 * their score and the ranking's explanation kept on the invitation.
 */
import dayjs from 'dayjs';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { anyCoverage, type Need } from '../booking/index.js';
import { bookableItem } from '../catalog/index.js';
import { rankJob, type Job } from '../dispatch/index.js';
import { cityTimeZone, getDistrict } from '../geo/index.js';
import { notify } from '../messaging/index.js';
import type { RequestRow } from './queries.js';
import { requestSettings } from './settings.js';

type Db = Kysely<DB>;
const PROBE_STEP_MINUTES = 60;
const PROBES_PER_WINDOW = 4;

interface Pick { workerId: string; score: number; distanceKm: number; explanation: unknown }

/** The starts a window is probed at: its start and then every hour, at most four. */
export function probeStarts(window: { start: string; end: string }, durationMinutes: number, now: Date): Date[] {
  const starts: Date[] = [];
  const end = new Date(window.end).getTime() - durationMinutes * 60_000;
  for (let t = new Date(window.start).getTime(); t <= Math.max(end, new Date(window.start).getTime()) && starts.length < PROBES_PER_WINDOW; t += PROBE_STEP_MINUTES * 60_000) {
    if (t > now.getTime()) starts.push(new Date(t));
  }
  return starts;
}

async function jobOf(db: Db, r: RequestRow) {
  const item = await bookableItem(db, r.item_code);
  if (!item || r.lat === null || r.lng === null) return null;
  return { item, base: { id: r.id, itemId: item.id, itemCode: item.code, categoryCode: r.category_code, requiredCertificate: item.requiredCertificate, cityCode: r.city_code, customerId: r.customer_id, lat: r.lat, lng: r.lng, durationMinutes: item.durationMinutes, bufferMinutes: 0 } };
}

/** The best workers free at some probe of the windows, best score per worker, minus those already invited. */
async function rankForRequest(db: Db, r: RequestRow, now: Date, exclude: ReadonlySet<string>, poolLimit: number): Promise<{ picks: Pick[]; candidates: number }> {
  const found = await jobOf(db, r);
  if (!found) return { picks: [], candidates: 0 };
  const best = new Map<string, Pick>();
  let candidates = 0;
  for (const w of r.windows) {
    for (const start of probeStarts(w, found.item.durationMinutes, now)) {
      const job: Job = { ...found.base, start };
      const { result, candidates: n } = await rankJob(db, job, now, { poolLimit, exclude });
      candidates = Math.max(candidates, n);
      for (const c of result.ranked) {
        const seen = best.get(c.workerId);
        if (!seen || seen.score < c.score) best.set(c.workerId, { workerId: c.workerId, score: c.score, distanceKm: c.facts.distanceKm, explanation: c.explanation });
      }
    }
  }
  return { picks: [...best.values()].sort((a, b) => b.score - a.score), candidates };
}

/** Runs the next round: invites up to `roundSize` more workers and tells each. Returns how many were invited. */
export async function inviteRound(db: Db, r: RequestRow, now: Date): Promise<number> {
  const s = await requestSettings(db, r.city_code);
  const invited = await db.selectFrom('request_invitations').select('worker_id').where('request_id', '=', r.id).execute();
  const exclude = new Set(invited.map((i) => i.worker_id));
  const { picks } = await rankForRequest(db, r, now, exclude, Math.max(20, s.roundSize * 4));
  const chosen = picks.slice(0, s.roundSize);
  const round = r.rounds + 1;
  await db.updateTable('service_requests').set({ rounds: round, updated_at: now }).where('id', '=', r.id).execute();
  if (!chosen.length) return 0;
  await db.insertInto('request_invitations').values(chosen.map((p) => ({
    request_id: r.id, worker_id: p.workerId, round, distance_km: Math.round(p.distanceKm * 100) / 100, score: p.score, explanation: JSON.stringify(p.explanation ?? null), created_at: now,
  }))).onConflict((oc) => oc.columns(['request_id', 'worker_id']).doNothing()).execute();
  const vars = await inviteVars(db, r);
  for (const p of chosen) {
    await notify(db, { type: 'request_invited', to: { userId: p.workerId, audience: 'worker' }, vars: { ...vars, distance: `${p.distanceKm.toFixed(1)} 公里` }, linkId: r.id, dedupeKey: `request-invite:${r.id}`, now });
  }
  return chosen.length;
}

export async function inviteVars(db: Db, r: RequestRow) {
  const [item, district] = await Promise.all([bookableItem(db, r.item_code), r.district_code ? getDistrict(db, r.district_code) : undefined]);
  return { service: item?.name ?? r.item_code, district: district?.name ?? '' };
}

/** Why an open request ends without a choice: nobody covers the address, everyone was busy, or nobody answered. */
export async function expiryReason(db: Db, r: RequestRow, answers: number, invitations: number): Promise<'none_nearby' | 'all_busy' | 'no_answer' | 'not_chosen'> {
  if (answers > 0) return 'not_chosen';
  if (invitations > 0) return 'no_answer';
  const found = await jobOf(db, r);
  if (!found) return 'none_nearby';
  const need: Need = { itemId: found.item.id, requiredCertificate: found.item.requiredCertificate, durationMinutes: found.item.durationMinutes, bufferMinutes: 0, lat: r.lat!, lng: r.lng!, timeZone: await cityTimeZone(db, r.city_code) };
  return (await anyCoverage(db, need, new Date())) ? 'all_busy' : 'none_nearby';
}

/** The local "M月D日 HH:mm" of an instant in the request's city (for notices). */
export async function localStart(db: Db, cityCode: string, at: Date): Promise<string> {
  return dayjs(at).tz(await cityTimeZone(db, cityCode)).format('M月D日 HH:mm');
}
