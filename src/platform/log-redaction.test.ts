import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loggerOptions, maskPii } from './log-redaction.js';

describe('log redaction', () => {
  it('masks phones, ID numbers and card numbers, and leaves other numbers alone', () => {
    expect(maskPii('call 13800001234 now')).toBe('call 138****1234 now');
    expect(maskPii('id 31010419900307123X.')).toBe('id 310104********123X.');
    expect(maskPii('card 6222020200112233445')).toBe('card ****3445');
    expect(maskPii('order DJ26120778245873 at 1765130000000, page 2, +8613800001234')).toBe('order DJ26120778245873 at 1765130000000, page 2, +86138****1234');
  });

  it('a log line never carries them: message, fields, nested fields; the access log drops the query string; credentials are censored', () => {
    let out = '';
    const sink = new Writable({ write(chunk, _enc, done) { out += String(chunk); done(); } });
    const log = pino(loggerOptions('info'), sink);
    log.info({ to: '13900001111', detail: { idNumber: '310104199003071234', cards: ['6222020200112233445'] } }, 'sent to 13900002222');
    log.info({ req: { method: 'GET', url: '/api/admin/users?q=13900003333', ip: '10.0.0.1', headers: { authorization: 'Bearer secret' } } }, 'request');
    log.info({ body: { password: 'mima2026', code: '123456' } }, 'login');
    expect(out).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
    expect(out).not.toContain('310104199003071234');
    expect(out).not.toContain('6222020200112233445');
    expect(out).toContain('"url":"/api/admin/users?…"');
    expect(out).not.toContain('Bearer secret');
    expect(out).not.toContain('mima2026');
    expect(out).not.toContain('123456');
    expect(out).toContain('139****1111');
  });
});
