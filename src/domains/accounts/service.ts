import type { AppContext, RequestMeta } from '../../platform/app-context.js';
import { writeAudit } from '../../platform/audit.js';
import { newToken, sha256 } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors.js';
import { maskPhone } from '../../platform/mask.js';
import { normaliseEmail, normalisePhone } from '../../platform/phone.js';
import type { UserRole } from '../../platform/rbac.js';
import { createSession, revokeSession } from '../../platform/sessions.js';
import { beginPasswordAttempt, type SignInRules } from '../../platform/sign-in-guard.js';
import { assertStrongPassword, hashPassword, passwordMatchesInConstantWork } from './passwords.js';
import { presentUser } from './present.js';
import * as q from './queries.js';
import { consumeSmsCode, issueSmsCode, SMS_RULES, type SmsPurpose } from './sms-codes.js';
import { recordConsent, requireConsent } from './privacy-policy.js';

const EMAIL_LINK_TTL_MS = 24 * 3600 * 1000;

/** Validates and normalises a mainland mobile number (PHONE_INVALID otherwise). */
export function requirePhone(input: string, field = 'phone'): string {
  const phone = normalisePhone(input);
  if (!phone) throw new AppError('PHONE_INVALID', {}, [{ field, code: 'phone', message: { zh: '手机号格式不正确', en: 'not a mainland mobile number' } }]);
  return phone;
}

/** Sends a sign-in (or account-deletion) code through the SMS provider, within the rate limits. */
export async function sendSmsCode(ctx: AppContext, phoneInput: string, purpose: SmsPurpose, meta: RequestMeta) {
  const phone = requirePhone(phoneInput);
  await issueSmsCode(ctx, phone, purpose, meta.ip);
  return { expiresInSeconds: SMS_RULES.ttlSeconds, resendAfterSeconds: SMS_RULES.resendSeconds };
}

/** Signs in with phone + SMS code; creates the account on first use and adds the portal's role. */
export async function signInWithSms(
  ctx: AppContext,
  input: { phone: string; code: string; role: UserRole; rememberMe?: boolean; acceptedPolicy?: string },
  meta: RequestMeta,
) {
  const phone = requirePhone(input.phone);
  // Asked of everyone (new or not), so the answer tells nothing about whether the number has an account.
  requireConsent(input.acceptedPolicy);
  await consumeSmsCode(ctx, phone, 'login', input.code);
  const phoneHash = ctx.pii.blindIndex(phone);
  const existing = await q.findUserByPhoneHash(ctx.db, phoneHash);
  const user = existing ?? await q.insertPhoneUser(ctx.db, {
    phoneHash, phoneEnc: ctx.pii.encrypt(phone), phoneMasked: maskPhone(phone), role: input.role,
  });
  await recordConsent(ctx.db, user.id, meta);
  return openSession(ctx, user.id, input.role, input.rememberMe ?? false, meta, 'sms', !existing);
}

/** E-mail + password sign-up; the account can sign in once the mailed link is opened. */
export async function registerWithEmail(
  ctx: AppContext,
  input: { email: string; password: string; name?: string; role: UserRole; acceptedPolicy?: string },
  meta: RequestMeta,
) {
  requireConsent(input.acceptedPolicy);
  const email = normaliseEmail(input.email);
  if (!email) throw new AppError('EMAIL_INVALID', {}, [{ field: 'email', code: 'format', message: { zh: '邮箱格式不正确', en: 'not a valid e-mail address' } }]);
  assertStrongPassword(input.password);
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction().execute(async (trx) => {
    const inserted = await trx.insertInto('users')
      .values({ email, password_hash: passwordHash, name: input.name?.trim() ?? '', roles: [input.role] })
      .onConflict((oc) => oc.column('email').doNothing())
      .returning('id').executeTakeFirst();
    if (!inserted) throw new AppError('EMAIL_TAKEN', {}, [{ field: 'email', code: 'taken', message: { zh: '该邮箱已注册', en: 'already registered' } }]);
    await recordConsent(trx, inserted.id, meta);
    const token = newToken();
    await q.createEmailToken(trx, { tokenHash: sha256(token), userId: inserted.id, expiresAt: new Date(Date.now() + EMAIL_LINK_TTL_MS) });
    const link = `${ctx.config.publicUrl}/api/auth/email/verify?token=${token}&portal=${input.role}`;
    await ctx.mail.send(trx, email, '【到家】请验证您的邮箱 / Verify your e-mail',
      `您好！请在 24 小时内打开以下链接完成邮箱验证：\n${link}\n\nHello! Open this link within 24 hours to verify your e-mail address:\n${link}`, { secrets: [token] });
    await writeAudit(trx, { actorKind: 'user', actorId: inserted.id, action: 'account.registered', targetType: 'user', targetId: inserted.id, ip: meta.ip, detail: { method: 'email' } });
    return { userId: inserted.id, verificationSent: true };
  });
}

/** Opens an e-mail verification link; true when it verified an address. */
export async function verifyEmail(ctx: AppContext, token: string): Promise<boolean> {
  return ctx.db.transaction().execute(async (trx) => {
    const used = await q.consumeEmailToken(trx, sha256(token));
    if (!used) return false;
    await trx.updateTable('users').set({ email_verified_at: new Date(), updated_at: new Date() }).where('id', '=', used.user_id).execute();
    await writeAudit(trx, { actorKind: 'user', actorId: used.user_id, action: 'account.email_verified', targetType: 'user', targetId: used.user_id });
    return true;
  });
}

/**
 * The password sign-in limits (docs/api-foundation.md, "Sign-in limits"): 5 failures per account and client address in
 * 15 min lock that address out for the rest of the 15 min; 20 failures per account in an hour from addresses it has
 * not signed in from within 30 days lock out such new addresses for the rest of the hour (the owner's known
 * addresses, and SMS-code sign-in, keep working).
 */
export const PASSWORD_SIGN_IN_RULES: SignInRules = {
  perAddress: { scope: 'password.account_address', limit: 5, windowSeconds: 15 * 60 },
  perAccount: { scope: 'password.account', limit: 20, windowSeconds: 60 * 60 },
  knownAddressDays: 30,
  lockedCode: 'SIGN_IN_LOCKED',
  lockedAction: 'auth.sign_in_locked',
};

/**
 * Password sign-in by phone or e-mail. The limits take their hits before the password is checked (atomically, so
 * parallel guesses cannot overrun them); unknown accounts are checked against a dummy hash on the same path.
 */
export async function signInWithPassword(
  ctx: AppContext,
  input: { identifier: string; password: string; role: UserRole; rememberMe?: boolean },
  meta: RequestMeta,
) {
  const phone = normalisePhone(input.identifier);
  const email = phone ? null : normaliseEmail(input.identifier);
  const key = ctx.pii.blindIndex(`login:${phone ?? email ?? input.identifier.trim().toLowerCase()}`);
  const user = phone ? await q.findUserByPhoneHash(ctx.db, ctx.pii.blindIndex(phone))
    : email ? await q.findUserByEmail(ctx.db, email) : undefined;
  const attempt = await beginPasswordAttempt(ctx.db, PASSWORD_SIGN_IN_RULES, {
    kind: 'user', account: user ? `user:${user.id}` : `login:${key}`, principalId: user?.id ?? null, ip: meta.ip,
    auditTarget: { type: 'login', id: key },
  });
  const usable = user && !user.deleted_at ? user.password_hash : null;
  if (!(await passwordMatchesInConstantWork(usable, input.password)) || !user) {
    await writeAudit(ctx.db, { actorKind: 'anonymous', action: 'auth.sign_in_failed', targetType: 'login', targetId: key, ip: meta.ip });
    throw new AppError('CREDENTIALS_INVALID');
  }
  await attempt.succeeded();
  if (email && !user.email_verified_at) throw new AppError('EMAIL_NOT_VERIFIED');
  return openSession(ctx, user.id, input.role, input.rememberMe ?? false, meta, 'password', false);
}

async function openSession(ctx: AppContext, userId: string, role: UserRole, remember: boolean, meta: RequestMeta, method: string, created: boolean) {
  return ctx.db.transaction().execute(async (trx) => {
    await q.addRole(trx, userId, role);
    const user = await q.findUserById(trx, userId);
    if (!user || user.deleted_at) throw new AppError('ACCOUNT_DELETED');
    const session = await createSession(trx, { kind: 'user', principalId: userId, remember, userAgent: meta.userAgent, ip: meta.ip });
    await writeAudit(trx, { actorKind: 'user', actorId: userId, actorName: user.name, action: 'auth.sign_in', targetType: 'user', targetId: userId, ip: meta.ip, detail: { method, role, created } });
    return { user: presentUser(user), token: session.token, created, expiresAt: session.expiresAt, remember };
  });
}

export async function signOut(ctx: AppContext, sessionId: string) {
  await revokeSession(ctx.db, sessionId);
}

/** The guard's view of users: those of `ids` that exist and are not deleted. */
export function loadUserPrincipals(ctx: Pick<AppContext, 'db'>, ids: readonly string[]) {
  return ctx.db.selectFrom('users').select(['id', 'roles', 'name']).where('id', 'in', ids).where('deleted_at', 'is', null).execute();
}
