import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, smsSignIn, type TestApp } from '../helpers/test-app.js';
import { opsHeaders } from '../helpers/booking.js';
import { shanghaiAt } from '../helpers/time.js';

/**
 * Security issue 16, the attacker run's findings one by one: NUL and lone surrogates never reach ticket or SOS text,
 * a wrong type in a JSON body is a 400 (not coerced and saved), and the reported 500s (NUL in a search, 1e309 for a
 * page, an impossible date, an empty PATCH body, null for an object setting) are field-level 400s.
 */

let t: TestApp;
let customer: Awaited<ReturnType<typeof smsSignIn>>;
let admin: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  customer = await smsSignIn(t.app, t.ctx, 'customer');
  admin = await opsHeaders(t, 'super_admin');
});
afterAll(async () => t?.close());

const count = async (table: 'support_tickets' | 'support_messages' | 'incidents') =>
  Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(t.ctx.db)).rows[0]!.n);

function post(url: string, payload: string, headers: Record<string, string> = {}) {
  return t.app.inject({ method: 'POST', url, headers: { ...customer.headers, 'content-type': 'application/json', ...headers }, payload });
}

describe('text with NUL or lone surrogates is refused, never stored', () => {
  it('support tickets: subject and body', async () => {
    const before = [await count('support_tickets'), await count('support_messages')];
    for (const payload of [
      '{"subject":"退款\\u0000问题","body":"请处理"}',
      '{"subject":"退款问题","body":"a\\u0000b"}',
      '{"subject":"\\ud800","body":"请处理"}',
      '{"subject":"退款问题","body":"x\\udc00y"}',
    ]) {
      const res = await post('/api/support/tickets?audience=customer', payload, { 'accept-language': 'en' });
      expect(res.statusCode, payload).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      const [error] = res.json().errors;
      expect(['subject', 'body']).toContain(error.field);
      expect(['nulCharacter', 'loneSurrogate']).toContain(error.code);
      expect(error.message).toMatch(/NUL|lone surrogate/);
    }
    expect([await count('support_tickets'), await count('support_messages')]).toEqual(before);

    // Well-formed text, emoji (a surrogate pair) included, is stored exactly as sent.
    const ok = await post('/api/support/tickets?audience=customer', JSON.stringify({ subject: '退款问题 👍', body: '师傅没来 🙁' }));
    expect(ok.statusCode, ok.body).toBe(201);
    const stored = await t.ctx.db.selectFrom('support_tickets').select('subject').where('id', '=', ok.json().id).executeTakeFirstOrThrow();
    expect(stored.subject).toBe('退款问题 👍');
    const reply = await post(`/api/support/tickets/${ok.json().id}/messages`, '{"body":"补充\\u0000说明"}');
    expect(reply.statusCode).toBe(400);
    expect(await t.ctx.db.selectFrom('support_messages').select('body').where('body', 'like', '补充%').execute()).toEqual([]);
  });

  it('SOS note', async () => {
    const before = await count('incidents');
    for (const payload of ['{"note":"救命\\u0000"}', '{"note":"\\udbff求助"}']) {
      const res = await post('/api/sos?audience=customer', payload);
      expect(res.statusCode, payload).toBe(400);
      expect(res.json().errors[0].field).toBe('note');
    }
    expect(await count('incidents')).toBe(before);
    const ok = await post('/api/sos?audience=customer', JSON.stringify({ note: '有人闯入 🚨' }));
    expect(ok.statusCode, ok.body).toBe(201);
    expect((await t.ctx.db.selectFrom('incidents').select('note').orderBy('created_at', 'desc').executeTakeFirstOrThrow()).note).toBe('有人闯入 🚨');
  });
});

describe('a JSON body says what type it means', () => {
  const quote = (fields: Record<string, unknown>) => JSON.stringify({ itemCode: 'daily-cleaning', quantity: 2, options: {}, scheduledStart: shanghaiAt(2, 10), ...fields });

  it('[5], "5", null or true for a number is a 400 naming the field, and no quote is stored', async () => {
    const before = Number((await sql<{ n: number }>`select count(*)::int as n from quotes`.execute(t.ctx.db)).rows[0]!.n);
    for (const quantity of [[2], '2', null, true]) {
      const res = await post('/api/catalog/quotes', quote({ quantity }));
      expect(res.statusCode, JSON.stringify(quantity)).toBe(400);
      expect(res.json().errors).toContainEqual(expect.objectContaining({ field: 'quantity', code: 'type' }));
    }
    const wrongObject = await post('/api/catalog/quotes', quote({ options: null }));
    expect(wrongObject.statusCode).toBe(400);
    expect(Number((await sql<{ n: number }>`select count(*)::int as n from quotes`.execute(t.ctx.db)).rows[0]!.n)).toBe(before);
    expect((await post('/api/catalog/quotes', quote({}))).statusCode).toBe(201);
  });

  it('null for a text is not saved as ""', async () => {
    const res = await t.app.inject({ method: 'PATCH', url: '/api/me', headers: customer.headers, payload: { name: null } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'name', code: 'type' });
  });

  it('the query string still arrives as text and is coerced', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/admin/users?page=2&pageSize=5', headers: admin });
    expect(res.statusCode, res.body).toBe(200);
  });
});

describe('a refused request leaves nothing behind', () => {
  it('代客下单 refused by its last step (no worker serves the address) creates no account, address or quote', async () => {
    const tables = ['users', 'addresses', 'quotes', 'orders', 'outbox_messages'] as const;
    const counts = async () => Promise.all(tables.map(async (table) => Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(t.ctx.db)).rows[0]!.n)));
    const before = await counts();
    const res = await t.app.inject({ method: 'POST', url: '/api/admin/orders', headers: admin, payload: {
      customerPhone: '13612345678', customerName: '陈阿姨', itemCode: 'daily-cleaning', quantity: 2, options: {}, scheduledStart: shanghaiAt(2, 10),
      address: { districtCode: '310104', detail: '宛平南路 100 号', contactName: '陈阿姨', contactPhone: '13612345678' }, notes: '电话预约',
    } });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().code).toBe('ADDRESS_NOT_COVERED'); // refused by the order step, after the account, address and quote steps ran
    expect(await counts()).toEqual(before);
  });
});

describe('the attacker run\'s 500s are 400s', () => {
  it.each([
    ['NUL in a search', 'GET', '/api/workers?q=a%00b', 'q', 'nulCharacter'],
    ['1e309 for a page', 'GET', '/api/admin/users?page=1e309', 'page', 'finite'],
    ['an impossible date', 'GET', '/api/admin/dispatch/plans?date=2026-13-01', 'date', 'realDate'],
    ['an impossible day in a range', 'GET', '/api/admin/finance/summary?from=2026-02-30&to=2026-03-01', 'from', 'realDate'],
  ] as const)('%s', async (_what, method, url, field, code) => {
    const res = await t.app.inject({ method, url, headers: url.startsWith('/api/admin') ? admin : customer.headers });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors).toContainEqual(expect.objectContaining({ field, code }));
  });

  it('an empty PATCH body and null for an object setting', async () => {
    const empty = await t.app.inject({ method: 'PATCH', url: '/api/me', headers: { ...customer.headers, 'content-type': 'application/json' }, payload: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.headers['content-type']).toMatch(/^application\/problem\+json/);
    const nullSettings = await t.app.inject({ method: 'PUT', url: '/api/admin/booking/settings', headers: { ...admin, 'content-type': 'application/json' }, payload: 'null' });
    expect(nullSettings.statusCode).toBe(400);
    const nullCategories = await t.app.inject({ method: 'PUT', url: '/api/me/notification-settings', headers: customer.headers, payload: { categories: null } });
    expect(nullCategories.statusCode).toBe(400);
    expect(nullCategories.json().errors[0].field).toBe('categories');
  });

  it('a path that is not UTF-8 or too long is a problem, not Fastify\'s own JSON', async () => {
    const bad = await t.app.inject({ method: 'GET', url: '/api/workers/%ED%A0%80/reputation' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('URL_INVALID');
    const long = await t.app.inject({ method: 'GET', url: `/api/workers/${'x'.repeat(300)}` });
    expect(long.statusCode).toBe(414);
    expect(long.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});
