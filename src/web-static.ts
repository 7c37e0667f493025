import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WEB_DIST = join(dirname(fileURLToPath(import.meta.url)), '..', 'web', 'dist');

/** Serves the built portals; the SPA's routes (/, /worker/…, /admin/…) fall back to index.html. */
export async function serveWeb(app: FastifyInstance) {
  if (!existsSync(join(WEB_DIST, 'index.html'))) {
    app.log.warn(`web portals not built (${WEB_DIST} missing): run npm run build:web`);
    return;
  }
  await app.register(fastifyStatic, { root: WEB_DIST, prefix: '/', wildcard: true, index: ['index.html'] });
}

/** True for browser navigations that the SPA should answer. */
export function isPortalPath(method: string, url: string): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  const path = url.split('?')[0] ?? '';
  if (/^\/(api|docs|health|openapi\.json|paysim)(\/|$)/.test(path)) return false;
  return !/\.[a-z0-9]{2,5}$/i.test(path);
}

export const portalIndexExists = () => existsSync(join(WEB_DIST, 'index.html'));
