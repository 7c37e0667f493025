import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRIVACY_POLICY_VERSION } from '../../../src/domains/accounts/privacy-policy.js';
import { createTestApp, latestSmsCode, randomIp, smsSignIn, type TestApp } from '../../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

const PNG_1PX = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const address = { label: '家', contactName: '张伟', contactPhone: '13912345678', districtCode: '310104', detail: '漕溪北路 88 号 1202 室', lat: 31.19, lng: 121.43 };

function multipart(filename: string, contentType: string, bytes: Buffer) {
  const boundary = '----daojia' + Math.random().toString(16).slice(2);
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  return { payload: Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('my profile', () => {
  it('edits name and gender; HTML and SQL in text come back verbatim, as data', async () => {
    const a = await smsSignIn(t.app, t.ctx);
    const name = `<b>x</b>');drop table users;--`;
    const res = await t.app.inject({ method: 'PATCH', url: '/api/me', headers: a.headers, payload: { name, gender: 'female' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name, gender: 'female' });
    expect(res.headers['content-type']).toContain('application/json');
    const bad = await t.app.inject({ method: 'PATCH', url: '/api/me', headers: a.headers, payload: { gender: 'robot' } });
    expect(bad.statusCode).toBe(400);
    const unknown = await t.app.inject({ method: 'PATCH', url: '/api/me', headers: a.headers, payload: { roles: ['admin'] } });
    expect(unknown.statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: a.headers })).json().roles).toEqual(['customer']);
  });

  it('uploads an avatar checked by content, refusing non-images and big files', async () => {
    const a = await smsSignIn(t.app, t.ctx);
    const ok = await t.app.inject({ method: 'POST', url: '/api/me/avatar', ...merge(a.headers, multipart('me.png', 'image/png', PNG_1PX)) });
    expect(ok.statusCode).toBe(200);
    const url = ok.json().avatarUrl as string;
    const img = await t.app.inject({ method: 'GET', url });
    expect(img.statusCode).toBe(200);
    expect(img.headers['content-type']).toBe('image/png');
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: a.headers })).json().avatarUrl).toBe(url);

    const fake = await t.app.inject({ method: 'POST', url: '/api/me/avatar', ...merge(a.headers, multipart('evil.png', 'image/png', Buffer.from('<?php echo 1; ?>'))) });
    expect(fake.statusCode).toBe(415);
    expect(fake.json().code).toBe('FILE_TYPE_NOT_ALLOWED');
    const big = Buffer.concat([PNG_1PX, Buffer.alloc(3 * 1024 * 1024)]);
    const tooBig = await t.app.inject({ method: 'POST', url: '/api/me/avatar', ...merge(a.headers, multipart('big.png', 'image/png', big)) });
    expect(tooBig.statusCode).toBe(413);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: a.headers })).json().avatarUrl).toBe(url);
  });

  it('keeps an emergency contact, masked in answers and encrypted at rest', async () => {
    const a = await smsSignIn(t.app, t.ctx);
    expect((await t.app.inject({ method: 'GET', url: '/api/me/emergency-contact', headers: a.headers })).json()).toBeNull();
    const res = await t.app.inject({ method: 'PUT', url: '/api/me/emergency-contact', headers: a.headers, payload: { name: '王芳', phone: '13700001111', relation: '配偶' } });
    expect(res.json()).toEqual({ name: '王芳', phoneMasked: '137****1111', relation: '配偶' });
    const row = await t.ctx.db.selectFrom('users').select('emergency_contact').where('id', '=', a.user.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row.emergency_contact)).not.toContain('13700001111');
    const bad = await t.app.inject({ method: 'PUT', url: '/api/me/emergency-contact', headers: a.headers, payload: { name: '王芳', phone: '123', relation: '配偶' } });
    expect(bad.json().code).toBe('PHONE_INVALID');
  });
});

describe('my addresses', () => {
  it('adds, lists, edits and deletes addresses; the first is the default', async () => {
    const a = await smsSignIn(t.app, t.ctx);
    const first = await t.app.inject({ method: 'POST', url: '/api/me/addresses', headers: a.headers, payload: address });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ label: '家', districtName: '徐汇区', contactPhoneMasked: '139****5678', detail: address.detail, isDefault: true });
    const { lat, lng, ...noCoords } = address;
    const second = (await t.app.inject({ method: 'POST', url: '/api/me/addresses', headers: a.headers, payload: { ...noCoords, label: '公司', districtCode: '310115', isDefault: true } })).json();
    expect(second).toMatchObject({ isDefault: true, districtName: '浦东新区' });
    expect(second.lat).toBeCloseTo(31.2215, 3); // map provider: district centre
    const list = (await t.app.inject({ method: 'GET', url: '/api/me/addresses', headers: a.headers })).json();
    expect(list.map((x: { label: string; isDefault: boolean }) => [x.label, x.isDefault])).toEqual([['公司', true], ['家', false]]);

    const edited = await t.app.inject({ method: 'PATCH', url: `/api/me/addresses/${first.json().id}`, headers: a.headers, payload: { detail: '新地址 1 号', isDefault: true } });
    expect(edited.json()).toMatchObject({ detail: '新地址 1 号', isDefault: true });
    expect((await t.app.inject({ method: 'DELETE', url: `/api/me/addresses/${first.json().id}`, headers: a.headers })).statusCode).toBe(204);
    const after = (await t.app.inject({ method: 'GET', url: '/api/me/addresses', headers: a.headers })).json();
    expect(after).toHaveLength(1);
    expect(after[0].isDefault).toBe(true);
    const raw = await t.ctx.db.selectFrom('addresses').select('detail_enc').where('user_id', '=', a.user.id).execute();
    expect(raw[0]!.detail_enc).not.toContain('漕溪');
  });

  it('never shows or changes another person\'s address (404, no IDOR)', async () => {
    const owner = await smsSignIn(t.app, t.ctx);
    const intruder = await smsSignIn(t.app, t.ctx);
    const id = (await t.app.inject({ method: 'POST', url: '/api/me/addresses', headers: owner.headers, payload: address })).json().id;
    const patch = await t.app.inject({ method: 'PATCH', url: `/api/me/addresses/${id}`, headers: intruder.headers, payload: { label: 'pwned' } });
    expect(patch.statusCode).toBe(404);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/me/addresses/${id}`, headers: intruder.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/me/addresses', headers: intruder.headers })).json()).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: '/api/me/addresses', headers: owner.headers })).json()[0].label).toBe('家');
  });

  it('rejects bad addresses with field errors and writes nothing', async () => {
    const a = await smsSignIn(t.app, t.ctx);
    const cases: [Record<string, unknown>, string][] = [
      [{ ...address, districtCode: '110101' }, 'DISTRICT_UNKNOWN'],
      [{ ...address, contactPhone: '110' }, 'PHONE_INVALID'],
      [{ ...address, lat: 200 }, 'VALIDATION_FAILED'],
      [{ ...address, detail: '' }, 'VALIDATION_FAILED'],
      [{ ...address, label: undefined }, 'VALIDATION_FAILED'],
    ];
    for (const [payload, code] of cases) {
      const res = await t.app.inject({ method: 'POST', url: '/api/me/addresses', headers: a.headers, payload });
      expect(res.statusCode, code).toBe(400);
      expect(res.json().code).toBe(code);
      expect(res.json().errors?.length ?? 0).toBeGreaterThan(0);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/me/addresses', headers: a.headers })).json()).toEqual([]);
    const notUuid = await t.app.inject({ method: 'PATCH', url: '/api/me/addresses/1%20or%201=1', headers: a.headers, payload: { label: 'x' } });
    expect(notUuid.statusCode).toBe(400);
  });

  it('needs a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/me/addresses' });
    expect(res.statusCode).toBe(401);
  });
});

describe('my devices', () => {
  it('lists live sessions with the current one flagged, and signs another device out', async () => {
    const a = await smsSignIn(t.app, t.ctx);
    await t.ctx.db.updateTable('sms_codes').set({ created_at: new Date(Date.now() - 120_000) }).where('phone_hash', '=', t.ctx.pii.blindIndex(a.phone)).execute();
    await t.app.inject({ method: 'POST', url: '/api/auth/sms/send', payload: { phone: a.phone }, remoteAddress: randomIp() });
    const second = await t.app.inject({ method: 'POST', url: '/api/auth/sms/login', headers: { 'user-agent': 'Phone B' }, payload: { phone: a.phone, code: await latestSmsCode(t.ctx, a.phone), role: 'customer', acceptedPolicy: PRIVACY_POLICY_VERSION } });
    const secondHeaders = { authorization: `Bearer ${second.json().token}` };
    const devices = (await t.app.inject({ method: 'GET', url: '/api/me/sessions', headers: a.headers })).json();
    expect(devices).toHaveLength(2);
    expect(devices.filter((d: { current: boolean }) => d.current)).toHaveLength(1);
    const other = devices.find((d: { current: boolean }) => !d.current);
    expect(other.userAgent).toBe('Phone B');
    expect((await t.app.inject({ method: 'DELETE', url: `/api/me/sessions/${other.id}`, headers: a.headers })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: secondHeaders })).statusCode).toBe(401);
    const stranger = await smsSignIn(t.app, t.ctx);
    const mine = devices.find((d: { current: boolean }) => d.current).id;
    expect((await t.app.inject({ method: 'DELETE', url: `/api/me/sessions/${mine}`, headers: stranger.headers })).statusCode).toBe(404);
  });
});

function merge(headers: Record<string, string>, body: { payload: Buffer; headers: Record<string, string> }) {
  return { payload: body.payload, headers: { ...headers, ...body.headers } };
}
