import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, problemOf, problemOfError, renderFieldErrors, type ErrorCode } from './errors.js';
import { pickLang, type Lang } from './i18n.js';
import { fieldErrorsFromAjv } from './validation.js';

export function requestLang(request: FastifyRequest): Lang {
  return pickLang(request.headers['accept-language'], (request.query as Record<string, unknown> | undefined)?.lang);
}

function send(reply: FastifyReply, status: number, body: object) {
  return reply.status(status).type('application/problem+json; charset=utf-8').send(body);
}

/** problem+json for every error; 5xx details are logged, never sent. */
export function installErrorHandling(app: FastifyInstance, spaFallback?: (request: FastifyRequest, reply: FastifyReply) => boolean) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const lang = requestLang(request);
    if (error instanceof AppError) {
      return send(reply, error.status, problemOfError(error, lang));
    }
    if (error.validation) {
      const specs = fieldErrorsFromAjv(error.validation, error.validationContext ?? 'body');
      return send(reply, 400, problemOf('VALIDATION_FAILED', lang, {}, renderFieldErrors(specs, lang)));
    }
    const sqlState = (error as { code?: unknown }).code;
    if (sqlState === '40P01' || sqlState === '40001') {
      request.log.warn({ err: error }, 'transaction aborted by a concurrent one');
      return send(reply, 409, problemOf('CONCURRENT_UPDATE', lang));
    }
    if (typeof sqlState === 'string' && DATA_EXCEPTIONS.has(sqlState)) {
      // Bad input that slipped past the schemas and reached the database: the client's mistake, so a 400 (logged
      // as a warning, so the missing validation is found and added at the route).
      request.log.warn({ err: error, sqlState }, 'input refused by the database');
      return send(reply, 400, problemOf('VALIDATION_FAILED', lang));
    }
    const mapped = mapFrameworkError(error);
    if (mapped) return send(reply, ERROR_STATUS(mapped), problemOf(mapped, lang));
    if (error.statusCode && error.statusCode < 500) {
      const p = problemOf('VALIDATION_FAILED', lang);
      return send(reply, error.statusCode, { ...p, status: error.statusCode, detail: error.message });
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, 500, problemOf('INTERNAL_ERROR', lang));
  });

  app.setNotFoundHandler((request, reply) => {
    if (spaFallback?.(request, reply)) return reply;
    const lang = requestLang(request);
    return send(reply, 404, problemOf('ROUTE_NOT_FOUND', lang, { method: request.method, url: request.url.split('?')[0] }));
  });
}

/**
 * Fastify's `frameworkErrors` option: the router's own refusals (a path that is not valid percent-encoded UTF-8,
 * a path parameter over `maxParamLength`) as problem+json instead of Fastify's plain JSON.
 */
export function frameworkErrorReply(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const lang = requestLang(request);
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') return send(reply, 414, problemOf('URL_TOO_LONG', lang));
  if (error.code === 'FST_ERR_BAD_URL') return send(reply, 400, problemOf('URL_INVALID', lang));
  request.log.error({ err: error }, 'framework error');
  return send(reply, 500, problemOf('INTERNAL_ERROR', lang));
}

const ERROR_STATUS = (code: ErrorCode) => problemOf(code, 'en').status;

/**
 * PostgreSQL data exceptions that only a value from the request can cause: invalid text representation
 * (22P02), numeric value out of range (22003), invalid datetime format (22007), datetime field overflow (22008),
 * invalid time zone displacement (22009), character not in repertoire / invalid byte sequence (22021),
 * untranslatable character (22P05), string too long (22001), invalid escape sequence (22025).
 */
export const DATA_EXCEPTIONS: ReadonlySet<string> = new Set(['22P02', '22003', '22007', '22008', '22009', '22021', '22P05', '22001', '22025']);

function mapFrameworkError(error: FastifyError): ErrorCode | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'MALFORMED_JSON';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
      return 'PAYLOAD_TOO_LARGE';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return 'UNSUPPORTED_MEDIA_TYPE';
    case 'FST_ERR_RATE_LIMITED':
      return 'RATE_LIMITED';
    default:
      return error instanceof SyntaxError && error.statusCode === 400 ? 'MALFORMED_JSON' : undefined;
  }
}
