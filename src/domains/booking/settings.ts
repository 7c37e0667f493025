/** Per-city booking rules ops can change: buffers, timers, check-in radius, cancellation policy. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import type { CancellationPolicy } from './cancellation.js';
import { validateCancellationPolicy } from './cancellation.js';
import type { TimingPolicy } from './order-transitions.js';

export interface BookingSettings {
  /** Travel buffer after every job; a floor no request can lower. */
  bufferMinutes: number;
  unpaidCancelMinutes: number;
  autoConfirmHours: number;
  afterSalesHours: number;
  /** Both parties may add statements and evidence to an after-sales case this many hours after it opens. */
  disputeStatementHours: number;
  /** A free rework visit may be asked within this many hours of the finish. */
  reworkHours: number;
  noShowGraceMinutes: number;
  /** No check-in this long after the start → flagged late. */
  lateGraceMinutes: number;
  checkInRadiusMeters: number;
  /** Set off opens this many hours before the start. */
  departWindowHours: number;
  /** Check-in opens this many minutes before the start (earlier only with the customer's consent in the app). */
  checkInMinutesBefore: number;
  /** Finishing before this share (%) of the booked duration has passed since check-in needs a reason. */
  earlyFinishPercent: number;
  /** Reminders before the start, in minutes. */
  reminderMinutes: number[];
  freeCancelHours: number;
  cancelTiers: { withinHours: number; feeBp: number }[];
  workerShareBp: number;
}

export const DEFAULT_BOOKING_SETTINGS: BookingSettings = {
  bufferMinutes: 30,
  unpaidCancelMinutes: 15,
  autoConfirmHours: 48,
  afterSalesHours: 72,
  disputeStatementHours: 48,
  reworkHours: 72,
  noShowGraceMinutes: 30,
  lateGraceMinutes: 10,
  checkInRadiusMeters: 500,
  departWindowHours: 3,
  checkInMinutesBefore: 30,
  earlyFinishPercent: 75,
  reminderMinutes: [120, 30],
  freeCancelHours: 24,
  cancelTiers: [{ withinHours: 24, feeBp: 2000 }, { withinHours: 2, feeBp: 5000 }],
  workerShareBp: 7000,
};

/** Minutes between slot starts; quotes and bookings start on this local grid. */
export const SLOT_MINUTES = 30;
export const HORIZON_DAYS = 14;
/** "As soon as possible" looks this far ahead. */
export const ASAP_HOURS = 3;
export const MAX_CHECK_IN_FAILURES = 5;

export async function loadSettings(db: Kysely<DB>, cityCode: string): Promise<BookingSettings> {
  const row = await db.selectFrom('booking_settings').select('settings').where('city_code', '=', cityCode).executeTakeFirst();
  return { ...DEFAULT_BOOKING_SETTINGS, ...((row?.settings as Partial<BookingSettings>) ?? {}) };
}

export async function saveSettings(db: Kysely<DB>, cityCode: string, settings: BookingSettings): Promise<BookingSettings> {
  validateCancellationPolicy(cancellationPolicyOf(settings));
  const json = JSON.stringify(settings);
  await db.insertInto('booking_settings').values({ city_code: cityCode, settings: json })
    .onConflict((oc) => oc.column('city_code').doUpdateSet({ settings: json, updated_at: new Date() })).execute();
  return settings;
}

export function timingOf(s: BookingSettings): TimingPolicy {
  return {
    unpaidCancelMinutes: s.unpaidCancelMinutes, autoConfirmHours: s.autoConfirmHours, afterSalesHours: s.afterSalesHours, noShowGraceMinutes: s.noShowGraceMinutes,
    departWindowHours: s.departWindowHours, checkInMinutesBefore: s.checkInMinutesBefore, earlyFinishPercent: s.earlyFinishPercent,
  };
}

export function cancellationPolicyOf(s: BookingSettings): CancellationPolicy {
  return { freeUntilHoursBefore: s.freeCancelHours, tiers: s.cancelTiers, workerShareBp: s.workerShareBp, chargeWhenUnassigned: true };
}
