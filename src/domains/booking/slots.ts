/**
 * Availability: the slot starts at which a worker can take a job, from weekly hours in the city's
 * local time, days off, forced-rest rules and existing commitments. Pure: `now` is passed in.
 *
 * Commitments are the ranges the database holds (`commitmentRange`: the job plus its trailing travel
 * buffer). A candidate job's own range must not overlap any of them — the same test as the exclusion
 * constraint, so a slot shown here is never rejected there for overlap.
 */
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';

dayjs.extend(utc);
dayjs.extend(timezone);

export const DEFAULT_BUFFER_MINUTES = 30;
export const DEFAULT_SLOT_MINUTES = 30;
export const DEFAULT_HORIZON_DAYS = 14;

type Instant = Date | string;

/** Weekly working hours in local time: minutes from local midnight, `[startMinute, endMinute)`, 0..1440. */
export interface WeeklyHours { weekday: number; startMinute: number; endMinute: number }

/** A stored range `[start, end)` (UTC instants), travel buffer included, as made by `commitmentRange`. */
export interface Commitment {
  start: Instant;
  end: Instant;
  /** Service minutes counted toward the daily maximum (0 for a personal time-off block); default the whole range. */
  workMinutes?: number;
}

export interface RestRule {
  /** Service minutes per local day (counted on the day a job starts). */
  maxWorkMinutesPerDay?: number;
  /** Idle time required between a job's range (buffer included) and any other commitment. */
  minBreakMinutes?: number;
}

export interface WorkerSchedule {
  id: string;
  weeklyHours: readonly WeeklyHours[];
  /** Local dates "YYYY-MM-DD" (days off, holidays). */
  daysOff?: readonly string[];
  rest?: RestRule;
  commitments?: readonly Commitment[];
}

export interface SlotQuery {
  /** IANA zone of the city, e.g. Asia/Shanghai. */
  timeZone: string;
  /** Local dates "YYYY-MM-DD", both inclusive; clipped to today … now + horizon. */
  fromDate: string;
  toDate: string;
  now: Instant;
  durationMinutes: number;
  /** Slot starts are multiples of this from local midnight; must divide 1440. Default 30. */
  slotMinutes?: number;
  /** Requested travel buffer; never below `bufferFloorMinutes`. */
  bufferMinutes?: number;
  /** Configured floor (config, not request input). Default 30. */
  bufferFloorMinutes?: number;
  horizonDays?: number;
  /** Earliest start relative to now. Default 0. */
  minLeadMinutes?: number;
}

/** A start (UTC ISO) with the workers free for it; `date` is its local calendar date (no need to convert again). */
export interface SlotOption { start: string; date: string; workerIds: string[] }

const MIN = 60_000;
const DAY_MIN = 1440;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** The travel buffer actually used: the requested one, but never below the configured floor. */
export function effectiveBufferMinutes(requested?: number | null, floorMinutes: number = DEFAULT_BUFFER_MINUTES): number {
  const floor = Math.max(0, floorMinutes);
  const wanted = typeof requested === 'number' && Number.isFinite(requested) ? requested : Math.max(DEFAULT_BUFFER_MINUTES, floor);
  return Math.ceil(Math.max(wanted, floor));
}

/**
 * The range a booking holds in the database, `[start, start + duration + buffer)`. Two such ranges
 * are disjoint exactly when the later job starts at least the earlier job's buffer after it ends.
 */
export function commitmentRange(start: Instant, durationMinutes: number, bufferMinutes: number): { start: string; end: string } {
  const s = new Date(start).getTime();
  if (Number.isNaN(s)) throw new RangeError('start must be a valid instant');
  if (!Number.isInteger(durationMinutes) || durationMinutes <= 0) throw new RangeError('durationMinutes must be a positive integer');
  if (!Number.isInteger(bufferMinutes) || bufferMinutes < 0) throw new RangeError('bufferMinutes must be a non-negative integer');
  return { start: new Date(s).toISOString(), end: new Date(s + (durationMinutes + bufferMinutes) * MIN).toISOString() };
}

function addDays(date: string, days: number): string {
  const t = Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) + days * DAY_MIN * MIN;
  return new Date(t).toISOString().slice(0, 10);
}
const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

interface Candidate { ms: number; date: string }
interface Prepared {
  candidates: Candidate[];
  /** Local dates that may hold working windows: the slot dates plus the day after (overnight jobs). */
  windowDates: string[];
  /** UTC ms of local midnight of each window date, plus the midnight after the last. */
  midnights: number[];
  localToUtc: (date: string, minute: number) => number;
  /** Weekday (0 = Sunday) of each window date. */
  weekdays: number[];
  /** `localToUtc(windowDates[i], minute)`, memoised under a numeric key (the per-worker hot path). */
  windowUtc: (i: number, minute: number) => number;
  durationMs: number;
  durationMinutes: number;
  bufferMs: number;
}

/**
 * Wall time → UTC through dayjs.tz costs ~30 µs a call (and ~90 µs the other way), which dominated every
 * search: the conversions depend only on (zone, date, minute), so they are kept across calls (bounded).
 */
const LOCAL_CACHE_MAX = 200_000;
const localCache = new Map<string, number>();
function wallToUtc(timeZone: string, date: string, minute: number): number {
  const key = `${timeZone}|${date}|${minute}`;
  let v = localCache.get(key);
  if (v === undefined) {
    const d = minute >= DAY_MIN ? addDays(date, Math.floor(minute / DAY_MIN)) : date;
    const m = minute % DAY_MIN;
    const hhmm = `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    v = dayjs.tz(`${d} ${hhmm}`, timeZone).valueOf();
    if (localCache.size >= LOCAL_CACHE_MAX) localCache.clear();
    localCache.set(key, v);
  }
  return v;
}

/**
 * The prepared grid of a query, reused while the same query comes again: checking one start for N workers
 * (`freeSlots` per worker) used to rebuild the grid N times. Keyed by every field `prepare` reads.
 */
const PREPARED_MAX = 32;
const preparedCache = new Map<string, Prepared>();
function prepare(q: SlotQuery): Prepared {
  const key = [q.timeZone, q.fromDate, q.toDate, new Date(q.now).getTime(), q.durationMinutes, q.slotMinutes, q.bufferMinutes, q.bufferFloorMinutes, q.horizonDays, q.minLeadMinutes].join('|');
  const hit = preparedCache.get(key);
  if (hit) return hit;
  const p = prepareUncached(q);
  if (preparedCache.size >= PREPARED_MAX) preparedCache.delete(preparedCache.keys().next().value!);
  preparedCache.set(key, p);
  return p;
}

function prepareUncached(q: SlotQuery): Prepared {
  const slot = q.slotMinutes ?? DEFAULT_SLOT_MINUTES;
  const horizonDays = q.horizonDays ?? DEFAULT_HORIZON_DAYS;
  const lead = q.minLeadMinutes ?? 0;
  if (!Number.isInteger(q.durationMinutes) || q.durationMinutes <= 0 || q.durationMinutes > DAY_MIN) throw new RangeError('durationMinutes must be an integer in 1..1440');
  if (!Number.isInteger(slot) || slot <= 0 || DAY_MIN % slot !== 0) throw new RangeError('slotMinutes must divide 1440');
  if (!(horizonDays > 0) || !(lead >= 0)) throw new RangeError('horizonDays must be > 0 and minLeadMinutes ≥ 0');
  if (!DATE_RE.test(q.fromDate) || !DATE_RE.test(q.toDate)) throw new RangeError('fromDate and toDate must be YYYY-MM-DD');
  const nowMs = new Date(q.now).getTime();
  if (Number.isNaN(nowMs)) throw new RangeError('now must be a valid instant');
  dayjs.tz('2000-01-01 00:00', q.timeZone); // throws RangeError for an unknown zone

  const localToUtc = (date: string, minute: number): number => wallToUtc(q.timeZone, date, minute);

  const earliest = nowMs + lead * MIN;
  const latest = nowMs + horizonDays * DAY_MIN * MIN;
  const fmt = (ms: number) => dayjs(ms).tz(q.timeZone).format('YYYY-MM-DD');
  const first = [q.fromDate, fmt(earliest)].sort()[1];
  const last = [q.toDate, fmt(latest)].sort()[0];
  const candidates: Candidate[] = [];
  const windowDates: string[] = [];
  for (let date = first; date <= last; date = addDays(date, 1)) {
    windowDates.push(date);
    for (let m = 0; m < DAY_MIN; m += slot) {
      const ms = localToUtc(date, m);
      // A wall time skipped by a DST jump resolves to an instant another slot already has.
      if (ms >= earliest && ms <= latest && ms !== candidates[candidates.length - 1]?.ms) candidates.push({ ms, date });
    }
  }
  // Time order (a DST fall-back could in principle map a later wall time to an earlier instant): the scan relies on it.
  candidates.sort((a, b) => a.ms - b.ms);
  if (windowDates.length) windowDates.push(addDays(last, 1));
  const midnights = windowDates.map((d) => localToUtc(d, 0));
  if (windowDates.length) midnights.push(localToUtc(windowDates[windowDates.length - 1], DAY_MIN));
  const bufferMs = effectiveBufferMinutes(q.bufferMinutes, q.bufferFloorMinutes ?? DEFAULT_BUFFER_MINUTES) * MIN;
  const windowCache = new Map<number, number>();
  const windowUtc = (i: number, minute: number): number => {
    const key = i * 2048 + minute;
    let v = windowCache.get(key);
    if (v === undefined) {
      v = localToUtc(windowDates[i], minute);
      windowCache.set(key, v);
    }
    return v;
  };
  return { candidates, windowDates, midnights, localToUtc, weekdays: windowDates.map(weekdayOf), windowUtc, durationMs: q.durationMinutes * MIN, durationMinutes: q.durationMinutes, bufferMs };
}

/** Working windows as merged UTC intervals; touching windows (22:00–24:00 + 00:00–02:00) join. */
function workingWindows(p: Prepared, w: WorkerSchedule): [number, number][] {
  const off = new Set(w.daysOff ?? []);
  const raw: [number, number][] = [];
  for (const h of w.weeklyHours) {
    if (!(h.startMinute >= 0 && h.endMinute <= DAY_MIN && h.startMinute < h.endMinute)) throw new RangeError(`worker ${w.id}: bad working hours`);
  }
  for (let i = 0; i < p.windowDates.length; i++) {
    if (off.size && off.has(p.windowDates[i])) continue;
    const weekday = p.weekdays[i];
    for (const h of w.weeklyHours) {
      if (h.weekday === weekday) raw.push([p.windowUtc(i, h.startMinute), p.windowUtc(i, h.endMinute)]);
    }
  }
  raw.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of raw) {
    const top = merged[merged.length - 1];
    if (top && r[0] <= top[1]) top[1] = Math.max(top[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** Indices (into `p.candidates`) of the slots this worker can take. */
function freeIndices(p: Prepared, w: WorkerSchedule): number[] {
  const windows = workingWindows(p, w);
  const breakMs = Math.max(0, w.rest?.minBreakMinutes ?? 0) * MIN;
  const maxPerDay = w.rest?.maxWorkMinutesPerDay;
  const blocks = (w.commitments ?? [])
    .map((c) => ({ s: new Date(c.start).getTime(), e: new Date(c.end).getTime(), work: c.workMinutes }))
    .filter((c) => c.e > c.s)
    .sort((a, b) => a.s - b.s);
  const maxEnd: number[] = [];
  blocks.forEach((b, i) => maxEnd.push(Math.max(b.e, i ? maxEnd[i - 1] : -Infinity)));

  const workByDate = new Map<string, number>();
  if (maxPerDay !== undefined) {
    const m = p.midnights;
    for (const b of blocks) {
      if (!m.length || b.s < m[0] || b.s >= m[m.length - 1]) continue;
      let i = 0;
      while (b.s >= m[i + 1]) i++;
      const date = p.windowDates[i];
      workByDate.set(date, (workByDate.get(date) ?? 0) + (b.work ?? (b.e - b.s) / MIN));
    }
  }

  const out: number[] = [];
  const cands = p.candidates;
  const n = cands.length;
  let idx = 0;
  for (const win of windows) {
    // Jump to the first start inside this window (starts are in time order; windows are sorted and disjoint),
    // then take starts while the whole job fits: nights and days off cost nothing.
    let lo0 = idx;
    let hi0 = n;
    while (lo0 < hi0) {
      const mid = (lo0 + hi0) >> 1;
      if (cands[mid].ms < win[0]) lo0 = mid + 1;
      else hi0 = mid;
    }
    for (idx = lo0; idx < n && cands[idx].ms + p.durationMs <= win[1]; idx++) {
      const c = cands[idx];
      if (maxPerDay !== undefined && (workByDate.get(c.date) ?? 0) + p.durationMinutes > maxPerDay) continue;
      // Own range (job + buffer), widened by the rest rule, against stored ranges.
      const lo = c.ms - breakMs;
      const hi = c.ms + p.durationMs + p.bufferMs + breakMs;
      let a = 0;
      let b = blocks.length;
      while (a < b) {
        const mid = (a + b) >> 1;
        if (blocks[mid].s < hi) a = mid + 1;
        else b = mid;
      }
      if (a > 0 && maxEnd[a - 1] > lo) continue;
      out.push(idx);
    }
  }
  return out;
}

/**
 * UTC ISO starts at which `worker` can take a job of `query.durationMinutes`: fully inside working
 * hours (windows touching across midnight count as one), not on a day off, its range (job + buffer,
 * ± minimum break) overlapping no commitment, within the daily maximum, at or after now + lead and
 * at most `horizonDays` ahead. Throws RangeError for an invalid query or working hours.
 */
export function freeSlots(worker: WorkerSchedule, query: SlotQuery): string[] {
  const p = prepare(query);
  return freeIndices(p, worker).map((i) => new Date(p.candidates[i].ms).toISOString());
}

/** Every slot start at which at least one of `workers` is free, with those workers' ids, in time order. */
export function slotsForAnyWorker(workers: readonly WorkerSchedule[], query: SlotQuery): SlotOption[] {
  const p = prepare(query);
  const byIndex: (string[] | undefined)[] = new Array(p.candidates.length);
  for (const w of workers) {
    for (const i of freeIndices(p, w)) (byIndex[i] ??= []).push(w.id);
  }
  const out: SlotOption[] = [];
  byIndex.forEach((ids, i) => { if (ids) out.push({ start: new Date(p.candidates[i].ms).toISOString(), date: p.candidates[i].date, workerIds: ids }); });
  return out;
}

/** "As soon as possible": the first option starting within `withinHours` of now, or null. */
export function asSoonAsPossible(options: readonly SlotOption[], now: Instant, withinHours: number): SlotOption | null {
  const nowMs = new Date(now).getTime();
  const limit = nowMs + withinHours * 60 * MIN;
  const first = options.find((o) => new Date(o.start).getTime() >= nowMs);
  return first && new Date(first.start).getTime() <= limit ? first : null;
}
