import fc from 'fast-check';
import { sql, type Kysely } from 'kysely';

/** Pieces of the route fuzzer (tests/security/fuzz.test.ts): routes from the OpenAPI document, bad inputs from their schemas, a write log. */

const FIXED_SEED = 20_261_207;
const ROTATING_SEED = Number(process.env.FUZZ_SEED) || (Date.now() % 2_147_483_647);
/** Samples per route, caller and seed (the anonymous caller gets half: most of its answers are 401 after validation). */
export const FUZZ_SEEDS = [{ seed: FIXED_SEED, runs: Number(process.env.FUZZ_RUNS) || 4 }, { seed: ROTATING_SEED, runs: Number(process.env.FUZZ_RUNS) || 4 }];

export interface Caller { name: 'anonymous' | 'customer' | 'worker' | 'super_admin'; headers: Record<string, string>; ids: string[] }

type Schema = {
  type?: string | string[]; properties?: Record<string, Schema>; required?: string[]; items?: Schema; enum?: unknown[]; const?: unknown;
  anyOf?: Schema[]; oneOf?: Schema[]; allOf?: Schema[]; format?: string; pattern?: string; minimum?: number; maximum?: number;
  exclusiveMinimum?: number; minLength?: number; maxLength?: number; minItems?: number; default?: unknown;
};
interface Param { name: string; in: string; required?: boolean; schema?: Schema }
interface OpenApi { paths: Record<string, Record<string, { parameters?: Param[]; requestBody?: { content: Record<string, { schema: Schema }> } }>> }

export interface FuzzRoute {
  index: number; method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; path: string;
  pathParams: Param[]; query: Param[]; body?: Schema; skip?: string;
}

/** Streams never end; uploads take multipart (the test sends those hand-written bad uploads instead). */
const STREAMS = new Set(['/api/events/stream', '/api/admin/events/stream']);
const UPLOADS = new Set(['/api/me/avatar', '/api/admin/catalog/items/{id}/photos', '/api/worker/documents', '/api/orders/photos', '/api/worker/orders/photos',
  '/api/reviews/photos', '/api/complaints/evidence', '/api/claims/documents', '/api/admin/claims/documents']);
/** Routes that end the caller's own session run last, so the other routes are fuzzed signed in. */
const SESSION_ENDERS = new Set(['/api/auth/logout', '/api/admin/auth/logout']);

export function routesOf(doc: OpenApi): FuzzRoute[] {
  const out: FuzzRoute[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const params = op.parameters ?? [];
      out.push({
        index: out.length, method: method.toUpperCase() as FuzzRoute['method'], path,
        pathParams: params.filter((p) => p.in === 'path'), query: params.filter((p) => p.in === 'query'),
        body: op.requestBody?.content['application/json']?.schema,
        skip: STREAMS.has(path) ? 'stream' : UPLOADS.has(path) ? 'multipart upload' : undefined,
      });
    }
  }
  for (const u of UPLOADS) if (!out.some((r) => r.path === u)) throw new Error(`fuzz: upload route ${u} is gone; update the list`);
  return out.sort((a, b) => Number(SESSION_ENDERS.has(a.path)) - Number(SESSION_ENDERS.has(b.path)));
}

// ---- bad values -------------------------------------------------------------------------------------------------

/** Tokens replaced in the JSON text after JSON.stringify, for what JSON.stringify cannot write. */
const INF = '@@FUZZ_INF@@';
const NEG_INF = '@@FUZZ_NEG_INF@@';
const DEEP = '@@FUZZ_DEEP@@';
const BIG_INT = '@@FUZZ_BIG_INT@@';
const TOKENS: Record<string, string> = {
  [INF]: '1e309', [NEG_INF]: '-1e309', [DEEP]: '['.repeat(20_000) + ']'.repeat(20_000), [BIG_INT]: '123456789012345678901234567890',
};
const LONG = '长'.repeat(100_000);
const WIDE = Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`k${i}`, i]));

const BAD_TEXT = ['a\u0000b', '\u0000', '\ud800', 'x\udc00y', '\udbff', "' OR 1=1 --", "1'); DROP TABLE users; --", '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>', '{{7*7}}${7*7}', '2026-13-01', '2026-02-30', '2026-02-30T10:00:00+08:00', '9999-99-99T99:99:99Z',
  '0000-00-00', '2026-12-24T24:00:00Z', '../../etc/passwd', '\u202e\u0000', '%00', ' ', ''];
const BAD_SHAPES: unknown[] = [null, true, false, 0, -1, 1.5, -0.5, [], {}, [5], ['x'], [null], { a: 1 }, 'x', { __proto__: null, constructor: { prototype: 1 } }];
const BAD_NUMBERS: unknown[] = [INF, NEG_INF, BIG_INT, 9_007_199_254_740_993, 1e20, -1e20, 2_147_483_648, -2_147_483_649, 1e-300];
const anyUtf16 = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 12 });

function badValue(ids: string[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...BAD_SHAPES) },
    { weight: 3, arbitrary: fc.constantFrom(...BAD_NUMBERS) },
    { weight: 4, arbitrary: fc.constantFrom(...BAD_TEXT) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(LONG, DEEP, WIDE) },
    { weight: 2, arbitrary: anyUtf16 },
    { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double()) },
    { weight: 1, arbitrary: fc.oneof(fc.uuid(), ids.length ? fc.constantFrom(...ids) : fc.uuid()) },
  );
}

const WHOLE_BODIES = ['', 'null', '[]', '"x"', '5', 'true', '{', '{"a":', '{}', `${'['.repeat(30_000)}`, '{"__proto__":{"polluted":1}}', '1e309',
  '"\\ud800"', '{"\\u0000":1}', '\uFEFF{}', '[{}]', '{"a":1,"a":2}'];

// ---- values that pass the schema, so one bad field reaches the code behind it -----------------------------------

function day(offset: number): Date { return new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 + offset * 86_400_000); }
const PATTERN_CANDIDATES = ['13800000001', '13700000009', day(2).toISOString().slice(0, 10), '10:00', 'daily-cleaning', '310104', '310100', 'abc',
  'x', 'A1', '110101199003077777', '6222021234567890123', 'DJ2026120700001', '123456', 'alipay', 'customer', 'on'];

function matches(pattern: string, s: string): boolean {
  try { return new RegExp(pattern, 'u').test(s); } catch { try { return new RegExp(pattern).test(s); } catch { return false; } }
}

export function baseOf(s: Schema | undefined, ids: string[], depth = 0): unknown {
  if (!s || depth > 6) return undefined;
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  if (s.default !== undefined) return s.default;
  const alt = s.anyOf ?? s.oneOf;
  if (alt?.length) return baseOf(alt.find((a) => a.type !== 'null') ?? alt[0], ids, depth + 1);
  if (s.allOf?.length) return Object.assign({}, ...s.allOf.map((a) => baseOf(a, ids, depth + 1) as object));
  const type = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const k of s.required ?? []) out[k] = baseOf(s.properties?.[k], ids, depth + 1);
      return out;
    }
    case 'array': return Array.from({ length: s.minItems ?? 0 }, () => baseOf(s.items, ids, depth + 1));
    case 'integer': case 'number': return s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 1);
    case 'boolean': return true;
    case 'string': {
      if (s.format === 'uuid') return ids[0] ?? '00000000-0000-4000-8000-000000000000';
      if (s.format === 'date-time') return day(2).toISOString();
      if (s.format === 'date') return day(2).toISOString().slice(0, 10);
      if (s.format === 'time') return '10:00:00';
      if (s.format === 'email') return 'fuzz@example.com';
      if (s.format === 'uri') return 'https://example.com/';
      const fits = (c: string) => (!s.pattern || matches(s.pattern, c)) && c.length >= (s.minLength ?? 0) && c.length <= (s.maxLength ?? Infinity);
      return PATTERN_CANDIDATES.find(fits) ?? 'x'.repeat(Math.max(1, s.minLength ?? 1));
    }
    default: return undefined;
  }
}

/** Dotted paths to every property (and first array item) of a body schema, three levels down. */
function pathsOf(s: Schema | undefined, prefix: string[] = [], depth = 0): string[][] {
  if (!s || depth > 3) return [];
  const out: string[][] = [];
  for (const alt of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])]) out.push(...pathsOf(alt, prefix, depth + 1));
  for (const [k, child] of Object.entries(s.properties ?? {})) out.push([...prefix, k], ...pathsOf(child, [...prefix, k], depth + 1));
  if (s.items) out.push([...prefix, '0'], ...pathsOf(s.items, [...prefix, '0'], depth + 1));
  return out;
}

function setAt(root: unknown, path: string[], value: unknown): unknown {
  if (!path.length) return value;
  const copy: Record<string, unknown> = Array.isArray(root) ? [...root] as never : (root && typeof root === 'object' ? { ...root } : {});
  copy[path[0]!] = setAt(copy[path[0]!], path.slice(1), value);
  return copy;
}

function serialise(body: unknown): string {
  let text = JSON.stringify(body) ?? '';
  for (const [token, raw] of Object.entries(TOKENS)) text = text.split(JSON.stringify(token)).join(raw);
  return text;
}

// ---- requests ---------------------------------------------------------------------------------------------------

const BAD_QUERY = ['%00', 'a%00b', '%ED%A0%80', '%FF%FE', '1e309', '-1e309', 'NaN', 'Infinity', '99999999999999999999', '-1', '0', '1.5', '2026-13-01',
  '2026-02-30', '2026-02-30T25%3A61%3A00Z', '%27%20OR%201%3D1--', '%3Cscript%3Ealert(1)%3C%2Fscript%3E', '', 'x'.repeat(3000), 'true', 'null', '%5B%5D'];
const BAD_PATH = ['not-a-uuid', '%00', 'a%00b', '%ED%A0%80', '1e309', '%27%20OR%201%3D1', 'x'.repeat(300), '-1', '0', '..%2F..%2Fetc', '%20'];

const enc = (v: unknown) => encodeURIComponent(typeof v === 'string' ? v : JSON.stringify(v));

export interface FuzzRequest { url: string; payload?: string; headers: Record<string, string> }

export function requestFor(route: FuzzRoute, caller: Caller): fc.Arbitrary<FuzzRequest> {
  const pathArb = fc.tuple(...route.pathParams.map((p) => {
    const base = baseOf(p.schema, caller.ids);
    const real = [...new Set([...caller.ids, ...(typeof base === 'string' ? [base] : [])])];
    return fc.oneof(
      { weight: 3, arbitrary: real.length ? fc.constantFrom(...real).map(enc) : fc.uuid() },
      { weight: 2, arbitrary: fc.uuid() },
      { weight: 2, arbitrary: fc.constantFrom(...BAD_PATH) },
    );
  }));
  const queryArb = fc.record({
    target: fc.option(fc.nat({ max: Math.max(0, route.query.length - 1) }), { freq: 4 }),
    bad: fc.constantFrom(...BAD_QUERY), repeat: fc.boolean(), extra: fc.constantFrom('', '&zz%00=1', '&__proto__=1', '&a[b]=1'),
  });
  const paths = pathsOf(route.body);
  const bodyArb: fc.Arbitrary<{ payload?: string; type: string }> = fc.oneof(
    { weight: 6, arbitrary: fc.record({ path: paths.length ? fc.constantFrom(...paths) : fc.constant([] as string[]), value: badValue(caller.ids) })
      .map(({ path, value }) => serialise(setAt(baseOf(route.body, caller.ids) ?? {}, path, value))).map((payload) => ({ payload, type: 'application/json' })) },
    { weight: 1, arbitrary: fc.record({ key: fc.constantFrom('__proto__', 'constructor', 'a\u0000', '\ud800', '$where', ''), value: badValue(caller.ids) })
      .map(({ key, value }) => ({ payload: serialise({ ...(baseOf(route.body, caller.ids) as object ?? {}), [key]: value }), type: 'application/json' })) },
    { weight: 2, arbitrary: fc.constantFrom(...WHOLE_BODIES).map((payload) => ({ payload, type: 'application/json' })) },
    { weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/xml', 'multipart/form-data; boundary=x', 'application/json; charset=utf-16')
      .map((type) => ({ payload: serialise(baseOf(route.body, caller.ids) ?? {}), type })) },
    { weight: 1, arbitrary: fc.constant({ payload: undefined, type: 'application/json' }) },
  );
  const sendsBody = route.method !== 'GET' && route.method !== 'DELETE';
  return fc.record({ path: pathArb, query: queryArb, body: sendsBody ? bodyArb : fc.constant({ payload: undefined, type: '' }) }).map(({ path, query, body }) => {
    let url = route.path;
    route.pathParams.forEach((p, i) => { url = url.replace(`{${p.name}}`, path[i]!); });
    const parts: string[] = [];
    route.query.forEach((p, i) => {
      if (query.target === i) {
        parts.push(`${p.name}=${query.bad}`);
        if (query.repeat) parts.push(`${p.name}=${query.bad}`);
      } else if (p.required) {
        parts.push(`${p.name}=${enc(baseOf(p.schema, caller.ids))}`);
      }
    });
    const q = parts.join('&') + (query.target === null ? query.extra : '');
    return { url: q ? `${url}?${q.replace(/^&/, '')}` : url, payload: body.payload, headers: (body.payload !== undefined ? { 'content-type': body.type } : {}) as Record<string, string> };
  });
}

// ---- which rows changed -----------------------------------------------------------------------------------------

/**
 * Writes a refused request still makes on purpose, because counting or recording the attempt is their point: rate
 * limit counters (any route), a signed-in caller's session marked as seen (the auth guard, now and then, whatever
 * the answer), a failed sign-in in the audit log, a wrong SMS code counted against its code (locked after too many).
 * Nothing else may change on a 4xx.
 */
const WRITES_ON_REFUSAL: Record<string, string[]> = {
  '/api/auth/password/login': ['audit_log'],
  '/api/admin/auth/login': ['audit_log'],
  '/api/auth/sms/login': ['sms_codes'],
};
export function allowedOnRefusal(route: FuzzRoute, change: Change): boolean {
  const table = change.table_name;
  const seenOnly = table === 'sessions' && change.op === 'UPDATE' && (change.cols ?? '').split(',').every((c) => c === 'last_seen_at' || c === 'expires_at');
  return table === 'rate_limit_counters' || seenOnly || (WRITES_ON_REFUSAL[route.path]?.includes(table) ?? false);
}

/** Provider callbacks answer in the provider's protocol (`{"code":"FAIL",…}`), not problem+json; still never 5xx, still no rows. */
export const PROVIDER_CALLBACKS = new Set(['/api/relay/call-reports', '/api/payments/notify/{provider}']);

let lastChange = 0;

/** A row trigger on every table logs each write; rolled-back writes vanish with their transaction. */
export async function installChangeLog(db: Kysely<never>): Promise<void> {
  await sql`create table fuzz_changes (id bigserial primary key, table_name text not null, op text not null, cols text)`.execute(db);
  // For an UPDATE, which columns changed (so a session's last-seen touch is told from its revocation).
  await sql`create function fuzz_note() returns trigger language plpgsql as $$ begin
    insert into fuzz_changes (table_name, op, cols) values (tg_table_name, tg_op, case when tg_op = 'UPDATE' then
      (select string_agg(n.key, ',' order by n.key) from jsonb_each(to_jsonb(new)) n where n.value is distinct from to_jsonb(old) -> n.key) end);
    return null; end $$`.execute(db);
  await sql`do $$ declare r record; begin
    for r in select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition and c.relname <> 'fuzz_changes' loop
      execute format('create trigger fuzz_note after insert or update or delete on %I for each row execute function fuzz_note()', r.relname);
    end loop; end $$`.execute(db);
  await newChanges(db);
}

export interface Change { table_name: string; op: string; cols?: string | null }

export async function newChanges(db: Kysely<never>): Promise<Change[]> {
  const { rows } = await sql<Change & { id: string | number }>`select id, table_name, op, cols from fuzz_changes where id > ${lastChange} order by id`.execute(db);
  if (rows.length) lastChange = Number(rows[rows.length - 1]!.id);
  return rows;
}
