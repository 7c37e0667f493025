import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { buildApp, LISTEN_BACKLOG } from './app.js';
import { ConfigError, loadConfig, simulatorWarnings, type Config } from './config.js';
import { openDatabase, type Database } from './db/database.js';
import { migrate } from './db/migrate.js';
import { ensureAdmin } from './domains/admin/service.js';
import { createPiiCrypto } from './platform/crypto.js';
import { resealPii } from './platform/pii-rotation.js';
import { DataDirLockedError, lockDataDir } from './platform/data-dir-lock.js';
import { DEMO_ADMINS, DEMO_CUSTOMER_PHONE, DEMO_PASSWORD, DEMO_WORKER_PHONE, lastHistory, seedDemo } from './seed/demo.js';
// @ts-expect-error plain ESM helper shared with npm's prepare step
import { buildWeb, webIsStale } from '../scripts/build-web.mjs';

/** CLI: `start` (default) | `migrate` | `seed` | `keys:rotate`. */
async function main(command = 'start') {
  const config = loadConfig();
  const release = config.databaseUrl ? () => {} : lockDataDir(config.dataDir);
  let database: Database | undefined;
  try {
    const t0 = Date.now();
    database = await openDatabase({ url: config.databaseUrl, dataDir: join(config.dataDir, 'pglite') });
    const applied = await migrate(database);
    if (applied.length) console.log(`migrations applied: ${applied.join(', ')}`);
    if (command === 'migrate') return finish(database, release);
    if (command === 'keys:rotate') {
      await rotateKeys(config, database);
      return finish(database, release);
    }
    if (command === 'seed' || (command === 'start' && config.seedDemo)) await seed(config, database);
    if (command === 'seed') return finish(database, release);
    if (command !== 'start') throw new ConfigError(`unknown command "${command}" (start | migrate | seed | keys:rotate)`);
    await start(config, database, release, t0);
  } catch (err) {
    await database?.close().catch(() => {});
    release();
    throw err;
  }
}

async function finish(database: Database, release: () => void) {
  await database.close();
  release();
}

/** Re-seals every sealed personal value with PII_KEY_ID's key (see platform/pii-rotation.ts). */
async function rotateKeys(config: Config, database: Database) {
  const pii = createPiiCrypto(config.appSecret, { currentKeyId: config.piiKeyId, keys: config.piiKeys });
  const counts = await resealPii(database.db, pii);
  for (const c of counts) console.log(`${c.table}.${c.column}: ${c.resealed} re-sealed with ${pii.currentKeyId}${c.unreadable ? `, ${c.unreadable} UNREADABLE (their key is not configured)` : ''}`);
  if (counts.some((c) => c.unreadable)) process.exitCode = 1;
}

async function seed(config: Config, database: Database) {
  const { ctx } = await buildApp({ ...config, logLevel: 'warn', serveWeb: false }, database);
  const t = Date.now();
  if (await seedDemo(ctx)) {
    const h = lastHistory;
    console.log(`demo city seeded in ${Date.now() - t} ms${h ? ` (history: ${h.orders} orders, ${h.completed} completed, ${h.noShows} no-shows, ${h.reviews} reviews + ${h.defaultReviews} default marks, ${h.customerRatings} customer ratings, ${h.ledgerEntries} ledger entries, ${h.workersWithHistory} workers)` : ''}`);
  }
}

async function start(config: Config, database: Database, release: () => void, t0: number) {
  if (config.serveWeb && webIsStale() && !buildWeb()) console.warn('web build failed: the portals are unavailable, the API still runs');
  const { app, ctx } = await buildApp(config, database);
  const warnings = simulatorWarnings(config);
  for (const w of warnings) app.log.warn(w);
  if (warnings.length) console.warn(['', '!!! NOT FOR REAL CUSTOMERS: local simulators are running in production !!!', ...warnings.map((w) => `  ${w}`), ''].join('\n'));
  if (!config.seedDemo) await bootstrapAdmin(ctx);
  await app.listen({ port: config.port, host: config.host, backlog: LISTEN_BACKLOG });
  ctx.jobs.start();
  printWelcome(config, database.kind, Date.now() - t0);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: shutting down`);
    const force = setTimeout(() => process.exit(1), 10_000).unref();
    try {
      await app.close();
      await database.close();
    } finally {
      release();
      clearTimeout(force);
      process.exit(0);
    }
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

/** A production database starts with one super admin: BOOTSTRAP_ADMIN_PASSWORD or a printed random one. */
async function bootstrapAdmin(ctx: Awaited<ReturnType<typeof buildApp>>['ctx']) {
  const any = await ctx.db.selectFrom('admin_accounts').select('id').limit(1).executeTakeFirst();
  if (any) return;
  const password = process.env.BOOTSTRAP_ADMIN_PASSWORD || `A${randomBytes(9).toString('base64url')}1`;
  await ensureAdmin(ctx, { username: 'admin', name: 'Administrator', password, roles: ['super_admin'] });
  console.log(`created super admin "admin" with password: ${password}  (change it after signing in)`);
}

function printWelcome(config: Config, kind: string, ms: number) {
  const base = config.publicUrl;
  const lines = [
    '', `daojia 到家 is running (${kind}, started in ${ms} ms)`,
    `  customer H5     ${base}/`, `  worker H5       ${base}/worker/`, `  admin console   ${base}/admin/`,
    `  API docs        ${base}/docs   (OpenAPI: ${base}/openapi.json)`,
  ];
  if (config.seedDemo) {
    lines.push('', `demo accounts (password ${DEMO_PASSWORD}):`,
      `  admin console   ${DEMO_ADMINS.map((a) => `${a.username} (${a.roles[0]})`).join(', ')}`,
      `  customer        ${DEMO_CUSTOMER_PHONE}   worker ${DEMO_WORKER_PHONE}`,
      '  any phone can sign in by SMS code: the super admin reads codes in the console → 消息外发 (Outbox; masked for other staff)');
  }
  console.log(lines.join('\n') + '\n');
}

main(process.argv[2]).catch((err) => {
  if (err instanceof ConfigError || err instanceof DataDirLockedError) {
    console.error(`\n${err.message}\n`);
  } else {
    console.error(err);
  }
  process.exit(1);
});
