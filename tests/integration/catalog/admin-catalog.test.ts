import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureAdmin } from '../../../src/domains/admin/service.js';
import { adminSignIn, createTestApp, smsSignIn, type TestApp } from '../../helpers/test-app.js';
import { shanghaiAt } from '../../helpers/time.js';

let t: TestApp;
let ops: Record<string, string>;
let support: Record<string, string>;
let customer: Awaited<ReturnType<typeof smsSignIn>>;
const suffix = randomUUID().slice(0, 6);

beforeAll(async () => {
  t = await createTestApp();
  for (const [username, role] of [[`ops_${suffix}`, 'operations'], [`sup_${suffix}`, 'support']]) {
    await ensureAdmin(t.ctx, { username: username!, name: `测试 ${role}`, password: 'houtai2026', roles: [role!] });
  }
  ops = await adminSignIn(t.app, `ops_${suffix}`, 'houtai2026');
  support = await adminSignIn(t.app, `sup_${suffix}`, 'houtai2026');
  customer = await smsSignIn(t.app, t.ctx);
});
afterAll(async () => { await t?.close(); });

const newItem = (code: string) => ({
  categoryCode: 'home-life', code, name: `阳台清洗${code.slice(-4)}`, nameEn: 'Balcony wash', description: '阳台地面与栏杆清洗', unit: 'job', durationMinutes: 90,
  requiredCertificate: null, pricing: { kind: 'fixed', priceFen: 15_000 }, options: [{ key: 'notes', kind: 'text', label: { zh: '备注', en: 'Notes' }, maxLength: 100 }],
  included: ['地面冲洗'], excluded: ['外墙'], referenceMinFen: 10_000, referenceMaxFen: 30_000, published: true,
});
const call = (method: 'POST' | 'PATCH' | 'PUT' | 'GET', url: string, payload?: unknown, headers = ops) =>
  t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });

describe('catalogue administration', () => {
  it('creates an item that customers can find and quote, and records who did it', async () => {
    const code = `balcony-${suffix}`;
    const res = await call('POST', '/api/admin/catalog/items', newItem(code));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ code, version: 1, priceFromFen: 15_000, published: true });
    expect((await call('POST', '/api/admin/catalog/items', newItem(code))).json().code).toBe('CODE_TAKEN');
    const found = (await t.app.inject({ method: 'GET', url: `/api/catalog/items?q=${encodeURIComponent('阳台清洗')}` })).json();
    expect(found.map((i: { code: string }) => i.code)).toContain(code);
    const history = (await call('GET', `/api/admin/catalog/changes?entityId=${res.json().id}`)).json();
    expect(history.items[0]).toMatchObject({ action: 'item_created', adminName: '测试 operations', before: null });
  });

  it('keeps null as null (no certificate), not an empty string', async () => {
    const item = (await call('POST', '/api/admin/catalog/items', newItem(`null-${suffix}`))).json();
    expect(item.requiredCertificate).toBeNull();
  });

  it('refuses invalid prices and pricing models with field errors, storing nothing', async () => {
    const code = `bad-${suffix}`;
    const cases: [object, string][] = [
      [{ ...newItem(code), referenceMinFen: 50_000, referenceMaxFen: 10_000 }, 'PRICING_INVALID'],
      [{ ...newItem(code), pricing: { kind: 'fixed', priceFen: -1 } }, 'VALIDATION_FAILED'],
      [{ ...newItem(code), pricing: { kind: 'hourly', pricePerHourFen: 5000, minHours: 4, maxHours: 2 } }, 'PRICING_INVALID'],
      [{ ...newItem(code), pricing: { kind: 'teleport' } }, 'VALIDATION_FAILED'],
      [{ ...newItem(code), categoryCode: 'nope' }, 'VALIDATION_FAILED'],
    ];
    for (const [payload, errorCode] of cases) {
      const res = await call('POST', '/api/admin/catalog/items', payload);
      expect(res.statusCode, JSON.stringify(payload).slice(0, 120)).toBe(400);
      expect(res.json().code).toBe(errorCode);
    }
    expect(await t.ctx.db.selectFrom('service_items').select('id').where('code', '=', code).execute()).toHaveLength(0);
  });

  it('a city price change keeps old quotes and prices new ones; the history keeps old and new values', async () => {
    const code = `price-${suffix}`;
    const item = (await call('POST', '/api/admin/catalog/items', newItem(code))).json();
    const before = (await t.app.inject({ method: 'POST', url: '/api/catalog/quotes', headers: customer.headers, payload: { itemCode: code, scheduledStart: shanghaiAt(2, 10) } })).json();
    expect(before.totalFen).toBe(15_000);

    const set = await call('PUT', `/api/admin/catalog/items/${item.id}/city-price`, { basePriceFen: 18_000, referenceMinFen: 12_000, referenceMaxFen: 36_000 });
    expect(set.json()).toMatchObject({ priceFromFen: 18_000, cityPrice: { basePriceFen: 18_000 } });
    expect((await call('PUT', `/api/admin/catalog/items/${item.id}/city-price`, { basePriceFen: 1, referenceMinFen: 9, referenceMaxFen: 8 })).json().code).toBe('PRICING_INVALID');

    const after = (await t.app.inject({ method: 'POST', url: '/api/catalog/quotes', headers: customer.headers, payload: { itemCode: code, scheduledStart: shanghaiAt(2, 10) } })).json();
    expect(after.totalFen).toBe(18_000);
    const old = (await t.app.inject({ method: 'GET', url: `/api/catalog/quotes/${before.id}`, headers: customer.headers })).json();
    expect(old.totalFen).toBe(15_000);

    const history = (await call('GET', `/api/admin/catalog/changes?entityId=${item.id}`)).json();
    expect(history.items[0]).toMatchObject({ action: 'city_price_set', before: null, after: { basePriceFen: 18_000 } });

    const keepPrice = await call('PUT', `/api/admin/catalog/items/${item.id}/city-price`, { basePriceFen: null, referenceMinFen: 12_000, referenceMaxFen: 36_000 });
    expect(keepPrice.json()).toMatchObject({ priceFromFen: 15_000, cityPrice: { basePriceFen: null }, referenceMinFen: 12_000, catalogReferenceMinFen: 10_000 });
    const cleared = await t.app.inject({ method: 'DELETE', url: `/api/admin/catalog/items/${item.id}/city-price`, headers: ops });
    expect(cleared.json()).toMatchObject({ priceFromFen: 15_000, cityPrice: null, referenceMinFen: 10_000 });
  });

  it('edits with optimistic locking and can unpublish an item, which customers then cannot quote', async () => {
    const code = `edit-${suffix}`;
    const item = (await call('POST', '/api/admin/catalog/items', newItem(code))).json();
    const edited = await call('PATCH', `/api/admin/catalog/items/${item.id}`, { version: 1, pricing: { kind: 'fixed', priceFen: 16_000 }, published: false });
    expect(edited.json()).toMatchObject({ version: 2, published: false, priceFromFen: 16_000 });
    const stale = await call('PATCH', `/api/admin/catalog/items/${item.id}`, { version: 1, name: '旧版本' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const q = await t.app.inject({ method: 'POST', url: '/api/catalog/quotes', headers: customer.headers, payload: { itemCode: code, scheduledStart: shanghaiAt(2, 10) } });
    expect(q.statusCode).toBe(409);
    expect(q.json().code).toBe('ITEM_UNAVAILABLE');
    expect((await t.app.inject({ method: 'GET', url: `/api/catalog/items/${code}` })).statusCode).toBe(404);
    const history = (await call('GET', `/api/admin/catalog/changes?entityId=${item.id}`)).json();
    expect(history.items[0]).toMatchObject({ action: 'item_updated', before: { published: true, pricing: { priceFen: 15_000 } }, after: { published: false, pricing: { priceFen: 16_000 } } });
  });

  it('manages categories and inactive time rules; rejects bad rules', async () => {
    const cat = await call('POST', '/api/admin/catalog/categories', { code: `cat-${suffix}`, name: '宠物服务', nameEn: 'Pet care', icon: '🐾', published: false });
    expect(cat.statusCode).toBe(201);
    const renamed = await call('PATCH', `/api/admin/catalog/categories/${cat.json().id}`, { name: '宠物上门' });
    expect(renamed.json().name).toBe('宠物上门');
    const rule = await call('POST', '/api/admin/catalog/rules', { kind: 'weekend', labelZh: '周末服务费', labelEn: 'Weekend', config: { days: [0, 6] }, adjustment: { type: 'percent', bp: 1000 }, active: false });
    expect(rule.statusCode).toBe(201);
    expect((await call('GET', '/api/admin/catalog/rules')).json().map((r: { id: string }) => r.id)).toContain(rule.json().id);
    const del = (url: string) => t.app.inject({ method: 'DELETE', url, headers: ops });
    const unused = (await call('POST', '/api/admin/catalog/items', { ...newItem(`gone-${suffix}`), categoryCode: `cat-${suffix}` })).json();
    expect((await del(`/api/admin/catalog/categories/${cat.json().id}`)).json().code).toBe('IN_USE');
    expect((await del(`/api/admin/catalog/items/${unused.id}`)).statusCode).toBe(204);
    expect((await del(`/api/admin/catalog/categories/${cat.json().id}`)).statusCode).toBe(204);
    const quoted = await t.ctx.db.selectFrom('service_items').select('id').where('code', '=', `price-${suffix}`).executeTakeFirstOrThrow();
    expect((await del(`/api/admin/catalog/items/${quoted.id}`)).json().code).toBe('IN_USE');
    const bad = await call('POST', '/api/admin/catalog/rules', { kind: 'night', labelZh: '夜间', labelEn: 'Night', config: { from: '25:00', until: '08:00' }, adjustment: { type: 'percent', bp: 2000 } });
    expect(bad.statusCode).toBe(400);
  });

  it('adds and removes item photos, checked by content', async () => {
    const item = (await call('POST', '/api/admin/catalog/items', newItem(`photo-${suffix}`))).json();
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    const form = (bytes: Buffer) => {
      const b = '----dj' + suffix;
      return { headers: { ...ops, 'content-type': `multipart/form-data; boundary=${b}` }, payload: Buffer.concat([Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`), bytes, Buffer.from(`\r\n--${b}--\r\n`)]) };
    };
    const added = await t.app.inject({ method: 'POST', url: `/api/admin/catalog/items/${item.id}/photos`, ...form(png) });
    expect(added.statusCode).toBe(200);
    const url = added.json().photoUrls[0] as string;
    expect((await t.app.inject({ method: 'GET', url })).headers['content-type']).toBe('image/png');
    const notImage = await t.app.inject({ method: 'POST', url: `/api/admin/catalog/items/${item.id}/photos`, ...form(Buffer.from('MZ fake exe')) });
    expect(notImage.statusCode).toBe(415);
    const fileId = url.split('/').pop();
    const removed = await call('DELETE' as 'GET', `/api/admin/catalog/items/${item.id}/photos/${fileId}`);
    expect(removed.json().photoUrls).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(404);
  });

  it('only roles with catalogue rights may read or change it', async () => {
    expect((await call('POST', '/api/admin/catalog/items', newItem(`x-${suffix}`), support)).statusCode).toBe(403);
    expect((await call('GET', '/api/admin/catalog', undefined, support)).statusCode).toBe(403);
    const all = (await call('GET', '/api/admin/catalog')).json();
    expect(all.categories.length).toBeGreaterThanOrEqual(8);
    expect((await t.app.inject({ method: 'POST', url: '/api/admin/catalog/items', headers: customer.headers, payload: newItem(`y-${suffix}`) })).statusCode).toBe(401);
  });
});
