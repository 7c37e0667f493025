import type { AppContext } from '../../platform/app-context.js';
import { maskPhone } from '../../platform/mask.js';
import * as q from './queries.js';
import { requirePhone } from './service.js';

type Db = AppContext['db'];

/** Name and phone of an account, for reminders and relay bindings (null phone for e-mail-only or deleted accounts). */
export async function userContact(ctx: AppContext, db: Db, userId: string) {
  const u = await db.selectFrom('users').select(['name', 'phone_enc', 'phone_masked', 'deleted_at']).where('id', '=', userId).executeTakeFirst();
  if (!u || u.deleted_at) return null;
  return { name: u.name, phone: u.phone_enc ? ctx.pii.decrypt(u.phone_enc) : null, phoneMasked: u.phone_masked };
}

/** Where a notification may reach the user: the phone (verified by SMS sign-in) and a verified e-mail. */
export async function notificationContact(ctx: AppContext, db: Db, userId: string) {
  const u = await db.selectFrom('users').select(['phone_enc', 'email', 'email_verified_at', 'deleted_at']).where('id', '=', userId).executeTakeFirst();
  if (!u || u.deleted_at) return null;
  return { phone: u.phone_enc ? ctx.pii.decrypt(u.phone_enc) : null, email: u.email && u.email_verified_at ? u.email : null };
}

/** Support books for a caller: the account with this phone, created (customer role) when new. */
export async function findOrCreatePhoneCustomer(ctx: AppContext, db: Db, phoneInput: string, name: string) {
  const phone = requirePhone(phoneInput, 'customerPhone');
  const phoneHash = ctx.pii.blindIndex(phone);
  const existing = await q.findUserByPhoneHash(db, phoneHash);
  const user = existing ?? await q.insertPhoneUser(db, { phoneHash, phoneEnc: ctx.pii.encrypt(phone), phoneMasked: maskPhone(phone), role: 'customer' });
  if (!user.roles.includes('customer')) await q.addRole(db, user.id, 'customer');
  if (!user.name && name.trim()) await db.updateTable('users').set({ name: name.trim(), updated_at: new Date() }).where('id', '=', user.id).execute();
  return { id: user.id, phone, created: !existing };
}
