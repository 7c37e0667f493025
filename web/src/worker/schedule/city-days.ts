import { CITY_TIME_ZONE, formatTime } from '../../shared/format';
import type { Lang } from '../../shared/i18n';

// Calendar days in the city's zone (Asia/Shanghai, UTC+8 all year, no daylight saving).
const CITY_OFFSET = '+08:00';

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
