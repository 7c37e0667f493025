import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './types.js';
import { PGliteDialect } from './pglite-dialect.js';

export type DatabaseKind = 'pglite' | 'postgresql';

export interface Database {
  db: Kysely<DB>;
  kind: DatabaseKind;
  /** Runs a parameterless, possibly multi-statement SQL script (migrations); rolls back on error. */
  runScript(sql: string): Promise<void>;
  /** Runs fn while holding a database-wide advisory lock (one migrator across instances). */
  exclusive<T>(lockId: number, fn: () => Promise<T>): Promise<T>;
  /** LISTENs on a channel (a dedicated connection on PostgreSQL, reconnected after errors); returns the unlisten. */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… for a real server; otherwise PGlite. */
  url?: string;
  /** PGlite data directory; undefined = in memory. */
  dataDir?: string;
  poolSize?: number;
}

// int8 (count(*), sums) as number on both drivers: our integers (fen, counts) stay below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));
// numeric (ratings) as number.
pg.types.setTypeParser(1700, (v) => Number(v));
// date stays a 'YYYY-MM-DD' string: a calendar day has no time zone (pg would make a local-midnight Date).
pg.types.setTypeParser(1082, (v) => v);

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.url ? openPostgres(options.url, options.poolSize ?? 10) : openPGlite(options.dataDir);
}

async function openPostgres(url: string, max: number): Promise<Database> {
  // exclusive() holds one connection while migrations run on another: never fewer than 2.
  const pool = new pg.Pool({ connectionString: url, max: Math.max(2, max) });
  pool.on('error', () => {}); // idle client errors are retried on next checkout
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'postgresql',
    async runScript(sqlText) {
      const client = await pool.connect();
      try {
        await client.query(sqlText);
      } catch (err) {
        await client.query('rollback').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    async exclusive(lockId, fn) {
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [lockId]);
        return await fn();
      } finally {
        await client.query('select pg_advisory_unlock($1)', [lockId]).catch(() => {});
        client.release();
      }
    },
    listen: (channel, onNotify) => listenPostgres(url, channel, onNotify),
    async close() {
      await db.destroy();
    },
  };
}

/** One client per listener; after a lost connection it reconnects (the caller's catch-up covers the gap). */
async function listenPostgres(url: string, channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>> {
  let client: pg.Client | null = null;
  let stopped = false;
  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url });
    c.on('notification', (m) => { if (m.channel === channel) onNotify(m.payload ?? ''); });
    c.on('error', () => {
      c.end().catch(() => {});
      if (!stopped) setTimeout(() => { if (!stopped) connect().catch(() => {}); }, 1000);
    });
    await c.connect();
    await c.query(`LISTEN "${channel.replace(/"/g, '')}"`);
    if (stopped) await c.end();
    else client = c;
  };
  await connect();
  return async () => {
    stopped = true;
    await client?.end().catch(() => {});
  };
}

async function openPGlite(dataDir?: string): Promise<Database> {
  const { PGlite, types } = await import('@electric-sql/pglite');
  const extensions = await loadExtensions();
  const pglite = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    extensions,
    parsers: { [types.NUMERIC]: (v: string) => Number(v), [types.INT8]: (v: string) => Number(v), [types.DATE]: (v: string) => v },
  });
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    kind: 'pglite',
    async runScript(sqlText) {
      try {
        await pglite.exec(sqlText);
      } catch (err) {
        await pglite.exec('rollback').catch(() => {});
        throw err;
      }
    },
    exclusive: (_lockId, fn) => fn(),
    async listen(channel, onNotify) {
      const unlisten = await pglite.listen(channel, onNotify);
      return async () => { await unlisten(); };
    },
    async close() {
      await db.destroy();
      await pglite.close();
    },
  };
}

async function loadExtensions() {
  const [{ btree_gist }, { cube }, { earthdistance }, { pg_trgm }, { pgcrypto }] = await Promise.all([
    import('@electric-sql/pglite/contrib/btree_gist'),
    import('@electric-sql/pglite/contrib/cube'),
    import('@electric-sql/pglite/contrib/earthdistance'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('@electric-sql/pglite/contrib/pgcrypto'),
  ]);
  return { btree_gist, cube, earthdistance, pg_trgm, pgcrypto };
}
