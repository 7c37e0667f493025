/**
 * Who sees a paid order: the worker the customer chose, otherwise the nearest qualified workers who are
 * free for the slot (at most OFFER_FANOUT). The first to accept takes it. This is the booking side of
 * dispatch; ranking by score, grab windows and timeouts belong to the dispatch domain.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { cityTimeZone } from '../geo/service.js';
import { freeWorkersAt, type Need } from './availability.js';
import { declinedBy, insertEvent, insertOffers, type OrderRow } from './queries.js';
import { OFFER_FANOUT, type BookingSettings } from './settings.js';

export interface ItemFacts { code: string; name: string; nameEn: string; unit: string; included: string[]; requiredCertificate: string | null }
export interface QuoteSnapshot { quote: { lines: unknown[]; subtotalFen: number; discountFen: number; totalFen: number; quantity: number; options: unknown }; item: ItemFacts }

export const snapshotItem = (o: OrderRow) => (o.quote_snapshot as QuoteSnapshot).item;

/** What a slot check for this order needs (its item, length, buffer, place and zone). */
export async function needOf(db: Kysely<DB>, o: OrderRow, extra: Partial<Need> = {}): Promise<Need> {
  return {
    itemId: o.item_id, requiredCertificate: snapshotItem(o).requiredCertificate, durationMinutes: o.duration_minutes, bufferMinutes: o.buffer_minutes,
    lat: o.lat, lng: o.lng, timeZone: await cityTimeZone(db, o.city_code), ...extra,
  };
}

/** Opens offers for a paid, unassigned order; returns how many workers were offered it. */
export async function offerOrder(db: Kysely<DB>, o: OrderRow, now: Date, _settings: BookingSettings, exclude: string[] = []): Promise<number> {
  const declined = new Set([...(await declinedBy(db, o.id)), ...exclude]);
  let targets: { workerId: string; distanceKm: number }[];
  if (o.preferred_worker_id && !declined.has(o.preferred_worker_id)) {
    const free = await freeWorkersAt(db, await needOf(db, o, { workerIds: [o.preferred_worker_id], excludeOrderId: o.id }), o.scheduled_start, now);
    targets = free.map((w) => ({ workerId: w.id, distanceKm: w.distanceKm }));
  } else {
    const free = await freeWorkersAt(db, await needOf(db, o), o.scheduled_start, now);
    targets = free.filter((w) => !declined.has(w.id)).slice(0, OFFER_FANOUT).map((w) => ({ workerId: w.id, distanceKm: w.distanceKm }));
  }
  await insertOffers(db, o.id, targets);
  await insertEvent(db, { orderId: o.id, action: targets.length ? 'offered' : 'no_candidates', actorKind: 'system', actorId: null, actorName: '系统', detail: { workers: targets.length }, at: now });
  return targets.length;
}
