import type { Kysely } from 'kysely';
import type { AppContext } from '../../platform/app-context.js';
import type { DB } from '../../db/types.js';
import { writeAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { fileUrl, IMAGE_TYPES, storeUpload } from '../../platform/files.js';
import { ageOn, maskIdNumber, parseIdNumber } from '../../platform/id-number.js';
import { maskName } from '../../platform/mask.js';
import { getDistrict } from '../geo/index.js';
import { CERTIFICATE_KINDS, DOCUMENT_PURPOSES, type DocumentPurpose } from './constants.js';
import { ensureProfile } from './profile-row.js';
import { dissolveTeam, leadTeam } from './team-service.js';

export const CONSENT_VERSION = 'pipl-2026-11';
const DOC_MAX_BYTES = 8 * 1024 * 1024;


/** Changing identity, certificates or skills of a reviewed profile sends it back for review. */
async function needsReReview(db: Kysely<DB>, userId: string, what: string) {
  const p = await ensureProfile(db, userId);
  if (p.status === 'approved' || p.status === 'rejected') {
    await db.updateTable('worker_profiles').set({ status: 'submitted', submitted_at: new Date(), review_note: '', updated_at: new Date() }).where('user_id', '=', userId).execute();
    await writeAudit(db, { actorKind: 'user', actorId: userId, action: 'worker.re_review', targetType: 'worker', targetId: userId, detail: { what } });
  }
}

function assertEditable(status: string) {
  if (status === 'removed') throw new AppError('REVIEW_STATE', { status });
}

/** Stores an onboarding document: ID photos and selfie and certificates stay private; portfolio photos are public. */
export async function uploadDocument(ctx: AppContext, userId: string, purpose: DocumentPurpose, bytes: Buffer) {
  const p = await ensureProfile(ctx.db, userId);
  assertEditable(p.status);
  const allowed = purpose === 'certificate' ? [...IMAGE_TYPES, 'application/pdf'] : IMAGE_TYPES;
  const file = await storeUpload(ctx.db, ctx.storage, { ownerKind: 'user', ownerId: userId, purpose, bytes, allowed, maxBytes: DOC_MAX_BYTES, isPublic: purpose === 'portfolio' });
  return { fileId: file.id, contentType: file.contentType, url: fileUrl(file.id)! };
}

async function ownedFile(db: Kysely<DB>, userId: string, fileId: string, purposes: readonly string[], field: string) {
  const f = await db.selectFrom('files').select(['id', 'purpose']).where('id', '=', fileId).where('owner_kind', '=', 'user').where('owner_id', '=', userId).executeTakeFirst();
  if (!f || !purposes.includes(f.purpose)) throw new AppError('FILE_NOT_OWNED', {}, [{ field, code: 'file', message: { zh: '文件无效', en: 'unknown file' } }]);
  return f.id;
}

export interface ProfileInput {
  workerType: 'individual' | 'team'; teamName?: string; displayName: string; experienceYears: number;
  previousEmployers: string[]; intro: string; skills: string[]; districtCode: string; homeLat: number; homeLng: number; serviceRadiusKm: number;
  /** 期望薪资: the worker's asking rate, optional. */
  rate?: { fen: number; unit: 'hour' | 'day' | 'month' } | null;
}

/** Saves the worker's profile: type (individual / team), experience, skills (catalogue items), home base and radius. */
export async function saveProfile(ctx: AppContext, userId: string, input: ProfileInput) {
  const district = await getDistrict(ctx.db, input.districtCode);
  if (!district) throw new AppError('DISTRICT_UNKNOWN', {}, [{ field: 'districtCode', code: 'unknown', message: { zh: '未知区县', en: 'unknown district' } }]);
  const items = await ctx.db.selectFrom('service_items').select(['id', 'code']).where('code', 'in', input.skills.length ? input.skills : ['']).execute();
  const unknown = input.skills.filter((c) => !items.some((i) => i.code === c));
  if (unknown.length) throw new AppError('VALIDATION_FAILED', {}, [{ field: 'skills', code: 'unknown', message: { zh: '未知服务项目: {codes}', en: 'unknown items: {codes}' }, vars: { codes: unknown.join(', ') } }]);
  await ctx.db.transaction().execute(async (trx) => {
    const p = await ensureProfile(trx, userId);
    assertEditable(p.status);
    const before = (await trx.selectFrom('worker_skills').select('item_id').where('worker_id', '=', userId).execute()).map((r) => r.item_id).sort();
    await trx.updateTable('worker_profiles').set({
      worker_type: input.workerType, display_name: input.displayName.trim(), experience_years: input.experienceYears, previous_employers: input.previousEmployers,
      intro: input.intro.trim(), rate_fen: input.rate?.fen ?? null, rate_unit: input.rate?.unit ?? null, district_code: district.code, home_lat: input.homeLat, home_lng: input.homeLng, service_radius_km: input.serviceRadiusKm, updated_at: new Date(),
    }).where('user_id', '=', userId).execute();
    await trx.deleteFrom('worker_skills').where('worker_id', '=', userId).execute();
    if (items.length) await trx.insertInto('worker_skills').values(items.map((i) => ({ worker_id: userId, item_id: i.id }))).execute();
    if (input.workerType === 'team') await leadTeam(trx, userId, (input.teamName ?? '').trim() || `${input.displayName.trim()}团队`);
    else await dissolveTeam(trx, userId);
    if (JSON.stringify(before) !== JSON.stringify(items.map((i) => i.id).sort())) await needsReReview(trx, userId, 'skills');
  });
}

/**
 * Real-name verification: GB 11643 checksum, 18+, the KYC provider's name and face checks, one
 * verified account per ID. Name and ID number are stored encrypted, with masked copies for display.
 */
export async function saveIdentity(ctx: AppContext, userId: string, input: { realName: string; idNumber: string; frontFileId: string; backFileId: string; selfieFileId: string; consent: boolean }) {
  const parsed = parseIdNumber(input.idNumber);
  if (!parsed) throw new AppError('ID_NUMBER_INVALID', {}, [{ field: 'idNumber', code: 'checksum', message: { zh: '号码或校验位错误', en: 'wrong number or check digit' } }]);
  if (ageOn(parsed.birthDate, new Date()) < 18) throw new AppError('UNDERAGE', {}, [{ field: 'idNumber', code: 'underage', message: { zh: '未满 18 周岁', en: 'under 18' } }]);
  if (!input.consent) throw new AppError('VALIDATION_FAILED', {}, [{ field: 'consent', code: 'required', message: { zh: '需同意个人敏感信息处理', en: 'consent is required' } }]);
  const [front, back, selfie] = await Promise.all([
    ownedFile(ctx.db, userId, input.frontFileId, ['id_front'], 'frontFileId'), ownedFile(ctx.db, userId, input.backFileId, ['id_back'], 'backFileId'),
    ownedFile(ctx.db, userId, input.selfieFileId, ['selfie'], 'selfieFileId'),
  ]);
  const bytes = await Promise.all([front, back, selfie].map(async (id) => {
    const f = await ctx.db.selectFrom('files').select('storage_key').where('id', '=', id).executeTakeFirstOrThrow();
    return (await ctx.storage.get(f.storage_key)) ?? Buffer.alloc(0);
  }));
  const check = await ctx.kyc.verify({ realName: input.realName.trim(), idNumber: parsed.normalised, idFront: bytes[0]!, idBack: bytes[1]!, selfie: bytes[2]! });
  if (!check.passed) throw new AppError('KYC_FAILED', { reasons: check.reasons.join(', ') });
  const idHash = ctx.pii.blindIndex(`id:${parsed.normalised}`);
  await ctx.db.transaction().execute(async (trx) => {
    const p = await ensureProfile(trx, userId);
    assertEditable(p.status);
    const taken = await trx.selectFrom('worker_identities').select('worker_id').where('id_number_hash', '=', idHash).executeTakeFirst();
    if (taken && taken.worker_id !== userId) throw new AppError('IDENTITY_TAKEN');
    const values = {
      real_name_enc: ctx.pii.encrypt(input.realName.trim()), real_name_masked: maskName(input.realName.trim()), id_number_enc: ctx.pii.encrypt(parsed.normalised),
      id_number_hash: idHash, id_number_masked: maskIdNumber(parsed.normalised), birth_date: parsed.birthDate, front_file_id: front, back_file_id: back,
      selfie_file_id: selfie, check_result: JSON.stringify(check), consent_version: CONSENT_VERSION, consent_at: new Date(), updated_at: new Date(),
    };
    await trx.insertInto('worker_identities').values({ worker_id: userId, ...values }).onConflict((oc) => oc.column('worker_id').doUpdateSet(values)).execute();
    await trx.updateTable('worker_profiles').set({ gender: parsed.gender }).where('user_id', '=', userId).execute();
    await writeAudit(trx, { actorKind: 'user', actorId: userId, action: 'worker.identity_submitted', targetType: 'worker', targetId: userId, detail: { consentVersion: CONSENT_VERSION, check: check.provider } });
    await needsReReview(trx, userId, 'identity');
  });
}

/** Adds a qualification certificate (must not be expired); changes send an approved profile back to review. */
export async function addCertificate(ctx: AppContext, userId: string, input: { kind: string; number: string; expiresAt: string | null; fileId: string }) {
  if (!CERTIFICATE_KINDS.includes(input.kind as never)) throw new AppError('VALIDATION_FAILED', {}, [{ field: 'kind', code: 'enum', message: { zh: '不支持的证书类型', en: 'unknown certificate kind' } }]);
  if (input.expiresAt && input.expiresAt <= new Date().toISOString().slice(0, 10)) {
    throw new AppError('CERTIFICATE_EXPIRED', {}, [{ field: 'expiresAt', code: 'expired', message: { zh: '证书已过期', en: 'already expired' } }]);
  }
  const fileId = await ownedFile(ctx.db, userId, input.fileId, ['certificate'], 'fileId');
  return ctx.db.transaction().execute(async (trx) => {
    assertEditable((await ensureProfile(trx, userId)).status);
    const row = await trx.insertInto('worker_certificates').values({ worker_id: userId, kind: input.kind, number: input.number.trim(), expires_at: input.expiresAt, file_id: fileId })
      .returningAll().executeTakeFirstOrThrow();
    await needsReReview(trx, userId, 'certificate');
    return row;
  });
}

export async function removeCertificate(ctx: AppContext, userId: string, id: string) {
  const gone = await ctx.db.deleteFrom('worker_certificates').where('id', '=', id).where('worker_id', '=', userId).returning('id').executeTakeFirst();
  if (!gone) throw new AppError('NOT_FOUND');
}

export { DOCUMENT_PURPOSES };
