import { describe, expect, it } from 'vitest';
import { checkSignedReport, signReport, type CallReport } from './relay.js';

const SECRET = 'report-secret';
const NOW = new Date('2026-12-07T08:00:00Z');
const report: CallReport = {
  callId: 'c1', bindingKey: 'o:w', relayNumber: '17000000000', callerNumber: '13800000000', calledNumber: '13900000000',
  outcome: 'answered', startedAt: '2026-12-07T07:58:00Z', answeredAt: '2026-12-07T07:58:08Z', endedAt: '2026-12-07T07:59:00Z',
};
const check = (body: unknown, at = NOW, headers?: Record<string, string | string[]>) => {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  return checkSignedReport(SECRET, headers ?? signReport(SECRET, raw, NOW), raw, at);
};

describe('relay call-report signature', () => {
  it('accepts a signed report and reads it', () => {
    expect(check(report)).toEqual({ ok: true, report });
  });

  it('refuses another secret, a stale or future timestamp, a duplicated header', () => {
    const raw = JSON.stringify(report);
    expect(checkSignedReport('other', signReport(SECRET, raw, NOW), raw, NOW)).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    expect(check(report, new Date(NOW.getTime() + 301_000))).toEqual({ ok: false, reason: 'TIMESTAMP_OUT_OF_WINDOW' });
    expect(check(report, new Date(NOW.getTime() - 301_000))).toEqual({ ok: false, reason: 'TIMESTAMP_OUT_OF_WINDOW' });
    const h = signReport(SECRET, raw, NOW);
    expect(check(report, NOW, { ...h, 'x-relay-signature': [h['x-relay-signature']!, h['x-relay-signature']!] })).toEqual({ ok: false, reason: 'MISSING_HEADER' });
  });

  it('a signed body that is not a report is malformed', () => {
    for (const bad of ['not json', 'null', { ...report, outcome: 'shouting' }, { ...report, answeredAt: null }, { ...report, endedAt: 'yesterday' }, { ...report, callId: '' }]) {
      expect(check(bad)).toEqual({ ok: false, reason: 'MALFORMED_REPORT' });
    }
    expect(check({ ...report, outcome: 'busy', answeredAt: null }).ok).toBe(true);
  });
});
