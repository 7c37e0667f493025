import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_QUIET_HOURS,
  isQuietTime,
  planDelivery,
  planNotificationDelivery,
  quietHoursEnd,
  validateQuietHours,
  type DeliveryInput,
  type DeliveryPolicy,
  type QuietHours,
} from './delivery-rules.js';

const at = (iso: string) => new Date(iso);
const SHANGHAI: QuietHours = DEFAULT_QUIET_HOURS;
const BERLIN: QuietHours = { start: '22:00', end: '08:00', timeZone: 'Europe/Berlin' };
const ORDER: DeliveryPolicy = { category: 'order', safetyCritical: false, defaultChannels: ['in_app', 'sms', 'email'] };
const SOS: DeliveryPolicy = { category: 'safety', safetyCritical: true, defaultChannels: ['in_app', 'sms', 'email'] };
const PROMO: DeliveryPolicy = { category: 'marketing', safetyCritical: false, defaultChannels: ['in_app', 'sms', 'email'] };
const VERIFIED = { phoneVerified: true, emailVerified: true };

// Shanghai is UTC+8 all year: 14:00Z = 22:00 local, 00:00Z = 08:00 local.
const SH_DAY = at('2026-12-03T06:00:00Z'); // 14:00
const SH_NIGHT = at('2026-12-03T15:30:00Z'); // 23:30
const SH_EARLY = at('2026-12-03T22:15:00Z'); // 06:15 on 12-04
const SH_MORNING_END = at('2026-12-04T00:00:00Z'); // 08:00 on 12-04

const plan = (over: Partial<DeliveryInput>) => planDelivery({ policy: ORDER, recipient: VERIFIED, now: SH_DAY, ...over });
const channels = (p: ReturnType<typeof planDelivery>) => p.deliveries.map((d) => d.channel);

describe('quiet hours (Asia/Shanghai, 22:00–08:00)', () => {
  it.each([
    ['21:59 local', '2026-12-03T13:59:00Z', null],
    ['22:00 local (start is inclusive)', '2026-12-03T14:00:00Z', '2026-12-04T00:00:00.000Z'],
    ['23:59 local', '2026-12-03T15:59:00Z', '2026-12-04T00:00:00.000Z'],
    ['00:00 local (after midnight)', '2026-12-03T16:00:00Z', '2026-12-04T00:00:00.000Z'],
    ['07:59 local', '2026-12-03T23:59:00Z', '2026-12-04T00:00:00.000Z'],
    ['08:00 local (end is exclusive)', '2026-12-04T00:00:00Z', null],
    ['14:00 local', '2026-12-03T06:00:00Z', null],
  ])('%s', (_, now, end) => {
    expect(quietHoursEnd(at(now), SHANGHAI)?.toISOString() ?? null).toBe(end);
    expect(isQuietTime(at(now), SHANGHAI)).toBe(end !== null);
  });

  it('a window that does not span midnight (a 13:00–14:00 nap)', () => {
    const nap = { start: '13:00', end: '14:00', timeZone: 'Asia/Shanghai' };
    expect(quietHoursEnd(at('2026-12-03T05:30:00Z'), nap)?.toISOString()).toBe('2026-12-03T06:00:00.000Z');
    expect(isQuietTime(at('2026-12-03T04:59:00Z'), nap)).toBe(false);
    expect(isQuietTime(at('2026-12-03T15:30:00Z'), nap)).toBe(false);
  });

  it('start === end means no quiet hours', () => {
    expect(isQuietTime(SH_NIGHT, { start: '00:00', end: '00:00', timeZone: 'Asia/Shanghai' })).toBe(false);
  });

  it('rejects a bad configuration', () => {
    expect(() => validateQuietHours({ start: '22:00', end: '8:00', timeZone: 'Asia/Shanghai' })).toThrow(RangeError);
    expect(() => validateQuietHours({ start: '24:00', end: '08:00', timeZone: 'Asia/Shanghai' })).toThrow(RangeError);
    expect(() => validateQuietHours({ start: '22:00', end: '08:00', timeZone: 'Asia/Beijing' })).toThrow(/time zone/);
    expect(() => quietHoursEnd(new Date(Number.NaN), SHANGHAI)).toThrow(RangeError);
  });
});

describe('quiet hours honour the zone and its DST (Europe/Berlin)', () => {
  it('the same instant is quiet in one city and not in the other', () => {
    const instant = at('2026-07-01T14:30:00Z'); // Shanghai 22:30, Berlin 16:30 (CEST)
    expect(isQuietTime(instant, SHANGHAI)).toBe(true);
    expect(isQuietTime(instant, BERLIN)).toBe(false);
    const evening = at('2026-07-01T20:30:00Z'); // Berlin 22:30, Shanghai 04:30 next day
    expect(quietHoursEnd(evening, BERLIN)?.toISOString()).toBe('2026-07-02T06:00:00.000Z');
    expect(quietHoursEnd(evening, SHANGHAI)?.toISOString()).toBe('2026-07-02T00:00:00.000Z');
  });

  it('08:00 Berlin is 07:00Z in winter and 06:00Z in summer', () => {
    expect(quietHoursEnd(at('2026-01-15T22:00:00Z'), BERLIN)?.toISOString()).toBe('2026-01-16T07:00:00.000Z');
    expect(quietHoursEnd(at('2026-07-15T21:00:00Z'), BERLIN)?.toISOString()).toBe('2026-07-16T06:00:00.000Z');
  });

  it('across the spring-forward night (29 March 2026, 02:00 CET → 03:00 CEST) the end is 08:00 CEST', () => {
    // 23:30 CET on the 28th: the night lasts one hour less.
    expect(quietHoursEnd(at('2026-03-28T22:30:00Z'), BERLIN)?.toISOString()).toBe('2026-03-29T06:00:00.000Z');
    // 07:30 CEST on the 29th is still quiet; 08:00 CEST is not.
    expect(quietHoursEnd(at('2026-03-29T05:30:00Z'), BERLIN)?.toISOString()).toBe('2026-03-29T06:00:00.000Z');
    expect(isQuietTime(at('2026-03-29T06:00:00Z'), BERLIN)).toBe(false);
  });

  it('across the fall-back night (25 October 2026) the end is 08:00 CET', () => {
    expect(quietHoursEnd(at('2026-10-24T20:30:00Z'), BERLIN)?.toISOString()).toBe('2026-10-25T07:00:00.000Z');
    expect(isQuietTime(at('2026-10-25T06:30:00Z'), BERLIN)).toBe(true); // 07:30 CET
  });

  it('for any instant in the window the end is later, at 08:00 local, within a day', () => {
    fc.assert(fc.property(fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 0, 1) }), fc.constantFrom(SHANGHAI, BERLIN), (ms, q) => {
      const now = new Date(ms);
      const end = quietHoursEnd(now, q);
      if (!end) return;
      expect(end.getTime()).toBeGreaterThan(ms);
      expect(end.getTime() - ms).toBeLessThanOrEqual(10 * 3_600_000 + 3_600_000); // 10 h window, ±1 h of DST
      const local = new Intl.DateTimeFormat('en-GB', { timeZone: q.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(end);
      expect(local).toBe('08:00');
      expect(isQuietTime(end, q)).toBe(false);
    }));
  });
});

describe('planDelivery', () => {
  it('by day: every default channel, now', () => {
    const p = plan({});
    expect(p.deliveries).toEqual([
      { channel: 'in_app', sendAt: SH_DAY, deferred: false },
      { channel: 'sms', sendAt: SH_DAY, deferred: false },
      { channel: 'email', sendAt: SH_DAY, deferred: false },
    ]);
    expect(p.skipped).toEqual([]);
  });

  it('uses only the template defaults', () => {
    expect(channels(plan({ policy: { ...ORDER, defaultChannels: ['in_app'] } }))).toEqual(['in_app']);
    expect(channels(plan({ policy: { ...ORDER, defaultChannels: ['in_app', 'sms'] } }))).toEqual(['in_app', 'sms']);
  });

  it('at night: in_app and e-mail now, SMS deferred to 08:00 local', () => {
    const p = plan({ now: SH_NIGHT });
    expect(p.deliveries).toEqual([
      { channel: 'in_app', sendAt: SH_NIGHT, deferred: false },
      { channel: 'sms', sendAt: SH_MORNING_END, deferred: true },
      { channel: 'email', sendAt: SH_NIGHT, deferred: false },
    ]);
    expect(plan({ now: SH_EARLY }).deliveries[1]).toEqual({ channel: 'sms', sendAt: SH_MORNING_END, deferred: true });
  });

  it('drops a deferred SMS that would arrive too late to matter', () => {
    const p = plan({ now: SH_EARLY, notAfter: at('2026-12-03T23:30:00Z') }); // the visit starts 07:30 local
    expect(channels(p)).toEqual(['in_app', 'email']);
    expect(p.skipped).toEqual([{ channel: 'sms', reason: 'stale' }]);
    expect(plan({ now: SH_EARLY, notAfter: SH_MORNING_END }).deliveries[1].deferred).toBe(true); // exactly at the end is fine
  });

  it('uses the configured quiet hours, or none', () => {
    expect(plan({ now: SH_NIGHT, quietHours: null }).deliveries[1]).toEqual({ channel: 'sms', sendAt: SH_NIGHT, deferred: false });
    expect(plan({ now: SH_NIGHT, quietHours: { start: '23:45', end: '07:00', timeZone: 'Asia/Shanghai' } }).deliveries[1].deferred).toBe(false);
    expect(plan({ now: at('2026-07-01T20:30:00Z'), quietHours: BERLIN }).deliveries[1].sendAt.toISOString()).toBe('2026-07-02T06:00:00.000Z');
  });

  it('honours per-category opt-outs; in_app cannot be switched off', () => {
    const p = plan({ preferences: { order: { sms: false, email: false, in_app: false } as never } });
    expect(channels(p)).toEqual(['in_app']);
    expect(p.skipped).toEqual([{ channel: 'sms', reason: 'opted_out' }, { channel: 'email', reason: 'opted_out' }]);
    expect(channels(plan({ preferences: { money: { sms: false } } }))).toEqual(['in_app', 'sms', 'email']); // another category
  });

  it('needs a verified phone for SMS and a verified e-mail for e-mail', () => {
    const p = plan({ recipient: { phoneVerified: false, emailVerified: false } });
    expect(channels(p)).toEqual(['in_app']);
    expect(p.skipped).toEqual([{ channel: 'sms', reason: 'no_verified_phone' }, { channel: 'email', reason: 'no_verified_email' }]);
  });

  it('marketing needs consent for SMS and e-mail, and still waits for morning', () => {
    expect(plan({ policy: PROMO }).skipped).toEqual([{ channel: 'sms', reason: 'no_consent' }, { channel: 'email', reason: 'no_consent' }]);
    const consented = plan({ policy: PROMO, now: SH_NIGHT, preferences: { marketing: { sms: true, email: true } } });
    expect(consented.deliveries.map((d) => [d.channel, d.deferred])).toEqual([['in_app', false], ['sms', true], ['email', false]]);
  });

  it('safety-critical: ignores opt-outs and quiet hours and is sent now', () => {
    const p = planDelivery({ policy: SOS, recipient: VERIFIED, now: SH_NIGHT, preferences: { safety: { sms: false, email: false } }, notAfter: SH_NIGHT });
    expect(p.deliveries).toEqual([
      { channel: 'in_app', sendAt: SH_NIGHT, deferred: false },
      { channel: 'sms', sendAt: SH_NIGHT, deferred: false },
      { channel: 'email', sendAt: SH_NIGHT, deferred: false },
    ]);
  });

  it('safety-critical still needs an address; an emergency contact gets no in_app', () => {
    const p = planDelivery({ policy: SOS, recipient: { hasAccount: false, phoneVerified: true, emailVerified: false }, now: SH_NIGHT });
    expect(p.deliveries).toEqual([{ channel: 'sms', sendAt: SH_NIGHT, deferred: false }]);
    expect(p.skipped).toEqual([{ channel: 'in_app', reason: 'no_account' }, { channel: 'email', reason: 'no_verified_email' }]);
  });

  it('plans a catalogue type by name', () => {
    const sos = planNotificationDelivery('sos_raised', { recipient: VERIFIED, now: SH_NIGHT });
    expect(sos.deliveries.every((d) => !d.deferred)).toBe(true);
    const accepted = planNotificationDelivery('order_accepted', { recipient: VERIFIED, now: SH_NIGHT });
    expect(accepted.deliveries.map((d) => [d.channel, d.deferred])).toEqual([['in_app', false], ['sms', true]]);
    expect(() => planNotificationDelivery('nope', { recipient: VERIFIED, now: SH_DAY })).toThrow(/UNKNOWN_TYPE/);
  });

  it('rejects an invalid instant or configuration', () => {
    expect(() => plan({ now: new Date('x') })).toThrow(RangeError);
    expect(() => plan({ notAfter: new Date('x') })).toThrow(RangeError);
    expect(() => plan({ quietHours: { start: '22:00', end: '08:00', timeZone: 'Nowhere/City' } })).toThrow(RangeError);
  });

  it('invariants: in_app for account holders, nothing before now, only an SMS is ever deferred and never for safety', () => {
    const policyArb = fc.record({
      category: fc.constantFrom('order', 'money', 'review', 'account', 'chat', 'safety', 'marketing' as const),
      defaultChannels: fc.subarray(['sms', 'email'] as const).map((c) => ['in_app' as const, ...c]),
    }).map((p) => ({ ...p, safetyCritical: p.category === 'safety' }));
    const prefArb = fc.dictionary(fc.constantFrom('order', 'money', 'safety', 'marketing'), fc.record({ sms: fc.boolean(), email: fc.boolean() }, { requiredKeys: [] }));
    fc.assert(fc.property(policyArb, prefArb, fc.boolean(), fc.boolean(), fc.boolean(), fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 0, 1) }), fc.constantFrom(SHANGHAI, BERLIN),
      (policy, preferences, hasAccount, phoneVerified, emailVerified, ms, quietHours) => {
        const now = new Date(ms);
        const p = planDelivery({ policy, preferences, recipient: { hasAccount, phoneVerified, emailVerified }, now, quietHours });
        expect(channels(p).includes('in_app')).toBe(hasAccount);
        for (const d of p.deliveries) {
          expect(d.sendAt.getTime()).toBeGreaterThanOrEqual(ms);
          expect(d.deferred).toBe(d.sendAt.getTime() > ms);
          if (d.deferred) expect(d.channel).toBe('sms');
          if (policy.safetyCritical) expect(d.deferred).toBe(false);
          expect(policy.defaultChannels).toContain(d.channel);
        }
        if (policy.safetyCritical) expect(p.skipped.every((s) => s.reason !== 'opted_out')).toBe(true);
        expect(p.deliveries.length + p.skipped.length).toBe(policy.defaultChannels.length);
      }));
  });
});
