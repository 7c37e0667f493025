/** Time-based surcharges (night, weekend, urgent, holiday), evaluated in the city time zone. */
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';
import { adjustmentAmount, describeAdjustment, SUBTOTAL_LABEL } from './adjustment.js';
import type { Fen, LineCode, LocalizedText, QuoteLine, TimeRule } from './types.js';

dayjs.extend(utc);
dayjs.extend(timezone);

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

// An explicit offset is required: a bare "2025-06-07T09:00" would be read in the server's zone.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Parses an ISO 8601 instant with an explicit offset ("Z" or "+08:00"), or a valid Date; null otherwise. */
export function parseInstant(value: unknown): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value !== 'string' || !ISO_INSTANT.test(value)) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Parses "HH:mm" into minutes after midnight, or null. */
export function parseClock(value: string): number | null {
  const m = HH_MM.exec(value);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

export interface LocalTime {
  /** "YYYY-MM-DD" in the zone. */
  date: string;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  minuteOfDay: number;
}

/** Wall-clock date, weekday and minute of an instant in an IANA time zone. */
export function localTime(instant: Date, timeZone: string = DEFAULT_TIME_ZONE): LocalTime {
  const d = dayjs(instant).tz(timeZone);
  return { date: d.format('YYYY-MM-DD'), weekday: d.day(), minuteOfDay: d.hour() * 60 + d.minute() };
}

/** True when the rule's condition holds for a visit starting at `start`, quoted at `now`. */
export function ruleMatches(rule: TimeRule, start: Date, now: Date, timeZone: string = DEFAULT_TIME_ZONE): boolean {
  switch (rule.kind) {
    case 'night': {
      const from = parseClock(rule.from);
      const until = parseClock(rule.until);
      if (from === null || until === null) return false;
      const m = localTime(start, timeZone).minuteOfDay;
      return from > until ? m >= from || m < until : m >= from && m < until;
    }
    case 'weekend':
      return (rule.days ?? [6, 0]).includes(localTime(start, timeZone).weekday);
    case 'urgent': {
      const lead = start.getTime() - now.getTime();
      return lead >= 0 && lead < rule.withinHours * 3_600_000;
    }
    case 'holiday':
      return rule.dates.includes(localTime(start, timeZone).date);
  }
}

/** Rules that apply, in configuration order, after dropping rules excluded by another applying rule. */
export function matchTimeRules(
  rules: readonly TimeRule[],
  start: Date,
  now: Date,
  timeZone: string = DEFAULT_TIME_ZONE,
): TimeRule[] {
  const matched = rules.filter((r) => ruleMatches(r, start, now, timeZone));
  const excluded = new Set(matched.flatMap((r) => r.excludes ?? []));
  return matched.filter((r) => !excluded.has(r.id));
}

const LINE_CODE: Record<TimeRule['kind'], LineCode> = {
  night: 'SURCHARGE_NIGHT',
  weekend: 'SURCHARGE_WEEKEND',
  urgent: 'SURCHARGE_URGENT',
  holiday: 'SURCHARGE_HOLIDAY',
};

function describeCondition(rule: TimeRule): LocalizedText {
  switch (rule.kind) {
    case 'night':
      return { zh: `${rule.from} 至 ${rule.until} 开始的服务`, en: `visits starting ${rule.from}–${rule.until}` };
    case 'weekend': {
      const days = rule.days ?? [6, 0];
      const zh = days.map((d) => '日一二三四五六'[d] ?? '?').join('、');
      const en = days.map((d) => ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d] ?? '?').join('/');
      return { zh: `周${zh}的服务`, en: `visits on ${en}` };
    }
    case 'urgent':
      return { zh: `${rule.withinHours} 小时内开始的加急服务`, en: `visits starting within ${rule.withinHours} h` };
    case 'holiday':
      return { zh: '法定节假日的服务', en: 'visits on public holidays' };
  }
}

/**
 * Surcharge lines for the applying time rules. Percent rules are a percentage of `subtotalFen`
 * (base + options + city adjustment); rules do not compound on each other.
 * Lines with a zero amount are omitted.
 */
export function priceTimeSurcharges(
  rules: readonly TimeRule[],
  start: Date,
  now: Date,
  timeZone: string,
  subtotalFen: Fen,
): QuoteLine[] {
  const lines: QuoteLine[] = [];
  for (const rule of matchTimeRules(rules, start, now, timeZone)) {
    const amount = adjustmentAmount(rule.adjustment, subtotalFen);
    if (amount === 0) continue;
    const cond = describeCondition(rule);
    const adj = describeAdjustment(rule.adjustment, SUBTOTAL_LABEL);
    lines.push({
      code: LINE_CODE[rule.kind],
      label: rule.label,
      quantity: 1,
      unitPriceFen: amount,
      amountFen: amount,
      rule: { id: rule.id, description: { zh: `${cond.zh}，${adj.zh}`, en: `${cond.en}, ${adj.en}` } },
    });
  }
  return lines;
}
