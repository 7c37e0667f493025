import AjvCompiler from '@fastify/ajv-compiler';
import type { FastifyInstance, FastifySchema, FastifySchemaCompiler } from 'fastify';
import type { FastifySchemaValidationError } from 'fastify/types/schema.js';
import { AppError } from './errors.js';
import { INPUT_MESSAGES } from './validation.js';

/**
 * Central input hygiene for every route (security issue 16: bad input never answers 5xx, never reaches the database).
 *
 * - `textProblem` / `installInputGuards`: before validation, any string (or object key) in the query, the path
 *   params or the body that holds a NUL (U+0000, which PostgreSQL cannot store) or a lone UTF-16 surrogate (not
 *   encodable as UTF-8) is refused with a field-level 400, as is a value nested deeper than `MAX_DEPTH`.
 * - `partAwareValidatorFactory`: the body is validated by an Ajv **without** type coercion (a JSON body says what
 *   type it means: `[5]` or `null` for a number is a 400, not 5 or 0), the query string and params (always strings
 *   on the wire) with the app's coercing Ajv. After a part passed its schema, the coerced value is checked once
 *   more: every number must be finite and within ±(2^53 − 1) (`1e309` arrives as Infinity), and every string that
 *   is exactly an ISO date or date-time must name a real calendar day and clock time (`2026-13-01`, `2026-02-30`).
 */

export const MAX_DEPTH = 32;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-](\d{2}):?(\d{2}))?)?$/i;

export type InputProblemCode = 'nulCharacter' | 'loneSurrogate' | 'tooDeep' | 'finite' | 'safeNumber' | 'realDate';
export interface InputProblem { path: string[]; code: InputProblemCode }

function badString(s: string): InputProblemCode | undefined {
  if (s.includes('\u0000')) return 'nulCharacter';
  if (LONE_SURROGATE.test(s)) return 'loneSurrogate';
  return undefined;
}

/** True when `s` is not an ISO date / date-time at all, or is one that names a real day and time. */
export function isRealDateOrNotADate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return true;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return false;
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || (m[6] !== undefined && Number(m[6]) > 59))) return false;
  if (m[8] !== undefined && (Number(m[8]) > 23 || Number(m[9]) > 59)) return false;
  return true;
}

/**
 * The first problem in `value` (iteratively walked, so a hostile nesting cannot overflow the stack).
 * `text`: NUL / lone surrogates in strings and keys, and nesting; `values`: non-finite or unsafe numbers and
 * impossible dates (checked on the already-validated, coerced value).
 */
export function findInputProblem(value: unknown, checks: { text?: boolean; values?: boolean }): InputProblem | undefined {
  const stack: { v: unknown; path: string[] }[] = [{ v: value, path: [] }];
  while (stack.length) {
    const { v, path } = stack.pop()!;
    if (typeof v === 'string') {
      if (checks.text) { const code = badString(v); if (code) return { path, code }; }
      if (checks.values && !isRealDateOrNotADate(v)) return { path, code: 'realDate' };
    } else if (typeof v === 'number') {
      if (checks.values && !Number.isFinite(v)) return { path, code: 'finite' };
      if (checks.values && Math.abs(v) > Number.MAX_SAFE_INTEGER) return { path, code: 'safeNumber' };
    } else if (v !== null && typeof v === 'object') {
      if (path.length >= MAX_DEPTH) return { path, code: 'tooDeep' };
      if (Array.isArray(v)) {
        for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: [...path, String(i)] });
      } else if (!Buffer.isBuffer(v)) {
        const entries = Object.entries(v as Record<string, unknown>);
        for (let i = entries.length - 1; i >= 0; i--) {
          const [k, child] = entries[i]!;
          if (checks.text) { const code = badString(k); if (code) return { path: [...path, k], code }; }
          stack.push({ v: child, path: [...path, k] });
        }
      }
    }
  }
  return undefined;
}

type Part = 'body' | 'querystring' | 'params';
const PART_NAMES: Record<Part, 'body' | 'query' | 'params'> = { body: 'body', querystring: 'query', params: 'params' };

function fieldOf(problem: InputProblem, part: Part): string {
  return problem.path.length ? problem.path.map((p) => p.replace(/[\u0000\uD800-\uDFFF]/g, '\uFFFD')).join('.') : part;
}

export function inputProblemError(problem: InputProblem, part: Part): AppError {
  return new AppError('VALIDATION_FAILED', {}, [{ field: fieldOf(problem, part), code: problem.code, message: INPUT_MESSAGES[problem.code] }]);
}

/** Refuses NUL bytes, lone surrogates and over-deep nesting anywhere in query, params and body, on every route. */
export function installInputGuards(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    for (const part of ['params', 'querystring', 'body'] as const) {
      const problem = findInputProblem(request[PART_NAMES[part]], { text: true });
      if (problem) throw inputProblemError(problem, part);
    }
  });
}

type ValidatorFactory = (externalSchemas: unknown, options: { customOptions?: Record<string, unknown> } & Record<string, unknown>) => FastifySchemaCompiler<FastifySchema>;
interface ValidateFn { (data: unknown): boolean; errors?: FastifySchemaValidationError[] | null }

/** The compiled validator, followed by the value checks (finite, safe numbers, real dates) on the coerced data. */
function withValueChecks(validate: ValidateFn): ValidateFn {
  const checked: ValidateFn = (data: unknown) => {
    const ok = validate(data);
    checked.errors = validate.errors;
    if (!ok) return false;
    const problem = findInputProblem(data, { values: true });
    if (!problem) return true;
    checked.errors = [{
      keyword: problem.code, instancePath: problem.path.map((p) => `/${p.replace(/~/g, '~0').replace(/\//g, '~1')}`).join(''),
      schemaPath: '#', params: {}, message: INPUT_MESSAGES[problem.code].en,
    }];
    return false;
  };
  return checked;
}

/**
 * `schemaController.compilersFactory.buildValidator`: Fastify's own Ajv compiler twice over, once with the app's
 * options for query string, params and headers, once without type coercion for the body.
 */
export function partAwareValidatorFactory(): ValidatorFactory {
  const pool = (AjvCompiler as unknown as () => ValidatorFactory)();
  return (externalSchemas, options) => {
    const coercing = pool(externalSchemas, options);
    const strict = pool(externalSchemas, { ...options, customOptions: { ...(options.customOptions ?? {}), coerceTypes: false } });
    return (route) => {
      const compiled = (route.httpPart === 'body' ? strict : coercing)(route) as unknown as ValidateFn;
      return withValueChecks(compiled) as never;
    };
  };
}
