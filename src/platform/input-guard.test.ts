import { Type } from 'typebox';
import Fastify from 'fastify';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_EXCEPTIONS, installErrorHandling } from './http-errors.js';
import { findInputProblem, installInputGuards, isRealDateOrNotADate, MAX_DEPTH, partAwareValidatorFactory } from './input-guard.js';

describe('findInputProblem', () => {
  it('finds NUL and lone surrogates in strings and keys, with the path', () => {
    expect(findInputProblem({ a: { b: ['ok', 'x\u0000y'] } }, { text: true })).toEqual({ path: ['a', 'b', '1'], code: 'nulCharacter' });
    expect(findInputProblem({ note: '\ud800' }, { text: true })).toEqual({ path: ['note'], code: 'loneSurrogate' });
    expect(findInputProblem({ note: 'a\udc00' }, { text: true })).toEqual({ path: ['note'], code: 'loneSurrogate' });
    expect(findInputProblem({ ['k\u0000']: 1 }, { text: true })).toEqual({ path: ['k\u0000'], code: 'nulCharacter' });
    expect(findInputProblem('plain', { text: true })).toBeUndefined();
  });

  it('accepts every well-formed string without NUL, surrogate pairs (emoji) included', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }).filter((s) => !s.includes('\u0000')), (s) => findInputProblem({ s, [s]: [s] }, { text: true, values: true }) === undefined || !isRealDateOrNotADate(s)));
    expect(findInputProblem({ s: '师傅 👍🏽 好' }, { text: true })).toBeUndefined();
  });

  it('refuses any lone surrogate fast-check makes', () => {
    fc.assert(fc.property(fc.string(), fc.integer({ min: 0xd800, max: 0xdfff }), fc.string(), (a, unit, b) => {
      const s = `${a}${String.fromCharCode(unit)}${b}`;
      // A high and a low surrogate next to each other make a pair: only then may it pass.
      const paired = /[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(s) && !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
      return paired || findInputProblem(s, { text: true })?.code === 'loneSurrogate';
    }));
  });

  it('refuses non-finite and unsafe numbers, keeps ordinary ones', () => {
    expect(findInputProblem({ page: Infinity }, { values: true })).toEqual({ path: ['page'], code: 'finite' });
    expect(findInputProblem([Number.NaN], { values: true })).toEqual({ path: ['0'], code: 'finite' });
    expect(findInputProblem({ n: 2 ** 53 }, { values: true })).toEqual({ path: ['n'], code: 'safeNumber' });
    expect(findInputProblem({ lat: 31.2, fen: 9_007_199_254_740_991, neg: -5 }, { values: true })).toBeUndefined();
  });

  it('refuses nesting deeper than MAX_DEPTH without recursion (200 000 levels do not overflow the stack)', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(findInputProblem(deep, { text: true })?.code).toBe('tooDeep');
    let ok: unknown = 1;
    for (let i = 0; i < MAX_DEPTH; i++) ok = { a: ok };
    expect(findInputProblem(ok, { text: true })).toBeUndefined();
  });
});

describe('isRealDateOrNotADate', () => {
  it('knows real dates and date-times from impossible ones', () => {
    for (const ok of ['2026-12-24', '2028-02-29', '2026-12-24T10:00:00+08:00', '2026-12-24T23:59:59.999Z', '2026-12-24 08:30', 'hello', '2026-12', '12345']) {
      expect(isRealDateOrNotADate(ok), ok).toBe(true);
    }
    for (const bad of ['2026-13-01', '2026-02-30', '2027-02-29', '0000-00-00', '2026-04-31', '2026-12-24T24:00:00Z', '2026-12-24T10:60:00Z', '9999-99-99T99:99:99Z', '2026-12-24T10:00:00+25:00']) {
      expect(isRealDateOrNotADate(bad), bad).toBe(false);
    }
  });
});

describe('input guards in a Fastify app', () => {
  const app = Fastify({
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: true } },
    schemaController: { compilersFactory: { buildValidator: partAwareValidatorFactory() as never } },
  });
  beforeAll(async () => {
    installErrorHandling(app);
    installInputGuards(app);
    const schema = {
      querystring: Type.Object({ page: Type.Optional(Type.Integer({ minimum: 1 })), tags: Type.Optional(Type.Array(Type.String())), q: Type.Optional(Type.String()), day: Type.Optional(Type.String()) }),
      body: Type.Object({ page: Type.Optional(Type.Integer()), flag: Type.Optional(Type.Boolean()), name: Type.Optional(Type.String()), settings: Type.Optional(Type.Object({ on: Type.Boolean() })) }, { additionalProperties: false }),
    };
    app.post('/t', { schema }, async (request) => ({ query: request.query, body: request.body }));
    app.get('/p/:id', { schema: { params: Type.Object({ id: Type.String() }) } }, async (request) => request.params);
    app.get('/db/:code', async (request) => { throw Object.assign(new Error('from PostgreSQL'), { code: (request.params as { code: string }).code }); });
    await app.ready();
  });
  afterAll(() => app.close());

  const post = (url: string, payload: string) => app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json' }, payload });

  it('still coerces the query string, but never the body', async () => {
    const ok = await post('/t?page=2&tags=a', '{"page":3}');
    expect(ok.json()).toEqual({ query: { page: 2, tags: ['a'] }, body: { page: 3 } });
    for (const [body, field] of [['{"page":[5]}', 'page'], ['{"page":"5"}', 'page'], ['{"flag":"true"}', 'flag'], ['{"page":null}', 'page'], ['{"name":5}', 'name'], ['{"settings":null}', 'settings']] as const) {
      const res = await post('/t', body);
      expect(res.statusCode, body).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json().errors.map((e: { field: string }) => e.field), body).toContain(field);
    }
  });

  it('refuses NUL and lone surrogates in query, params and body with the field and both languages', async () => {
    const q = await app.inject({ method: 'POST', url: '/t?q=a%00b', headers: { 'content-type': 'application/json', 'accept-language': 'en' }, payload: '{}' });
    expect(q.statusCode).toBe(400);
    expect(q.json().errors).toEqual([{ field: 'q', code: 'nulCharacter', message: 'must not contain NUL characters (U+0000)' }]);
    const b = await post('/t', '{"name":"\\ud800"}');
    expect(b.json().errors).toEqual([{ field: 'name', code: 'loneSurrogate', message: '包含无效的 Unicode 字符（孤立代理项）' }]);
    const p = await app.inject({ method: 'GET', url: '/p/a%00b' });
    expect(p.statusCode).toBe(400);
    expect(p.json().errors[0]).toMatchObject({ field: 'id', code: 'nulCharacter' });
  });

  it('refuses 1e309, unsafe integers and impossible dates after coercion', async () => {
    const inf = await post('/t?page=1e309', '{}');
    expect(inf.statusCode).toBe(400);
    expect(inf.json().errors[0]).toMatchObject({ field: 'page', code: 'finite' });
    const bodyInf = await post('/t', '{"page":1e309}');
    expect(bodyInf.statusCode).toBe(400);
    const big = await post('/t', '{"page":123456789012345678901234567890}');
    expect(big.json().errors[0]).toMatchObject({ field: 'page', code: 'safeNumber' });
    const date = await post('/t?day=2026-13-01', '{}');
    expect(date.json().errors[0]).toMatchObject({ field: 'day', code: 'realDate' });
    expect((await post('/t?day=2026-12-24', '{}')).statusCode).toBe(200);
  });

  it('refuses a deeply nested body with a 400 (not a stack overflow)', async () => {
    const res = await post('/t', `{"settings":${'['.repeat(50_000)}${']'.repeat(50_000)}}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].code).toBe('tooDeep');
  });

  it('answers the data exceptions a bad value can cause in PostgreSQL with a 400 problem', async () => {
    for (const code of ['22P02', '22003', '22007', '22008', '22021']) {
      expect(DATA_EXCEPTIONS.has(code)).toBe(true);
      const res = await app.inject({ method: 'GET', url: `/db/${code}` });
      expect(res.statusCode, code).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
    }
    expect((await app.inject({ method: 'GET', url: '/db/22012' })).statusCode).toBe(500); // division by zero is our bug, not the client's
  });
});
