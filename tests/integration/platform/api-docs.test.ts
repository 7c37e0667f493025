import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

/**
 * Docs cannot fall behind the code: every route the app registers is written as `METHOD /path` in some
 * docs/api-*.md, and every `METHOD /path` written in those docs or in a domain README is a route the app has.
 */
const ROOT = join(import.meta.dirname, '..', '..', '..');
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** `/api/orders/:id` and `/api/orders/{orderId}` are the same route. */
const norm = (method: string, path: string) => `${method} ${path.replace(/\/+$/, '').replace(/:\w+|\{\w+\}/g, ':') || '/'}`;

/** The routes of `app.printRoutes({ commonPrefix: false })`: each line's segment follows its parents'. */
function routesOf(tree: string): string[] {
  const out: string[] = [];
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const m = line.match(/^(.*?)[├└]── (.+?)(?: \(([A-Z, ]+)\))?$/);
    if (!m) continue;
    const depth = [...m[1]].length / 4;
    stack.length = depth;
    stack.push(m[2]);
    const path = stack.join('');
    for (const method of (m[3] ?? '').split(', ').filter((x) => METHODS.includes(x))) out.push(norm(method, path));
  }
  return [...new Set(out)];
}

/** Every `METHOD /path` written in a markdown text (query strings and trailing punctuation dropped). */
function documented(text: string): string[] {
  return [...text.matchAll(/\b(GET|POST|PUT|PATCH|DELETE) (\/[\w\-./:{}]*)/g)].map((m) => norm(m[1], m[2].replace(/[.:]+$/, '')));
}

const apiDocs = readdirSync(join(ROOT, 'docs')).filter((f) => /^api-.*\.md$/.test(f)).map((f) => `docs/${f}`);
const readmes = readdirSync(join(ROOT, 'src', 'domains')).map((d) => `src/domains/${d}/README.md`)
  .filter((f) => { try { readFileSync(join(ROOT, f)); return true; } catch { return false; } });
const read = (f: string) => readFileSync(join(ROOT, f), 'utf8');

let t: TestApp;
let routes: string[];
beforeAll(async () => {
  t = await createTestApp();
  // The swagger UI's own files under /docs/ are the plugin's; `/docs` itself is named in api-foundation.md.
  routes = routesOf(t.app.printRoutes({ commonPrefix: false })).filter((r) => !/^GET \/docs\//.test(r));
});
afterAll(async () => { await t?.close(); });

describe('API docs match the routes', () => {
  it('finds the routes and the docs', () => {
    expect(routes.length).toBeGreaterThan(200);
    expect(routes).toContain('POST /api/orders');
    expect(apiDocs.length).toBeGreaterThan(5);
  });

  it('every route of the app is written as METHOD /path in some docs/api-*.md', () => {
    const inDocs = new Set(apiDocs.flatMap((f) => documented(read(f))));
    const missing = routes.filter((r) => !inDocs.has(r));
    expect(missing, `routes missing from docs/api-*.md (${routes.length - missing.length}/${routes.length} documented): add them to the doc of their domain`).toEqual([]);
  });

  it('every METHOD /path written in docs/api-*.md and src/domains/*/README.md is a route the app has', () => {
    const known = new Set(routes);
    const stale = [...apiDocs, ...readmes].flatMap((f) => documented(read(f)).filter((r) => !known.has(r)).map((r) => `${f}: ${r}`));
    expect(stale, 'documented routes the app does not have: fix or remove them').toEqual([]);
  });
});
