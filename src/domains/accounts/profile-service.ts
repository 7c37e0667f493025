import type { AppContext } from '../../platform/app-context.js';
import { writeAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { IMAGE_TYPES, storeUpload } from '../../platform/files.js';
import { maskPhone } from '../../platform/mask.js';
import { listSessions, revokeAllSessions, revokeSession } from '../../platform/sessions.js';
import { assertStrongPassword, hashPassword, recheckPassword } from './passwords.js';
import { presentUser } from './present.js';
import * as q from './queries.js';
import { requirePhone } from './service.js';

export const AVATAR_MAX_BYTES = 2 * 1024 * 1024;

async function mustFindUser(ctx: AppContext, userId: string) {
  const user = await q.findUserById(ctx.db, userId);
  if (!user || user.deleted_at) throw new AppError('UNAUTHENTICATED');
  return user;
}

export async function getMe(ctx: AppContext, userId: string) {
  return presentUser(await mustFindUser(ctx, userId));
}

export async function updateProfile(ctx: AppContext, userId: string, patch: { name?: string; gender?: 'male' | 'female' | 'undisclosed' }) {
  const set: { name?: string; gender?: 'male' | 'female' | 'undisclosed'; updated_at: Date } = { updated_at: new Date() };
  if (patch.name !== undefined) set.name = patch.name.trim();
  if (patch.gender !== undefined) set.gender = patch.gender;
  await ctx.db.updateTable('users').set(set).where('id', '=', userId).execute();
  return getMe(ctx, userId);
}

/** Replaces the avatar with an uploaded image (type checked by content, at most 2 MiB). */
export async function setAvatar(ctx: AppContext, userId: string, bytes: Buffer) {
  const old = (await mustFindUser(ctx, userId)).avatar_file_id;
  const file = await storeUpload(ctx.db, ctx.storage, {
    ownerKind: 'user', ownerId: userId, purpose: 'avatar', bytes, allowed: IMAGE_TYPES, maxBytes: AVATAR_MAX_BYTES, isPublic: true,
  });
  await ctx.db.updateTable('users').set({ avatar_file_id: file.id, updated_at: new Date() }).where('id', '=', userId).execute();
  if (old) {
    const removed = await ctx.db.deleteFrom('files').where('id', '=', old).returning('storage_key').executeTakeFirst();
    if (removed) await ctx.storage.remove(removed.storage_key);
  }
  return { avatarUrl: `/api/files/${file.id}` };
}

/** Sets or changes the password; the current one is required when there is one. Signs out other devices. */
export async function changePassword(ctx: AppContext, userId: string, sessionId: string, input: { currentPassword?: string; newPassword: string }, ip: string) {
  const user = await mustFindUser(ctx, userId);
  if (user.password_hash) await recheckPassword(ctx.db, user.id, user.password_hash, input.currentPassword ?? '', 'currentPassword');
  try {
    assertStrongPassword(input.newPassword);
  } catch (err) {
    throw new AppError('PASSWORD_WEAK', {}, [{ field: 'newPassword', code: 'weak', message: { zh: '至少 8 位且包含字母和数字', en: 'at least 8 characters with letters and digits' } }]);
  }
  const hash = await hashPassword(input.newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: hash, updated_at: new Date() }).where('id', '=', userId).execute();
    await revokeAllSessions(trx, 'user', userId, sessionId);
    await writeAudit(trx, { actorKind: 'user', actorId: userId, action: 'account.password_changed', targetType: 'user', targetId: userId, ip });
  });
}

export async function getEmergencyContact(ctx: AppContext, userId: string) {
  const c = (await mustFindUser(ctx, userId)).emergency_contact;
  return c ? { name: c.name, phoneMasked: c.phoneMasked, relation: c.relation } : null;
}

export async function setEmergencyContact(ctx: AppContext, userId: string, input: { name: string; phone: string; relation: string }) {
  const phone = requirePhone(input.phone);
  const contact = { name: input.name.trim(), phoneEnc: ctx.pii.encrypt(phone), phoneMasked: maskPhone(phone), relation: input.relation.trim() };
  await ctx.db.updateTable('users').set({ emergency_contact: JSON.stringify(contact), updated_at: new Date() }).where('id', '=', userId).execute();
  return { name: contact.name, phoneMasked: contact.phoneMasked, relation: contact.relation };
}

/** "My devices": live sessions, the current one flagged. */
export async function listDevices(ctx: AppContext, userId: string, currentSessionId: string) {
  const rows = await listSessions(ctx.db, 'user', userId);
  return rows.map((s) => ({
    id: s.id, userAgent: s.user_agent, ip: s.ip, createdAt: s.created_at.toISOString(),
    lastSeenAt: s.last_seen_at.toISOString(), current: s.id === currentSessionId,
  }));
}

export async function signOutDevice(ctx: AppContext, userId: string, sessionId: string) {
  const owned = await ctx.db.selectFrom('sessions').select('id')
    .where('id', '=', sessionId).where('principal_kind', '=', 'user').where('principal_id', '=', userId).executeTakeFirst();
  if (!owned) throw new AppError('NOT_FOUND');
  await revokeSession(ctx.db, sessionId);
}
