import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRIVACY_POLICY_VERSION } from '../../../src/domains/accounts/privacy-policy.js';
import { createTestApp, latestOutbox, latestSmsCode, randomIp, randomPhone, type TestApp } from '../../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

const send = (phone: string, ip = randomIp(), purpose?: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/sms/send', payload: { phone, ...(purpose ? { purpose } : {}) }, remoteAddress: ip });
const login = (phone: string, code: string, role = 'customer', extra: Record<string, unknown> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/auth/sms/login', payload: { phone, code, role, acceptedPolicy: PRIVACY_POLICY_VERSION, ...extra }, remoteAddress: randomIp() });
const usersWithPhone = async (phone: string) =>
  t.ctx.db.selectFrom('users').selectAll().where('phone_hash', '=', t.ctx.pii.blindIndex(phone)).execute();
/** Moves a phone's codes back in time, as if they had been sent earlier. */
const age = (phone: string, seconds: number) =>
  t.ctx.db.updateTable('sms_codes').set((eb) => ({ created_at: eb.val(new Date(Date.now() - seconds * 1000)) }))
    .where('phone_hash', '=', t.ctx.pii.blindIndex(phone)).execute();

describe('SMS code sign-in', () => {
  it('sends a code through the SMS outbox, stores only its hash, and signs up a new customer', async () => {
    const phone = randomPhone();
    const sent = await send(`+86 ${phone.slice(0, 3)}-${phone.slice(3)}`);
    expect(sent.statusCode).toBe(200);
    expect(sent.json()).toEqual({ expiresInSeconds: 300, resendAfterSeconds: 60 });
    const code = await latestSmsCode(t.ctx, phone);
    const stored = await t.ctx.db.selectFrom('sms_codes').select('code_hash').where('phone_hash', '=', t.ctx.pii.blindIndex(phone)).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.code_hash).not.toContain(code);

    const res = await login(phone, code, 'customer', { rememberMe: true });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.created).toBe(true);
    expect(body.user).toMatchObject({ roles: ['customer'], phoneMasked: `${phone.slice(0, 3)}****${phone.slice(-4)}` });
    const cookie = res.cookies.find((c) => c.name === 'dj_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.expires).toBeInstanceOf(Date); // remember me → persistent
    const users = await usersWithPhone(phone);
    expect(users).toHaveLength(1);
    expect(users[0]!.phone_enc).not.toContain(phone);
    const me = await t.app.inject({ method: 'GET', url: '/api/me', cookies: { dj_session: cookie.value } });
    expect(me.json().id).toBe(body.user.id);
  });

  it('a code is single-use, and without remember-me the cookie is a browser-session cookie', async () => {
    const phone = randomPhone();
    await send(phone);
    const code = await latestSmsCode(t.ctx, phone);
    const first = await login(phone, code);
    expect(first.cookies.find((c) => c.name === 'dj_session')!.expires).toBeUndefined();
    const again = await login(phone, code);
    expect(again.statusCode).toBe(400);
    expect(again.json().code).toBe('SMS_CODE_EXPIRED');
  });

  it('an expired code is refused', async () => {
    const phone = randomPhone();
    await send(phone);
    const code = await latestSmsCode(t.ctx, phone);
    await t.ctx.db.updateTable('sms_codes').set({ expires_at: new Date(Date.now() - 1000) }).where('phone_hash', '=', t.ctx.pii.blindIndex(phone)).execute();
    const res = await login(phone, code);
    expect(res.json().code).toBe('SMS_CODE_EXPIRED');
    expect(await usersWithPhone(phone)).toHaveLength(0);
  });

  it('five wrong tries burn the code, even the right one is refused afterwards', async () => {
    const phone = randomPhone();
    await send(phone);
    const code = await latestSmsCode(t.ctx, phone);
    const wrong = code === '000000' ? '111111' : '000000';
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) codes.push((await login(phone, wrong)).json().code);
    expect(codes).toEqual(['SMS_CODE_INVALID', 'SMS_CODE_INVALID', 'SMS_CODE_INVALID', 'SMS_CODE_INVALID', 'SMS_CODE_LOCKED']);
    expect((await login(phone, code)).json().code).toBe('SMS_CODE_LOCKED');
    expect(await usersWithPhone(phone)).toHaveLength(0);
  });

  it('allows one code per 60 s and 10 per day per phone', async () => {
    const phone = randomPhone();
    expect((await send(phone)).statusCode).toBe(200);
    const tooSoon = await send(phone);
    expect(tooSoon.statusCode).toBe(429);
    expect(tooSoon.json().code).toBe('SMS_RATE_LIMITED');
    for (let i = 1; i < 10; i++) {
      await age(phone, 61);
      expect((await send(phone)).statusCode).toBe(200);
    }
    await age(phone, 61);
    const capped = await send(phone);
    expect(capped.statusCode).toBe(429);
    expect(capped.json().code).toBe('SMS_DAILY_LIMIT');
  });

  it('allows one code per 60 s per IP across phones', async () => {
    const ip = randomIp();
    expect((await send(randomPhone(), ip)).statusCode).toBe(200);
    const res = await send(randomPhone(), ip);
    expect(res.statusCode).toBe(429);
  });

  it('rejects malformed phone numbers without writing anything', async () => {
    for (const bad of ['12812345678', '1381234567', 'abc', '138123456789', "13812345678' or 1=1 --"]) {
      const res = await send(bad);
      expect(res.statusCode, bad).toBe(400);
      expect(['PHONE_INVALID', 'VALIDATION_FAILED'], bad).toContain(res.json().code);
    }
    const rows = await t.ctx.db.selectFrom('outbox_messages').select('id').where('recipient', 'in', ['12812345678', '1381234567']).execute();
    expect(rows).toHaveLength(0);
  });

  it('signing in from the worker portal adds the worker role to the same account', async () => {
    const phone = randomPhone();
    await send(phone);
    const first = (await login(phone, await latestSmsCode(t.ctx, phone), 'customer')).json();
    await age(phone, 61);
    await send(phone);
    const second = (await login(phone, await latestSmsCode(t.ctx, phone), 'worker')).json();
    expect(second.user.id).toBe(first.user.id);
    expect(second.created).toBe(false);
    expect(second.user.roles.sort()).toEqual(['customer', 'worker']);
    const audit = await t.ctx.db.selectFrom('audit_log').select('action').where('actor_id', '=', first.user.id).where('action', '=', 'auth.sign_in').execute();
    expect(audit).toHaveLength(2);
  });

  it('the SMS text names the purpose', async () => {
    const phone = randomPhone();
    await send(phone, randomIp(), 'delete_account');
    expect((await latestOutbox(t.ctx, phone))!.body).toContain('注销');
  });
});
