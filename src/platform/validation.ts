import type { FastifySchemaValidationError } from 'fastify/types/schema.js';
import type { FieldErrorSpec } from './errors.js';
import type { Text } from './i18n.js';

const MESSAGES: Record<string, Text> = {
  required: { zh: '必填', en: 'is required' },
  additionalProperties: { zh: '不允许的字段', en: 'is not an accepted field' },
  type: { zh: '类型应为 {type}', en: 'must be {type}' },
  minLength: { zh: '至少 {limit} 个字符', en: 'must have at least {limit} characters' },
  maxLength: { zh: '最多 {limit} 个字符', en: 'must have at most {limit} characters' },
  minimum: { zh: '不能小于 {limit}', en: 'must be at least {limit}' },
  maximum: { zh: '不能大于 {limit}', en: 'must be at most {limit}' },
  exclusiveMinimum: { zh: '必须大于 {limit}', en: 'must be greater than {limit}' },
  exclusiveMaximum: { zh: '必须小于 {limit}', en: 'must be less than {limit}' },
  minItems: { zh: '至少 {limit} 项', en: 'must have at least {limit} items' },
  maxItems: { zh: '最多 {limit} 项', en: 'must have at most {limit} items' },
  pattern: { zh: '格式不正确', en: 'has the wrong format' },
  format: { zh: '格式不正确 ({format})', en: 'is not a valid {format}' },
  enum: { zh: '取值无效', en: 'is not an allowed value' },
  const: { zh: '取值无效', en: 'is not an allowed value' },
  anyOf: { zh: '取值无效', en: 'is not an allowed value' },
  uniqueItems: { zh: '不能有重复项', en: 'must not contain duplicates' },
};
const FALLBACK: Text = { zh: '取值无效', en: 'is invalid' };

/** The input guards' own refusals (src/platform/input-guard.ts), by code. */
export const INPUT_MESSAGES = {
  nulCharacter: { zh: '不能包含空字符 (U+0000)', en: 'must not contain NUL characters (U+0000)' },
  loneSurrogate: { zh: '包含无效的 Unicode 字符（孤立代理项）', en: 'contains invalid Unicode (a lone surrogate)' },
  tooDeep: { zh: '嵌套层级过深', en: 'is nested too deeply' },
  finite: { zh: '必须是有限的数字', en: 'must be a finite number' },
  safeNumber: { zh: '数值超出范围', en: 'is out of range' },
  realDate: { zh: '不是有效的日期或时间', en: 'is not a real date or time' },
} as const satisfies Record<string, Text>;
for (const [code, text] of Object.entries(INPUT_MESSAGES)) MESSAGES[code] = text;

/** Turns Ajv errors into field errors with zh-CN / en messages (field = dotted path). */
export function fieldErrorsFromAjv(errors: FastifySchemaValidationError[], context: string): FieldErrorSpec[] {
  const seen = new Set<string>();
  const out: FieldErrorSpec[] = [];
  for (const e of errors) {
    const params = (e.params ?? {}) as Record<string, unknown>;
    let path = (e.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
    if (e.keyword === 'required') path = join(path, String(params.missingProperty));
    if (e.keyword === 'additionalProperties') path = join(path, String(params.additionalProperty));
    const field = path || context;
    const key = `${field}:${e.keyword}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const vars: Record<string, string | number> = {};
    if (params.limit !== undefined) vars.limit = Number(params.limit);
    if (params.type !== undefined) vars.type = String(params.type);
    if (params.format !== undefined) vars.format = String(params.format);
    out.push({ field, code: e.keyword, message: MESSAGES[e.keyword] ?? FALLBACK, vars });
  }
  // anyOf wrappers repeat their branches' errors; keep the specific ones when there are any.
  const specific = out.filter((f) => f.code !== 'anyOf');
  return specific.length ? specific : out;
}

function join(base: string, key: string): string {
  return base ? `${base}.${key}` : key;
}
