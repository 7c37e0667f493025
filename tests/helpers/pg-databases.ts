/**
 * One PostgreSQL database per test file. With DATABASE_URL (the server to use, e.g. …/test) the global setup
 * migrates a template database `daojia_tpl_<run>`; the first `createTestApp` / `createCrashTestApp` in a test
 * file clones it (`CREATE DATABASE daojia_t_<run>_<n> TEMPLATE …`) and later calls in the same file reuse the
 * clone (vitest gives each file its own module registry, so the cache below is per file). The global teardown
 * drops the template and every clone of the run. The database named in DATABASE_URL itself is never touched.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Set by tests/global-setup.ts on PostgreSQL: names the template and this run's per-file databases. */
    pgRunId: string;
  }
}

/** Databases of a run older than this are left from a killed run: the next setup drops them. */
const STALE_AFTER_S = 6 * 3600;

export const templateName = (runId: string) => `daojia_tpl_${runId}`;
export const fileDatabasePrefix = (runId: string) => `daojia_t_${runId}_`;

/** A run id that sorts by start time and never repeats: `<unix seconds>_<random>`. */
export function newRunId(): string {
  return `${Math.floor(Date.now() / 1000)}_${randomBytes(3).toString('hex')}`;
}

/** The same server URL with another database. */
export function urlWithDatabase(serverUrl: string, database: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Runs statements one by one on a short-lived connection to the server's DATABASE_URL database. */
export async function adminQuery<R extends pg.QueryResultRow = pg.QueryResultRow>(serverUrl: string, ...statements: string[]): Promise<R[]> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    let rows: R[] = [];
    for (const sql of statements) rows = (await client.query<R>(sql)).rows;
    return rows;
  } finally {
    await client.end();
  }
}

/** Names of the databases this run made (template and clones), or of runs older than STALE_AFTER_S. */
export async function runDatabases(serverUrl: string, runId: string | 'stale'): Promise<string[]> {
  const rows = await adminQuery<{ datname: string }>(serverUrl,
    `select datname from pg_database where datname like 'daojia\\_tpl\\_%' or datname like 'daojia\\_t\\_%'`);
  const names = rows.map((r) => r.datname);
  if (runId !== 'stale') return names.filter((n) => n === templateName(runId) || n.startsWith(fileDatabasePrefix(runId)));
  const oldest = Math.floor(Date.now() / 1000) - STALE_AFTER_S;
  return names.filter((n) => {
    const started = Number(/^daojia_t(?:pl)?_(\d+)_/.exec(n)?.[1]);
    return Number.isFinite(started) && started < oldest;
  });
}

/** Drops them a few at a time (each drop waits for a checkpoint). */
export async function dropDatabases(serverUrl: string, names: string[]): Promise<void> {
  for (let i = 0; i < names.length; i += 4) {
    await Promise.all(names.slice(i, i + 4).map((name) => adminQuery(serverUrl, `drop database if exists "${name}" with (force)`)));
  }
}

let fileDatabase: Promise<string | undefined> | undefined;

/**
 * The database URL for this test file: undefined on PGlite (no DATABASE_URL); on PostgreSQL a fresh clone of
 * the run's migrated template, made on the first call in the file. Without a run id (a config without the
 * global setup) it falls back to DATABASE_URL itself.
 */
export function testDatabaseUrl(): Promise<string | undefined> {
  fileDatabase ??= (async () => {
    const serverUrl = process.env.DATABASE_URL;
    if (!serverUrl) return undefined;
    const runId = inject('pgRunId');
    if (!runId) return serverUrl;
    const name = `${fileDatabasePrefix(runId)}${process.pid}_${randomBytes(3).toString('hex')}`;
    await adminQuery(serverUrl, `create database "${name}" template "${templateName(runId)}"`);
    return urlWithDatabase(serverUrl, name);
  })();
  return fileDatabase;
}
