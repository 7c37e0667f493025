/** 抢单大厅: the orders pushed to me that are still open, that I am still free and qualified for, best fit first. */
import type { AppContext } from '../../platform/app-context.js';
import { DEFAULT_MATCH_CONFIG, etaFromKm } from './matching/index.js';
import { freeWorkersAt } from '../booking/index.js';
import { needOf } from '../booking/index.js';
import { districtNames, summaryOf } from '../booking/index.js';
import { takeHomeFor } from '../payments/index.js';
import { customerAggregates } from '../reviews/index.js';

export async function orderHall(ctx: AppContext, workerId: string) {
  const now = new Date();
  const rows = await ctx.db.selectFrom('order_offers as f').innerJoin('orders as o', 'o.id', 'f.order_id')
    .selectAll('o').select(['f.distance_km', 'f.score', 'f.expires_at', 'f.mode'])
    .where('f.worker_id', '=', workerId).where('f.status', '=', 'open').where('o.status', '=', 'paid').where('o.scheduled_start', '>', now)
    .where((eb) => eb.or([eb('f.expires_at', 'is', null), eb('f.expires_at', '>', now)]))
    .orderBy('f.score', 'desc').orderBy('f.distance_km').limit(50).execute();
  const districts = await districtNames(ctx.db);
  // How other workers rated each customer: an aggregate only, and only from a few ratings on (never single ones).
  const customers = await customerAggregates(ctx.db, [...new Set(rows.map((r) => r.customer_id))]);
  const items = [];
  for (const r of rows) {
    // A job accepted meanwhile may have made me busy for this one: it is not shown then.
    const free = await freeWorkersAt(ctx.db, await needOf(ctx.db, r, { workerIds: [workerId], excludeOrderId: r.id }), r.scheduled_start, now);
    if (!free.length) continue;
    // What the worker decides on: their take-home after commission, by the rule that will settle the order.
    const share = await takeHomeFor(ctx.db, r, workerId);
    items.push({
      ...summaryOf(r, districts), distanceKm: r.distance_km === null ? null : Math.round(r.distance_km * 10) / 10, offered: true,
      // Minutes from home at the city's travel speed (the same estimate dispatch explains its ranking with).
      etaMinutes: r.distance_km === null ? null : Math.max(1, Math.round(etaFromKm(r.distance_km, DEFAULT_MATCH_CONFIG.travel))),
      fit: r.score === null ? null : Math.round(r.score * 100), payFen: r.price_fen, takeHomeFen: share.takeHomeFen, commissionFen: share.commissionFen, commissionReason: share.reason,
      mode: r.mode, expiresAt: r.expires_at?.toISOString() ?? null, customerRating: customers.get(r.customer_id) ?? null,
    });
  }
  return { items };
}
