import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Database } from './database.js';

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
// Any constant: serialises migration runs of several API instances starting together.
const MIGRATION_LOCK = 4_242_001;

export interface Migration { version: string; name: string; sql: string }

export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((file) => ({
      version: file.slice(0, 4),
      name: file.slice(5, -4),
      sql: readFileSync(join(dir, file), 'utf8'),
    }));
}

/** Applies pending migrations in order, each in its own transaction; returns the versions applied. */
export async function migrate(database: Database, migrations = listMigrations()): Promise<string[]> {
  return database.exclusive(MIGRATION_LOCK, async () => {
    await database.runScript(`create table if not exists schema_migrations (
      version text primary key, name text not null, applied_at timestamptz not null default now())`);
    const applied: string[] = [];
    const done = await sql<{ version: string }>`select version from schema_migrations`.execute(database.db);
    const doneSet = new Set(done.rows.map((r) => r.version));
    for (const m of migrations) {
      if (doneSet.has(m.version)) continue;
      await database.runScript(`begin;\n${m.sql}\n;insert into schema_migrations(version, name) values ('${m.version}', '${m.name}');\ncommit;`);
      applied.push(m.version);
    }
    return applied;
  });
}
