import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/types.js';

export type UserRow = Awaited<ReturnType<typeof findUserById>> & {};

export function findUserById(db: Kysely<DB>, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findUserByPhoneHash(db: Kysely<DB>, phoneHash: string) {
  return db.selectFrom('users').selectAll().where('phone_hash', '=', phoneHash).executeTakeFirst();
}

export function findUserByEmail(db: Kysely<DB>, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

/** Inserts a phone account unless one exists (concurrent sign-ups of one phone create one row). */
export async function insertPhoneUser(db: Kysely<DB>, v: { phoneHash: string; phoneEnc: string; phoneMasked: string; role: string }) {
  await db.insertInto('users').values({
    phone_hash: v.phoneHash, phone_enc: v.phoneEnc, phone_masked: v.phoneMasked, roles: [v.role],
  }).onConflict((oc) => oc.column('phone_hash').doNothing()).execute();
  return db.selectFrom('users').selectAll().where('phone_hash', '=', v.phoneHash).executeTakeFirstOrThrow();
}

export async function addRole(db: Kysely<DB>, userId: string, role: string) {
  await db.updateTable('users')
    .set({ roles: sql`array_append(roles, ${role})`, updated_at: new Date() })
    .where('id', '=', userId).where(sql<boolean>`not (${role} = any(roles))`).execute();
}

export function createEmailToken(db: Kysely<DB>, v: { tokenHash: string; userId: string; expiresAt: Date }) {
  return db.insertInto('email_tokens').values({ token_hash: v.tokenHash, user_id: v.userId, purpose: 'verify_email', expires_at: v.expiresAt }).execute();
}

/** Marks a verification token used and returns its user, or undefined when unknown/expired/used. */
export function consumeEmailToken(db: Kysely<DB>, tokenHash: string) {
  return db.updateTable('email_tokens').set({ consumed_at: new Date() })
    .where('token_hash', '=', tokenHash).where('consumed_at', 'is', null).where('expires_at', '>', new Date())
    .returning('user_id').executeTakeFirst();
}

export function listAddresses(db: Kysely<DB>, userId: string) {
  return db.selectFrom('addresses').selectAll().where('user_id', '=', userId)
    .orderBy('is_default', 'desc').orderBy('created_at', 'desc').execute();
}

export function findAddress(db: Kysely<DB>, userId: string, id: string) {
  return db.selectFrom('addresses').selectAll().where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
}

export async function clearDefaultAddress(db: Kysely<DB>, userId: string) {
  await db.updateTable('addresses').set({ is_default: false }).where('user_id', '=', userId).where('is_default', '=', true).execute();
}

export function searchUsers(db: Kysely<DB>, f: { q?: string; role?: string; offset: number; limit: number }) {
  let q = db.selectFrom('users');
  if (f.role) q = q.where(sql<boolean>`${f.role} = any(roles)`);
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('name', 'ilike', like), eb('email', 'ilike', like), eb('phone_masked', 'like', like)]));
  }
  return Promise.all([
    q.select(['id', 'name', 'roles', 'phone_masked', 'email', 'created_at', 'deleted_at'])
      .orderBy('created_at', 'desc').orderBy('id').offset(f.offset).limit(f.limit).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow().then((r) => Number(r.n)),
  ]);
}

export function countUsersWithRole(db: Kysely<DB>, role: string) {
  return db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n'))
    .where(sql<boolean>`${role} = any(roles)`).where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow().then((r) => Number(r.n));
}
