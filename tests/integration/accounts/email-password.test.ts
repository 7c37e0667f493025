import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRIVACY_POLICY_VERSION } from '../../../src/domains/accounts/privacy-policy.js';
import { createTestApp, latestOutbox, latestSmsCode, randomIp, smsSignIn, type TestApp } from '../../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

const register = (payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/auth/email/register', payload: { acceptedPolicy: PRIVACY_POLICY_VERSION, ...payload } });
const pwLogin = (identifier: string, password: string, extra: Record<string, unknown> = {}, ip = randomIp()) =>
  t.app.inject({ method: 'POST', url: '/api/auth/password/login', payload: { identifier, password, role: 'customer', ...extra }, remoteAddress: ip });
/** The path of the verification link mailed to `email`. */
const verifyLink = async (email: string) => (await latestOutbox(t.ctx, email.toLowerCase(), 'email'))!.body
  .match(/\/api\/auth\/email\/verify\?token=[\w-]+&portal=customer/)![0];
const newEmail = () => `Li.Na+${randomUUID().slice(0, 8)}@Example.COM`;

describe('e-mail + password accounts', () => {
  it('registers, mails a verification link, refuses sign-in until verified, then signs in', async () => {
    const email = newEmail();
    const res = await register({ email, password: 'qingjie2026', name: '李娜', role: 'customer' });
    expect(res.statusCode).toBe(201);
    const mail = await latestOutbox(t.ctx, email.toLowerCase(), 'email');
    const link = mail!.body.match(/https?:\/\/\S+\/api\/auth\/email\/verify\?token=[\w-]+&portal=customer/)?.[0];
    expect(link).toBeTruthy();

    const early = await pwLogin(email, 'qingjie2026');
    expect(early.statusCode).toBe(403);
    expect(early.json().code).toBe('EMAIL_NOT_VERIFIED');

    const path = link!.replace(/^https?:\/\/[^/]+/, '');
    const verified = await t.app.inject({ method: 'GET', url: path });
    expect(verified.statusCode).toBe(302);
    expect(verified.headers.location).toBe('/?emailVerified=1');
    const reused = await t.app.inject({ method: 'GET', url: path });
    expect(reused.headers.location).toBe('/?emailVerified=0');

    const ok = await pwLogin(email.toUpperCase(), 'qingjie2026');
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user).toMatchObject({ email: email.toLowerCase(), emailVerified: true, hasPassword: true, name: '李娜' });
  });

  it('refuses a duplicate e-mail (409) and weak passwords (400) without writing a row', async () => {
    const email = newEmail();
    expect((await register({ email, password: 'qingjie2026', role: 'customer' })).statusCode).toBe(201);
    const dup = await register({ email: email.toUpperCase(), password: 'other2026x', role: 'worker' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('EMAIL_TAKEN');
    const weakEmail = newEmail();
    for (const password of ['short1', 'onlyletters', '1234567890']) {
      const weak = await register({ email: weakEmail, password, role: 'customer' });
      expect(weak.statusCode).toBe(400);
      expect(weak.json().code).toBe('PASSWORD_WEAK');
    }
    const bad = await register({ email: 'not-an-email', password: 'qingjie2026', role: 'customer' });
    expect(bad.json().code).toBe('EMAIL_INVALID');
    const rows = await t.ctx.db.selectFrom('users').select('id').where('email', 'in', [weakEmail.toLowerCase(), 'not-an-email']).execute();
    expect(rows).toHaveLength(0);
  });

  it('wrong passwords get one generic answer and lock the address out after 5 failures (other addresses unaffected)', async () => {
    const email = newEmail();
    await register({ email, password: 'qingjie2026', role: 'customer' });
    await t.app.inject({ method: 'GET', url: (await verifyLink(email)) });
    const ip = randomIp();
    const unknown = await pwLogin('nobody@example.com', 'whatever1', {}, ip);
    const wrong = await pwLogin(email, 'wrongpass1', {}, ip);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ code: 'CREDENTIALS_INVALID' });
    expect(unknown.json()).toEqual(wrong.json());
    for (let i = 0; i < 4; i++) expect((await pwLogin(email, 'wrongpass1', {}, ip)).statusCode).toBe(401);
    const throttled = await pwLogin(email, 'qingjie2026', {}, ip);
    expect(throttled.statusCode).toBe(429);
    expect(throttled.json().code).toBe('SIGN_IN_LOCKED');
    expect((await pwLogin(email, 'qingjie2026')).statusCode).toBe(200);
  });

  it('a phone account sets a password, signs in with it, and changing it signs other devices out', async () => {
    const a = await smsSignIn(t.app, t.ctx);
    const set = await t.app.inject({ method: 'POST', url: '/api/me/password', headers: a.headers, payload: { newPassword: 'anquan2026' } });
    expect(set.statusCode).toBe(204);
    const other = await pwLogin(a.phone, 'anquan2026');
    expect(other.statusCode).toBe(200);
    const otherHeaders = { authorization: `Bearer ${other.json().token}` };

    const noCurrent = await t.app.inject({ method: 'POST', url: '/api/me/password', headers: otherHeaders, payload: { newPassword: 'xinmima2026' } });
    expect(noCurrent.json().code).toBe('PASSWORD_WRONG');
    const weak = await t.app.inject({ method: 'POST', url: '/api/me/password', headers: otherHeaders, payload: { currentPassword: 'anquan2026', newPassword: 'abc' } });
    expect(weak.json()).toMatchObject({ code: 'PASSWORD_WEAK', errors: [{ field: 'newPassword' }] });
    const changed = await t.app.inject({ method: 'POST', url: '/api/me/password', headers: otherHeaders, payload: { currentPassword: 'anquan2026', newPassword: 'xinmima2026' } });
    expect(changed.statusCode).toBe(204);

    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: otherHeaders })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: a.headers })).statusCode).toBe(401);
    expect((await pwLogin(a.phone, 'anquan2026')).statusCode).toBe(401);
    expect((await pwLogin(a.phone, 'xinmima2026')).statusCode).toBe(200);
  });

  it('sign out revokes the session server-side and clears the cookie', async () => {
    const a = await smsSignIn(t.app, t.ctx);
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: a.headers });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === 'dj_session')?.value).toBe('');
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: a.headers });
    expect(me.statusCode).toBe(401);
    expect(me.json().code).toBe('UNAUTHENTICATED');
  });

  it('stores only a hash of the session token', async () => {
    const a = await smsSignIn(t.app, t.ctx);
    const rows = await t.ctx.db.selectFrom('sessions').select('token_hash').where('principal_id', '=', a.user.id).execute();
    expect(rows.map((r) => r.token_hash)).not.toContain(a.token);
  });

  it('SMS code for account deletion is not usable for sign-in', async () => {
    const a = await smsSignIn(t.app, t.ctx);
    await t.ctx.db.updateTable('sms_codes').set({ created_at: new Date(Date.now() - 120_000) }).where('phone_hash', '=', t.ctx.pii.blindIndex(a.phone)).execute();
    await t.app.inject({ method: 'POST', url: '/api/auth/sms/send', payload: { phone: a.phone, purpose: 'delete_account' }, remoteAddress: randomIp() });
    const code = await latestSmsCode(t.ctx, a.phone);
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/sms/login', payload: { phone: a.phone, code, role: 'customer', acceptedPolicy: PRIVACY_POLICY_VERSION } });
    expect(res.statusCode).toBe(400);
  });
});
