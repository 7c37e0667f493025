import { CITY_TIME_ZONE } from '../shared/format';
import type { Lang } from '../shared/i18n';

// Visit slots in the city's zone (Asia/Shanghai, UTC+8 all year): the next 14 days, 07:00–21:00 every 30 minutes.
const CITY_OFFSET = '+08:00';
export const VISIT_DAYS = 14;
const FIRST_MINUTE = 7 * 60;
const LAST_MINUTE = 21 * 60;
const STEP_MINUTES = 30;

/** `YYYY-MM-DD` of `date` in the city. */
export function cityDate(date: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: CITY_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The city's local `day` + `HH:mm` as an ISO 8601 UTC string. */
export function visitIso(day: string, time: string): string {
  return new Date(`${day}T${time}:00${CITY_OFFSET}`).toISOString();
}

export function visitDays(now: Date): string[] {
  const today = cityDate(now);
  return Array.from({ length: VISIT_DAYS }, (_, index) => addDays(today, index));
}

/** The slots of `day`; today's only those still ahead of `now`. */
export function visitTimes(day: string, now: Date): string[] {
  const times: string[] = [];
  for (let minute = FIRST_MINUTE; minute <= LAST_MINUTE; minute += STEP_MINUTES) {
    const time = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
    if (new Date(visitIso(day, time)).getTime() > now.getTime()) times.push(time);
  }
  return times;
}

/** Tomorrow 10:00 in the city. */
export function defaultVisit(now: Date): [string, string] {
  return [addDays(cityDate(now), 1), '10:00'];
}

/** `11月25日 周三` / `Wed 25 Nov`, with 今天 / 明天 for the first two days. */
export function dayLabel(day: string, now: Date, lang: Lang): string {
  const today = cityDate(now);
  const noon = new Date(`${day}T12:00:00${CITY_OFFSET}`);
  const parts = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: CITY_TIME_ZONE,
    month: lang === 'en' ? 'short' : 'numeric',
    day: 'numeric',
    weekday: 'short',
  }).formatToParts(noon);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((entry) => entry.type === type)?.value ?? '';
  const text = lang === 'en' ? `${part('weekday')} ${part('day')} ${part('month')}` : `${part('month')}月${part('day')}日 ${part('weekday')}`;
  if (day === today) return lang === 'en' ? `Today · ${text}` : `今天 ${text}`;
  if (day === addDays(today, 1)) return lang === 'en' ? `Tomorrow · ${text}` : `明天 ${text}`;
  return text;
}
