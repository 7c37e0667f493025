/** 人工派单 helper: the workers ops may legally assign an order to now, ranked by dispatch. */
import type { AppContext } from '../../platform/app-context.js';
import { orderOr404 } from '../booking/index.js';
import { rankOrder } from './service.js';
import { dispatchSettingsFor } from './settings.js';

/** Legal candidates for a manual assignment (qualified, covering, free), ranked by dispatch with the reason for each. */
export async function assignmentCandidates(ctx: AppContext, id: string) {
  const o = await orderOr404(ctx.db, id);
  const { result } = await rankOrder(ctx.db, o, new Date(), await dispatchSettingsFor(ctx.db, o.city_code, o.category_code));
  const ranked = result.ranked.slice(0, 50);
  const profiles = ranked.length ? await ctx.db.selectFrom('worker_profiles').select(['user_id', 'display_name', 'rating_avg', 'orders_done']).where('user_id', 'in', ranked.map((w) => w.workerId)).execute() : [];
  const byId = new Map(profiles.map((p) => [p.user_id, p]));
  return ranked.map((r) => ({
    id: r.workerId, name: byId.get(r.workerId)?.display_name ?? '', distanceKm: Math.round(r.facts.distanceKm * 10) / 10, ratingAvg: Number(byId.get(r.workerId)?.rating_avg ?? 0),
    ordersDone: byId.get(r.workerId)?.orders_done ?? 0, score: Math.round(r.score * 1000) / 1000, explanation: r.explanation,
  }));
}

