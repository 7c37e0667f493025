import { useRef } from 'react';
import { ApiError } from './api';

/** A random UUID; `crypto.randomUUID` exists only in secure contexts (https, localhost), so plain-http LAN use falls back. */
function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * One `Idempotency-Key` per attempt. The same body keeps its key, so a double tap or a retry after a
 * lost answer replays the first result instead of booking (or paying) twice; a new body, or a refusal
 * the server has settled (it replays stored errors for the same key), starts a new attempt.
 */
export function useIdempotencyKey() {
  const attempt = useRef<{ body: string; key: string } | null>(null);
  return {
    headersFor(body: unknown): Record<string, string> {
      const text = JSON.stringify(body);
      if (!attempt.current || attempt.current.body !== text) attempt.current = { body: text, key: newKey() };
      return { 'Idempotency-Key': attempt.current.key };
    },
    /** Call with the outcome: a success or a settled 4xx ends the attempt; a network error or 5xx keeps the key for the retry. */
    settle(error?: unknown) {
      const settled = error === undefined || (error instanceof ApiError && error.status >= 400 && error.status < 500 && error.code !== 'IDEMPOTENCY_IN_PROGRESS');
      if (settled) attempt.current = null;
    },
  };
}
