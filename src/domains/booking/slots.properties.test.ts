/** Property tests (fast-check): the slot calculator against a minute-by-minute oracle (Shanghai, UTC+8, no DST). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commitmentRange, freeSlots, slotsForAnyWorker, type Commitment, type SlotQuery, type WorkerSchedule } from './slots.js';

const MIN = 60_000;
const OFFSET = 8 * 60;
const TUE = Date.UTC(2025, 5, 10) / MIN; // local minutes since the epoch at Tue 2025-06-10 00:00
const dateAt = (localMin: number) => new Date(localMin * MIN).toISOString().slice(0, 10);
const instant = (localMin: number) => new Date((localMin - OFFSET) * MIN).toISOString();
const localOf = (iso: string | Date) => new Date(iso).getTime() / MIN + OFFSET;

const hoursArb = fc.array(
  fc.record({ weekday: fc.integer({ min: 0, max: 6 }), startMinute: fc.integer({ min: 0, max: 1439 }), len: fc.integer({ min: 1, max: 1440 }) })
    .map(({ weekday, startMinute, len }) => ({ weekday, startMinute, endMinute: Math.min(1440, startMinute + len) })),
  { minLength: 4, maxLength: 14 },
);
const commitmentsArb = fc.array(
  fc.record({ at: fc.integer({ min: -1440, max: 5 * 1440 }), minutes: fc.integer({ min: 15, max: 300 }), buffer: fc.constantFrom(30, 45), timeOff: fc.boolean() })
    .map(({ at, minutes, buffer, timeOff }): Commitment => ({ ...commitmentRange(instant(TUE + at), minutes, timeOff ? 0 : buffer), workMinutes: timeOff ? 0 : minutes })),
  { maxLength: 8 },
);
const workerArb = (id: string): fc.Arbitrary<WorkerSchedule> => fc.record({
  id: fc.constant(id),
  weeklyHours: hoursArb,
  daysOff: fc.subarray([0, 1, 2, 3].map((d) => dateAt(TUE + d * 1440))),
  rest: fc.record({ maxWorkMinutesPerDay: fc.integer({ min: 60, max: 720 }), minBreakMinutes: fc.integer({ min: 0, max: 90 }) }, { requiredKeys: [] }),
  commitments: commitmentsArb,
});
const queryArb: fc.Arbitrary<SlotQuery> = fc.record({
  days: fc.integer({ min: 0, max: 3 }),
  nowAt: fc.integer({ min: -1440, max: 3 * 1440 }),
  durationMinutes: fc.integer({ min: 15, max: 300 }),
  slotMinutes: fc.constantFrom(15, 30, 60),
  bufferMinutes: fc.option(fc.integer({ min: 0, max: 90 }), { nil: undefined }),
  minLeadMinutes: fc.constantFrom(0, 0, 60),
}).map(({ days, nowAt, ...rest }) => ({ timeZone: 'Asia/Shanghai', fromDate: dateAt(TUE), toDate: dateAt(TUE + days * 1440), now: instant(TUE + nowAt), ...rest }));

/** Minute-by-minute reference implementation of the documented rules. */
function oracle(w: WorkerSchedule, q: SlotQuery): string[] {
  const covered = new Set<number>();
  for (let day = TUE - 1440; day <= TUE + 5 * 1440; day += 1440) {
    if (w.daysOff?.includes(dateAt(day))) continue;
    const weekday = new Date(day * MIN).getUTCDay();
    for (const h of w.weeklyHours) if (h.weekday === weekday) for (let m = h.startMinute; m < h.endMinute; m++) covered.add(day + m);
  }
  const buffer = Math.max(q.bufferMinutes ?? 30, 30);
  const brk = w.rest?.minBreakMinutes ?? 0;
  const now = localOf(q.now as string);
  const out: string[] = [];
  for (let day = TUE; dateAt(day) <= q.toDate; day += 1440) {
    const worked = (w.commitments ?? []).filter((c) => dateAt(localOf(c.start)) === dateAt(day)).reduce((s, c) => s + (c.workMinutes ?? 0), 0);
    for (let m = 0; m < 1440; m += q.slotMinutes!) {
      const s = day + m;
      if (s < now + (q.minLeadMinutes ?? 0) || s > now + 14 * 1440) continue;
      let fits = true;
      for (let k = s; k < s + q.durationMinutes && fits; k++) fits = covered.has(k);
      if (!fits) continue;
      if (w.rest?.maxWorkMinutesPerDay !== undefined && worked + q.durationMinutes > w.rest.maxWorkMinutesPerDay) continue;
      const lo = s - brk;
      const hi = s + q.durationMinutes + buffer + brk;
      if ((w.commitments ?? []).some((c) => localOf(c.start) < hi && lo < localOf(c.end))) continue;
      out.push(instant(s));
    }
  }
  return out.map((iso) => new Date(iso).toISOString());
}

describe('slot calculator properties', () => {
  it('agrees with the minute-by-minute oracle', () => {
    let withSlots = 0;
    fc.assert(fc.property(workerArb('w'), queryArb, (w, q) => {
      const slots = freeSlots(w, q);
      expect(slots).toEqual(oracle(w, q));
      if (slots.length) withSlots++;
    }), { numRuns: 400 });
    expect(withSlots).toBeGreaterThan(60); // not vacuous (typically ~120 of 400)
  });

  it('no slot, extended by its buffer, overlaps a commitment; every slot lies within working hours', () => {
    fc.assert(
      fc.property(workerArb('w'), queryArb, (w, q) => {
        const buffer = Math.max(q.bufferMinutes ?? 30, 30);
        for (const s of freeSlots(w, q)) {
          const own = commitmentRange(s, q.durationMinutes, buffer);
          for (const c of w.commitments ?? []) expect(own.end <= new Date(c.start).toISOString() || own.start >= new Date(c.end).toISOString()).toBe(true);
          for (let k = localOf(s); k < localOf(s) + q.durationMinutes; k += 1) {
            const day = Math.floor(k / 1440) * 1440;
            const open = !w.daysOff?.includes(dateAt(day)) &&
              w.weeklyHours.some((h) => h.weekday === new Date(day * MIN).getUTCDay() && k - day >= h.startMinute && k - day < h.endMinute);
            expect(open).toBe(true);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('slotsForAnyWorker is the union of each worker\'s free slots', () => {
    fc.assert(
      fc.property(workerArb('a'), workerArb('b'), queryArb, (a, b, q) => {
        const options = slotsForAnyWorker([a, b], q);
        const fa = new Set(freeSlots(a, q));
        const fb = new Set(freeSlots(b, q));
        expect(options.map((o) => o.start)).toEqual([...new Set([...fa, ...fb])].sort());
        for (const o of options) expect(o.workerIds).toEqual(['a', 'b'].filter((id) => (id === 'a' ? fa : fb).has(o.start)));
      }),
      { numRuns: 200 },
    );
  });
});
