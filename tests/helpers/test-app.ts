import { randomInt } from 'node:crypto';
import { PRIVACY_POLICY_VERSION } from '../../src/domains/accounts/privacy-policy.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp } from '../../src/app.js';
import type { AppContext } from '../../src/platform/app-context.js';
import { loadConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrate.js';
import { seedCatalog } from '../../src/domains/catalog/service.js';
import { upsertCity } from '../../src/domains/geo/service.js';
import { DEMO_CATALOG } from '../../src/seed/catalog-data.js';
import { loadCityFile, seedCityPricing } from '../../src/seed/demo.js';
import { testDatabaseUrl } from './pg-databases.js';

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  close(): Promise<void>;
}

/**
 * An app over PGlite in memory, or over this test file's own PostgreSQL database (a clone of
 * the template the global setup migrated; see pg-databases.ts), with the city seeded.
 * `poolSize`: PostgreSQL connections (default 4; concurrency tests ask for more). PGlite has one.
 */
export async function createTestApp(options: { poolSize?: number } = {}): Promise<TestApp> {
  const url = await testDatabaseUrl();
  const dataDir = mkdtempSync(join(tmpdir(), 'daojia-test-'));
  const database = await openDatabase({ url, poolSize: options.poolSize ?? 4 });
  if (!url) await migrate(database);
  const config = loadConfig({}, {
    dataDir, databaseUrl: url, appSecret: 'test-secret-test-secret-test-secret-0123', logLevel: 'silent',
    serveWeb: false, logOutbox: false, seedDemo: false,
  });
  const { app, ctx } = await buildApp(config, database);
  await upsertCity(ctx.db, loadCityFile());
  await seedCatalog(ctx.db, DEMO_CATALOG);
  await seedCityPricing(ctx.db, ctx.config.cityCode);
  await app.ready();
  return {
    app, ctx,
    async close() {
      await app.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A phone no other test (nor the demo seed's 138/139 ranges) uses. */
export function randomPhone(): string {
  return `1${randomInt(5, 8)}${String(randomInt(0, 1e9)).padStart(9, '0')}`;
}

export function randomIp(): string {
  return `10.${randomInt(0, 256)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
}

export async function latestOutbox(ctx: AppContext, recipient: string, channel: 'sms' | 'email' = 'sms') {
  return ctx.db.selectFrom('outbox_messages').selectAll().where('recipient', '=', recipient).where('channel', '=', channel)
    .orderBy('created_at', 'desc').limit(1).executeTakeFirst();
}

export async function latestSmsCode(ctx: AppContext, phone: string): Promise<string> {
  const msg = await latestOutbox(ctx, phone);
  const code = msg?.body.match(/\d{6}/)?.[0];
  if (!code) throw new Error(`no SMS code for ${phone}`);
  return code;
}

/** Signs up / in by SMS code through HTTP; returns the bearer headers and the user. */
export async function smsSignIn(app: FastifyInstance, ctx: AppContext, role: 'customer' | 'worker' = 'customer', phone = randomPhone()) {
  const ip = randomIp();
  const sent = await app.inject({ method: 'POST', url: '/api/auth/sms/send', payload: { phone }, remoteAddress: ip });
  if (sent.statusCode !== 200) throw new Error(`sms send failed: ${sent.body}`);
  const code = await latestSmsCode(ctx, phone);
  const res = await app.inject({ method: 'POST', url: '/api/auth/sms/login', payload: { phone, code, role, acceptedPolicy: PRIVACY_POLICY_VERSION }, remoteAddress: ip });
  if (res.statusCode !== 200) throw new Error(`sms login failed: ${res.body}`);
  const body = res.json();
  return { phone, token: body.token as string, user: body.user, headers: { authorization: `Bearer ${body.token}` }, cookie: res.cookies };
}

export async function adminSignIn(app: FastifyInstance, username: string, password: string) {
  const res = await app.inject({ method: 'POST', url: '/api/admin/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`admin login failed: ${res.body}`);
  return { authorization: `Bearer ${res.json().token}` };
}

export type Inject = (opts: InjectOptions) => ReturnType<FastifyInstance['inject']>;

/**
 * Opens a private file the way a browser does: the access-checked URL answers with a redirect to a short-lived signed
 * link, which is then fetched with no credentials at all. Anything but a redirect is returned as is.
 */
export async function openFile(app: FastifyInstance, url: string, headers: Record<string, string> = {}) {
  return followLink(app, await app.inject({ method: 'GET', url, headers }));
}

/** Follows an answer's redirect (a private file's signed link) with no credentials; any other answer as is. */
export async function followLink(app: FastifyInstance, answer: Awaited<ReturnType<FastifyInstance['inject']>>) {
  return answer.statusCode === 302 ? app.inject({ method: 'GET', url: String(answer.headers.location) }) : answer;
}
