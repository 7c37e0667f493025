import type { AppContext } from '../../platform/app-context.js';
import { AppError } from '../../platform/errors.js';
import { ensureProfile } from './profile-row.js';

export interface ScheduleInput {
  hours: { weekday: number; startMinute: number; endMinute: number }[];
  daysOff: string[];
  maxMinutesPerDay: number;
  minBreakMinutes: number;
}

/** Rejects end ≤ start and overlapping ranges on the same weekday (HOURS_OVERLAP). */
export function assertHoursValid(hours: ScheduleInput['hours']) {
  for (const [i, h] of hours.entries()) {
    if (h.endMinute <= h.startMinute) {
      throw new AppError('VALIDATION_FAILED', {}, [{ field: `hours.${i}.endMinute`, code: 'order', message: { zh: '结束时间须晚于开始时间', en: 'must be after the start' } }]);
    }
  }
  const byDay = new Map<number, { startMinute: number; endMinute: number; i: number }[]>();
  hours.forEach((h, i) => byDay.set(h.weekday, [...(byDay.get(h.weekday) ?? []), { ...h, i }]));
  for (const ranges of byDay.values()) {
    const sorted = [...ranges].sort((a, b) => a.startMinute - b.startMinute);
    for (let k = 1; k < sorted.length; k++) {
      if (sorted[k]!.startMinute < sorted[k - 1]!.endMinute) {
        throw new AppError('HOURS_OVERLAP', {}, [{ field: `hours.${sorted[k]!.i}`, code: 'overlap', message: { zh: '与同一天的其他时间段重叠', en: 'overlaps another range that day' } }]);
      }
    }
  }
}

/** Weekly working hours (local time), days off / holidays and the daily forced-rest rule. */
export async function saveSchedule(ctx: AppContext, userId: string, input: ScheduleInput) {
  assertHoursValid(input.hours);
  await ctx.db.transaction().execute(async (trx) => {
    const p = await ensureProfile(trx, userId);
    if (p.status === 'removed') throw new AppError('REVIEW_STATE', { status: p.status });
    await trx.updateTable('worker_profiles').set({ max_minutes_per_day: input.maxMinutesPerDay, min_break_minutes: input.minBreakMinutes, updated_at: new Date() })
      .where('user_id', '=', userId).execute();
    await trx.deleteFrom('worker_hours').where('worker_id', '=', userId).execute();
    if (input.hours.length) {
      await trx.insertInto('worker_hours').values(input.hours.map((h) => ({ worker_id: userId, weekday: h.weekday, start_minute: h.startMinute, end_minute: h.endMinute }))).execute();
    }
    await trx.deleteFrom('worker_days_off').where('worker_id', '=', userId).execute();
    const days = [...new Set(input.daysOff)];
    if (days.length) await trx.insertInto('worker_days_off').values(days.map((day) => ({ worker_id: userId, day }))).execute();
  });
}

/** Online / offline: only approved, not suspended workers can go online. */
export async function setOnline(ctx: AppContext, userId: string, online: boolean) {
  const p = await ensureProfile(ctx.db, userId);
  if (online && (p.status !== 'approved' || (p.suspended_until && p.suspended_until > new Date()))) {
    throw new AppError('REVIEW_STATE', { status: p.suspended_until && p.suspended_until > new Date() ? 'suspended' : p.status });
  }
  await ctx.db.updateTable('worker_profiles').set({ online, updated_at: new Date() }).where('user_id', '=', userId).execute();
  return { online };
}
