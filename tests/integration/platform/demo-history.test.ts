/**
 * The demo city's past (src/seed/history.ts): every figure a person sees about a demo worker or item is what the
 * rows produce — recomputed here with plain SQL from `reviews` and `orders` — and the money of the history keeps
 * the ledger balanced.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../../../src/seed/demo.js';
import { adminSignIn, createTestApp, smsSignIn, type TestApp } from '../../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  expect(await seedDemo(t.ctx)).toBe(true);
}, 240_000);
afterAll(async () => { await t?.close(); });

const DEMO_WORKER = '13900000001';
const DEMO_CUSTOMER = '13800000001';

async function userByPhone(phone: string) {
  return t.ctx.db.selectFrom('users').select('id').where('phone_hash', '=', t.ctx.pii.blindIndex(phone)).executeTakeFirstOrThrow();
}

describe('demo city history', () => {
  it("every demo worker's rating, count, histogram and orders done equal a recomputation from the review and order rows", async () => {
    const workers = await t.ctx.db.selectFrom('worker_profiles as w').innerJoin('users as u', 'u.id', 'w.user_id')
      .select(['w.user_id', 'w.rating_avg', 'w.rating_count', 'w.rating_histogram', 'w.orders_done']).where('u.phone_masked', 'like', '139%').execute();
    const reviewed = await sql<{ worker_id: string; n: number; avg: string; h1: number; h2: number; h3: number; h4: number; h5: number }>`
      select worker_id, count(*)::int as n, round(avg(stars), 2)::text as avg,
        count(*) filter (where stars = 1)::int as h1, count(*) filter (where stars = 2)::int as h2, count(*) filter (where stars = 3)::int as h3,
        count(*) filter (where stars = 4)::int as h4, count(*) filter (where stars = 5)::int as h5
      from reviews where status = 'visible' and not is_default group by worker_id`.execute(t.ctx.db);
    const done = await sql<{ worker_id: string; n: number }>`
      select worker_id, count(*)::int as n from orders where status in ('completed', 'closed') and kind = 'normal' and worker_id is not null group by worker_id`.execute(t.ctx.db);
    const byWorker = new Map(reviewed.rows.map((r) => [r.worker_id, r]));
    const doneBy = new Map(done.rows.map((r) => [r.worker_id, r.n]));
    let withHistory = 0;
    let fresh = 0;
    for (const w of workers) {
      const r = byWorker.get(w.user_id);
      expect(w.rating_count, w.user_id).toBe(r?.n ?? 0);
      expect(Number(w.rating_avg), w.user_id).toBe(r ? Number(r.avg) : 0);
      expect(w.rating_histogram, w.user_id).toEqual(r ? [r.h1, r.h2, r.h3, r.h4, r.h5] : [0, 0, 0, 0, 0]);
      expect(w.orders_done, w.user_id).toBe(doneBy.get(w.user_id) ?? 0);
      if (doneBy.has(w.user_id)) withHistory++;
      else fresh++;
    }
    // Some workers have a past, some are new with none.
    expect(withHistory).toBeGreaterThan(workers.length / 3);
    expect(fresh).toBeGreaterThan(workers.length / 5);
  }, 60_000);

  it("every item's rating, count and popularity equal a recomputation from reviews and completed orders", async () => {
    const items = await t.ctx.db.selectFrom('service_items').select(['code', 'rating_avg', 'rating_count', 'popularity']).execute();
    const reviewed = await sql<{ item_code: string; n: number; avg: string }>`
      select item_code, count(*)::int as n, round(avg(stars), 2)::text as avg from reviews where status = 'visible' and not is_default group by item_code`.execute(t.ctx.db);
    const done = await sql<{ item_code: string; n: number }>`
      select item_code, count(*)::int as n from orders where status in ('completed', 'closed') and kind = 'normal' and worker_id is not null group by item_code`.execute(t.ctx.db);
    const r = new Map(reviewed.rows.map((x) => [x.item_code, x]));
    const d = new Map(done.rows.map((x) => [x.item_code, x.n]));
    for (const i of items) {
      expect(i.rating_count, i.code).toBe(r.get(i.code)?.n ?? 0);
      expect(Number(i.rating_avg), i.code).toBe(r.has(i.code) ? Number(r.get(i.code)!.avg) : 0);
      expect(i.popularity, i.code).toBe(d.get(i.code) ?? 0);
    }
    expect(items.filter((i) => i.rating_count > 0).length).toBeGreaterThan(items.length / 2);
  });

  it('the money of the history is in the ledger: trial balance 0, each completed order split, each no-show refunded', async () => {
    const admin = await adminSignIn(t.app, 'finance', DEMO_PASSWORD);
    const res = await t.app.inject({ method: 'GET', url: '/api/admin/finance/trial-balance', headers: admin });
    expect(res.statusCode).toBe(200);
    const tb = res.json();
    expect(tb.totalFen).toBe(0);
    expect(tb.mismatches).toEqual([]);
    expect(tb.negative).toEqual([]);
    // Every past order paid what it cost; a completed one left nothing in escrow, a no-show's money went back.
    const orders = await sql<{ status: string; n: number; paid: number; price: number; settled: number; refunded: number; escrow: number }>`
      select o.status, count(*)::int as n, sum(o.paid_fen)::bigint as paid, sum(o.price_fen)::bigint as price,
        count(s.order_id)::int as settled, coalesce(sum(rf.amount_fen), 0)::bigint as refunded, coalesce(sum(a.balance_fen), 0)::bigint as escrow
      from orders o left join order_settlements s on s.order_id = o.id and s.kind = 'completion'
        left join refunds rf on rf.order_id = o.id and rf.status = 'succeeded'
        left join ledger_accounts a on a.code = 'escrow:' || o.id
      group by o.status`.execute(t.ctx.db);
    const by = new Map(orders.rows.map((r) => [r.status, r]));
    for (const s of ['completed', 'closed']) {
      const r = by.get(s)!;
      expect(Number(r.paid)).toBe(Number(r.price));
      expect(r.settled).toBe(r.n);
      expect(Number(r.escrow)).toBe(0);
    }
    // The payment simulator's statement of a past day matches our payments of that day.
    const day = await sql<{ d: string }>`select to_char((paid_at at time zone 'Asia/Shanghai')::date, 'YYYY-MM-DD') as d from payments where provider = 'wechat' and status = 'paid' order by paid_at limit 1 offset 100`.execute(t.ctx.db);
    const rec = await t.app.inject({ method: 'POST', url: '/api/admin/finance/reconciliation', headers: admin, payload: { provider: 'wechat', date: day.rows[0]!.d } });
    expect(rec.statusCode).toBe(200);
    expect(rec.json().mismatches).toEqual([]);
    expect(rec.json().matched).toBeGreaterThan(0);
    const cancelled = by.get('cancelled')!;
    expect(cancelled.n).toBeGreaterThan(0);
    expect(Number(cancelled.refunded)).toBe(Number(cancelled.paid));
    expect(Number(cancelled.escrow)).toBe(0);
  });

  it('the demo worker has a rich, realistic past: a couple of hundred orders, a few late, repeat customers, replies, 追评 and default marks', async () => {
    const worker = await userByPhone(DEMO_WORKER);
    const rows = await t.ctx.db.selectFrom('orders').select(['status', 'customer_id', 'late_flagged_at', 'started_at', 'scheduled_start', 'completed_at'])
      .where('worker_id', '=', worker.id).execute();
    const completed = rows.filter((o) => o.status === 'completed' || o.status === 'closed');
    expect(completed.length).toBeGreaterThanOrEqual(150);
    expect(completed.every((o) => o.completed_at! < new Date())).toBe(true);
    const late = completed.filter((o) => o.late_flagged_at !== null);
    expect(late.length).toBeGreaterThan(0);
    expect(late.length).toBeLessThan(completed.length / 8);
    expect(late.every((o) => o.started_at!.getTime() > o.scheduled_start.getTime() + 10 * 60_000)).toBe(true);
    const perCustomer = new Map<string, number>();
    for (const o of completed) perCustomer.set(o.customer_id, (perCustomer.get(o.customer_id) ?? 0) + 1);
    expect([...perCustomer.values()].filter((n) => n >= 2).length).toBeGreaterThan(3);
    const reviews = await t.ctx.db.selectFrom('reviews').selectAll().where('worker_id', '=', worker.id).execute();
    const written = reviews.filter((r) => !r.is_default);
    expect(written.length).toBeGreaterThan(100);
    expect(reviews.some((r) => r.is_default)).toBe(true);
    expect(written.some((r) => r.reply_body)).toBe(true);
    expect(written.some((r) => r.follow_up_body)).toBe(true);
    expect(written.some((r) => r.stars <= 3)).toBe(true);
    expect(written.filter((r) => r.stars === 5).length).toBeGreaterThan(written.length / 2);
    expect(new Set(written.map((r) => r.body)).size).toBeGreaterThan(40);
    expect(written.every((r) => r.attitude && r.skill && r.efficiency && r.punctuality)).toBe(true);

    // What a customer sees through the API is that: the profile's figures and the reviews list.
    const customer = await smsSignIn(t.app, t.ctx, 'customer');
    const profile = (await t.app.inject({ method: 'GET', url: `/api/workers/${worker.id}`, headers: customer.headers })).json();
    expect(profile.ratingCount).toBe(written.length);
    expect(profile.ordersDone).toBe(completed.length);
    const list = await t.app.inject({ method: 'GET', url: `/api/workers/${worker.id}/reviews?limit=5`, headers: customer.headers });
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBe(reviews.length);

    // The worker's wallet holds the net of the released shares, and those still in the settlement delay are pending.
    const shares = await sql<{ released: string; pending: string }>`
      select coalesce(sum(net_fen) filter (where released_at is not null), 0)::text as released, coalesce(sum(net_fen) filter (where released_at is null), 0)::text as pending
      from order_settlements where worker_id = ${worker.id}`.execute(t.ctx.db);
    const balances = await t.ctx.db.selectFrom('ledger_accounts').select(['code', 'balance_fen']).where('code', 'in', [`worker_available:${worker.id}`, `worker_pending:${worker.id}`]).execute();
    const bal = new Map(balances.map((b) => [b.code.split(':')[0], Number(b.balance_fen)]));
    expect(bal.get('worker_available')).toBe(Number(shares.rows[0]!.released));
    expect(bal.get('worker_pending') ?? 0).toBe(Number(shares.rows[0]!.pending));
    expect(Number(shares.rows[0]!.released)).toBeGreaterThan(0);
  }, 60_000);

  it('some workers gave orders back, and the demo customer has enough ratings from workers for the aggregate to show', async () => {
    const gaveBack = await t.ctx.db.selectFrom('order_events').select('actor_id').where('action', '=', 'decline').execute();
    expect(gaveBack.length).toBeGreaterThan(0);
    const customer = await userByPhone(DEMO_CUSTOMER);
    const ratings = await t.ctx.db.selectFrom('customer_ratings').select(['worker_id', 'order_id']).where('customer_id', '=', customer.id).execute();
    expect(ratings.length).toBeGreaterThanOrEqual(3);
    const ids = ratings.map((r) => r.order_id);
    const orders = await t.ctx.db.selectFrom('orders').select(['id', 'worker_id', 'status']).where('id', 'in', ids).execute();
    expect(orders.every((o) => ['completed', 'closed'].includes(o.status) && ratings.find((r) => r.order_id === o.id)!.worker_id === o.worker_id)).toBe(true);
    // Every review's tags fit its stars (the review rules' lists).
    const bad = await sql<{ n: number }>`
      select count(*)::int as n from reviews where not is_default and (
        (stars >= 4 and tags && array['late', 'careless', 'rude', 'overcharged', 'damaged']) or (stars <= 2 and tags && array['punctual', 'thorough', 'friendly', 'professional', 'tidy']))`.execute(t.ctx.db);
    expect(bad.rows[0]!.n).toBe(0);
  });
});
