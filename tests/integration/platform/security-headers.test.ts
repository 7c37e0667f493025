/** Security headers on the API, the docs and receipts; the portals run the browser suite under the same CSP. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

const get = (url: string) => t.app.inject({ method: 'GET', url });

describe('security headers', () => {
  it('every answer carries a CSP without inline scripts, no framing, nosniff and no referrer; no HSTS on http', async () => {
    for (const url of ['/health', '/api/catalog/categories', '/api/no-such-route', '/openapi.json']) {
      const res = await get(url);
      const csp = String(res.headers['content-security-policy']);
      expect(csp, url).toContain("default-src 'self'");
      expect(csp, url).toContain("script-src 'self';");
      expect(csp, url).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(csp, url).toContain("object-src 'none'");
      expect(res.headers['x-frame-options'], url).toBe('DENY');
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['referrer-policy'], url).toBe('no-referrer');
      expect(res.headers['strict-transport-security'], url).toBeUndefined();
    }
  });

  it('the API docs have their own CSP that still forbids inline scripts and framing', async () => {
    const res = await get('/docs');
    expect(res.statusCode).toBe(200);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.body).not.toMatch(/<script>(?!\s*<\/script>)/); // no inline script the CSP would block
  });
});

describe('security headers behind https', () => {
  it('adds HSTS and upgrades insecure requests when PUBLIC_URL is https', async () => {
    const { buildApp } = await import('../../../src/app.js');
    const { app } = await buildApp({ ...t.ctx.config, publicUrl: 'https://daojia.example.com' }, t.ctx.database);
    try {
      const res = await app.inject({ method: 'GET', url: '/health' });
      expect(res.headers['strict-transport-security']).toBe('max-age=15552000; includeSubDomains');
      expect(String(res.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
    } finally {
      await app.close();
    }
  });
});
