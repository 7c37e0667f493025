import type { Kysely, Selectable } from 'kysely';
import type { AppContext, RequestMeta } from '../../platform/app-context.js';
import type { DB } from '../../db/types.js';
import { writeAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { can, permissionsOf, type Permission } from '../../platform/rbac.js';
import { createSession } from '../../platform/sessions.js';
import { beginPasswordAttempt, type SignInRules } from '../../platform/sign-in-guard.js';
import { assertStrongPassword, hashPassword, passwordMatchesInConstantWork } from '../accounts/index.js';

type AdminRow = Selectable<DB['admin_accounts']>;
export interface Actor { id: string; name: string; ip: string }

export function presentAdmin(a: AdminRow) {
  return {
    id: a.id, username: a.username, name: a.name, roles: a.roles, disabled: a.disabled,
    createdAt: a.created_at.toISOString(), lastLoginAt: a.last_login_at?.toISOString() ?? null,
  };
}

/**
 * The console sign-in limits (docs/api-foundation.md, "Sign-in limits"): 5 failures per username and client address in
 * 15 min lock that address out for the rest of the 15 min; 10 failures per username in an hour from addresses the
 * admin has not signed in from within 30 days lock out such new addresses for the rest of the hour (the admin's known
 * addresses keep working). Each lockout is audited as `admin.sign_in_locked`.
 */
export const CONSOLE_SIGN_IN_RULES: SignInRules = {
  perAddress: { scope: 'console.account_address', limit: 5, windowSeconds: 15 * 60 },
  perAccount: { scope: 'console.account', limit: 10, windowSeconds: 60 * 60 },
  knownAddressDays: 30,
  lockedCode: 'CONSOLE_SIGN_IN_LOCKED',
  lockedAction: 'admin.sign_in_locked',
};

/**
 * Console sign-in; failures, lockouts and successes are audited. The limits take their hits before the password is
 * checked; an unknown username is checked against a dummy hash on the same path.
 */
export async function adminSignIn(ctx: AppContext, input: { username: string; password: string }, meta: RequestMeta) {
  const username = input.username.trim().toLowerCase();
  const admin = await ctx.db.selectFrom('admin_accounts').selectAll().where('username', '=', username).executeTakeFirst();
  const attempt = await beginPasswordAttempt(ctx.db, CONSOLE_SIGN_IN_RULES, {
    kind: 'admin', account: `admin:${username}`, principalId: admin?.id ?? null, ip: meta.ip,
    auditTarget: { type: 'admin', id: input.username.slice(0, 50) },
  });
  if (!(await passwordMatchesInConstantWork(admin?.password_hash, input.password)) || !admin) {
    await writeAudit(ctx.db, { actorKind: 'anonymous', action: 'admin.sign_in_failed', targetType: 'admin', targetId: input.username.slice(0, 50), ip: meta.ip });
    throw new AppError('CREDENTIALS_INVALID');
  }
  await attempt.succeeded();
  if (admin.disabled) throw new AppError('ACCOUNT_DISABLED');
  return ctx.db.transaction().execute(async (trx) => {
    const session = await createSession(trx, { kind: 'admin', principalId: admin.id, remember: false, userAgent: meta.userAgent, ip: meta.ip });
    await trx.updateTable('admin_accounts').set({ last_login_at: new Date() }).where('id', '=', admin.id).execute();
    await writeAudit(trx, { actorKind: 'admin', actorId: admin.id, actorName: admin.name, action: 'admin.sign_in', targetType: 'admin', targetId: admin.id, ip: meta.ip });
    return { admin: { ...presentAdmin(admin), permissions: permissionsOf(admin.roles) }, token: session.token, expiresAt: session.expiresAt };
  });
}

/** The guard's view of admins: those of `ids` that exist and are not disabled. */
export function loadAdminPrincipals(ctx: Pick<AppContext, 'db'>, ids: readonly string[]) {
  return ctx.db.selectFrom('admin_accounts').select(['id', 'roles', 'name']).where('id', 'in', ids).where('disabled', '=', false).execute();
}

export async function listAdmins(ctx: AppContext) {
  const rows = await ctx.db.selectFrom('admin_accounts').selectAll().orderBy('created_at').execute();
  return rows.map(presentAdmin);
}

export async function createAdmin(ctx: AppContext, actor: Actor, input: { username: string; name: string; password: string; roles: string[] }) {
  assertStrongPassword(input.password);
  const hash = await hashPassword(input.password);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('admin_accounts')
      .values({ username: input.username.trim().toLowerCase(), name: input.name.trim(), password_hash: hash, roles: unique(input.roles) })
      .onConflict((oc) => oc.column('username').doNothing()).returningAll().executeTakeFirst();
    if (!row) throw new AppError('USERNAME_TAKEN', {}, [{ field: 'username', code: 'taken', message: { zh: '用户名已存在', en: 'is taken' } }]);
    await writeAudit(trx, { actorKind: 'admin', actorId: actor.id, actorName: actor.name, action: 'admin.created', targetType: 'admin', targetId: row.id, ip: actor.ip, detail: { username: row.username, roles: row.roles } });
    return presentAdmin(row);
  });
}

/** Edits an admin; refuses to leave the platform without an active super admin. */
export async function updateAdmin(ctx: AppContext, actor: Actor, id: string, patch: { name?: string; roles?: string[]; disabled?: boolean; password?: string }) {
  if (patch.password !== undefined) assertStrongPassword(patch.password);
  const hash = patch.password !== undefined ? await hashPassword(patch.password) : undefined;
  return ctx.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('admin_accounts').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw new AppError('NOT_FOUND');
    const row = await trx.updateTable('admin_accounts').set({
      ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
      ...(patch.roles !== undefined ? { roles: unique(patch.roles) } : {}),
      ...(patch.disabled !== undefined ? { disabled: patch.disabled } : {}),
      ...(hash ? { password_hash: hash } : {}),
    }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    const supers = await trx.selectFrom('admin_accounts').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('disabled', '=', false).where((eb) => eb(eb.val('super_admin'), '=', eb.fn.any('roles'))).executeTakeFirstOrThrow();
    if (Number(supers.n) === 0) throw new AppError('LAST_SUPER_ADMIN');
    if (row.disabled || hash) await trx.updateTable('sessions').set({ revoked_at: new Date() })
      .where('principal_kind', '=', 'admin').where('principal_id', '=', id).where('revoked_at', 'is', null).execute();
    await writeAudit(trx, {
      actorKind: 'admin', actorId: actor.id, actorName: actor.name, action: 'admin.updated', targetType: 'admin', targetId: id, ip: actor.ip,
      detail: { before: { name: before.name, roles: before.roles, disabled: before.disabled }, after: { name: row.name, roles: row.roles, disabled: row.disabled }, passwordReset: !!hash },
    });
    return presentAdmin(row);
  });
}

const unique = (xs: string[]) => [...new Set(xs)];

/** Demo / first-run admins; skipped when the username exists. */
export async function ensureAdmin(ctx: Pick<AppContext, 'db'>, input: { username: string; name: string; password: string; roles: string[] }) {
  const hash = await hashPassword(input.password);
  await ctx.db.insertInto('admin_accounts').values({ username: input.username, name: input.name, password_hash: hash, roles: input.roles })
    .onConflict((oc) => oc.column('username').doNothing()).execute();
}

/** Active admins holding a permission (the recipients of an operations notification). */
export async function adminIdsWith(db: Kysely<DB>, permission: Permission): Promise<string[]> {
  const rows = await db.selectFrom('admin_accounts').select(['id', 'roles']).where('disabled', '=', false).execute();
  return rows.filter((r) => can(r.roles, permission)).map((r) => r.id);
}
