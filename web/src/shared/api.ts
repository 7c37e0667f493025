import { getLang } from './i18n';

/** One field-level problem from a problem+json `errors[]` array. */
export interface FieldError {
  field: string;
  code: string;
  message: string;
}

interface ProblemBody {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  errors?: FieldError[];
}

/** A failed API call, carrying the problem+json answer (`code` is stable, `title`/`detail` localised). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly errors: FieldError[];
  /** The whole problem+json body, with any extra members (e.g. `alternatives`, `currentState`). */
  readonly problem: ProblemBody & Record<string, unknown>;

  constructor(status: number, problem: ProblemBody & Record<string, unknown>) {
    const title = problem.title ?? `HTTP ${status}`;
    super(problem.detail || title);
    this.name = 'ApiError';
    this.status = status;
    this.code = problem.code ?? (status === 0 ? 'NETWORK_ERROR' : `HTTP_${status}`);
    this.title = title;
    this.detail = problem.detail ?? '';
    this.errors = problem.errors ?? [];
    this.problem = problem;
  }
}

export type Query = Record<string, string | number | boolean | undefined | null>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  /** A plain object is sent as JSON; FormData as multipart. */
  body?: unknown;
  signal?: AbortSignal;
  /** Extra request headers, e.g. `Idempotency-Key`. */
  headers?: Record<string, string>;
}

let onUnauthenticated: (() => void) | null = null;

/** Lets a portal react once when any call answers 401 (session expired or signed out elsewhere). */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

export function buildUrl(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** Calls the API; resolves with the JSON answer (undefined for 204) or throws ApiError. */
export async function api<T = void>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': getLang(), ...options.headers };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method: options.method ?? (body ? 'POST' : 'GET'),
      headers,
      body,
      credentials: 'include',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, { title: getLang() === 'en' ? 'Network error' : '网络连接失败' });
  }
  if (response.status === 204) return undefined as T;
  const isJson = /json/.test(response.headers.get('content-type') ?? '');
  const payload: unknown = isJson ? await response.json() : await response.text();
  if (response.ok) return payload as T;
  const problem = isJson && payload && typeof payload === 'object' ? (payload as ProblemBody & Record<string, unknown>) : {};
  const error = new ApiError(response.status, problem);
  if (response.status === 401 && onUnauthenticated) onUnauthenticated();
  throw error;
}

/** Field name of a problem+json field error (`/phone`, `body.phone` and `phone` all become `phone`). */
export function fieldName(field: string): string {
  const parts = field.split(/[./]/).filter(Boolean);
  return parts[parts.length - 1] ?? field;
}

/** The message to show for any thrown value. */
export function errorText(error: unknown, fallback: string): string {
  if (error instanceof ApiError) return error.detail || error.title;
  return fallback;
}
