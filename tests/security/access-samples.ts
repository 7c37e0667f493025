/**
 * Valid-shaped requests for any OpenAPI operation: path, query and body built from the operation's own schemas, so the
 * validator lets the request through and the route's guard (a preHandler, which runs after validation) is what answers.
 * Ids come from a name → id map (the objects of "user A's world"); what has no object gets a fresh random UUID.
 */
import { randomUUID } from 'node:crypto';
import { multipart, png } from '../helpers/workers.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Schema = Record<string, any>;

export interface Operation {
  key: string;
  method: string;
  path: string;
  op: Schema;
}

export const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Every operation of the OpenAPI document, keyed `METHOD /path` with OpenAPI's `{param}` spelling. */
export function operationsOf(doc: { paths: Record<string, Record<string, Schema>> }): Operation[] {
  const out: Operation[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = ops[method];
      if (op) out.push({ key: `${method.toUpperCase()} ${path}`, method: method.toUpperCase(), path, op });
    }
  }
  return out;
}

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** A value the schema accepts; `name` (the property or parameter) picks ids and a few meaningful strings. */
export function sample(schema: Schema | undefined, name: string, ids: Record<string, string>): unknown {
  if (!schema) return undefined;
  if ('const' in schema) return schema.const;
  if (schema.enum) return schema.enum[0];
  if (schema.anyOf) {
    // The branch that names an object we hold (a chat message that is a photo), else the first.
    const holds = (b: Schema) => (b.required ?? []).some((k: string) => b.properties?.[k]?.format === 'uuid' && ids[k] !== undefined);
    return sample(schema.anyOf.find(holds) ?? schema.anyOf[0], name, ids);
  }
  if (schema.oneOf) return sample(schema.oneOf[0], name, ids);
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((s: Schema) => sample(s, name, ids)));
  const type = Array.isArray(schema.type) ? schema.type.find((t: string) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      // Required fields, and the optional id fields the caller has an object for (an order a ticket is about …).
      const out: Record<string, unknown> = {};
      for (const [key, prop] of Object.entries((schema.properties ?? {}) as Record<string, Schema>)) {
        if (schema.required?.includes(key)) out[key] = sample(prop, key, ids);
        else if (prop.format === 'uuid' && ids[key] !== undefined) out[key] = ids[key];
        else if (prop.type === 'array' && prop.items?.format === 'uuid' && ids[key] !== undefined) out[key] = [ids[key]];
      }
      return out;
    }
    case 'array': {
      if (schema.items?.format === 'uuid' && ids[name] !== undefined) return [ids[name]];
      const n = schema.minItems ?? 0;
      return Array.from({ length: n }, () => sample(schema.items, name.replace(/s$/, ''), ids));
    }
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : undefined);
      const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : undefined);
      let v = min ?? 1;
      if (max !== undefined && v > max) v = max;
      return type === 'integer' ? Math.ceil(v) : v;
    }
    case 'boolean':
      return false;
    case 'null':
      return null;
    default:
      return sampleString(schema, name, ids);
  }
}

function sampleString(schema: Schema, name: string, ids: Record<string, string>): string {
  if (schema.format === 'uuid') return ids[name] ?? randomUUID();
  if (schema.format === 'date-time') return new Date(Math.ceil((Date.now() + 50 * 3_600_000) / 1_800_000) * 1_800_000).toISOString();
  if (schema.format === 'date') return today();
  if (schema.format === 'email') return `access-${randomUUID().slice(0, 8)}@example.com`;
  if (ids[name] !== undefined) return ids[name];
  const pattern: string | undefined = schema.pattern;
  if (pattern) {
    const known: Record<string, string> = {
      '^\\d{4}-\\d{2}-\\d{2}$': today(), '^\\d{2}:\\d{2}$': '10:00', '^\\d{6}$': '000000', '^\\d{4}$': '0000',
      '^[A-Za-z0-9]{6}$': 'ABC123', '^[a-z0-9][a-z0-9-]{1,39}$': `access-${randomUUID().slice(0, 6)}`,
      '^[a-zA-Z][a-zA-Z0-9_]{0,39}$': 'accessOption', '^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$': `access_${randomUUID().slice(0, 6)}`,
    };
    if (known[pattern] === undefined) throw new Error(`no sample for pattern ${pattern} (${name})`);
    return known[pattern];
  }
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 200;
  const base = /phone/i.test(name) ? '13800000000' : 'x'.repeat(Math.max(min, 2));
  return base.slice(0, max).padEnd(min, '0');
}

/** Upload routes take multipart/form-data (a "file" field), which the OpenAPI document does not describe. */
export const UPLOAD = /\/(photos|documents|evidence|avatar)$/;

export interface Built {
  url: string;
  payload?: string | object | Buffer;
  headers: Record<string, string>;
}

/** The request for `operation` with `ids` (path parameters by name, then query and body fields by name). */
export function build(operation: Operation, ids: Record<string, string>): Built {
  let url = operation.path;
  const query = new URLSearchParams();
  for (const p of (operation.op.parameters ?? []) as Schema[]) {
    if (p.in === 'path') {
      url = url.replace(`{${p.name}}`, encodeURIComponent(String(sample(p.schema, p.name, ids))));
    } else if (p.in === 'query' && (p.required || ids[`?${p.name}`] !== undefined)) {
      // `?name` in ids: a query value to send (optional ones only when given).
      query.set(p.name, String(ids[`?${p.name}`] ?? sample(p.schema, p.name, ids)));
    }
  }
  if (query.size) url += `?${query}`;
  const content = operation.op.requestBody?.content as Record<string, { schema: Schema }> | undefined;
  if (content?.['application/json']) {
    const schema = content['application/json'].schema;
    const body = sample(schema, 'body', ids) as Record<string, unknown>;
    // A patch changes something: an empty one is not a request anyone makes (the first field it may change).
    if (operation.method === 'PATCH' && body && !Object.keys(body).length && schema.properties) {
      const [key, prop] = Object.entries(schema.properties as Record<string, Schema>)[0]!;
      body[key] = sample(prop, key, ids);
    }
    return { url, payload: body, headers: {} };
  }
  if (operation.method === 'POST' && UPLOAD.test(operation.path)) {
    const form = multipart(png(`access-${randomUUID()}`));
    return { url, payload: form.payload, headers: form.headers };
  }
  return { url, headers: {} };
}
