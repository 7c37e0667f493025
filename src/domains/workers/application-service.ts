import type { AppContext } from '../../platform/app-context.js';
import { writeAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { fileUrl } from '../../platform/files.js';
import { CERTIFICATE_LABELS, EXPIRY_WARNING_DAYS, type CertificateKind } from './constants.js';
import { ensureProfile } from './profile-row.js';
import { teamOf } from './team-service.js';


/** Days until a certificate expires (null = never); flagged when within EXPIRY_WARNING_DAYS. */
export function expiryFlag(expiresAt: string | null, now = new Date()) {
  if (!expiresAt) return { daysLeft: null, expiringSoon: false, expired: false };
  const daysLeft = Math.floor((Date.parse(`${expiresAt}T00:00:00Z`) - Date.parse(`${now.toISOString().slice(0, 10)}T00:00:00Z`)) / 86_400_000);
  return { daysLeft, expiringSoon: daysLeft >= 0 && daysLeft <= EXPIRY_WARNING_DAYS, expired: daysLeft < 0 };
}

/** Everything the worker's onboarding screens show, with what is still missing before submission. */
export async function getApplication(ctx: AppContext, userId: string) {
  const p = await ensureProfile(ctx.db, userId);
  const [identity, certificates, skills, hours, daysOff, portfolio, team, lastDecision, penalties] = await Promise.all([
    ctx.db.selectFrom('worker_identities').select(['real_name_masked', 'id_number_masked', 'birth_date', 'consent_at', 'check_result']).where('worker_id', '=', userId).executeTakeFirst(),
    ctx.db.selectFrom('worker_certificates').selectAll().where('worker_id', '=', userId).orderBy('created_at').execute(),
    ctx.db.selectFrom('worker_skills as s').innerJoin('service_items as i', 'i.id', 's.item_id').select(['i.code', 'i.name', 'i.name_en']).where('s.worker_id', '=', userId).orderBy('i.sort').execute(),
    ctx.db.selectFrom('worker_hours').select(['weekday', 'start_minute', 'end_minute']).where('worker_id', '=', userId).orderBy('weekday').orderBy('start_minute').execute(),
    ctx.db.selectFrom('worker_days_off').select('day').where('worker_id', '=', userId).orderBy('day').execute(),
    ctx.db.selectFrom('worker_portfolio').selectAll().where('worker_id', '=', userId).orderBy('created_at').execute(),
    teamOf(ctx.db, userId),
    ctx.db.selectFrom('worker_review_decisions').select(['decision', 'reason', 'created_at']).where('worker_id', '=', userId).orderBy('created_at', 'desc').limit(1).executeTakeFirst(),
    ctx.db.selectFrom('worker_penalties').selectAll().where('worker_id', '=', userId).orderBy('created_at', 'desc').execute(),
  ]);
  const missing = [
    ...(identity ? [] : ['identity']), ...(skills.length ? [] : ['skills']), ...(p.district_code ? [] : ['location']),
    ...(hours.length ? [] : ['hours']), ...(p.display_name ? [] : ['profile']),
  ];
  const suspended = !!p.suspended_until && p.suspended_until > new Date();
  return {
    status: p.status, suspendedUntil: suspended ? p.suspended_until!.toISOString() : null, online: p.online, missing,
    reviewNote: p.review_note, lastDecision: lastDecision ? { decision: lastDecision.decision, reason: lastDecision.reason, at: lastDecision.created_at.toISOString() } : null,
    profile: {
      workerType: p.worker_type, displayName: p.display_name, rate: p.rate_fen !== null && p.rate_unit ? { fen: p.rate_fen, unit: p.rate_unit } : null, experienceYears: p.experience_years, previousEmployers: p.previous_employers, intro: p.intro,
      districtCode: p.district_code, homeLat: p.home_lat, homeLng: p.home_lng, serviceRadiusKm: p.service_radius_km,
      team, skills: skills.map((s) => ({ code: s.code, name: s.name, nameEn: s.name_en })),
    },
    identity: identity ? {
      realNameMasked: identity.real_name_masked, idNumberMasked: identity.id_number_masked, birthDate: identity.birth_date, consentAt: identity.consent_at.toISOString(),
      verified: (identity.check_result as { passed?: boolean } | null)?.passed === true,
    } : null,
    certificates: certificates.map((c) => ({
      id: c.id, kind: c.kind, label: CERTIFICATE_LABELS[c.kind as CertificateKind] ?? CERTIFICATE_LABELS.other, number: c.number,
      expiresAt: c.expires_at, status: c.status, reviewNote: c.review_note, fileUrl: fileUrl(c.file_id)!, ...expiryFlag(c.expires_at),
    })),
    schedule: {
      hours: hours.map((h) => ({ weekday: h.weekday, startMinute: h.start_minute, endMinute: h.end_minute })),
      daysOff: daysOff.map((d) => d.day),
      maxMinutesPerDay: p.max_minutes_per_day, minBreakMinutes: p.min_break_minutes,
    },
    portfolio: portfolio.map((x) => ({ id: x.id, url: fileUrl(x.file_id)!, caption: x.caption, stage: x.stage })),
    penalties: penalties.map((x) => ({
      id: x.id, kind: x.kind, reason: x.reason, days: x.days, startsAt: x.starts_at.toISOString(), endsAt: x.ends_at?.toISOString() ?? null,
      appealText: x.appeal_text, appealOutcome: x.appeal_outcome, appealNote: x.appeal_note, revoked: x.revoked_at !== null, canAppeal: x.appealed_at === null && x.revoked_at === null,
    })),
  };
}

/** Sends the application for review once identity, profile, skills, location and hours are in. */
export async function submitApplication(ctx: AppContext, userId: string) {
  const app = await getApplication(ctx, userId);
  if (app.missing.length) {
    throw new AppError('ONBOARDING_INCOMPLETE', {}, app.missing.map((m) => ({ field: m, code: 'required', message: { zh: '未完成', en: 'missing' } })));
  }
  if (!['draft', 'rejected'].includes(app.status)) throw new AppError('REVIEW_STATE', { status: app.status });
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('worker_profiles').set({ status: 'submitted', submitted_at: new Date(), updated_at: new Date() }).where('user_id', '=', userId).execute();
    await writeAudit(trx, { actorKind: 'user', actorId: userId, action: 'worker.submitted', targetType: 'worker', targetId: userId });
  });
  return getApplication(ctx, userId);
}

export async function addPortfolioItem(ctx: AppContext, userId: string, input: { fileId: string; caption: string; stage: 'before' | 'after' }) {
  const file = await ctx.db.selectFrom('files').select('id').where('id', '=', input.fileId).where('owner_id', '=', userId).where('purpose', '=', 'portfolio').executeTakeFirst();
  if (!file) throw new AppError('FILE_NOT_OWNED', {}, [{ field: 'fileId', code: 'file', message: { zh: '文件无效', en: 'unknown file' } }]);
  await ensureProfile(ctx.db, userId);
  const count = await ctx.db.selectFrom('worker_portfolio').select((eb) => eb.fn.countAll<number>().as('n')).where('worker_id', '=', userId).executeTakeFirstOrThrow();
  if (Number(count.n) >= 30) throw new AppError('VALIDATION_FAILED', {}, [{ field: 'fileId', code: 'maxItems', message: { zh: '作品最多 30 张', en: 'at most 30 portfolio photos' } }]);
  await ctx.db.insertInto('worker_portfolio').values({ worker_id: userId, file_id: file.id, caption: input.caption.trim(), stage: input.stage }).execute();
}

export async function removePortfolioItem(ctx: AppContext, userId: string, id: string) {
  const gone = await ctx.db.deleteFrom('worker_portfolio').where('id', '=', id).where('worker_id', '=', userId).returning('id').executeTakeFirst();
  if (!gone) throw new AppError('NOT_FOUND');
}
