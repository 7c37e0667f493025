import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { installErrorHandling } from '../../../src/platform/http-errors.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

describe('HTTP foundation', () => {
  it('GET /health reports the database kind', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: process.env.DATABASE_URL ? 'postgresql' : 'pglite' });
  });

  it('serves OpenAPI 3 with every API route documented, and the docs UI', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(spec.openapi).toMatch(/^3\./);
    for (const path of ['/api/auth/sms/send', '/api/auth/sms/login', '/api/me', '/api/me/addresses', '/api/admin/admins', '/api/admin/outbox']) {
      expect(spec.paths[path], path).toBeDefined();
    }
    const docs = await t.app.inject({ method: 'GET', url: '/docs/' });
    expect(docs.statusCode).toBe(200);
  });

  it('answers unknown routes with a 404 problem+json', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nope?x=1' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 404, code: 'ROUTE_NOT_FOUND', title: '接口不存在: GET /api/nope' });
  });

  it('rejects malformed JSON with 400 MALFORMED_JSON, in English when asked', async () => {
    const res = await t.app.inject({
      method: 'POST', url: '/api/auth/sms/send', headers: { 'content-type': 'application/json', 'accept-language': 'en-US,en;q=0.9' }, payload: '{"phone":',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'MALFORMED_JSON', title: 'The request body is not valid JSON' });
  });

  it('rejects bodies over 1 MiB with 413', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/sms/send', payload: { phone: 'x'.repeat(1_100_000) } });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('rejects unknown fields and lists field errors in zh-CN and en', async () => {
    const zh = await t.app.inject({ method: 'POST', url: '/api/auth/sms/login', payload: { phone: '13812345678', code: '12', role: 'boss', hack: true } });
    expect(zh.statusCode).toBe(400);
    const body = zh.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    const fields = body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['hack', 'code', 'role']));
    expect(body.errors.find((e: { field: string }) => e.field === 'hack').message).toBe('不允许的字段');
    const en = await t.app.inject({ method: 'POST', url: '/api/auth/sms/login?lang=en', payload: { phone: '13812345678', code: '123456', role: 'customer', hack: 1 } });
    expect(en.json().errors[0]).toMatchObject({ field: 'hack', message: 'is not an accepted field' });
  });

  it('hides the details of unexpected failures: 500 problem+json without a stack trace', async () => {
    const bare = Fastify({ logger: false });
    installErrorHandling(bare);
    bare.get('/boom', async () => { throw new Error('secret connection string postgres://u:p@db'); });
    const res = await bare.inject({ method: 'GET', url: '/boom', headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toMatchObject({ code: 'INTERNAL_ERROR', title: 'Something went wrong on our side' });
    expect(res.body).not.toMatch(/secret|postgres:|at .*\.ts/);
    await bare.close();
  });

  it('enables the extensions later domains need', async () => {
    const r = await sql<{ extname: string }>`select extname from pg_extension`.execute(t.ctx.db);
    expect(r.rows.map((x) => x.extname)).toEqual(expect.arrayContaining(['btree_gist', 'cube', 'earthdistance', 'pg_trgm', 'pgcrypto']));
  });

  it('lists the city, its districts and the published catalogue', async () => {
    const city = (await t.app.inject({ method: 'GET', url: '/api/geo/city' })).json();
    expect(city).toMatchObject({ code: '310100', timeZone: 'Asia/Shanghai' });
    expect(city.districts).toHaveLength(16);
    const cats = (await t.app.inject({ method: 'GET', url: '/api/catalog/categories' })).json();
    expect(cats.length).toBeGreaterThanOrEqual(8);
    expect(cats.flatMap((c: { items: unknown[] }) => c.items).length).toBeGreaterThanOrEqual(30);
  });
});
