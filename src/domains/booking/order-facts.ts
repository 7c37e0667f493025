/** Order facts shared by booking and dispatch: the item snapshot and what a slot check needs. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { cityTimeZone } from '../geo/index.js';
import type { Need } from './availability.js';
import type { OrderRow } from './queries.js';

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

/** The worker as the order remembers them from the moment they took it. */
export interface WorkerSnapshot { id: string; name: string; avatarUrl: string | null; ratingAvg: number; ratingCount: number; ordersDone: number; experienceYears: number }
