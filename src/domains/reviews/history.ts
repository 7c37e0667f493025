import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';

export interface CustomerWorkerHistory { workerId: string; orders: number; avgRating: number }

/**
 * The customer's history with workers for 常客优先, from real rows: completed orders per worker and the average of
 * this customer's own visible reviews of that worker (default marks and hidden reviews say nothing; a worker never
 * reviewed has avgRating 0 and is not a well-rated regular). A favourite worker (常用师傅) counts as one order rated
 * 5 when there is no review to go by: the customer chose them.
 */
export async function customerWorkerHistory(db: Kysely<DB>, customerId: string): Promise<CustomerWorkerHistory[]> {
  const [orders, reviews, favourites] = await Promise.all([
    db.selectFrom('orders').select((eb) => ['worker_id', eb.fn.countAll<number>().as('n')])
      .where('customer_id', '=', customerId).where('worker_id', 'is not', null).where('status', 'in', ['completed', 'closed']).groupBy('worker_id').execute(),
    db.selectFrom('reviews').select((eb) => ['worker_id', eb.fn.avg<number>('stars').as('avg')])
      .where('customer_id', '=', customerId).where('status', '=', 'visible').where('is_default', '=', false).groupBy('worker_id').execute(),
    db.selectFrom('favourite_workers').select('worker_id').where('customer_id', '=', customerId).execute(),
  ]);
  const avg = new Map(reviews.map((r) => [r.worker_id, Number(r.avg)]));
  const out = new Map<string, CustomerWorkerHistory>();
  for (const o of orders) out.set(o.worker_id!, { workerId: o.worker_id!, orders: Number(o.n), avgRating: avg.get(o.worker_id!) ?? 0 });
  for (const f of favourites) {
    const h = out.get(f.worker_id);
    if (!h) out.set(f.worker_id, { workerId: f.worker_id, orders: 1, avgRating: 5 });
    else if (!avg.has(f.worker_id)) h.avgRating = 5;
  }
  return [...out.values()];
}
