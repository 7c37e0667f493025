/**
 * Slot search over real availability: qualified workers covering the address (workers domain), their
 * commitments (ours), and the pure slot calculator. The same functions answer the calendar, check a
 * booking, pick who to offer an order to and judge a reschedule, so they never disagree.
 */
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { AppError } from '../../platform/errors.js';
import { qualifiedWorkers, type QualifiedWorker } from '../workers/index.js';
import { commitmentsOf } from './commitments.js';
import { ASAP_HOURS, HORIZON_DAYS, SLOT_MINUTES } from './settings.js';
import { asSoonAsPossible, freeSlots, slotsForAnyWorker, type SlotQuery, type WorkerSchedule } from './slots.js';

dayjs.extend(utc);
dayjs.extend(timezone);

type Db = Kysely<DB>;
const DAY_MS = 86_400_000;

export interface Need {
  itemId: string;
  requiredCertificate: string | null;
  durationMinutes: number;
  bufferMinutes: number;
  lat: number;
  lng: number;
  timeZone: string;
  /** Only these workers (a chosen worker, the order's own worker). */
  workerIds?: string[];
  /** The order being moved: its own commitment does not block it. */
  excludeOrderId?: string;
  /** Only the nearest this many covering workers (dispatch scores a pool, not the whole city). */
  poolLimit?: number;
}

const localDate = (ms: number, tz: string) => dayjs(ms).tz(tz).format('YYYY-MM-DD');

async function schedulesFor(db: Db, need: Need, fromDate: string, toDate: string, now: Date): Promise<{ workers: QualifiedWorker[]; schedules: WorkerSchedule[] }> {
  const workers = await qualifiedWorkers(db, { itemId: need.itemId, requiredCertificate: need.requiredCertificate, lat: need.lat, lng: need.lng, workerIds: need.workerIds, fromDate, toDate, limit: need.poolLimit });
  const from = new Date(Math.min(dayjs.tz(`${fromDate} 00:00`, need.timeZone).valueOf(), now.getTime()) - DAY_MS);
  const to = new Date(dayjs.tz(`${toDate} 00:00`, need.timeZone).valueOf() + 2 * DAY_MS);
  const commitments = await commitmentsOf(db, workers.map((w) => w.id), from, to, need.excludeOrderId);
  return { workers, schedules: workers.map((w) => ({ ...w.schedule, commitments: commitments.get(w.id) ?? [] })) };
}

function query(need: Need, fromDate: string, toDate: string, now: Date): SlotQuery {
  return {
    timeZone: need.timeZone, fromDate, toDate, now, durationMinutes: need.durationMinutes, slotMinutes: SLOT_MINUTES,
    bufferMinutes: need.bufferMinutes, bufferFloorMinutes: need.bufferMinutes, horizonDays: HORIZON_DAYS,
  };
}

/** The calendar: per local day, the starts at which ≥ 1 qualified worker is free, and the ASAP option. */
export async function searchSlots(db: Db, need: Need, now: Date, range?: { from?: string; to?: string }) {
  const today = localDate(now.getTime(), need.timeZone);
  const fromDate = range?.from ?? today;
  const toDate = range?.to ?? localDate(now.getTime() + (HORIZON_DAYS - 1) * DAY_MS, need.timeZone);
  const { workers, schedules } = await schedulesFor(db, need, fromDate, toDate, now);
  if (!workers.length) throw new AppError(need.workerIds ? 'WORKER_NOT_QUALIFIED' : 'ADDRESS_NOT_COVERED');
  const options = slotsForAnyWorker(schedules, query(need, fromDate, toDate, now));
  const byDay = new Map<string, { start: string; workerCount: number }[]>();
  for (const o of options) {
    const day = o.date;
    const list = byDay.get(day) ?? [];
    list.push({ start: o.start, workerCount: o.workerIds.length });
    byDay.set(day, list);
  }
  const days: { date: string; slots: { start: string; workerCount: number }[] }[] = [];
  for (let d = fromDate; d <= toDate; d = dayjs(d).add(1, 'day').format('YYYY-MM-DD')) days.push({ date: d, slots: byDay.get(d) ?? [] });
  const asap = asSoonAsPossible(options, now, ASAP_HOURS);
  return {
    timeZone: need.timeZone, durationMinutes: need.durationMinutes, bufferMinutes: need.bufferMinutes, workerCount: workers.length,
    asap: asap ? { start: asap.start, workerCount: asap.workerIds.length } : null, days,
  };
}

/** Qualified workers free for a job starting exactly at `start`, nearest first. */
export async function freeWorkersAt(db: Db, need: Need, start: Date, now: Date): Promise<QualifiedWorker[]> {
  return (await workersAt(db, need, start, now)).free;
}

/** Qualified covering workers split into those free at `start` and those who are not (for dispatch explanations). */
export async function workersAt(db: Db, need: Need, start: Date, now: Date): Promise<{ free: QualifiedWorker[]; busy: QualifiedWorker[] }> {
  const date = localDate(start.getTime(), need.timeZone);
  const { workers, schedules } = await schedulesFor(db, need, date, date, now);
  const startIso = start.toISOString();
  const q = query(need, date, date, now);
  const free: QualifiedWorker[] = [];
  const busy: QualifiedWorker[] = [];
  workers.forEach((w, i) => (freeSlots(schedules[i], q).includes(startIso) ? free : busy).push(w));
  return { free, busy };
}

/** Whether any qualified worker covers the address at all (for a clear "not covered" answer). */
export async function anyCoverage(db: Db, need: Need, now: Date): Promise<boolean> {
  const today = localDate(now.getTime(), need.timeZone);
  const workers = await qualifiedWorkers(db, { itemId: need.itemId, requiredCertificate: need.requiredCertificate, lat: need.lat, lng: need.lng, workerIds: need.workerIds, fromDate: today, toDate: today, limit: 1 });
  return workers.length > 0;
}

/** Up to `count` free starts from the day of `around` on (the same day first), for a 409 answer. */
export async function alternatives(db: Db, need: Need, around: Date, now: Date, count = 6): Promise<string[]> {
  const from = localDate(Math.max(around.getTime(), now.getTime()), need.timeZone);
  const to = dayjs(from).add(2, 'day').format('YYYY-MM-DD');
  const { schedules } = await schedulesFor(db, need, from, to, now);
  return slotsForAnyWorker(schedules, query(need, from, to, now)).filter((o) => o.start !== around.toISOString()).slice(0, count).map((o) => o.start);
}

/** Throws START_OUT_OF_RANGE unless `start` is ahead of now, within the horizon and on the slot grid. */
export function assertBookableStart(start: Date, now: Date, timeZone: string) {
  const ms = start.getTime();
  if (Number.isNaN(ms) || ms <= now.getTime() || ms > now.getTime() + HORIZON_DAYS * DAY_MS) throw new AppError('START_OUT_OF_RANGE', { days: HORIZON_DAYS });
  const local = dayjs(ms).tz(timeZone);
  if ((local.hour() * 60 + local.minute()) % SLOT_MINUTES !== 0 || local.second() !== 0) {
    throw new AppError('START_OUT_OF_RANGE', { days: HORIZON_DAYS }, [{ field: 'scheduledStart', code: 'grid', message: { zh: '请选择整点或半点', en: 'must be on the hour or half hour' } }]);
  }
}
