/**
 * Property: after any sequence of reviews, appeals, decisions (keep / hide / remove), reports and default marks on a
 * worker's completed orders, every figure shown about the worker — the profile's rating columns and the 口碑
 * endpoint — equals its recomputation straight from the rows in SQL. A refused step (4xx) changes nothing; no step
 * answers 5xx.
 */
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { giveDefaultReviews, refreshWorkerRating } from '../../../src/domains/reviews/index.js';
import { ALL_DAY, bookOrder, caller, customerWithAddress, HOME, opsHeaders, signedInWorker } from '../../helpers/booking.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { shanghaiAt } from '../../helpers/time.js';
import { agreeEarlyVisit, EARLY_FINISH } from '../booking/visit.js';

const POOL = 8;
const DAY = 86_400_000;
let t: TestApp;
let support: ReturnType<typeof caller>;
let worker: Awaited<ReturnType<typeof signedInWorker>>;
let w: ReturnType<typeof caller>;
const orders: { id: string; c: ReturnType<typeof caller> }[] = [];

beforeAll(async () => {
  t = await createTestApp();
  support = caller(t, { headers: await opsHeaders(t, 'support') });
  worker = await signedInWorker(t, { name: '口碑师傅', hours: ALL_DAY });
  w = caller(t, worker);
  const customers = [await customerWithAddress(t), await customerWithAddress(t), await customerWithAddress(t)];
  for (let i = 0; i < POOL; i++) {
    const customer = customers[i % customers.length]!;
    const c = caller(t, customer);
    const order = await bookOrder(t, customer, shanghaiAt(2 + Math.floor(i / 4), 8 + (i % 4) * 3), { workerId: worker.user.id });
    expect((await w('POST', `/api/worker/orders/${order.id}/accept`, {})).statusCode).toBe(200);
    const code = (await c('GET', `/api/orders/${order.id}`)).json().serviceCode;
    await agreeEarlyVisit(w, c, order.id);
    expect((await w('POST', `/api/worker/orders/${order.id}/check-in`, { lat: HOME.lat, lng: HOME.lng, serviceCode: code })).statusCode).toBe(200);
    expect((await w('POST', `/api/worker/orders/${order.id}/finish`, EARLY_FINISH)).statusCode).toBe(200);
    expect((await c('POST', `/api/orders/${order.id}/confirm`, {})).json().status).toBe('completed');
    orders.push({ id: order.id, c });
  }
}, 240_000);
afterAll(async () => { await t?.close(); });

type Step =
  | { kind: 'review'; slot: number; stars: number; dims: [number, number, number, number] }
  | { kind: 'appeal'; slot: number }
  | { kind: 'decide'; slot: number; decision: 'keep' | 'hide' | 'remove' }
  | { kind: 'moderate'; slot: number; decision: 'keep' | 'hide' | 'remove' }
  | { kind: 'report'; slot: number }
  | { kind: 'default' };

const star = fc.integer({ min: 1, max: 5 });
// Steps land on a few orders so that reviews, appeals and decisions meet; the rest of the pool stays unreviewed.
const slot = fc.integer({ min: 0, max: 3 });
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('review' as const), slot, stars: star, dims: fc.tuple(star, star, star, star) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('appeal' as const), slot }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('decide' as const), slot, decision: fc.constantFrom('keep' as const, 'hide' as const, 'remove' as const) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('moderate' as const), slot, decision: fc.constantFrom('keep' as const, 'hide' as const, 'remove' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('report' as const), slot }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'default' as const }) },
);

const ids = () => orders.map((o) => o.id);
const reviewOf = (orderId: string) => t.ctx.db.selectFrom('reviews').select('id').where('order_id', '=', orderId).executeTakeFirst();

async function reset() {
  const reviewIds = (await t.ctx.db.selectFrom('reviews').select('id').where('order_id', 'in', ids()).execute()).map((r) => r.id);
  if (reviewIds.length) {
    await t.ctx.db.deleteFrom('review_appeals').where('review_id', 'in', reviewIds).execute();
    await t.ctx.db.deleteFrom('review_reports').where('review_id', 'in', reviewIds).execute();
    await t.ctx.db.deleteFrom('reviews').where('id', 'in', reviewIds).execute();
  }
  await refreshWorkerRating(t.ctx.db, worker.user.id);
}

async function apply(s: Step): Promise<number> {
  const order = orders[s.kind === 'default' ? 0 : s.slot]!;
  switch (s.kind) {
    case 'review': {
      const [attitude, skill, efficiency, punctuality] = s.dims;
      return (await order.c('POST', `/api/orders/${order.id}/review`, { stars: s.stars, attitude, skill, efficiency, punctuality, tags: [], body: '服务认真，准时到达', anonymous: false })).statusCode;
    }
    case 'appeal': {
      const r = await reviewOf(order.id);
      return r ? (await w('POST', `/api/worker/reviews/${r.id}/appeal`, { reason: '客户所说与事实不符，有照片为证' })).statusCode : 404;
    }
    case 'decide': {
      const r = await reviewOf(order.id);
      const a = r && await t.ctx.db.selectFrom('review_appeals').select('id').where('review_id', '=', r.id).executeTakeFirst();
      return a ? (await support('POST', `/api/admin/review-appeals/${a.id}/decision`, { decision: s.decision, note: '核实后处理' })).statusCode : 404;
    }
    case 'moderate': {
      // The worker appeals and support decides at once.
      const appealed = await apply({ kind: 'appeal', slot: s.slot });
      return appealed < 300 ? apply({ kind: 'decide', slot: s.slot, decision: s.decision }) : appealed;
    }
    case 'report': {
      const r = await reviewOf(order.id);
      return r ? (await orders[(s.slot + 1) % POOL]!.c('POST', `/api/reviews/${r.id}/report`, { reason: '内容不实' })).statusCode : 404;
    }
    case 'default':
      await giveDefaultReviews(t.ctx.db, t.ctx.config.cityCode, new Date(Date.now() + 40 * DAY));
      return 200;
  }
}

/** The figures straight from the rows, in SQL. */
async function recomputed() {
  const workerId = worker.user.id;
  const counted = await sql<{ n: number; sum: number; h1: number; h2: number; h3: number; h4: number; h5: number; attitude: string | null; skill: string | null; efficiency: string | null; punctuality: string | null; defaults: number }>`
    select count(*) filter (where status = 'visible' and not is_default)::int as n,
           coalesce(sum(stars) filter (where status = 'visible' and not is_default), 0)::int as sum,
           count(*) filter (where status = 'visible' and not is_default and stars = 1)::int as h1,
           count(*) filter (where status = 'visible' and not is_default and stars = 2)::int as h2,
           count(*) filter (where status = 'visible' and not is_default and stars = 3)::int as h3,
           count(*) filter (where status = 'visible' and not is_default and stars = 4)::int as h4,
           count(*) filter (where status = 'visible' and not is_default and stars = 5)::int as h5,
           round(avg(attitude) filter (where status = 'visible' and not is_default), 2)::text as attitude,
           round(avg(skill) filter (where status = 'visible' and not is_default), 2)::text as skill,
           round(avg(efficiency) filter (where status = 'visible' and not is_default), 2)::text as efficiency,
           round(avg(punctuality) filter (where status = 'visible' and not is_default), 2)::text as punctuality,
           count(*) filter (where is_default and status = 'visible')::int as defaults
    from reviews where worker_id = ${workerId}`.execute(t.ctx.db);
  const r = counted.rows[0]!;
  const orderRates = await sql<{ done: number; on_time: number; checked: number; customers: number; repeat: number }>`
    select count(*) filter (where status in ('awaiting_confirmation', 'completed', 'closed'))::int as done,
           count(*) filter (where started_at is not null and started_at <= scheduled_start + interval '10 minutes')::int as on_time,
           count(*) filter (where started_at is not null)::int as checked,
           (select count(distinct customer_id)::int from orders where worker_id = ${workerId} and status in ('completed', 'closed')) as customers,
           (select count(*)::int from (select customer_id from orders where worker_id = ${workerId} and status in ('completed', 'closed') group by customer_id having count(*) >= 2) x) as repeat
    from orders where worker_id = ${workerId}`.execute(t.ctx.db);
  const o = orderRates.rows[0]!;
  // Half up in whole hundredths: the prior 4.60 is worth 10 reviews.
  const halfUp = (num: number, den: number) => Math.floor((2 * num + den) / (2 * den)) / 100;
  const avg = r.n ? halfUp(r.sum * 100, r.n) : 0;
  const score = halfUp(460 * 10 + r.sum * 100, 10 + r.n);
  return { r, o, avg, score, histogram: [r.h1, r.h2, r.h3, r.h4, r.h5] };
}

const bp = (a: number, b: number) => (b ? Math.round((a * 10_000) / b) : null);

async function expectFiguresMatchRows() {
  const want = await recomputed();
  const profile = await t.ctx.db.selectFrom('worker_profiles').select(['rating_avg', 'rating_count', 'rating_histogram', 'rating_score']).where('user_id', '=', worker.user.id).executeTakeFirstOrThrow();
  expect({ avg: Number(profile.rating_avg), count: profile.rating_count, histogram: profile.rating_histogram, score: Number(profile.rating_score) })
    .toEqual({ avg: want.avg, count: want.r.n, histogram: want.histogram, score: want.score });
  const rep = (await w('GET', `/api/workers/${worker.user.id}/reputation`)).json();
  expect(rep.rating).toMatchObject({ count: want.r.n, score: want.score, average: want.r.n ? want.avg : null, defaultCount: want.r.defaults });
  expect(rep.rating.histogram).toEqual([5, 4, 3, 2, 1].map((stars) => ({ stars, count: want.histogram[stars - 1] })));
  for (const key of ['attitude', 'skill', 'efficiency', 'punctuality'] as const) {
    const sqlAvg = want.r[key];
    expect(rep.dimensions.find((d: { key: string }) => d.key === key).average).toBe(sqlAvg === null ? null : Number(sqlAvg));
  }
  expect(rep.completion).toMatchObject({ completed: want.o.done, failed: 0 });
  expect(rep.onTime.rateBp).toBe(bp(want.o.on_time, want.o.checked));
  expect(rep.repeatCustomers).toMatchObject({ customers: want.o.customers, repeatCustomers: want.o.repeat, rateBp: bp(want.o.repeat, want.o.customers) });
  const recent = await sql<{ stars: number | null }>`
    select r.stars from orders o left join reviews r on r.order_id = o.id and r.status = 'visible' and not r.is_default
    where o.worker_id = ${worker.user.id} and o.status in ('completed', 'closed') order by o.completed_at desc limit 5`.execute(t.ctx.db);
  expect(rep.recentJobs.map((j: { stars: number | null }) => j.stars)).toEqual(recent.rows.map((r) => r.stars));
}

describe('reputation aggregates equal their recomputation from rows', () => {
  it('after random sequences of reviews, appeals, decisions, reports and default marks', async () => {
    const seen = new Set<string>();
    await fc.assert(fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 16 }), async (steps) => {
      await reset();
      for (const s of steps) {
        const status = await apply(s);
        expect(status, JSON.stringify(s)).toBeLessThan(500);
        await expectFiguresMatchRows();
      }
      for (const r of await t.ctx.db.selectFrom('reviews').select(['status', 'is_default']).where('order_id', 'in', ids()).execute()) seen.add(r.is_default ? 'default' : r.status);
    }), {
      numRuns: Number(process.env.REPUTATION_PROPERTY_RUNS) || 20,
      // One run that surely meets every kind of row: hidden, removed, visible and the default mark.
      examples: [[[
        { kind: 'review', slot: 0, stars: 2, dims: [2, 3, 1, 2] }, { kind: 'moderate', slot: 0, decision: 'hide' },
        { kind: 'review', slot: 1, stars: 1, dims: [1, 1, 1, 1] }, { kind: 'moderate', slot: 1, decision: 'remove' },
        { kind: 'review', slot: 2, stars: 5, dims: [5, 5, 4, 5] }, { kind: 'default' },
      ]]],
    });
    // The runs reached every kind of row the figures must leave out or count.
    expect([...seen].sort()).toEqual(['default', 'hidden', 'removed', 'visible']);
  }, 600_000);
});
