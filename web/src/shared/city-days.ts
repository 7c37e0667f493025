import { CITY_TIME_ZONE, formatTime } from './format';
import type { Lang } from './i18n';

// Calendar days and visit times in the city's zone (Asia/Shanghai, UTC+8 all year, no daylight saving), shared by
// the customer's booking pickers and the worker's schedule and reschedule.
const CITY_OFFSET = '+08:00';

/** Bookable visits: the next 14 days, 07:00–21:00 every 30 minutes. */
export const VISIT_DAYS = 14;
const FIRST_MINUTE = 7 * 60;
const LAST_MINUTE = 21 * 60;
const STEP_MINUTES = 30;

/** `YYYY-MM-DD` of `date` in the city. */
export function cityDate(date: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: CITY_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** The Monday of `day`'s week (weeks start on Monday, as on a Chinese calendar). */
export function mondayOf(day: string): string {
  return addDays(day, -((weekdayOf(day) + 6) % 7));
}

/** The city's local `day` + `HH:mm` as an ISO 8601 UTC string. */
export function cityIso(day: string, time: string): string {
  return new Date(`${day}T${time}:00${CITY_OFFSET}`).toISOString();
}

/** Minutes after the city's local midnight of `day` (negative before it, ≥ 1440 after it). */
export function minutesIntoDay(iso: string, day: string): number {
  return Math.round((new Date(iso).getTime() - new Date(`${day}T00:00:00${CITY_OFFSET}`).getTime()) / 60_000);
}

/** The bookable days from today. */
export function visitDays(now: Date): string[] {
  const today = cityDate(now);
  return Array.from({ length: VISIT_DAYS }, (_, index) => addDays(today, index));
}

/** The bookable times (`HH:mm`) of `day`; today's only those still ahead of `now`. */
export function visitTimes(day: string, now: Date): string[] {
  const times: string[] = [];
  for (let minute = FIRST_MINUTE; minute <= LAST_MINUTE; minute += STEP_MINUTES) {
    const time = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
    if (new Date(cityIso(day, time)).getTime() > now.getTime()) times.push(time);
  }
  return times;
}

/** Tomorrow 10:00 in the city. */
export function defaultVisit(now: Date): [string, string] {
  return [addDays(cityDate(now), 1), '10:00'];
}

/** `12月2日 周三` / `Wed 2 Dec`. */
export function dayText(day: string, lang: Lang): string {
  const noon = new Date(`${day}T12:00:00${CITY_OFFSET}`);
  const parts = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: CITY_TIME_ZONE,
    month: lang === 'en' ? 'short' : 'numeric',
    day: 'numeric',
    weekday: 'short',
  }).formatToParts(noon);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((entry) => entry.type === type)?.value ?? '';
  return lang === 'en' ? `${part('weekday')} ${part('day')} ${part('month')}` : `${part('month')}月${part('day')}日 ${part('weekday')}`;
}

/** `今天 12月2日 周三` for today and tomorrow, else `dayText`. */
export function relativeDayText(day: string, today: string, lang: Lang): string {
  const text = dayText(day, lang);
  if (day === today) return lang === 'en' ? `Today · ${text}` : `今天 ${text}`;
  if (day === addDays(today, 1)) return lang === 'en' ? `Tomorrow · ${text}` : `明天 ${text}`;
  return text;
}

/** `relativeDayText` with today taken from `now`. */
export function dayLabel(day: string, now: Date, lang: Lang): string {
  return relativeDayText(day, cityDate(now), lang);
}

/** A visit as `今天 12月2日 周三 14:00–16:00` in the city's zone. */
export function visitText(start: string, durationMinutes: number, lang: Lang, now = new Date()): string {
  const end = new Date(new Date(start).getTime() + durationMinutes * 60_000).toISOString();
  return `${relativeDayText(cityDate(new Date(start)), cityDate(now), lang)} ${formatTime(start)}–${formatTime(end)}`;
}

/** `2 小时` / `1 小时 30 分钟` / `45 分钟` (English: `2 h 30 min`). */
export function durationText(minutes: number, lang: Lang): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (lang === 'en') return [hours ? `${hours} h` : '', rest ? `${rest} min` : ''].filter(Boolean).join(' ') || '0 min';
  return [hours ? `${hours} 小时` : '', rest ? `${rest} 分钟` : ''].filter(Boolean).join(' ') || '0 分钟';
}
