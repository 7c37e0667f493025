import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedFileUrl } from '../../../src/platform/file-links.js';
import { createTestApp, smsSignIn, type TestApp } from '../../helpers/test-app.js';
import { multipart, png } from '../../helpers/workers.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

async function uploadJobPhoto(headers: Record<string, string>, tag: string) {
  const form = multipart(png(tag));
  const res = await t.app.inject({ method: 'POST', url: '/api/orders/photos', payload: form.payload, headers: { ...headers, ...form.headers } });
  expect(res.statusCode).toBe(200);
  return res.json() as { id: string; url: string };
}

describe('private files only through short-lived signed links', () => {
  it('the owner is redirected to a signed link that opens with no credentials; strangers get 404 and no link', async () => {
    const me = await smsSignIn(t.app, t.ctx);
    const stranger = await smsSignIn(t.app, t.ctx);
    const photo = await uploadJobPhoto(me.headers, `${Date.now()}a`);

    const redirect = await get(photo.url, me.headers);
    expect(redirect.statusCode).toBe(302);
    expect(redirect.headers['cache-control']).toBe('private, no-store');
    const link = String(redirect.headers.location);
    expect(link).toMatch(new RegExp(`^/api/files/${photo.id}\\?expires=\\d+&signature=[A-Za-z0-9_-]{43}$`));

    const served = await get(link); // no cookie, no token: the link alone
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    const maxAge = Number(/max-age=(\d+)/.exec(String(served.headers['cache-control']))?.[1]);
    expect(served.headers['cache-control']).toMatch(/^private, max-age=\d+$/);
    expect(maxAge).toBeGreaterThan(0);
    expect(maxAge).toBeLessThanOrEqual(600);

    for (const headers of [{}, stranger.headers]) {
      const refused = await get(photo.url, headers);
      expect(refused.statusCode).toBe(404);
      expect(refused.headers.location).toBeUndefined();
    }
  });

  it('a link cannot be moved to another file, stretched, forged or used after it expires', async () => {
    const me = await smsSignIn(t.app, t.ctx);
    const [a, b] = [await uploadJobPhoto(me.headers, `${Date.now()}b`), await uploadJobPhoto(me.headers, `${Date.now()}c`)];
    const link = new URL(String((await get(a.url, me.headers)).headers.location), 'http://x');
    const expires = Number(link.searchParams.get('expires'));
    const signature = link.searchParams.get('signature')!;

    expect((await get(`/api/files/${b.id}?expires=${expires}&signature=${signature}`)).statusCode).toBe(404);
    expect((await get(`/api/files/${a.id}?expires=${expires + 86_400}&signature=${signature}`)).statusCode).toBe(404);
    const flipped = (signature[0] === 'A' ? 'B' : 'A') + signature.slice(1);
    expect((await get(`/api/files/${a.id}?expires=${expires}&signature=${flipped}`)).statusCode).toBe(404);
    expect((await get(signedFileUrl('another-secret-of-at-least-32-characters', a.id))).statusCode).toBe(404);

    const old = await get(signedFileUrl(t.ctx.config.appSecret, a.id, Date.now() - 11 * 60_000));
    expect(old.statusCode).toBe(410);
    expect(old.headers['content-type']).toContain('application/problem+json');
    expect(old.json().code).toBe('FILE_LINK_EXPIRED');

    const bad = await get(`/api/files/${a.id}?expires=soon&signature=${signature}`);
    expect(bad.statusCode).toBe(400);
  });

  it('public files (an avatar) are served straight, cacheable by anyone', async () => {
    const me = await smsSignIn(t.app, t.ctx);
    const form = multipart(png(`${Date.now()}d`));
    const avatar = await t.app.inject({ method: 'POST', url: '/api/me/avatar', payload: form.payload, headers: { ...me.headers, ...form.headers } });
    const served = await get(avatar.json().avatarUrl);
    expect(served.statusCode).toBe(200);
    expect(served.headers['cache-control']).toBe('public, max-age=86400, immutable');
  });
});
