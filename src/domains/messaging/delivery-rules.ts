/**
 * Which channels a notification goes to, and when. Pure: the caller passes the template's policy,
 * the recipient's preferences and verified addresses, the quiet hours of the city and `now`.
 * Zone arithmetic uses dayjs with the utc + timezone plugins (IANA zones, DST honoured).
 * See README.md in this folder.
 */
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';
import { notificationTemplate, type Channel, type NotificationCategory, type NotificationTemplate } from './templates.js';

dayjs.extend(utc);
dayjs.extend(timezone);

/** The part of a template that decides delivery. */
export type DeliveryPolicy = Pick<NotificationTemplate, 'category' | 'safetyCritical' | 'defaultChannels'>;

/** Channels a user can switch per category; in_app cannot be switched off. */
export type OptionalChannel = Exclude<Channel, 'in_app'>;

/**
 * Per category × channel switches. `false` = opted out. Absent = the default: on, except for
 * `marketing`, which needs an explicit `true` (consent) for SMS and e-mail.
 */
export type ChannelPreferences = Partial<Record<NotificationCategory, Partial<Record<OptionalChannel, boolean>>>>;

/** A local-time window in an IANA zone, "HH:mm"; `start > end` spans midnight; `start === end` means none. */
export interface QuietHours { start: string; end: string; timeZone: string }

/** 22:00–08:00 in Shanghai. */
export const DEFAULT_QUIET_HOURS: QuietHours = { start: '22:00', end: '08:00', timeZone: 'Asia/Shanghai' };

export interface DeliveryRecipient {
  /** Has an account, so a message centre (false for emergency contacts). Default true. */
  hasAccount?: boolean;
  /** A phone we may text: verified for accounts, the registered number for emergency contacts. */
  phoneVerified: boolean;
  emailVerified: boolean;
}

export interface DeliveryInput {
  policy: DeliveryPolicy;
  recipient: DeliveryRecipient;
  preferences?: ChannelPreferences;
  /** Default {@link DEFAULT_QUIET_HOURS}; `null` = no quiet hours. */
  quietHours?: QuietHours | null;
  now: Date;
  /** An SMS that could only go out after this instant is dropped (a 14:00 reminder is useless at 08:00). */
  notAfter?: Date;
}

export interface Delivery {
  channel: Channel;
  sendAt: Date;
  /** True when an SMS waits for the end of quiet hours. */
  deferred: boolean;
}

export type SkipReason = 'no_account' | 'opted_out' | 'no_consent' | 'no_verified_phone' | 'no_verified_email' | 'stale';

/** `deliveries` in the order in_app, sms, email; `skipped` says why a default channel is not used. */
export interface DeliveryPlan {
  deliveries: Delivery[];
  skipped: { channel: Channel; reason: SkipReason }[];
}

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

function clockMinutes(value: string): number {
  const m = HH_MM.exec(value);
  if (!m) throw new RangeError(`quiet hours: "${value}" is not HH:mm`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Throws RangeError for a bad clock time or an unknown IANA zone. */
export function validateQuietHours(q: QuietHours): void {
  clockMinutes(q.start);
  clockMinutes(q.end);
  try {
    new Intl.DateTimeFormat('en', { timeZone: q.timeZone });
  } catch {
    throw new RangeError(`quiet hours: unknown time zone "${q.timeZone}"`);
  }
}

function assertInstant(d: Date, name: string): void {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) throw new RangeError(`${name} must be a valid Date`);
}

/** "YYYY-MM-DD" + one calendar day, without any zone. */
function nextDate(ymd: string): string {
  const [y, m, d] = ymd.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/**
 * When the quiet hours around `now` end, or null when `now` is outside them. The end is the local
 * wall-clock `end` in the zone (today, or tomorrow for a window that spans midnight and started
 * today), so it moves with DST: 08:00 in Berlin is 07:00Z in winter and 06:00Z in summer.
 */
export function quietHoursEnd(now: Date, q: QuietHours): Date | null {
  assertInstant(now, 'now');
  validateQuietHours(q);
  const start = clockMinutes(q.start);
  const end = clockMinutes(q.end);
  if (start === end) return null;
  const local = dayjs(now).tz(q.timeZone);
  const minute = local.hour() * 60 + local.minute();
  const spansMidnight = start > end;
  const inside = spansMidnight ? minute >= start || minute < end : minute >= start && minute < end;
  if (!inside) return null;
  const today = local.format('YYYY-MM-DD');
  const endDate = spansMidnight && minute >= start ? nextDate(today) : today;
  const endAt = dayjs.tz(`${endDate} ${q.end}`, q.timeZone).toDate();
  // A wall-clock end inside a DST overlap may resolve to the earlier of its two instants; never answer the past.
  return endAt > now ? endAt : null;
}

/** True when `now` falls inside the quiet hours (start inclusive, end exclusive). */
export function isQuietTime(now: Date, q: QuietHours): boolean {
  return quietHoursEnd(now, q) !== null;
}

function switchedOff(policy: DeliveryPolicy, channel: OptionalChannel, preferences: ChannelPreferences | undefined): SkipReason | null {
  if (policy.safetyCritical) return null;
  const choice = preferences?.[policy.category]?.[channel];
  if (policy.category === 'marketing') return choice === true ? null : 'no_consent';
  return choice === false ? 'opted_out' : null;
}

function smsSendAt(input: DeliveryInput): { sendAt: Date; deferred: boolean } | 'stale' {
  const { now, policy, notAfter } = input;
  const q = input.quietHours === undefined ? DEFAULT_QUIET_HOURS : input.quietHours;
  const end = q && !policy.safetyCritical ? quietHoursEnd(now, q) : null;
  if (!end) return { sendAt: now, deferred: false };
  if (notAfter && end > notAfter) return 'stale';
  return { sendAt: end, deferred: true };
}

/**
 * The delivery plan of one notification for one recipient:
 * - `in_app` always, now (unless the recipient has no account);
 * - `sms` / `email` only when among the template's defaults, not switched off for the category
 *   (marketing needs consent) and the address is verified;
 * - an SMS during quiet hours waits for their end (or is dropped when that is after `notAfter`);
 *   e-mail is sent at night;
 * - safety-critical notifications ignore opt-outs and quiet hours (still need an address).
 * Throws RangeError for an invalid `now` / `notAfter` or quiet-hours configuration.
 */
export function planDelivery(input: DeliveryInput): DeliveryPlan {
  assertInstant(input.now, 'now');
  if (input.notAfter !== undefined) assertInstant(input.notAfter, 'notAfter');
  if (input.quietHours) validateQuietHours(input.quietHours);
  const { policy, recipient, preferences, now } = input;
  const plan: DeliveryPlan = { deliveries: [], skipped: [] };

  if (recipient.hasAccount === false) plan.skipped.push({ channel: 'in_app', reason: 'no_account' });
  else plan.deliveries.push({ channel: 'in_app', sendAt: now, deferred: false });

  for (const channel of ['sms', 'email'] as const) {
    if (!policy.defaultChannels.includes(channel)) continue;
    const off = switchedOff(policy, channel, preferences);
    if (off) { plan.skipped.push({ channel, reason: off }); continue; }
    const verified = channel === 'sms' ? recipient.phoneVerified : recipient.emailVerified;
    if (!verified) { plan.skipped.push({ channel, reason: channel === 'sms' ? 'no_verified_phone' : 'no_verified_email' }); continue; }
    if (channel === 'email') { plan.deliveries.push({ channel, sendAt: now, deferred: false }); continue; }
    const when = smsSendAt(input);
    if (when === 'stale') plan.skipped.push({ channel, reason: 'stale' });
    else plan.deliveries.push({ channel, ...when });
  }
  return plan;
}

/** {@link planDelivery} for a catalogue type (throws for an unknown type). */
export function planNotificationDelivery(type: string, input: Omit<DeliveryInput, 'policy'>): DeliveryPlan {
  return planDelivery({ ...input, policy: notificationTemplate(type) });
}
