/**
 * Number relay (隐私号): both sides call a virtual number instead of each other's real phone. A real provider binds
 * A↔B to a number from its pool until an expiry, carries our binding key on every call (Aliyun's `OutId`), and
 * posts a call detail record (话单) for each call to our report endpoint. The local simulator derives a stable
 * 170-prefixed number per binding key, routes no audio, and produces the same signed call reports when a call is
 * simulated, delivered through our own HTTP pipeline as a provider would over the network.
 *
 * Report signature (shared secret, like most relay providers' push): HMAC-SHA256 over
 * `${timestamp}\n${nonce}\n${rawBody}`, base64 in `X-Relay-Signature`, with `X-Relay-Timestamp` (Unix seconds,
 * ±300 s of now) and `X-Relay-Nonce`. Deduplication is by the report's `callId` (the receiver's unique key).
 */
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';

export const RELAY_HEADER = { timestamp: 'x-relay-timestamp', nonce: 'x-relay-nonce', signature: 'x-relay-signature' } as const;
export const RELAY_REPORT_PATH = '/api/relay/call-reports';
const WINDOW_SECONDS = 300;

export const CALL_OUTCOMES = ['answered', 'no_answer', 'busy', 'rejected', 'failed'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/** One call through a relay number, as the provider reports it (numbers in full: the receiver keeps none of them). */
export interface CallReport {
  callId: string;
  /** The key given at bind time. */
  bindingKey: string;
  relayNumber: string;
  callerNumber: string;
  calledNumber: string;
  outcome: CallOutcome;
  startedAt: string;
  answeredAt: string | null;
  endedAt: string;
}

export type ReportCheck = { ok: true; report: CallReport } | { ok: false; reason: 'MISSING_HEADER' | 'TIMESTAMP_OUT_OF_WINDOW' | 'BAD_SIGNATURE' | 'MALFORMED_REPORT' };

export interface RelayProvider {
  /** A virtual number connecting `phoneA` and `phoneB` until `expiresAt`; the same key gives the same number. */
  bind(key: string, phoneA: string, phoneB: string, expiresAt: Date): Promise<string>;
  /** Verifies the signature of a posted call report and reads it. */
  checkReport(input: { headers: Record<string, string | string[] | number | undefined>; rawBody: string; now: Date }): ReportCheck;
}

type Headers = Record<string, string | string[] | number | undefined>;

const signature = (secret: string, timestamp: string, nonce: string, rawBody: string) =>
  createHmac('sha256', secret).update(`${timestamp}\n${nonce}\n${rawBody}`).digest('base64');

export function signReport(secret: string, rawBody: string, now: Date): Record<string, string> {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const nonce = randomUUID();
  return { [RELAY_HEADER.timestamp]: timestamp, [RELAY_HEADER.nonce]: nonce, [RELAY_HEADER.signature]: signature(secret, timestamp, nonce, rawBody), 'content-type': 'application/json' };
}

const isTime = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));

function readReport(rawBody: string): CallReport | null {
  let r: Record<string, unknown>;
  try { r = JSON.parse(rawBody) as Record<string, unknown>; } catch { return null; }
  if (!r || typeof r !== 'object') return null;
  const texts = ['callId', 'bindingKey', 'relayNumber', 'callerNumber', 'calledNumber'] as const;
  if (texts.some((k) => typeof r[k] !== 'string' || !(r[k] as string).length || (r[k] as string).length > 200)) return null;
  if (!CALL_OUTCOMES.includes(r.outcome as CallOutcome) || !isTime(r.startedAt) || !isTime(r.endedAt)) return null;
  if (r.answeredAt !== null && !isTime(r.answeredAt)) return null;
  if (r.outcome === 'answered' && r.answeredAt === null) return null;
  return r as unknown as CallReport;
}

export function checkSignedReport(secret: string, headers: Headers, rawBody: string, now: Date): ReportCheck {
  const one = (name: string) => (typeof headers[name] === 'string' ? headers[name] as string : undefined);
  const timestamp = one(RELAY_HEADER.timestamp); const nonce = one(RELAY_HEADER.nonce); const given = one(RELAY_HEADER.signature);
  if (!timestamp || !nonce || !given) return { ok: false, reason: 'MISSING_HEADER' };
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(Number(timestamp) - now.getTime() / 1000) > WINDOW_SECONDS) return { ok: false, reason: 'TIMESTAMP_OUT_OF_WINDOW' };
  const expected = Buffer.from(signature(secret, timestamp, nonce, rawBody));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return { ok: false, reason: 'BAD_SIGNATURE' };
  const report = readReport(rawBody);
  return report ? { ok: true, report } : { ok: false, reason: 'MALFORMED_REPORT' };
}

export interface SimulatedCall {
  bindingKey: string; relayNumber: string; callerNumber: string; calledNumber: string;
  outcome: CallOutcome;
  /** Seconds of conversation (answered calls); rings last 8 s. */
  talkSeconds: number;
  /** When the call ended (now by default). */
  endedAt?: Date;
}

type Deliver = (request: { url: string; headers: Record<string, string>; payload: string }) => Promise<{ statusCode: number }>;

export interface RelaySimulator extends RelayProvider {
  /** The app delivers reports through its own HTTP pipeline (same route, headers and raw body as a network call). */
  setDeliver(fn: Deliver): void;
  /** Places a call through a binding and posts its signed report; answers the report endpoint's status and the report. */
  call(input: SimulatedCall, now?: Date): Promise<{ statusCode: number; report: CallReport }>;
  /** The body and headers the simulator would post for a report (tests replay and tamper with them). */
  signed(report: CallReport, now?: Date): { headers: Record<string, string>; payload: string };
}

const RING_MS = 8_000;

export function localRelayProvider(secret: string): RelaySimulator {
  const reportSecret = createHmac('sha256', secret).update('relay-report').digest('hex');
  let deliver: Deliver | undefined;
  const signed = (report: CallReport, now = new Date()) => {
    const payload = JSON.stringify(report);
    return { headers: signReport(reportSecret, payload, now), payload };
  };
  return {
    signed,
    async bind(key) {
      const digest = createHmac('sha256', secret).update(`relay:${key}`).digest();
      return `170${String(digest.readUInt32BE(0) % 100_000_000).padStart(8, '0')}`;
    },
    checkReport: ({ headers, rawBody, now }) => checkSignedReport(reportSecret, headers, rawBody, now),
    setDeliver(fn) { deliver = fn; },
    async call(input, now = new Date()) {
      if (!deliver) throw new Error('relay simulator: no delivery set');
      const ended = input.endedAt ?? now;
      const answered = input.outcome === 'answered';
      const answeredAt = answered ? new Date(ended.getTime() - input.talkSeconds * 1000) : null;
      const startedAt = new Date((answeredAt ?? ended).getTime() - RING_MS);
      const report: CallReport = {
        callId: randomUUID(), bindingKey: input.bindingKey, relayNumber: input.relayNumber, callerNumber: input.callerNumber, calledNumber: input.calledNumber,
        outcome: input.outcome, startedAt: startedAt.toISOString(), answeredAt: answeredAt?.toISOString() ?? null, endedAt: ended.toISOString(),
      };
      const res = await deliver({ url: RELAY_REPORT_PATH, ...signed(report, now) });
      return { statusCode: res.statusCode, report };
    },
  };
}
