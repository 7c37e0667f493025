/**
 * The demo city's workers: for every district and every trade a crew of 师傅 living at the district's streets,
 * 小区 and towns (the map gazetteer's places, a few hundred metres apart), with staggered days off, varied
 * hours (early, late, part-time mornings or evenings; long days for care and live-in work), a few offline, and
 * the identity documents and verified certificates (with expiry dates, some expiring within 30 days) their gated
 * items need. Deterministic (seeded PRNG): the same city on every machine, apart from dates relative to today.
 */
import { sql, type Kysely } from 'kysely';
import type { AppContext } from '../platform/app-context.js';
import type { DB } from '../db/types.js';
import type { CitySeed } from '../domains/geo/service.js';
import type { WorkerSeed } from '../domains/workers/service.js';
import { recordConsents, SEED_CONSENT } from '../domains/accounts/privacy-policy.js';
import { CONSENT_VERSION } from '../domains/workers/onboarding-service.js';
import { maskIdNumber } from '../platform/id-number.js';
import { maskName, maskPhone } from '../platform/mask.js';
import { haversineKm } from '../platform/providers/map.js';
import type { Place } from '../platform/providers/map.js';
import { TRADES } from './catalog-data.js';
import { chineseName, pointNear, type Rng } from './random.js';

/** Workers per district and trade (more where the district is wide, since far towns do not reach its centre). */
export const CREW_SIZE = { base: 9, wide: 10, wideRadiusKm: 10 };
/** Items gated by a certificate (catalog-data's requiredCertificate) → the certificate kind their workers hold. */
export const TRADE_CERTIFICATES: Record<string, string[]> = {
  appliance: ['electrician'], handyman: ['electrician', 'locksmith_record'], nanny: ['housekeeping', 'health'],
  infant: ['infant_care', 'maternity', 'health'], carer: ['elder_care', 'health'],
};
/** Trades whose visits last a whole day (月嫂, 24 h 陪护: 12-hour visits): long days, a longer daily maximum. */
const LONG_DAY_TRADES = new Set(['infant', 'carer']);
const FEMALE_TRADES = new Set(['nanny', 'infant', 'carer', 'cleaner']);
/** Home provinces of the city's 师傅 (resident ID area codes): 安徽, 江苏, 河南, 四川, 江西, 湖北, 浙江 and Shanghai's 崇明. */
const ID_AREAS = ['340104', '341221', '320324', '411522', '511322', '360732', '421182', '330726', '310230'];
const DAY_MS = 86_400_000;
/** Where the demo worker lives: 徐汇区, 东安新村 (about 1.4 km from the demo customer on 漕溪北路). */
const DEMO_DISTRICT = '310104';
const DEMO_HOME = '东安新村';

export interface DemoWorkerPlan extends Omit<WorkerSeed, 'userId'> {
  phone: string;
  trade: string;
  /** The trade's items (codes) this worker offers. */
  itemCodes: string[];
  maxMinutesPerDay: number;
  idNumber: string;
  certificates: { kind: string; number: string; expiresAt: string }[];
}

function idNumber(area: string, birth: string, seq: number): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const body = `${area}${birth.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  const sum = weights.reduce((acc, w, i) => acc + w * Number(body[i]), 0);
  return body + '10X98765432'[sum % 11];
}

/** A draw that no longer decides anything, kept so the PRNG sequence (and so the city) stays the same. */
const retired = (_draw: number) => 0;

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Weekly hours for worker `k` of a crew: two staggered days off at most, and a shift that fits the trade. */
function hoursFor(r: Rng, trade: string, k: number, crewOffset: number) {
  const dayOff = (k + crewOffset) % 7;
  const secondOff = k % 4 === 3 ? (dayOff + 3) % 7 : -1;
  const days = [0, 1, 2, 3, 4, 5, 6].filter((d) => d !== dayOff && d !== secondOff);
  let start: number;
  let end: number;
  if (LONG_DAY_TRADES.has(trade)) {
    start = r.pick([6, 7, 7, 8]) * 60;
    end = r.pick([20, 21, 21, 22]) * 60;
  } else if (k === 7) {
    // One part-timer per crew: mornings or evenings only.
    [start, end] = r.next() < 0.5 ? [8 * 60, 13 * 60] : [15 * 60, 21 * 60];
  } else {
    start = r.pick([7, 8, 8, 9]) * 60 + r.pick([0, 0, 30]);
    end = r.pick([17, 18, 19, 20]) * 60;
  }
  // Some take a shorter Saturday.
  const short = (weekday: number) => weekday === 6 && k % 3 === 1 && start <= 10 * 60;
  return days.map((weekday) => ({ weekday, startMinute: start, endMinute: short(weekday) ? Math.min(end, 15 * 60) : end }));
}

/** 期望薪资 by trade: live-in and infant care by the month, elder care by the day, the rest by the hour. */
function askingRate(r: Rng, trade: string) {
  if (trade === 'nanny' || trade === 'infant') return { fen: r.int(60, 120) * 10_000, unit: 'month' as const };
  if (trade === 'carer') return { fen: r.int(18, 30) * 1_000, unit: 'day' as const };
  return { fen: r.int(45, 90) * 100, unit: 'hour' as const };
}

/**
 * The plan (pure): one crew per district × trade. The first of 徐汇区's cleaners is the demo worker people sign in
 * as (README): 139 0000 0001 at 东安新村, covers 10 km, works every day 08:00–20:00 (its ratings come from its history).
 */
export function planDemoWorkers(r: Rng, city: CitySeed, places: readonly Place[], today: Date, demoPhone: string): DemoWorkerPlan[] {
  const trades = Object.keys(TRADES);
  const plans: DemoWorkerPlan[] = [];
  const usedIds = new Set<string>();
  const uniqueId = (area: string, birth: string, seq: number) => {
    let id = idNumber(area, birth, seq % 1000);
    while (usedIds.has(id)) id = idNumber(area, birth, ++seq % 1000);
    usedIds.add(id);
    return id;
  };
  let n = 0;
  // The demo worker's district first, so its first cleaner gets the first phone number.
  const districts = [...city.districts].sort((a, b) => Number(b.code === DEMO_DISTRICT) - Number(a.code === DEMO_DISTRICT));
  for (const [di, d] of districts.entries()) {
    const centre = { lat: d.center[0], lng: d.center[1] };
    const all = places.filter((p) => p.districtCode === d.code).map((p) => ({ p, km: haversineKm(centre, p) }));
    // Most of a crew lives within reach of the district's heart; the last two in its outlying towns.
    const near = all.filter((x) => x.km <= Math.max(8, d.radiusKm * 1.2));
    const size = d.radiusKm >= CREW_SIZE.wideRadiusKm ? CREW_SIZE.wide : CREW_SIZE.base;
    for (const [ti, trade] of trades.entries()) {
      for (let k = 0; k < size; k++) {
        n++;
        const phone = `139${String(n).padStart(8, '0')}`;
        const demo = phone === demoPhone;
        const pool = k < size - 2 || all.length === near.length ? near : all;
        const at = pool[(k * 5 + ti * 3 + di) % pool.length]!;
        const home = demo ? places.find((p) => p.name === DEMO_HOME && p.districtCode === d.code) ?? at.p : at.p;
        const [lat, lng] = demo ? [home.lat, home.lng] : pointNear(r, [home.lat, home.lng], 0.6);
        const gender = r.next() < (FEMALE_TRADES.has(trade) ? 0.85 : 0.15) ? 'female' as const : 'male' as const;
        const items = TRADES[trade]!;
        // Most offer every item of their trade; some leave one out.
        const dropped = !demo && r.next() < 0.2 && items.length > 2 ? r.pick(items) : null;
        // Ratings and orders done are derived from the history (history.ts), never planned: these draws are only kept so the
        // rest of the city (names, homes, hours, certificates) stays the one the supply test measured.
        if (!demo && r.int(0, 400)) r.next();
        const km = haversineKm(centre, { lat, lng });
        const base = r.pick([5, 8, 8, 10, 12, 15]);
        const birthYear = 2026 - r.int(24, 56);
        const birth = `${birthYear}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
        // Most certificates run for years; about one in twelve expires within the next 30 days (the renewal notice).
        const certificates = (TRADE_CERTIFICATES[trade] ?? []).map((kind, ci) => ({
          kind, number: `${kind.slice(0, 2).toUpperCase()}${String(n * 7 + ci).padStart(8, '0')}`,
          expiresAt: isoDate(today.getTime() + (r.next() < 0.08 ? r.int(3, 29) : r.int(60, 1500)) * DAY_MS),
        }));
        plans.push({
          phone, trade, displayName: chineseName(r, gender), gender, districtCode: d.code, homeLat: lat, homeLng: lng,
          // Wide enough to reach the district's centre from its nearer towns; the far ones serve their own area.
          serviceRadiusKm: demo ? 10 : Math.min(30, Math.max(base, Math.ceil(km + 1.5))),
          experienceYears: demo ? 8 : r.int(0, 15), ratingAvg: 0, ratingCount: 0, ordersDone: retired(r.int(0, 80)),
          online: demo || k !== size - 1 || r.next() < 0.5,
          itemCodes: items.filter((c) => c !== dropped), skillItemIds: [],
          hours: demo ? [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, startMinute: 8 * 60, endMinute: 20 * 60 })) : hoursFor(r, trade, k, di + ti),
          maxMinutesPerDay: LONG_DAY_TRADES.has(trade) ? 720 : r.pick([480, 600, 600, 600]),
          rate: askingRate(r, trade), ratingHistogram: [0, 0, 0, 0, 0],
          idNumber: uniqueId(r.pick(ID_AREAS), birth, n), certificates,
        });
      }
    }
  }
  return plans;
}

/** A 1×1 PNG standing in for the scans of the demo's identity cards and certificates (one set, shared). */
const PLACEHOLDER_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

async function placeholderFiles(ctx: AppContext, db: Kysely<DB>, ownerId: string) {
  const ids: Record<string, string> = {};
  for (const purpose of ['id_front', 'id_back', 'selfie', 'certificate']) {
    const row = await db.insertInto('files').values({ owner_kind: 'user', owner_id: ownerId, purpose, content_type: 'image/png', size_bytes: PLACEHOLDER_PNG.length, storage_key: 'pending', is_public: false })
      .returning('id').executeTakeFirstOrThrow();
    const key = `${purpose}/${row.id}.png`;
    await ctx.storage.put(key, PLACEHOLDER_PNG);
    await db.updateTable('files').set({ storage_key: key }).where('id', '=', row.id).execute();
    ids[purpose] = row.id;
  }
  return ids as { id_front: string; id_back: string; selfie: string; certificate: string };
}

/**
 * Inserts the planned workers in one transaction: accounts, approved profiles (with their skill array, daily maximum
 * and review dates), hours, skills, identities and verified certificates. Written here rather than through the
 * workers domain's createWorkerProfiles so that the profiles are written once: its per-skill trigger and the follow-up
 * updates would rewrite every indexed profile row several times (seconds at a thousand workers).
 */
export async function insertDemoWorkers(ctx: AppContext, plans: DemoWorkerPlan[], itemIds: Map<string, string>, passwordHash: string, demoPhone: string) {
  const now = new Date();
  const check = JSON.stringify({ passed: true, provider: 'demo-seed', nameMatch: true, faceMatch: true, faceScore: 0.95, reasons: [] });
  const skillsOf = plans.map((p) => p.itemCodes.map((c) => itemIds.get(c)).filter((id): id is string => !!id).sort());
  return ctx.db.transaction().execute(async (trx) => {
    const users = await trx.insertInto('users').values(plans.map((p) => ({
      roles: ['worker'], name: p.displayName, gender: p.gender, phone_hash: ctx.pii.blindIndex(p.phone), phone_enc: ctx.pii.encrypt(p.phone),
      phone_masked: maskPhone(p.phone), password_hash: p.phone === demoPhone ? passwordHash : null,
    }))).returning('id').execute();
    const ids = users.map((u) => u.id);
    await recordConsents(trx, ids, SEED_CONSENT);
    await trx.insertInto('worker_profiles').values(plans.map((p, i) => ({
      user_id: ids[i]!, display_name: p.displayName, gender: p.gender, district_code: p.districtCode, home_lat: p.homeLat, home_lng: p.homeLng,
      service_radius_km: p.serviceRadiusKm, experience_years: p.experienceYears, rating_avg: p.ratingAvg, rating_count: p.ratingCount, orders_done: p.ordersDone,
      status: 'approved' as const, online: p.online, rate_fen: p.rate?.fen ?? null, rate_unit: p.rate?.unit ?? null, ...(p.ratingHistogram ? { rating_histogram: p.ratingHistogram } : {}),
      skill_ids: skillsOf[i]!, max_minutes_per_day: p.maxMinutesPerDay, submitted_at: now, approved_at: now,
    }))).execute();
    const hours = plans.flatMap((p, i) => p.hours.map((h) => ({ worker_id: ids[i]!, weekday: h.weekday, start_minute: h.startMinute, end_minute: h.endMinute })));
    for (let i = 0; i < hours.length; i += 4000) await trx.insertInto('worker_hours').values(hours.slice(i, i + 4000)).execute();
    // skill_ids is already right: the per-row sync trigger is off for this bulk insert only (transactional DDL).
    const skills = skillsOf.flatMap((list, i) => list.map((item_id) => ({ worker_id: ids[i]!, item_id })));
    await sql`alter table worker_skills disable trigger worker_skills_sync`.execute(trx);
    for (let i = 0; i < skills.length; i += 4000) await trx.insertInto('worker_skills').values(skills.slice(i, i + 4000)).execute();
    await sql`alter table worker_skills enable trigger worker_skills_sync`.execute(trx);
    const demoIndex = plans.findIndex((p) => p.phone === demoPhone);
    const files = await placeholderFiles(ctx, trx, ids[Math.max(0, demoIndex)]!);
    const identities = plans.map((p, i) => ({
      worker_id: ids[i]!, real_name_enc: ctx.pii.encrypt(p.displayName), real_name_masked: maskName(p.displayName), id_number_enc: ctx.pii.encrypt(p.idNumber),
      id_number_hash: ctx.pii.blindIndex(`id:${p.idNumber}`), id_number_masked: maskIdNumber(p.idNumber), birth_date: `${p.idNumber.slice(6, 10)}-${p.idNumber.slice(10, 12)}-${p.idNumber.slice(12, 14)}`,
      front_file_id: files.id_front, back_file_id: files.id_back, selfie_file_id: files.selfie, check_result: check, consent_version: CONSENT_VERSION, consent_at: now,
    }));
    for (let i = 0; i < identities.length; i += 1000) await trx.insertInto('worker_identities').values(identities.slice(i, i + 1000)).execute();
    const certificates = plans.flatMap((p, i) => p.certificates.map((c) => ({
      worker_id: ids[i]!, kind: c.kind, number: c.number, expires_at: c.expiresAt, file_id: files.certificate, status: 'verified' as const,
    })));
    for (let i = 0; i < certificates.length; i += 2000) await trx.insertInto('worker_certificates').values(certificates.slice(i, i + 2000)).execute();
    await sql`analyze worker_profiles`.execute(trx);
    return ids;
  });
}
