/**
 * What the server log may not carry (PIPL: only what is needed): phone, ID-card and bank-card numbers are masked
 * wherever they appear in a log line, the request's query string is dropped from the access log (it can hold a
 * search for a phone or a token), and credentials never appear (pino's redact).
 */
import type { PinoLoggerOptions as LoggerOptions } from 'fastify/types/logger.js';

const PHONE = /(?<![\dA-Za-z+])((?:\+?86)?1[3-9]\d)\d{4}(\d{4})(?![\dA-Za-z])/g;
const ID_NUMBER = /(?<![\dA-Za-z])(\d{6})\d{8}(\d{3}[\dXx])(?![\dA-Za-z])/g;
const CARD = /(?<![\dA-Za-z])\d{12,15}(\d{4})(?![\dA-Za-z])/g;

/** The text with every mainland phone (138****1234), ID number (310104********123X) and card number (****1234) masked. */
export function maskPii(text: string): string {
  return text.replace(ID_NUMBER, '$1********$2').replace(CARD, '****$1').replace(PHONE, '$1****$2');
}

function maskValue(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return maskPii(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => maskValue(v, depth + 1));
  // Only plain objects: requests, replies and errors reach their serializers untouched (pino runs those later).
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskValue(v, depth + 1)]));
}

/** The access log's request: method and path only (the query string can hold a phone search or a token). */
function requestSerializer(req: { method?: string; url?: string; ip?: string; hostname?: string }) {
  const url = req.url ?? '';
  const q = url.indexOf('?');
  return { method: req.method, url: q < 0 ? url : `${url.slice(0, q)}?…`, host: req.hostname, remoteAddress: req.ip };
}

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization', 'headers.cookie', '*.password', '*.code', '*.token'], censor: '[redacted]' },
    serializers: { req: requestSerializer as never },
    formatters: { log: (object) => maskValue(object, 0) as Record<string, unknown> },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((a) => (typeof a === 'string' ? maskPii(a) : a)) as Parameters<typeof method>);
      },
    },
  };
}
