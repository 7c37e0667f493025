/** A worker's public profile as a customer books: the workers domain's profile plus the next free times from the schedule. */
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';
import type { AppContext } from '../../platform/app-context.js';
import { publicProfile } from '../workers/index.js';
import { commitmentsOf } from './commitments.js';
import { loadSettings } from './settings.js';
import { freeSlots } from './slots.js';

dayjs.extend(utc);
dayjs.extend(timezone);

const DAY = 86_400_000;

export async function bookableWorkerProfile(ctx: AppContext, workerId: string, customerId?: string) {
  const { week, ...profile } = await publicProfile(ctx, workerId, customerId);
  const today = dayjs().tz(week.timeZone);
  const [commitments, settings] = await Promise.all([
    commitmentsOf(ctx.db, [workerId], new Date(Date.now() - DAY), new Date(Date.now() + 8 * DAY)),
    loadSettings(ctx.db, ctx.config.cityCode),
  ]);
  const next = freeSlots(
    { id: workerId, commitments: commitments.get(workerId) ?? [], weeklyHours: week.weeklyHours, daysOff: week.daysOff, rest: week.rest },
    { timeZone: week.timeZone, fromDate: today.format('YYYY-MM-DD'), toDate: today.add(6, 'day').format('YYYY-MM-DD'), now: new Date(), durationMinutes: 120, slotMinutes: 60, bufferMinutes: settings.bufferMinutes, bufferFloorMinutes: settings.bufferMinutes },
  );
  return { ...profile, nextFreeTimes: next.slice(0, 40) };
}
