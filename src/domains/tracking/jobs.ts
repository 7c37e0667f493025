/**
 * The daily trail purge as a durable job: one `tracking.purge` row per Shanghai calendar day (key
 * `tracking-purge:YYYY-MM-DD`, due at 03:30 local), so any number of instances purge once a day and a day missed
 * while everything was down runs when an instance is back. Each run schedules the next day's; an hourly check
 * (and start-up) makes sure today's exists.
 */
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';
import type { Kysely } from 'kysely';
import type { AppContext } from '../../platform/app-context.js';
import type { DB } from '../../db/types.js';
import { scheduleJob } from '../../platform/jobs.js';
import { purgeTrails } from './service.js';
import { DEFAULT_TRACKING_SETTINGS } from './settings.js';

dayjs.extend(utc);
dayjs.extend(timezone);

export const PURGE_JOB = 'tracking.purge';
const ZONE = 'Asia/Shanghai';

/** The purge job of the local day of `at` (due 03:30 that day). */
export function purgeJobOf(at: Date) {
  const day = dayjs(at).tz(ZONE).startOf('day');
  return { kind: PURGE_JOB, key: `tracking-purge:${day.format('YYYY-MM-DD')}`, runAt: day.add(3, 'hour').add(30, 'minute').toDate() };
}

/** Makes sure the purge of `now`'s day is queued (a no-op when it already is, or ran). */
export async function ensurePurgeScheduled(db: Kysely<DB>, now = new Date()): Promise<void> {
  await scheduleJob(db, purgeJobOf(now));
}

export function registerTrackingJobs(ctx: AppContext): void {
  ctx.jobs.register(PURGE_JOB, async (trx, job, now) => {
    const deleted = await purgeTrails(trx, now, DEFAULT_TRACKING_SETTINGS.retentionDays);
    ctx.log.info({ deleted, job: job.key }, 'location trails purged');
    await scheduleJob(trx, purgeJobOf(new Date(job.runAt.getTime() + 86_400_000)));
  });
  ctx.jobs.every(3_600_000, () => ensurePurgeScheduled(ctx.db));
}
