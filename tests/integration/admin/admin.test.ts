import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureAdmin } from '../../../src/domains/admin/service.js';
import { PRIVACY_POLICY_VERSION } from '../../../src/domains/accounts/privacy-policy.js';
import { adminSignIn, createTestApp, smsSignIn, type TestApp } from '../../helpers/test-app.js';

let t: TestApp;
const PASSWORD = 'houtai2026';
const names: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestApp();
  for (const role of ['super_admin', 'operations', 'finance', 'support']) {
    names[role] = `${role.slice(0, 4)}_${randomUUID().slice(0, 6)}`;
    await ensureAdmin(t.ctx, { username: names[role]!, name: `测试 ${role}`, password: PASSWORD, roles: [role] });
  }
});
afterAll(async () => { await t?.close(); });

const as = (role: string) => adminSignIn(t.app, names[role]!, PASSWORD);
const get = async (role: string, url: string) => t.app.inject({ method: 'GET', url, headers: await as(role) });

describe('admin console access', () => {
  it('signs in, audits it, and reports each role\'s permissions', async () => {
    const me = (await get('finance', '/api/admin/me')).json();
    expect(me).toMatchObject({ username: names.finance, roles: ['finance'], permissions: ['overview:read', 'audit:read', 'orders:read', 'finance:read', 'finance:write', 'promotions:read'] });
    const audit = await t.ctx.db.selectFrom('audit_log').select('action').where('actor_id', '=', me.id).execute();
    expect(audit.map((a) => a.action)).toContain('admin.sign_in');
    const wrong = await t.app.inject({ method: 'POST', url: '/api/admin/auth/login', payload: { username: names.finance, password: 'wrong-pass1' } });
    expect(wrong.statusCode).toBe(401);
  });

  it('answers 403 to APIs a role may not use, 401 without a session, and ignores customer sessions', async () => {
    const matrix: [string, string, number][] = [
      ['finance', '/api/admin/users', 403], ['finance', '/api/admin/admins', 403], ['finance', '/api/admin/audit', 200],
      ['support', '/api/admin/outbox', 200], ['support', '/api/admin/admins', 403], ['support', '/api/admin/workers', 200],
      ['operations', '/api/admin/workers', 200], ['operations', '/api/admin/audit', 403], ['super_admin', '/api/admin/admins', 200],
    ];
    for (const [role, url, status] of matrix) expect((await get(role, url)).statusCode, `${role} ${url}`).toBe(status);
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/overview' })).statusCode).toBe(401);
    const customer = await smsSignIn(t.app, t.ctx);
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/overview', headers: customer.headers })).statusCode).toBe(401);
  });

  it('super admin manages admins: create, duplicate, weak password, roles, disable (sessions revoked)', async () => {
    const h = await as('super_admin');
    const username = `kefu${randomUUID().slice(0, 6)}`;
    const created = await t.app.inject({ method: 'POST', url: '/api/admin/admins', headers: h, payload: { username, name: '客服 小李', password: 'kefu20261', roles: ['support'] } });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect((await t.app.inject({ method: 'POST', url: '/api/admin/admins', headers: h, payload: { username, name: 'x', password: 'kefu20261', roles: ['support'] } })).statusCode).toBe(409);
    expect((await t.app.inject({ method: 'POST', url: '/api/admin/admins', headers: h, payload: { username: `${username}x`, name: 'x', password: 'weak', roles: ['support'] } })).json().code).toBe('PASSWORD_WEAK');
    expect((await t.app.inject({ method: 'POST', url: '/api/admin/admins', headers: h, payload: { username: `${username}y`, name: 'x', password: 'kefu20261', roles: ['god'] } })).statusCode).toBe(400);

    const kefu = await adminSignIn(t.app, username, 'kefu20261');
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/users', headers: kefu })).statusCode).toBe(200);
    const promoted = await t.app.inject({ method: 'PATCH', url: `/api/admin/admins/${id}`, headers: h, payload: { roles: ['finance'] } });
    expect(promoted.json().roles).toEqual(['finance']);
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/users', headers: kefu })).statusCode).toBe(403);
    await t.app.inject({ method: 'PATCH', url: `/api/admin/admins/${id}`, headers: h, payload: { disabled: true } });
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/me', headers: kefu })).statusCode).toBe(401);
    const disabledLogin = await t.app.inject({ method: 'POST', url: '/api/admin/auth/login', payload: { username, password: 'kefu20261' } });
    expect(disabledLogin.json().code).toBe('ACCOUNT_DISABLED');
    const audit = (await t.app.inject({ method: 'GET', url: '/api/admin/audit?action=admin.', headers: h })).json();
    expect(audit.items.filter((a: { targetId: string }) => a.targetId === id).map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['admin.created', 'admin.updated']));
  });

  it('refuses to leave no active super admin', async () => {
    const h = await as('super_admin');
    const supers = await t.ctx.db.selectFrom('admin_accounts').select(['id', 'roles']).where('disabled', '=', false).execute();
    const superIds = supers.filter((s) => s.roles.includes('super_admin')).map((s) => s.id);
    if (superIds.length !== 1) return expect(superIds.length).toBeGreaterThan(1); // shared PostgreSQL: other suites' supers exist
    const res = await t.app.inject({ method: 'PATCH', url: `/api/admin/admins/${superIds[0]}`, headers: h, payload: { roles: ['support'] } });
    expect(res.json().code).toBe('LAST_SUPER_ADMIN');
  });

  it('shows masked phones in the user list, the SMS outbox, workers and overview', async () => {
    const c = await smsSignIn(t.app, t.ctx);
    const users = (await get('support', `/api/admin/users?q=${c.phone.slice(-4)}&role=customer`)).json();
    expect(users.items.some((u: { id: string; phoneMasked: string }) => u.id === c.user.id && u.phoneMasked.includes('****'))).toBe(true);
    expect(JSON.stringify(users)).not.toContain(c.phone);
    const outbox = (await get('support', '/api/admin/outbox?channel=sms&pageSize=50')).json();
    expect(outbox.items.some((m: { recipient: string }) => m.recipient === `${c.phone.slice(0, 3)}****${c.phone.slice(-4)}`)).toBe(true);
    expect(JSON.stringify(outbox)).not.toContain(c.phone);
    const overview = (await get('finance', '/api/admin/overview')).json();
    expect(overview.customers).toBeGreaterThan(0);
    expect(overview.categories).toBeGreaterThanOrEqual(8);
    const paging = await get('support', '/api/admin/users?pageSize=1000');
    expect(paging.statusCode).toBe(400);
  });

  it('no staff member reads a sign-in code or a verification token in the outbox; the super admin of a development install does', async () => {
    const phone = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/sms/send', payload: { phone }, remoteAddress: '10.9.8.7' })).statusCode).toBe(200);
    const email = `mask${randomUUID().slice(0, 8)}@example.com`;
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/email/register', payload: { email, password: 'mima20261', role: 'customer', acceptedPolicy: PRIVACY_POLICY_VERSION } })).statusCode).toBeLessThan(300);
    const stored = await t.ctx.db.selectFrom('outbox_messages').select(['recipient', 'body', 'secrets']).where('recipient', 'in', [phone, email]).execute();
    const code = stored.find((m) => m.recipient === phone)!.secrets[0]!;
    const token = stored.find((m) => m.recipient === email)!.secrets[0]!;
    expect(code).toMatch(/^\d{6}$/);
    expect(token.length).toBeGreaterThan(20);

    const seen = async (role: string) => JSON.stringify([
      (await get(role, '/api/admin/outbox?channel=sms&pageSize=100')).json(), (await get(role, '/api/admin/outbox?channel=email&pageSize=100')).json(),
    ]);
    for (const role of ['support', 'operations']) {
      const text = await seen(role);
      expect(text).toContain('您的登录验证码是 ••••••');
      for (const secret of [code, token, phone, email]) expect(text, `${role} sees ${secret}`).not.toContain(secret);
    }
    const dev = await seen('super_admin');
    for (const secret of [code, token, phone, email]) expect(dev).toContain(secret);
    const env = t.ctx.config.nodeEnv;
    t.ctx.config.nodeEnv = 'production';
    try {
      const prod = await seen('super_admin');
      for (const secret of [code, token, phone, email]) expect(prod).not.toContain(secret);
    } finally {
      t.ctx.config.nodeEnv = env;
    }
  });
});
