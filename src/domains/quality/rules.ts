/** Pure rules of quality sampling (抽检回访): weeks in the city's zone, sample sizes, the draw and the pass rate. */
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';

dayjs.extend(utc);
dayjs.extend(timezone);

const WEEK_RE = /^\d{4}-\d{2}-\d{2}$/;

/** The Monday ('YYYY-MM-DD', in `timeZone`) of the week holding `at`. */
export function weekStartOf(at: Date, timeZone: string): string {
  const local = dayjs(at).tz(timeZone);
  return local.subtract((local.day() + 6) % 7, 'day').format('YYYY-MM-DD');
}

/** The week before the one holding `at`: what the weekly draw samples. */
export function previousWeekStart(at: Date, timeZone: string): string {
  return dayjs.tz(`${weekStartOf(at, timeZone)} 12:00`, timeZone).subtract(7, 'day').format('YYYY-MM-DD');
}

/** Whether the text is a Monday as 'YYYY-MM-DD'. */
export function isWeekStart(week: string): boolean {
  if (!WEEK_RE.test(week)) return false;
  const d = dayjs.tz(`${week} 12:00`, 'UTC');
  return d.isValid() && d.format('YYYY-MM-DD') === week && d.day() === 1;
}

/** The instants [from, to) of the week starting on `week` (Monday 00:00 to the next Monday 00:00, local). */
export function weekRange(week: string, timeZone: string): { from: Date; to: Date } {
  const from = dayjs.tz(`${week} 00:00`, timeZone);
  return { from: from.toDate(), to: from.add(7, 'day').toDate() };
}

/** How many of `count` orders to call: the rate (basis points) rounded half up, at least 1 when there are orders. */
export function sampleSize(count: number, rateBp: number): number {
  if (!Number.isInteger(count) || count <= 0) return 0;
  const n = Math.floor((count * rateBp + 5000) / 10_000);
  return Math.min(count, Math.max(1, n));
}

/**
 * Draws the sample: per category, `sampleSize` orders picked uniformly at random (a partial Fisher–Yates shuffle
 * with `random()` in [0, 1)). Categories keep the order they first appear in.
 */
export function drawSample<T extends { categoryCode: string }>(orders: readonly T[], rateBp: number, random: () => number): T[] {
  const byCategory = new Map<string, T[]>();
  for (const o of orders) {
    const list = byCategory.get(o.categoryCode) ?? [];
    list.push(o);
    byCategory.set(o.categoryCode, list);
  }
  const out: T[] = [];
  for (const list of byCategory.values()) {
    const pool = [...list];
    const n = sampleSize(pool.length, rateBp);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(random() * (pool.length - i));
      [pool[i], pool[j]] = [pool[j], pool[i]];
      out.push(pool[i]);
    }
  }
  return out;
}

export interface PassRate { passed: number; issues: number; unreachable: number; checked: number; rate: number | null }

/** QA pass rate: passed / (passed + issue); unreachable calls are counted apart and never in the rate. */
export function passRate(passed: number, issues: number, unreachable = 0): PassRate {
  const checked = passed + issues;
  return { passed, issues, unreachable, checked, rate: checked ? Math.round((passed * 1000) / checked) / 1000 : null };
}

export interface Questionnaire { onTime: boolean; asDescribed: boolean; attitude: number; extraCharges: boolean; satisfaction: number; notes: string }

/** Fields a pass / issue result must carry (empty when complete); unreachable needs none. */
export function missingAnswers(outcome: 'pass' | 'issue' | 'unreachable', q: Partial<Questionnaire>): string[] {
  if (outcome === 'unreachable') return [];
  return (['onTime', 'asDescribed', 'attitude', 'extraCharges', 'satisfaction'] as const).filter((k) => q[k] === undefined || q[k] === null);
}
