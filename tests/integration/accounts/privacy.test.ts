import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, latestSmsCode, randomIp, smsSignIn, type TestApp } from '../../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

const address = { label: '家', contactName: '张伟', contactPhone: '13912345678', districtCode: '310104', detail: '漕溪北路 88 号 1202 室' };
const backdateCodes = (phone: string) => t.ctx.db.updateTable('sms_codes').set({ created_at: new Date(Date.now() - 120_000) })
  .where('phone_hash', '=', t.ctx.pii.blindIndex(phone)).execute();

describe('data export (PIPL Art. 45)', () => {
  it('downloads everything held about me in clear, and nothing about others', async () => {
    const a = await smsSignIn(t.app, t.ctx);
    const other = await smsSignIn(t.app, t.ctx);
    await t.app.inject({ method: 'PATCH', url: '/api/me', headers: a.headers, payload: { name: '赵敏' } });
    await t.app.inject({ method: 'POST', url: '/api/me/addresses', headers: a.headers, payload: address });
    await t.app.inject({ method: 'PUT', url: '/api/me/emergency-contact', headers: a.headers, payload: { name: '赵父', phone: '13700002222', relation: '父亲' } });
    const res = await t.app.inject({ method: 'GET', url: '/api/me/export', headers: a.headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="daojia-my-data-/);
    const data = res.json();
    expect(data.account).toMatchObject({ id: a.user.id, name: '赵敏', phone: a.phone });
    expect(data.emergencyContact).toEqual({ name: '赵父', phone: '13700002222', relation: '父亲' });
    expect(data.addresses[0]).toMatchObject({ detail: address.detail, contactPhone: '13912345678' });
    expect(data.sessions.length).toBeGreaterThan(0);
    expect(data.activity.some((x: { action: string }) => x.action === 'auth.sign_in')).toBe(true);
    expect(res.body).not.toContain(other.phone);
  });
});

describe('account deletion (注销, PIPL Art. 47)', () => {
  it('needs re-authentication', async () => {
    const a = await smsSignIn(t.app, t.ctx);
    const res = await t.app.inject({ method: 'POST', url: '/api/me/delete', headers: a.headers, payload: {} });
    expect(res.json().code).toBe('REAUTH_REQUIRED');
    const wrongCode = await t.app.inject({ method: 'POST', url: '/api/me/delete', headers: a.headers, payload: { code: '123456' } });
    expect(wrongCode.statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: a.headers })).statusCode).toBe(200);
  });

  it('erases PII with an SMS code, keeps an anonymised row, revokes sessions; the phone can sign up afresh', async () => {
    const a = await smsSignIn(t.app, t.ctx);
    await t.app.inject({ method: 'PATCH', url: '/api/me', headers: a.headers, payload: { name: '钱多多' } });
    await t.app.inject({ method: 'POST', url: '/api/me/addresses', headers: a.headers, payload: address });
    await t.app.inject({ method: 'PUT', url: '/api/me/emergency-contact', headers: a.headers, payload: { name: '钱母', phone: '13700003333', relation: '母亲' } });
    await backdateCodes(a.phone);
    const sent = await t.app.inject({ method: 'POST', url: '/api/me/delete/code', headers: a.headers, payload: {}, remoteAddress: randomIp() });
    expect(sent.statusCode).toBe(200);
    const code = await latestSmsCode(t.ctx, a.phone);
    const res = await t.app.inject({ method: 'POST', url: '/api/me/delete', headers: a.headers, payload: { code } });
    expect(res.statusCode).toBe(204);

    const row = await t.ctx.db.selectFrom('users').selectAll().where('id', '=', a.user.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ name: '', phone_hash: null, phone_enc: null, phone_masked: null, email: null, password_hash: null, emergency_contact: null });
    expect(row.deleted_at).toBeInstanceOf(Date);
    expect(await t.ctx.db.selectFrom('addresses').select('id').where('user_id', '=', a.user.id).execute()).toHaveLength(0);
    expect(await t.ctx.db.selectFrom('outbox_messages').select('id').where('recipient', '=', a.phone).execute()).toHaveLength(0);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: a.headers })).statusCode).toBe(401);
    expect(await t.ctx.db.selectFrom('audit_log').select('id').where('actor_id', '=', a.user.id).where('action', '=', 'account.deleted').execute()).toHaveLength(1);

    const again = await smsSignIn(t.app, t.ctx, 'customer', a.phone);
    expect(again.user.id).not.toBe(a.user.id);
    expect(again.user.name).toBe('');
  });

  it('erases with the password when one is set; a wrong password changes nothing', async () => {
    const a = await smsSignIn(t.app, t.ctx);
    await t.app.inject({ method: 'POST', url: '/api/me/password', headers: a.headers, payload: { newPassword: 'zhuxiao2026' } });
    const wrong = await t.app.inject({ method: 'POST', url: '/api/me/delete', headers: a.headers, payload: { password: 'nope12345' } });
    expect(wrong.json().code).toBe('PASSWORD_WRONG');
    expect((await t.ctx.db.selectFrom('users').select('deleted_at').where('id', '=', a.user.id).executeTakeFirstOrThrow()).deleted_at).toBeNull();
    const ok = await t.app.inject({ method: 'POST', url: '/api/me/delete', headers: a.headers, payload: { password: 'zhuxiao2026' } });
    expect(ok.statusCode).toBe(204);
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/password/login', payload: { identifier: a.phone, password: 'zhuxiao2026', role: 'customer' }, remoteAddress: randomIp() });
    expect(login.statusCode).toBe(401);
  });
});
