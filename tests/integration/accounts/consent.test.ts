/** PIPL: consent to the privacy policy is asked at sign-up and SMS sign-in, and recorded with its version. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRIVACY_POLICY_VERSION } from '../../../src/domains/accounts/privacy-policy.js';
import { createTestApp, latestSmsCode, randomIp, randomPhone, smsSignIn, type TestApp } from '../../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

const post = (url: string, payload: object, ip = randomIp()) => t.app.inject({ method: 'POST', url, payload, remoteAddress: ip, headers: { 'user-agent': 'Consent test' } });

describe('privacy policy consent', () => {
  it('the policy is public in both languages, with its version', async () => {
    const zh = (await t.app.inject({ method: 'GET', url: '/api/legal/privacy' })).json();
    expect(zh).toMatchObject({ version: PRIVACY_POLICY_VERSION, title: '隐私政策' });
    expect(zh.body).toContain('位置轨迹保存 30 天');
    const en = (await t.app.inject({ method: 'GET', url: '/api/legal/privacy?lang=en' })).json();
    expect(en).toMatchObject({ version: PRIVACY_POLICY_VERSION, title: 'Privacy policy' });
  });

  it('SMS sign-in without agreeing (or to an old version) is refused before the code is used; agreeing records the version, when and from where', async () => {
    const phone = randomPhone();
    const ip = randomIp();
    expect((await post('/api/auth/sms/send', { phone }, ip)).statusCode).toBe(200);
    const code = await latestSmsCode(t.ctx, phone);
    const none = await post('/api/auth/sms/login', { phone, code, role: 'customer' }, ip);
    expect(none.statusCode).toBe(400);
    expect(none.json().errors).toEqual([expect.objectContaining({ field: 'acceptedPolicy', code: 'required' })]);
    const old = await post('/api/auth/sms/login', { phone, code, role: 'customer', acceptedPolicy: '2020-01-01' }, ip);
    expect(old.json().errors[0]).toMatchObject({ field: 'acceptedPolicy', code: 'outdated' });
    expect(await t.ctx.db.selectFrom('users').select('id').where('phone_hash', '=', t.ctx.pii.blindIndex(phone)).executeTakeFirst()).toBeUndefined();

    const ok = await post('/api/auth/sms/login', { phone, code, role: 'customer', acceptedPolicy: PRIVACY_POLICY_VERSION }, ip);
    expect(ok.statusCode).toBe(200);
    const { user, token } = ok.json();
    const rows = await t.ctx.db.selectFrom('privacy_consents').selectAll().where('user_id', '=', user.id).execute();
    expect(rows).toEqual([expect.objectContaining({ policy_version: PRIVACY_POLICY_VERSION, ip, user_agent: 'Consent test' })]);
    const mine = (await t.app.inject({ method: 'GET', url: '/api/me/consents', headers: { authorization: `Bearer ${token}` } })).json();
    expect(mine).toEqual({ current: PRIVACY_POLICY_VERSION, items: [{ version: PRIVACY_POLICY_VERSION, acceptedAt: rows[0]!.accepted_at.toISOString() }] });
    const exported = (await t.app.inject({ method: 'GET', url: '/api/me/export', headers: { authorization: `Bearer ${token}` } })).json();
    expect(exported.privacyConsents).toEqual(mine.items);
  });

  it('e-mail sign-up needs the consent too, and records it', async () => {
    const email = `consent${randomIp().replace(/\./g, '')}@example.com`;
    const refused = await post('/api/auth/email/register', { email, password: 'mima20261', role: 'customer' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toMatchObject({ field: 'acceptedPolicy', code: 'required' });
    expect(await t.ctx.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst()).toBeUndefined();
    const created = await post('/api/auth/email/register', { email, password: 'mima20261', role: 'customer', acceptedPolicy: PRIVACY_POLICY_VERSION });
    expect(created.statusCode).toBe(201);
    const rows = await t.ctx.db.selectFrom('privacy_consents').select('policy_version').where('user_id', '=', created.json().userId).execute();
    expect(rows).toEqual([{ policy_version: PRIVACY_POLICY_VERSION }]);
  });

  it('an account without consent to the current version (made before it was asked, or the policy changed) agrees in the app, once per version', async () => {
    const a = await smsSignIn(t.app, t.ctx);
    await t.ctx.db.deleteFrom('privacy_consents').where('user_id', '=', a.user.id).execute();
    const consents = () => t.app.inject({ method: 'GET', url: '/api/me/consents', headers: a.headers }).then((r) => r.json());
    expect(await consents()).toEqual({ current: PRIVACY_POLICY_VERSION, items: [] });

    const agree = (acceptedPolicy: string) => t.app.inject({ method: 'POST', url: '/api/me/consents', headers: { ...a.headers, 'user-agent': 'Re-consent' }, payload: { acceptedPolicy } });
    const old = await agree('2020-01-01');
    expect(old.statusCode).toBe(400);
    expect(old.json().errors[0]).toMatchObject({ field: 'acceptedPolicy', code: 'outdated' });
    expect((await consents()).items).toEqual([]);
    expect((await agree(PRIVACY_POLICY_VERSION)).statusCode).toBe(204);
    expect((await agree(PRIVACY_POLICY_VERSION)).statusCode).toBe(204);
    const rows = await t.ctx.db.selectFrom('privacy_consents').selectAll().where('user_id', '=', a.user.id).execute();
    expect(rows).toEqual([expect.objectContaining({ policy_version: PRIVACY_POLICY_VERSION, user_agent: 'Re-consent' })]);
    expect((await consents()).items.map((i: { version: string }) => i.version)).toEqual([PRIVACY_POLICY_VERSION]);
    expect((await t.app.inject({ method: 'POST', url: '/api/me/consents', payload: { acceptedPolicy: PRIVACY_POLICY_VERSION } })).statusCode).toBe(401);
  });
});
