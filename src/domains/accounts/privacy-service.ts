import type { AppContext } from '../../platform/app-context.js';
import { writeAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { deleteFileRowsOf } from '../../platform/files.js';
import { eraseOutboxFor } from '../../platform/providers/outbox.js';
import { listSessions, revokeAllSessions } from '../../platform/sessions.js';
import { listMyAddresses } from './addresses-service.js';
import { recheckPassword } from './passwords.js';
import { eraseHeldData, exportHeldData } from './personal-data.js';
import { presentUser } from './present.js';
import * as q from './queries.js';
import { consentsOf } from './privacy-policy.js';
import { consumeSmsCode, issueSmsCode, SMS_RULES } from './sms-codes.js';

/** PIPL Art. 45: everything we hold about the person, in clear, as one JSON document. */
export async function exportMyData(ctx: AppContext, userId: string) {
  const user = await q.findUserById(ctx.db, userId);
  if (!user || user.deleted_at) throw new AppError('UNAUTHENTICATED');
  const contact = user.emergency_contact;
  const [addresses, sessions, activity, files, held, consents] = await Promise.all([
    listMyAddresses(ctx, userId),
    listSessions(ctx.db, 'user', userId),
    ctx.db.selectFrom('audit_log').select(['action', 'ip', 'detail', 'created_at']).where('actor_id', '=', userId).orderBy('created_at', 'desc').limit(1000).execute(),
    ctx.db.selectFrom('files').select(['id', 'purpose', 'content_type', 'size_bytes', 'created_at']).where('owner_kind', '=', 'user').where('owner_id', '=', userId).execute(),
    exportHeldData(ctx.db, userId),
    consentsOf(ctx.db, userId),
  ]);
  return {
    exportedAt: new Date().toISOString(),
    account: { ...presentUser(user), phone: user.phone_enc ? ctx.pii.decrypt(user.phone_enc) : null },
    emergencyContact: contact ? { name: contact.name, phone: ctx.pii.decrypt(contact.phoneEnc), relation: contact.relation } : null,
    addresses: await Promise.all(addresses.map(async (a) => {
      const row = await q.findAddress(ctx.db, userId, a.id);
      return { ...a, contactPhone: row ? ctx.pii.decrypt(row.contact_phone_enc) : null };
    })),
    sessions: sessions.map((s) => ({ userAgent: s.user_agent, ip: s.ip, createdAt: s.created_at, lastSeenAt: s.last_seen_at })),
    activity,
    files,
    privacyConsents: consents,
    ...held,
  };
}

/** Sends the account-deletion SMS code to the signed-in account's own phone. */
export async function sendDeletionCode(ctx: AppContext, userId: string, ip: string) {
  const user = await q.findUserById(ctx.db, userId);
  if (!user?.phone_enc || user.deleted_at) throw new AppError('PHONE_NOT_BOUND');
  await issueSmsCode(ctx, ctx.pii.decrypt(user.phone_enc), 'delete_account', ip);
  return { expiresInSeconds: SMS_RULES.ttlSeconds, resendAfterSeconds: SMS_RULES.resendSeconds };
}

/**
 * 注销 (PIPL Art. 47): after re-authentication, erases personal data (name, phone, e-mail, addresses,
 * emergency contact, avatar, worker profile, outbox messages) and revokes sessions. The user row stays,
 * anonymised, so money and order records keep a valid reference.
 */
export async function deleteMyAccount(ctx: AppContext, userId: string, proof: { password?: string; code?: string }, ip: string) {
  const user = await q.findUserById(ctx.db, userId);
  if (!user || user.deleted_at) throw new AppError('UNAUTHENTICATED');
  const phone = user.phone_enc ? ctx.pii.decrypt(user.phone_enc) : null;
  if (proof.password !== undefined) {
    await recheckPassword(ctx.db, user.id, user.password_hash, proof.password, 'password');
  } else if (proof.code !== undefined && phone) {
    await consumeSmsCode(ctx, phone, 'delete_account', proof.code);
  } else {
    throw new AppError('REAUTH_REQUIRED');
  }
  const storageKeys = await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({
      name: '', gender: 'undisclosed', avatar_file_id: null, phone_hash: null, phone_enc: null, phone_masked: null,
      email: null, email_verified_at: null, password_hash: null, emergency_contact: null, deleted_at: new Date(), updated_at: new Date(),
    }).where('id', '=', userId).execute();
    await trx.deleteFrom('addresses').where('user_id', '=', userId).execute();
    await trx.deleteFrom('email_tokens').where('user_id', '=', userId).execute();
    if (user.phone_hash) await trx.deleteFrom('sms_codes').where('phone_hash', '=', user.phone_hash).execute();
    await eraseOutboxFor(trx, [phone, user.email].filter((r): r is string => !!r));
    await eraseHeldData(trx, userId);
    const keys = await deleteFileRowsOf(trx, 'user', userId);
    await revokeAllSessions(trx, 'user', userId);
    await trx.updateTable('audit_log').set({ actor_name: '' }).where('actor_id', '=', userId).execute();
    await writeAudit(trx, { actorKind: 'user', actorId: userId, action: 'account.deleted', targetType: 'user', targetId: userId, ip });
    return keys;
  });
  await Promise.all(storageKeys.map((k) => ctx.storage.remove(k)));
}
