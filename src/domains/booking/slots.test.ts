import { describe, expect, it } from 'vitest';
import {
  asSoonAsPossible,
  commitmentRange,
  effectiveBufferMinutes,
  freeSlots,
  slotsForAnyWorker,
  type SlotQuery,
  type WeeklyHours,
  type WorkerSchedule,
} from './slots.js';

const ZONE = 'Asia/Shanghai';
/** Shanghai wall time → UTC ISO (fixed +08:00; the code under test goes through dayjs tz). */
const sh = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+08:00`).toISOString();
const TUE = '2025-06-10';
const WED = '2025-06-11';
const every = (startMinute: number, endMinute: number): WeeklyHours[] => [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, startMinute, endMinute }));
const NINE_TO_SIX = every(9 * 60, 18 * 60);
const worker = (over: Partial<WorkerSchedule> = {}): WorkerSchedule => ({ id: 'w1', weeklyHours: NINE_TO_SIX, ...over });
const query = (over: Partial<SlotQuery> = {}): SlotQuery => ({
  timeZone: ZONE, fromDate: TUE, toDate: TUE, now: sh('2025-06-09', '08:00'), durationMinutes: 120, ...over,
});
const localTimes = (slots: string[], date = TUE) =>
  slots.filter((s) => new Date(new Date(s).getTime() + 8 * 3_600_000).toISOString().startsWith(date)).map((s) => new Date(new Date(s).getTime() + 8 * 3_600_000).toISOString().slice(11, 16));
/** A booked job as the database holds it. */
const job = (date: string, hhmm: string, minutes: number, buffer = 30) => ({ ...commitmentRange(sh(date, hhmm), minutes, buffer), workMinutes: minutes });

describe('commitmentRange and the buffer floor', () => {
  it('holds the job plus its trailing buffer', () => {
    expect(commitmentRange(sh(TUE, '10:00'), 120, 30)).toEqual({ start: '2025-06-10T02:00:00.000Z', end: '2025-06-10T04:30:00.000Z' });
    expect(() => commitmentRange(sh(TUE, '10:00'), 0, 30)).toThrow(RangeError);
  });

  it('never lets a caller shrink the buffer below the floor', () => {
    expect(effectiveBufferMinutes(undefined)).toBe(30);
    expect(effectiveBufferMinutes(0)).toBe(30);
    expect(effectiveBufferMinutes(45)).toBe(45);
    expect(effectiveBufferMinutes(10, 20)).toBe(20);
    expect(effectiveBufferMinutes(undefined, 40)).toBe(40);
  });
});

describe('freeSlots', () => {
  it('returns half-hour starts whose whole service fits inside working hours', () => {
    const t = localTimes(freeSlots(worker(), query()));
    expect(t[0]).toBe('09:00');
    expect(t.at(-1)).toBe('16:00'); // 16:30 + 2 h would cross 18:00
    expect(t).toHaveLength(15);
    expect(freeSlots(worker(), query())[0]).toBe('2025-06-10T01:00:00.000Z');
  });

  it('does not run overnight unless the hours continue past midnight', () => {
    const evening = [{ weekday: 2, startMinute: 20 * 60, endMinute: 1440 }];
    expect(localTimes(freeSlots(worker({ weeklyHours: evening }), query({ durationMinutes: 180 })))).toEqual(['20:00', '20:30', '21:00']);
    const overnight = [...evening, { weekday: 3, startMinute: 0, endMinute: 120 }];
    const t = localTimes(freeSlots(worker({ weeklyHours: overnight }), query({ durationMinutes: 180 })));
    expect(t.at(-1)).toBe('23:00');
    // …but not into a day off.
    expect(localTimes(freeSlots(worker({ weeklyHours: overnight, daysOff: [WED] }), query({ durationMinutes: 180 })))).toHaveLength(3);
  });

  it('keeps a travel buffer around existing commitments', () => {
    const t = localTimes(freeSlots(worker({ commitments: [job(TUE, '12:00', 120)] }), query({ durationMinutes: 60 })));
    expect(t).toContain('10:30'); // ends 11:30, +30 min travel = 12:00
    expect(t).not.toContain('11:00');
    expect(t).not.toContain('14:00'); // the job ends 14:00, travel until 14:30
    expect(t).toContain('14:30');
    const wider = localTimes(freeSlots(worker({ commitments: [job(TUE, '12:00', 120)] }), query({ durationMinutes: 60, bufferMinutes: 60 })));
    expect(wider).not.toContain('10:30');
    expect(wider).toContain('10:00');
  });

  it('gives nothing on a day off', () => {
    expect(freeSlots(worker({ daysOff: [TUE] }), query())).toEqual([]);
    expect(localTimes(freeSlots(worker({ daysOff: [TUE] }), query({ toDate: WED })), WED)).toHaveLength(15);
  });

  it('enforces the daily maximum and the minimum break', () => {
    const busy = worker({ commitments: [job(TUE, '12:00', 180)], rest: { maxWorkMinutesPerDay: 240 } });
    expect(freeSlots(busy, query({ durationMinutes: 120 }))).toEqual([]);
    expect(localTimes(freeSlots(busy, query({ durationMinutes: 60, toDate: WED })))).toEqual(['09:00', '09:30', '10:00', '10:30', '15:30', '16:00', '16:30', '17:00']);
    expect(localTimes(freeSlots(busy, query({ durationMinutes: 120, toDate: WED })), WED)).toHaveLength(15);
    const rested = worker({ commitments: [job(TUE, '12:00', 120)], rest: { minBreakMinutes: 60 } });
    const t = localTimes(freeSlots(rested, query({ durationMinutes: 60 })));
    expect(t).toEqual(['09:00', '09:30', '15:30', '16:00', '16:30', '17:00']);
  });

  it('counts a time-off block as blocked but not as work', () => {
    const off = { ...commitmentRange(sh(TUE, '09:00'), 180, 0), workMinutes: 0 };
    const t = localTimes(freeSlots(worker({ commitments: [off], rest: { maxWorkMinutesPerDay: 120 } }), query()));
    expect(t[0]).toBe('12:00');
    expect(t).toHaveLength(9);
  });

  it('removes past slots and honours a lead time', () => {
    expect(localTimes(freeSlots(worker(), query({ now: sh(TUE, '11:10') })))[0]).toBe('11:30');
    expect(localTimes(freeSlots(worker(), query({ now: sh(TUE, '11:10'), minLeadMinutes: 60 })))[0]).toBe('12:30');
    expect(freeSlots(worker(), query({ now: sh(TUE, '17:00') }))).toEqual([]);
  });

  it('clips the range to today … now + 14 days', () => {
    const slots = freeSlots(worker(), query({ fromDate: '2025-01-01', toDate: '2025-12-31', now: sh(TUE, '12:00') }));
    expect(slots[0]).toBe(sh(TUE, '12:00'));
    expect(slots.at(-1)).toBe(sh('2025-06-24', '12:00'));
    expect(freeSlots(worker(), query({ fromDate: WED, toDate: TUE }))).toEqual([]);
  });

  it('converts wall time through the zone (DST in New York, none in Shanghai)', () => {
    const ny = { timeZone: 'America/New_York', durationMinutes: 60, now: '2025-03-07T00:00:00Z' };
    const first = (date: string) => freeSlots(worker(), { ...ny, fromDate: date, toDate: date })[0];
    expect(first('2025-03-08')).toBe('2025-03-08T14:00:00.000Z');
    expect(first('2025-03-10')).toBe('2025-03-10T13:00:00.000Z');
    const dstDay = freeSlots(worker(), { ...ny, fromDate: '2025-03-09', toDate: '2025-03-09' });
    expect(dstDay[0]).toBe('2025-03-09T13:00:00.000Z'); // 09:00 EDT, the clocks jumped at 02:00
    expect(dstDay).toHaveLength(17);
  });

  it('rejects an invalid query', () => {
    expect(() => freeSlots(worker(), query({ slotMinutes: 7 }))).toThrow(RangeError);
    expect(() => freeSlots(worker(), query({ timeZone: 'Mars/Olympus' }))).toThrow(RangeError);
    expect(() => freeSlots(worker(), query({ fromDate: '10/06/2025' }))).toThrow(RangeError);
    expect(() => freeSlots(worker({ weeklyHours: [{ weekday: 2, startMinute: 600, endMinute: 500 }] }), query())).toThrow(RangeError);
  });
});

describe('slotsForAnyWorker', () => {
  const early = worker({ id: 'early', weeklyHours: every(8 * 60, 12 * 60) });
  const late = worker({ id: 'late', weeklyHours: every(11 * 60, 15 * 60), commitments: [job(TUE, '12:30', 30)] });

  it('lists each start with the workers free for it', () => {
    const options = slotsForAnyWorker([early, late], query({ durationMinutes: 60 }));
    const byTime = Object.fromEntries(options.map((o) => [localTimes([o.start])[0], o.workerIds]));
    expect(byTime['08:00']).toEqual(['early']);
    expect(byTime['11:00']).toEqual(['early', 'late']);
    expect(byTime['11:30']).toBeUndefined(); // early ends at 12:00; late: 11:30–12:30 + 30 min runs into the 12:30 job
    expect(byTime['13:30']).toEqual(['late']); // the job holds 12:30–13:30 (30 min + 30 min travel)
    expect(Object.keys(byTime)).toEqual(['08:00', '08:30', '09:00', '09:30', '10:00', '10:30', '11:00', '13:30', '14:00']);
  });

  it('offers "as soon as possible" only within the window', () => {
    const now = sh(TUE, '09:10');
    const options = slotsForAnyWorker([early, late], query({ durationMinutes: 60, now }));
    expect(asSoonAsPossible(options, now, 2)?.start).toBe(sh(TUE, '09:30'));
    expect(asSoonAsPossible(slotsForAnyWorker([late], query({ durationMinutes: 60, now })), now, 1)).toBeNull();
    expect(asSoonAsPossible([], now, 24)).toBeNull();
  });
});
