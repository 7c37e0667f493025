import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Api, AppContext, RequestMeta } from '../../platform/app-context.js';
import { clearSessionCookie, setSessionCookie } from '../../platform/auth.js';
import * as S from './schema.js';
import { registerWithEmail, sendSmsCode, signInWithPassword, signInWithSms, signOut, verifyEmail } from './service.js';
import { resolveSession } from '../../platform/sessions.js';
import { requestLang } from '../../platform/http-errors.js';
import { privacyPolicy } from './privacy-policy.js';
import { purgeLimitCounters, retryAfterHeader } from '../../platform/limits.js';
import { preparePasswordChecks } from './passwords.js';
import { tokenFrom } from '../../platform/auth.js';

export const metaOf = (request: FastifyRequest): RequestMeta => ({ ip: request.ip, userAgent: String(request.headers['user-agent'] ?? '') });

/** Sign-up / sign-in endpoints for the customer and worker portals. */
export async function authRoutes(app: Api, ctx: AppContext) {
  const secure = ctx.config.publicUrl.startsWith('https://');
  const tags = ['auth'];
  preparePasswordChecks();
  // The sign-in and SMS counters of every instance live in one table; drop the ones whose window has long ended.
  ctx.jobs.every(3_600_000, () => purgeLimitCounters(ctx.db).then(() => undefined));

  app.get('/api/legal/privacy', {
    schema: { tags, summary: '隐私政策: the current version and text (zh-CN or en by Accept-Language / ?lang=); sign-up and SMS sign-in send the version as acceptedPolicy' },
  }, async (request) => privacyPolicy(requestLang(request) === 'en' ? 'en' : 'zh'));

  app.post('/api/auth/sms/send', {
    onError: retryAfterHeader,
    schema: { tags, summary: 'Send a 6-digit SMS code (1 per 60 s, 10 per day per phone and IP)', body: S.SendSmsBody, response: { 200: S.SendSmsReply } },
  }, async (request) => sendSmsCode(ctx, request.body.phone, request.body.purpose ?? 'login', metaOf(request)));

  app.post('/api/auth/sms/login', {
    schema: { tags, summary: 'Sign in (or sign up) with phone + SMS code', body: S.SmsLoginBody, response: { 200: S.LoginReply } },
  }, async (request, reply) => {
    const r = await signInWithSms(ctx, request.body, metaOf(request));
    setSessionCookie(reply, 'user', r.token, r.remember, r.expiresAt, secure);
    return { user: r.user, token: r.token, created: r.created };
  });

  app.post('/api/auth/email/register', {
    schema: { tags, summary: 'Sign up with e-mail + password; a verification link is mailed', body: S.RegisterEmailBody, response: { 201: S.RegisterEmailReply } },
  }, async (request, reply) => {
    reply.status(201);
    return registerWithEmail(ctx, request.body, metaOf(request));
  });

  app.get('/api/auth/email/verify', {
    schema: {
      tags, summary: 'Open the e-mail verification link (redirects to the portal)',
      querystring: Type.Object({ token: Type.String({ maxLength: 200 }), portal: Type.Optional(S.Role) }),
    },
  }, async (request, reply) => {
    const ok = await verifyEmail(ctx, request.query.token);
    const base = request.query.portal === 'worker' ? '/worker/' : '/';
    return reply.redirect(`${base}?emailVerified=${ok ? 1 : 0}`);
  });

  app.post('/api/auth/password/login', {
    onError: retryAfterHeader,
    schema: { tags, summary: 'Sign in with phone or e-mail + password (5 failures per account and address in 15 min lock that address out; 429 SIGN_IN_LOCKED with Retry-After)', body: S.PasswordLoginBody, response: { 200: S.LoginReply } },
  }, async (request, reply) => {
    const r = await signInWithPassword(ctx, request.body, metaOf(request));
    setSessionCookie(reply, 'user', r.token, r.remember, r.expiresAt, secure);
    return { user: r.user, token: r.token, created: r.created };
  });

  app.post('/api/auth/logout', { schema: { tags, summary: 'Sign out this device' } }, async (request, reply) => {
    const token = tokenFrom(request, 'user');
    const session = token ? await resolveSession(ctx.db, token) : null;
    if (session?.principalKind === 'user') await signOut(ctx, session.id);
    clearSessionCookie(reply, 'user');
    return reply.status(204).send();
  });
}
