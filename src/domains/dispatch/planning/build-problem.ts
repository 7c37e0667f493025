/**
 * Builds one day's planning problem from the other domains' service functions: the paid, unassigned
 * orders (booking), who is qualified for each (workers: skill, certificate, area, online), their hours,
 * days off and rest rules, the jobs they already hold (fixed stops) and any other commitment (blocked).
 */
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';
import type { AppContext } from '../../../platform/app-context.js';
import { commitmentsOf } from '../../booking/index.js';
import { declinedWorkers, heldOrdersBetween, unassignedOrdersBetween, type PlanningOrder } from '../../booking/index.js';
import type { WorkerSchedule } from '../../booking/index.js';
import { qualifiedWorkers, workerCard } from '../../workers/index.js';
import type { BlockedRange, DayProblem, PlanJob, PlanWorker, TimeRange } from './types.js';

dayjs.extend(utc);
dayjs.extend(timezone);

const MIN = 60_000;
const DAY_MS = 86_400_000;
const LOOKUP_CONCURRENCY = 8;

export interface DayWindow { date: string; timeZone: string; from: Date; to: Date }

export function dayWindow(date: string, timeZone: string): DayWindow {
  const from = dayjs.tz(`${date} 00:00`, timeZone);
  return { date, timeZone, from: from.toDate(), to: dayjs.tz(`${nextDate(date)} 00:00`, timeZone).toDate() };
}

export const nextDate = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
const wall = (date: string, minute: number, tz: string) => (minute >= 1440 ? dayjs.tz(`${nextDate(date)} 00:00`, tz) : dayjs.tz(`${date} ${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`, tz)).valueOf();

function windowsOn(s: WorkerSchedule, date: string, tz: string): TimeRange[] {
  if (s.daysOff?.includes(date)) return [];
  const raw = s.weeklyHours.filter((h) => h.weekday === weekdayOf(date)).map((h) => ({ start: wall(date, h.startMinute, tz), end: wall(date, h.endMinute, tz) })).sort((a, b) => a.start - b.start);
  const merged: TimeRange[] = [];
  for (const r of raw) {
    const top = merged[merged.length - 1];
    if (top && r.start <= top.end) top.end = Math.max(top.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}

/**
 * The shift of that local day (first start to last end; an evening window running into the next day's
 * midnight window continues) and the gaps between its windows, which are blocked.
 */
export function shiftOf(s: WorkerSchedule, day: DayWindow): { shift: TimeRange; gaps: BlockedRange[] } {
  const windows = windowsOn(s, day.date, day.timeZone);
  if (!windows.length) return { shift: { start: day.from.getTime(), end: day.from.getTime() }, gaps: [] };
  const last = windows[windows.length - 1];
  const early = windowsOn(s, nextDate(day.date), day.timeZone)[0];
  if (early && early.start <= last.end) last.end = Math.max(last.end, early.end);
  const gaps = windows.slice(1).map((w, i) => ({ start: windows[i].end, end: w.start, workMinutes: 0 }));
  return { shift: { start: windows[0].start, end: last.end }, gaps };
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  }));
  return out;
}

export interface PlanningWorkerInfo { id: string; name: string; home: { lat: number; lng: number } }

export interface BuiltProblem {
  problem: DayProblem;
  /** Every order in the problem (to plan and fixed), by id. */
  orders: Map<string, PlanningOrder>;
  /** Orders left out before solving: their start has passed. */
  startPassed: PlanningOrder[];
  workers: Map<string, PlanningWorkerInfo>;
}

const rangeKey = (start: number, end: number) => `${start}:${end}`;
const orderRange = (o: PlanningOrder) => rangeKey(o.start.getTime(), o.start.getTime() + (o.durationMinutes + o.bufferMinutes) * MIN);

export async function buildProblem(ctx: AppContext, day: DayWindow, opts: { categoryCode?: string; now: Date }): Promise<BuiltProblem> {
  const { db } = ctx;
  const all = await unassignedOrdersBetween(db, { cityCode: ctx.config.cityCode, from: day.from, to: day.to, categoryCode: opts.categoryCode });
  const startPassed = all.filter((o) => o.start.getTime() <= opts.now.getTime());
  const open = all.filter((o) => o.start.getTime() > opts.now.getTime());
  const declined = await declinedWorkers(db, open.map((o) => o.id));
  const toDate = nextDate(day.date);
  const qualified = await mapLimit(open, LOOKUP_CONCURRENCY, async (o) => {
    const no = new Set(declined.get(o.id) ?? []);
    const chosen = o.preferredWorkerId && !no.has(o.preferredWorkerId) ? [o.preferredWorkerId] : undefined;
    const list = await qualifiedWorkers(db, { itemId: o.itemId, requiredCertificate: o.requiredCertificate, lat: o.lat, lng: o.lng, workerIds: chosen, fromDate: day.date, toDate });
    return list.filter((w) => !no.has(w.id));
  });

  const schedules = new Map<string, WorkerSchedule>();
  const skills = new Map<string, Set<string>>();
  open.forEach((o, i) => {
    for (const w of qualified[i]) {
      schedules.set(w.id, w.schedule);
      (skills.get(w.id) ?? skills.set(w.id, new Set()).get(w.id)!).add(o.itemId);
    }
  });
  const ids = [...schedules.keys()];
  const cards = await mapLimit(ids, LOOKUP_CONCURRENCY, (id) => workerCard(db, id));
  const [held, commitments] = await Promise.all([
    heldOrdersBetween(db, ids, day.from, day.to),
    commitmentsOf(db, ids, new Date(day.from.getTime() - DAY_MS), new Date(day.to.getTime() + DAY_MS)),
  ]);
  const heldOf = new Map<string, PlanningOrder[]>();
  for (const o of held) heldOf.set(o.workerId!, [...(heldOf.get(o.workerId!) ?? []), o]);
  // Holds of the orders being planned (on the chosen worker) are theirs to move, not blocked time.
  const ownHolds = new Map<string, Set<string>>();
  for (const o of open) if (o.preferredWorkerId) (ownHolds.get(o.preferredWorkerId) ?? ownHolds.set(o.preferredWorkerId, new Set()).get(o.preferredWorkerId)!).add(orderRange(o));

  const workers: PlanWorker[] = [];
  const info = new Map<string, PlanningWorkerInfo>();
  ids.forEach((id, i) => {
    const card = cards[i];
    if (!card?.home) return;
    const schedule = schedules.get(id)!;
    const { shift, gaps } = shiftOf(schedule, day);
    const fixed = heldOf.get(id) ?? [];
    const known = new Set([...fixed.map(orderRange), ...(ownHolds.get(id) ?? [])]);
    const blocked: BlockedRange[] = [...gaps];
    for (const c of commitments.get(id) ?? []) {
      const s = new Date(c.start).getTime();
      const e = new Date(c.end).getTime();
      if (known.has(rangeKey(s, e))) continue;
      blocked.push({ start: s, end: e, workMinutes: s >= day.from.getTime() && s < day.to.getTime() ? (c.workMinutes ?? (e - s) / MIN) : 0 });
    }
    workers.push({
      id, home: card.home, shift, skills: [...skills.get(id)!], blocked,
      fixed: fixed.map((o) => ({ id: o.id, location: { lat: o.lat, lng: o.lng }, start: o.start.getTime(), durationMinutes: o.durationMinutes, bufferMinutes: o.bufferMinutes })),
      minBreakMinutes: schedule.rest?.minBreakMinutes ?? 0, maxWorkMinutes: schedule.rest?.maxWorkMinutesPerDay ?? null,
    });
    info.set(id, { id, name: card.name, home: card.home });
  });
  const jobs: PlanJob[] = open.map((o, i) => ({
    id: o.id, location: { lat: o.lat, lng: o.lng }, earliest: o.start.getTime(), latest: o.start.getTime(), durationMinutes: o.durationMinutes,
    bufferMinutes: o.bufferMinutes, itemId: o.itemId, eligibleWorkerIds: qualified[i].filter((w) => info.has(w.id)).map((w) => w.id),
  }));
  const orders = new Map<string, PlanningOrder>([...open, ...held].map((o) => [o.id, o]));
  return { problem: { workers, jobs }, orders, startPassed, workers: info };
}
