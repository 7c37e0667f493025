import type { AppContext } from '../../platform/app-context.js';
import { writeAudit } from '../../platform/audit.js';
import dayjs from 'dayjs';
import { DEFAULT_QUIET_HOURS } from '../messaging/index.js';
import { notify } from '../messaging/index.js';
import { AppError } from '../../platform/errors.js';
import type { Actor } from '../admin/index.js';
import { expiryFlag, getApplication } from './application-service.js';
import { CERTIFICATE_LABELS, type CertificateKind } from './constants.js';

/** Applications by review status, oldest submission first; `q` matches the name or the phone's last digits. */
export async function reviewQueue(ctx: AppContext, f: { status?: 'submitted' | 'rejected' | 'approved'; q?: string; offset: number; limit: number }) {
  let query = ctx.db.selectFrom('worker_profiles as w').innerJoin('users as u', 'u.id', 'w.user_id')
    .leftJoin('districts as d', 'd.code', 'w.district_code').where('w.status', '=', f.status ?? 'submitted');
  if (f.q?.trim()) {
    const needle = f.q.trim().replace(/[%_\\]/g, (c) => `\\${c}`);
    query = query.where((eb) => eb.or([eb('w.display_name', 'ilike', `%${needle}%`), eb('u.phone_masked', 'like', `%${needle}`)]));
  }
  const [rows, total] = await Promise.all([
    query.select(['w.user_id', 'w.display_name', 'w.worker_type', 'w.submitted_at', 'w.experience_years', 'd.name as district_name', 'u.phone_masked'])
      .orderBy('w.submitted_at').orderBy('w.user_id').offset(f.offset).limit(f.limit).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow().then((r) => Number(r.n)),
  ]);
  return {
    total,
    items: rows.map((r) => ({
      workerId: r.user_id, displayName: r.display_name, workerType: r.worker_type, experienceYears: r.experience_years,
      districtName: r.district_name, phoneMasked: r.phone_masked, submittedAt: r.submitted_at?.toISOString() ?? null,
    })),
  };
}

/**
 * A worker's file for review. With `workers:pii` the real name and ID number are decrypted and the
 * view is audited; without it only masked values are shown.
 */
export async function reviewDetail(ctx: AppContext, actor: Actor & { permissions: string[] }, workerId: string) {
  const exists = await ctx.db.selectFrom('worker_profiles').select('user_id').where('user_id', '=', workerId).executeTakeFirst();
  if (!exists) throw new AppError('NOT_FOUND');
  const application = await getApplication(ctx, workerId);
  const identity = await ctx.db.selectFrom('worker_identities').selectAll().where('worker_id', '=', workerId).executeTakeFirst();
  const decisions = await ctx.db.selectFrom('worker_review_decisions').selectAll().where('worker_id', '=', workerId).orderBy('created_at', 'desc').execute();
  let pii = null;
  if (identity && actor.permissions.includes('workers:pii')) {
    pii = {
      realName: ctx.pii.decrypt(identity.real_name_enc), idNumber: ctx.pii.decrypt(identity.id_number_enc), checkResult: identity.check_result,
      frontUrl: `/api/files/${identity.front_file_id}`, backUrl: `/api/files/${identity.back_file_id}`, selfieUrl: `/api/files/${identity.selfie_file_id}`,
    };
    await writeAudit(ctx.db, { actorKind: 'admin', actorId: actor.id, actorName: actor.name, action: 'worker.pii_viewed', targetType: 'worker', targetId: workerId, ip: actor.ip });
  }
  return {
    workerId, ...application, pii,
    decisions: decisions.map((d) => ({ decision: d.decision, reason: d.reason, adminName: d.admin_name, at: d.created_at.toISOString() })),
  };
}

async function decide(ctx: AppContext, actor: Actor, workerId: string, decision: 'approved' | 'rejected', reason: string) {
  await ctx.db.transaction().execute(async (trx) => {
    const p = await trx.selectFrom('worker_profiles').select('status').where('user_id', '=', workerId).forUpdate().executeTakeFirst();
    if (!p) throw new AppError('NOT_FOUND');
    if (p.status !== 'submitted') throw new AppError('REVIEW_STATE', { status: p.status });
    const now = new Date();
    await trx.updateTable('worker_profiles').set({
      status: decision, review_note: decision === 'rejected' ? reason : '', updated_at: now, ...(decision === 'approved' ? { approved_at: now } : { online: false }),
    }).where('user_id', '=', workerId).execute();
    if (decision === 'approved') {
      await trx.updateTable('worker_certificates').set({ status: 'verified' }).where('worker_id', '=', workerId).where('status', '=', 'pending').execute();
    }
    await trx.insertInto('worker_review_decisions').values({ worker_id: workerId, decision, reason, admin_id: actor.id, admin_name: actor.name }).execute();
    const to = { userId: workerId, audience: 'worker' as const };
    if (decision === 'approved') await notify(trx, { type: 'onboarding_approved', to, vars: {}, linkId: workerId, now });
    else await notify(trx, { type: 'onboarding_rejected', to, vars: { reason: reason || '—' }, linkId: workerId, now });
    await writeAudit(trx, { actorKind: 'admin', actorId: actor.id, actorName: actor.name, action: `worker.${decision}`, targetType: 'worker', targetId: workerId, ip: actor.ip, detail: { reason } });
  });
}

export const approveWorker = (ctx: AppContext, actor: Actor, workerId: string) => decide(ctx, actor, workerId, 'approved', '');
/** Rejects with a reason the worker sees; they fix and resubmit. */
export const rejectWorker = (ctx: AppContext, actor: Actor, workerId: string, reason: string) => decide(ctx, actor, workerId, 'rejected', reason.trim());

/** Verifies or rejects one certificate (with a reason the worker sees); an approved worker keeps working meanwhile. */
export async function decideCertificate(ctx: AppContext, actor: Actor, workerId: string, certificateId: string, input: { status: 'verified' | 'rejected'; reason?: string }) {
  if (input.status === 'rejected' && !input.reason?.trim()) {
    throw new AppError('VALIDATION_FAILED', {}, [{ field: 'reason', code: 'required', message: { zh: '驳回需填写原因', en: 'required to reject' } }]);
  }
  await ctx.db.transaction().execute(async (trx) => {
    const updated = await trx.updateTable('worker_certificates').set({ status: input.status, review_note: input.status === 'rejected' ? input.reason!.trim() : '' })
      .where('id', '=', certificateId).where('worker_id', '=', workerId).returning('id').executeTakeFirst();
    if (!updated) throw new AppError('NOT_FOUND');
    await writeAudit(trx, { actorKind: 'admin', actorId: actor.id, actorName: actor.name, action: `worker.certificate_${input.status}`, targetType: 'certificate', targetId: certificateId, ip: actor.ip, detail: { workerId, reason: input.reason ?? '' } });
  });
}

/** Warning, suspension for N days (no orders, offline) or permanent removal — each with a reason, visible to the worker. */
export async function penalizeWorker(ctx: AppContext, actor: Actor, workerId: string, input: { kind: 'warning' | 'suspension' | 'removal'; reason: string; days?: number }) {
  if (input.kind === 'suspension' && !input.days) {
    throw new AppError('VALIDATION_FAILED', {}, [{ field: 'days', code: 'required', message: { zh: '停单需填写天数', en: 'required for a suspension' } }]);
  }
  return ctx.db.transaction().execute((trx) => insertPenalty(trx, actor, workerId, input));
}

/** Records a penalty inside the caller's transaction (console decisions, no-shows). */
export async function insertPenalty(trx: AppContext['db'], actor: { id: string | null; name: string; ip: string }, workerId: string, input: { kind: 'warning' | 'suspension' | 'removal'; reason: string; days?: number }) {
  const p = await trx.selectFrom('worker_profiles').select(['status', 'suspended_until']).where('user_id', '=', workerId).forUpdate().executeTakeFirst();
  if (!p) throw new AppError('NOT_FOUND');
  if (p.status === 'removed') throw new AppError('REVIEW_STATE', { status: p.status });
  const now = new Date();
  const endsAt = input.kind === 'suspension' ? new Date(now.getTime() + input.days! * 86_400_000) : null;
  const row = await trx.insertInto('worker_penalties').values({
    worker_id: workerId, kind: input.kind, reason: input.reason.trim(), days: input.kind === 'suspension' ? input.days! : null, ends_at: endsAt, admin_id: actor.id, admin_name: actor.name,
  }).returning('id').executeTakeFirstOrThrow();
  if (input.kind === 'suspension') {
    const until = p.suspended_until && p.suspended_until > endsAt! ? p.suspended_until : endsAt;
    await trx.updateTable('worker_profiles').set({ suspended_until: until, online: false, updated_at: now }).where('user_id', '=', workerId).execute();
  }
  if (input.kind === 'removal') await trx.updateTable('worker_profiles').set({ status: 'removed', online: false, updated_at: now }).where('user_id', '=', workerId).execute();
  await noticePenalty(trx, workerId, row.id, input.kind, input.reason.trim(), endsAt, now);
  await writeAudit(trx, { actorKind: actor.id ? 'admin' : 'system', actorId: actor.id, actorName: actor.name, action: `worker.penalty_${input.kind}`, targetType: 'worker', targetId: workerId, ip: actor.ip, detail: { reason: input.reason, days: input.days ?? null } });
  return { id: row.id };
}

/** How long a worker has to appeal a penalty (shown in the penalty notice). */
const APPEAL_DAYS = 7;
/** Dates in worker notices are the served city's (workers carry no city of their own yet). */
const DEFAULT_ZONE = DEFAULT_QUIET_HOURS.timeZone;

async function noticePenalty(trx: AppContext['db'], workerId: string, penaltyId: string, kind: 'warning' | 'suspension' | 'removal', reason: string, endsAt: Date | null, now: Date) {
  const day = (d: Date) => dayjs(d).tz(DEFAULT_ZONE).format('YYYY-MM-DD');
  const appealDeadline = day(new Date(now.getTime() + APPEAL_DAYS * 86_400_000));
  const vars = kind === 'suspension' ? { penalty: kind, reason, appealDeadline, until: day(endsAt!) } : { penalty: kind, reason, appealDeadline };
  await notify(trx, { type: 'penalty_issued', to: { userId: workerId, audience: 'worker' }, vars, linkId: penaltyId, now });
}

/** The worker appeals a penalty, once. */
export async function appealPenalty(ctx: AppContext, workerId: string, penaltyId: string, text: string) {
  const updated = await ctx.db.updateTable('worker_penalties').set({ appeal_text: text.trim(), appealed_at: new Date() })
    .where('id', '=', penaltyId).where('worker_id', '=', workerId).where('appealed_at', 'is', null).where('revoked_at', 'is', null)
    .returning('id').executeTakeFirst();
  if (!updated) {
    const exists = await ctx.db.selectFrom('worker_penalties').select('id').where('id', '=', penaltyId).where('worker_id', '=', workerId).executeTakeFirst();
    throw new AppError(exists ? 'APPEAL_NOT_ALLOWED' : 'NOT_FOUND');
  }
  await writeAudit(ctx.db, { actorKind: 'user', actorId: workerId, action: 'worker.penalty_appealed', targetType: 'penalty', targetId: penaltyId });
}

/** Ops decide an appeal: upheld keeps the penalty; revoked lifts a suspension or restores a removed worker. */
export async function decideAppeal(ctx: AppContext, actor: Actor, penaltyId: string, input: { outcome: 'upheld' | 'revoked'; note: string }) {
  await ctx.db.transaction().execute(async (trx) => {
    const pen = await trx.selectFrom('worker_penalties').selectAll().where('id', '=', penaltyId).forUpdate().executeTakeFirst();
    if (!pen) throw new AppError('NOT_FOUND');
    if (!pen.appealed_at || pen.appeal_outcome) throw new AppError('APPEAL_NOT_ALLOWED');
    const now = new Date();
    await trx.updateTable('worker_penalties').set({ appeal_outcome: input.outcome, appeal_note: input.note.trim(), appeal_decided_at: now, ...(input.outcome === 'revoked' ? { revoked_at: now } : {}) })
      .where('id', '=', penaltyId).execute();
    if (input.outcome === 'revoked' && pen.kind === 'suspension') {
      const other = await trx.selectFrom('worker_penalties').select((eb) => eb.fn.max('ends_at').as('until'))
        .where('worker_id', '=', pen.worker_id).where('kind', '=', 'suspension').where('revoked_at', 'is', null).where('ends_at', '>', now).executeTakeFirst();
      await trx.updateTable('worker_profiles').set({ suspended_until: (other?.until as Date | null) ?? null }).where('user_id', '=', pen.worker_id).execute();
    }
    if (input.outcome === 'revoked' && pen.kind === 'removal') {
      await trx.updateTable('worker_profiles').set({ status: 'approved' }).where('user_id', '=', pen.worker_id).where('status', '=', 'removed').execute();
    }
    await notify(trx, {
      type: 'appeal_outcome', to: { userId: pen.worker_id, audience: 'worker' }, linkId: penaltyId, now,
      vars: input.outcome === 'revoked' ? { decision: 'overturned', penalty: pen.kind } : { decision: 'upheld', penalty: pen.kind, reason: input.note.trim() || '—' },
    });
    await writeAudit(trx, { actorKind: 'admin', actorId: actor.id, actorName: actor.name, action: `worker.appeal_${input.outcome}`, targetType: 'penalty', targetId: penaltyId, ip: actor.ip });
  });
}

/** Verified certificates expiring within `days` (or already expired), soonest first — for ops to chase renewals. */
export async function expiringCertificates(ctx: AppContext, days: number) {
  const until = new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  const rows = await ctx.db.selectFrom('worker_certificates as c').innerJoin('worker_profiles as w', 'w.user_id', 'c.worker_id')
    .select(['c.id', 'c.kind', 'c.number', 'c.expires_at', 'w.user_id', 'w.display_name'])
    .where('c.status', '=', 'verified').where('c.expires_at', '<=', until).where('w.status', '!=', 'removed')
    .orderBy('c.expires_at').limit(500).execute();
  return rows.map((r) => ({ ...expiryFlag(r.expires_at), id: r.id, kind: r.kind, number: r.number, expiresAt: r.expires_at, workerId: r.user_id, workerName: r.display_name }));
}

/** Days ahead a worker is told that a certificate runs out. */
export const CERTIFICATE_NOTICE_DAYS = 30;

/** 证书即将到期: each verified certificate running out within the notice period is announced once to its worker. */
export async function noticeExpiringCertificates(ctx: AppContext): Promise<number> {
  const soon = (await expiringCertificates(ctx, CERTIFICATE_NOTICE_DAYS)).filter((c) => c.expiringSoon || (c.daysLeft !== null && c.daysLeft >= 0));
  for (const c of soon) {
    const label = CERTIFICATE_LABELS[c.kind as CertificateKind]?.zh ?? c.kind;
    await notify(ctx.db, { type: 'certificate_expiring', to: { userId: c.workerId, audience: 'worker' }, vars: { certificate: label, expiresOn: c.expiresAt! }, linkId: c.workerId, dedupeKey: `certificate:${c.id}:${c.expiresAt}` });
  }
  return soon.length;
}
