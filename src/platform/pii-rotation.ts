/**
 * `npm run keys:rotate`: re-seals every sealed personal value with the current PII key (PII_KEY_ID). It finds them
 * without a list that could fall behind: every text column named `*_enc`, and top-level `…Enc` fields of jsonb
 * columns (an emergency contact's phone). Idempotent and resumable: a value already under the current key is left,
 * each row is updated only if it still holds what was read (a concurrent write wins).
 */
import { sql, type Kysely } from 'kysely';
import type { PiiCrypto } from './crypto.js';

type AnyDb = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- tables are discovered at run time
export interface ResealCount { table: string; column: string; resealed: number; unreadable: number }

const BATCH = 500;

async function sealedColumns(db: AnyDb) {
  const columns = await sql<{ table_name: string; column_name: string; data_type: string }>`
    select c.table_name, c.column_name, c.data_type from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
    where c.table_schema = current_schema() and ((c.data_type = 'text' and c.column_name like '%\\_enc') or c.data_type = 'jsonb')
    order by c.table_name, c.column_name`.execute(db);
  const keys = await sql<{ table_name: string; column_name: string }>`
    select kcu.table_name, kcu.column_name from information_schema.table_constraints tc
    join information_schema.key_column_usage kcu on kcu.constraint_schema = tc.constraint_schema and kcu.constraint_name = tc.constraint_name
    where tc.constraint_type = 'PRIMARY KEY' and tc.table_schema = current_schema()`.execute(db);
  const pk = new Map<string, string[]>();
  for (const k of keys.rows) pk.set(k.table_name, [...(pk.get(k.table_name) ?? []), k.column_name]);
  return columns.rows.flatMap((c) => (pk.get(c.table_name)?.length === 1 ? [{ table: c.table_name, column: c.column_name, json: c.data_type === 'jsonb', key: pk.get(c.table_name)![0]! }] : []));
}

/** A sealed value under the current key, or null when it already is (or is not a sealed value). */
function resealed(pii: PiiCrypto, value: string): string | null {
  const keyId = pii.keyIdOf(value);
  return keyId && keyId !== pii.currentKeyId ? pii.encrypt(pii.decrypt(value)) : null;
}

function resealJson(pii: PiiCrypto, doc: unknown): Record<string, unknown> | null {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return null;
  let changed = false;
  const out: Record<string, unknown> = { ...(doc as Record<string, unknown>) };
  for (const [field, value] of Object.entries(out)) {
    if (!field.endsWith('Enc') || typeof value !== 'string') continue;
    const next = resealed(pii, value);
    if (next) { out[field] = next; changed = true; }
  }
  return changed ? out : null;
}

async function resealColumn(db: AnyDb, pii: PiiCrypto, c: { table: string; column: string; json: boolean; key: string }): Promise<ResealCount> {
  const count: ResealCount = { table: c.table, column: c.column, resealed: 0, unreadable: 0 };
  const col = sql.ref(c.column); const key = sql.ref(c.key); const table = sql.table(c.table);
  const filter = c.json ? sql`${col}::text like ${'%Enc"%'}` : sql`${col} not like ${`${pii.currentKeyId}.%`}`;
  let after: string | null = null;
  for (;;) {
    const rows: { k: string; v: unknown }[] = (await sql<{ k: string; v: unknown }>`
      select ${key}::text as k, ${col} as v from ${table}
      where ${col} is not null and ${filter} ${after === null ? sql`` : sql`and ${key}::text > ${after}`}
      order by ${key}::text limit ${BATCH}`.execute(db)).rows;
    if (!rows.length) return count;
    for (const row of rows) {
      try {
        const next = c.json ? resealJson(pii, row.v) : resealed(pii, String(row.v));
        if (!next) continue;
        const value = c.json ? sql`${JSON.stringify(next)}::jsonb` : sql`${next}`;
        const before = c.json ? sql`${col} = ${JSON.stringify(row.v)}::jsonb` : sql`${col} = ${row.v as string}`;
        const done = await sql`update ${table} set ${col} = ${value} where ${key}::text = ${row.k} and ${before}`.execute(db);
        if (Number(done.numAffectedRows ?? 0) > 0) count.resealed += 1;
      } catch {
        count.unreadable += 1; // a key no longer configured: reported, left as it is
      }
    }
    after = rows.at(-1)!.k;
  }
}

export async function resealPii(db: AnyDb, pii: PiiCrypto): Promise<ResealCount[]> {
  const counts: ResealCount[] = [];
  for (const c of await sealedColumns(db)) {
    const n = await resealColumn(db, pii, c);
    if (!c.json || n.resealed || n.unreadable) counts.push(n);
  }
  return counts;
}
