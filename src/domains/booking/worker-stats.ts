/** Facts about workers' orders that dispatch scores on: today's load, punctuality, completion, declines, previous job. */
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/types.js';

dayjs.extend(utc);
dayjs.extend(timezone);

const DAY = 86_400_000;

export interface WorkerOrderStats {
  todayOrders: number;
  todayEarningsFen: number;
  onTimeRate: number;
  completionRate: number;
  recentDeclines: number;
  previousJob: { location: { lat: number; lng: number }; end: string } | null;
}

/**
 * Per worker: orders on the local day of `start` and their value; on-time rate (visits started without a late
 * flag, 90 days); completion rate (finished vs given back or no-show, 90 days); offers declined in 30 days; the
 * job that ends last before `start` that day.
 */
export async function workerOrderStats(db: Kysely<DB>, ids: string[], start: Date, timeZone: string, now: Date): Promise<Map<string, WorkerOrderStats>> {
  const out = new Map<string, WorkerOrderStats>();
  if (!ids.length) return out;
  const dayStart = dayjs(start).tz(timeZone).startOf('day').toDate();
  const dayEnd = new Date(dayStart.getTime() + DAY);
  const since90 = new Date(now.getTime() - 90 * DAY);
  const since30 = new Date(now.getTime() - 30 * DAY);
  const [today, history, gaveBack, declines, previous] = await Promise.all([
    db.selectFrom('orders').select(['worker_id', sql<number>`count(*)::int`.as('n'), sql<number>`coalesce(sum(price_fen + extras_fen), 0)::int`.as('fen')])
      .where('worker_id', 'in', ids).where('scheduled_start', '>=', dayStart).where('scheduled_start', '<', dayEnd).where('status', 'not in', ['cancelled', 'refunded']).groupBy('worker_id').execute(),
    db.selectFrom('orders').select(['worker_id', sql<number>`count(*) filter (where started_at is not null)::int`.as('started'), sql<number>`count(*) filter (where started_at is not null and late_flagged_at is null)::int`.as('on_time'), sql<number>`count(*) filter (where finished_at is not null)::int`.as('finished'), sql<number>`count(*) filter (where status = 'cancelled' and cancel_reason like '%未上门%')::int`.as('no_show')])
      .where('worker_id', 'in', ids).where('scheduled_start', '>=', since90).groupBy('worker_id').execute(),
    db.selectFrom('order_events').select(['actor_id', sql<number>`count(*)::int`.as('n')]).where('action', '=', 'decline').where('actor_id', 'in', ids).where('at', '>=', since90).groupBy('actor_id').execute(),
    db.selectFrom('order_offers').select(['worker_id', sql<number>`count(*)::int`.as('n')]).where('worker_id', 'in', ids).where('status', '=', 'declined').where('decided_at', '>=', since30).groupBy('worker_id').execute(),
    db.selectFrom('worker_commitments as c').innerJoin('orders as o', 'o.id', 'c.order_id')
      .select(['c.worker_id', 'o.lat', 'o.lng', sql<Date>`o.scheduled_start + make_interval(mins => o.duration_minutes)`.as('end')])
      .where('c.worker_id', 'in', ids).where('c.active', '=', true).where('o.scheduled_start', '>=', dayStart).where('o.scheduled_start', '<', start)
      .orderBy('c.worker_id').orderBy('o.scheduled_start', 'desc').execute(),
  ]);
  const by = <T extends { n: number }>(rows: (T & Record<string, unknown>)[], key: string) => new Map(rows.map((r) => [String(r[key]), r]));
  const t = by(today, 'worker_id');
  const h = new Map(history.map((r) => [r.worker_id!, r]));
  const g = by(gaveBack, 'actor_id');
  const d = by(declines, 'worker_id');
  const prev = new Map<string, { lat: number; lng: number; end: Date }>();
  for (const p of previous) if (!prev.has(p.worker_id)) prev.set(p.worker_id, { lat: p.lat, lng: p.lng, end: new Date(p.end) });
  for (const id of ids) {
    const hist = h.get(id);
    const finished = hist?.finished ?? 0;
    const failed = (g.get(id)?.n ?? 0) + (hist?.no_show ?? 0);
    const p = prev.get(id);
    out.set(id, {
      todayOrders: t.get(id)?.n ?? 0, todayEarningsFen: (t.get(id) as { fen?: number } | undefined)?.fen ?? 0,
      onTimeRate: hist && hist.started ? hist.on_time / hist.started : 1,
      completionRate: finished + failed ? finished / (finished + failed) : 1,
      recentDeclines: d.get(id)?.n ?? 0,
      previousJob: p ? { location: { lat: p.lat, lng: p.lng }, end: p.end.toISOString() } : null,
    });
  }
  return out;
}
