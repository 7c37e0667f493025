import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerWorkerHistory, giveDefaultReviews } from '../../../src/domains/reviews/index.js';
import { ALL_DAY, bookOrder, caller, customerWithAddress, HOME, opsHeaders, signedInWorker } from '../../helpers/booking.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { shanghaiAt } from '../../helpers/time.js';
import { multipart, png } from '../../helpers/workers.js';
import { agreeEarlyVisit, EARLY_FINISH } from '../booking/visit.js';

let t: TestApp;
let support: ReturnType<typeof caller>;
beforeAll(async () => {
  t = await createTestApp();
  support = caller(t, { headers: await opsHeaders(t, 'support') });
});
afterAll(async () => { await t?.close(); });

const DAY = 86_400_000;

/** A completed (验收) order of a fresh customer with a fresh worker. */
async function completedOrder(worker?: Awaited<ReturnType<typeof signedInWorker>>, existing?: Awaited<ReturnType<typeof customerWithAddress>>, day = 2) {
  const customer = existing ?? await customerWithAddress(t);
  const w = worker ?? await signedInWorker(t, { name: '评价师傅', hours: ALL_DAY });
  const order = await bookOrder(t, customer, shanghaiAt(day, 10), { workerId: w.user.id });
  const c = caller(t, customer);
  const wc = caller(t, w);
  expect((await wc('POST', `/api/worker/orders/${order.id}/accept`, {})).statusCode).toBe(200);
  const code = (await c('GET', `/api/orders/${order.id}`)).json().serviceCode;
  await agreeEarlyVisit(wc, c, order.id);
  expect((await wc('POST', `/api/worker/orders/${order.id}/check-in`, { lat: HOME.lat, lng: HOME.lng, serviceCode: code })).statusCode).toBe(200);
  expect((await wc('POST', `/api/worker/orders/${order.id}/finish`, EARLY_FINISH)).statusCode).toBe(200);
  expect((await c('POST', `/api/orders/${order.id}/confirm`, {})).json().status).toBe('completed');
  return { order, customer, worker: w, c, w: wc };
}

async function uploadPhoto(call: ReturnType<typeof caller>, tag: string) {
  const form = multipart(png(tag));
  const res = await call('POST', '/api/reviews/photos', form.payload, form.headers);
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

const profile = (workerId: string) => t.ctx.db.selectFrom('worker_profiles').select(['rating_avg', 'rating_count', 'rating_histogram']).where('user_id', '=', workerId).executeTakeFirstOrThrow();

describe('reviews (评价)', () => {
  it('a customer reviews once with dimensions, tags, photos and masked contacts; the worker replies once; the rating comes from rows', async () => {
    const { order, worker, c, w } = await completedOrder();
    const before = await c('GET', `/api/reviews/to-review`);
    expect(before.json().count).toBe(1);
    expect(before.json().items[0].orderId).toBe(order.id);
    expect((await c('GET', `/api/orders/${order.id}/review`)).json()).toMatchObject({ review: null, canReview: true });

    const photo = await uploadPhoto(c, 'review-1');
    const res = await c('POST', `/api/orders/${order.id}/review`, {
      stars: 4, attitude: 5, skill: 4, efficiency: 4, punctuality: 3, tags: ['friendly'], body: '师傅很细致，有事打我电话 13812345678', photoFileIds: [photo], anonymous: true,
    });
    expect(res.statusCode).toBe(201);
    const review = res.json();
    expect(review.body).not.toContain('13812345678');
    expect(review.maskedHits).toBeGreaterThan(0);
    expect(review.photoUrls).toHaveLength(1);
    expect(review.author).toBe('匿名用户');
    expect((await c('POST', `/api/orders/${order.id}/review`, { stars: 5 })).json().code).toBe('ALREADY_REVIEWED');
    expect((await c('GET', '/api/reviews/to-review')).json().count).toBe(0);

    expect(await profile(worker.user.id)).toMatchObject({ rating_count: 1, rating_histogram: [0, 0, 0, 1, 0] });
    expect(Number((await profile(worker.user.id)).rating_avg)).toBe(4);

    const reply = await w('POST', `/api/worker/reviews/${review.id}/reply`, { body: '谢谢您的认可！' });
    expect(reply.statusCode).toBe(200);
    expect(reply.json().reply.body).toBe('谢谢您的认可！');
    expect((await w('POST', `/api/worker/reviews/${review.id}/reply`, { body: '再回复一次' })).json().code).toBe('ALREADY_REPLIED');

    const list = (await c('GET', `/api/workers/${worker.user.id}/reviews?filter=photos`)).json();
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ id: review.id, stars: 4, reply: { body: '谢谢您的认可！' } });
    const notices = await t.ctx.db.selectFrom('notifications').select('type').where('recipient_id', '=', worker.user.id).where('type', '=', 'review_received').execute();
    expect(notices).toHaveLength(1);
  });

  it("the catalogue's rating and popularity of the item follow its rows: completing counts the order, a review and a hide recompute the rating", async () => {
    const item = () => t.ctx.db.selectFrom('service_items').select(['rating_avg', 'rating_count', 'popularity']).where('code', '=', 'daily-cleaning').executeTakeFirstOrThrow();
    const fromRows = async () => {
      const r = await t.ctx.db.selectFrom('reviews').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.avg<number>('stars').as('avg')])
        .where('item_code', '=', 'daily-cleaning').where('status', '=', 'visible').where('is_default', '=', false).executeTakeFirstOrThrow();
      return { count: Number(r.n), avg: r.avg === null ? 0 : Math.round(Number(r.avg) * 100) / 100 };
    };
    const before = await item();
    const { order, c, w } = await completedOrder();
    expect((await item()).popularity).toBe(before.popularity + 1);
    expect((await c('POST', `/api/orders/${order.id}/review`, { stars: 1, attitude: 1, skill: 1, efficiency: 1, punctuality: 1, tags: [], body: '没有打扫干净', anonymous: false })).statusCode).toBe(201);
    const rated = await item();
    expect({ count: rated.rating_count, avg: Number(rated.rating_avg) }).toEqual(await fromRows());
    const reviewId = (await t.ctx.db.selectFrom('reviews').select('id').where('order_id', '=', order.id).executeTakeFirstOrThrow()).id;
    const appeal = await w('POST', `/api/worker/reviews/${reviewId}/appeal`, { reason: '客户当天不在家，无法验收' });
    expect((await support('POST', `/api/admin/review-appeals/${appeal.json().id}/decision`, { decision: 'hide', note: '核实为误评' })).statusCode).toBe(200);
    const hidden = await item();
    expect(hidden.rating_count).toBe(rated.rating_count - 1);
    expect({ count: hidden.rating_count, avg: Number(hidden.rating_avg) }).toEqual(await fromRows());
  });

  it('追评 once within its window; refuses reviews of orders not mine, not completed, a 10th photo and 501 characters', async () => {
    const { order, c } = await completedOrder();
    const stranger = caller(t, await customerWithAddress(t));
    expect((await stranger('POST', `/api/orders/${order.id}/review`, { stars: 5 })).statusCode).toBe(404);
    const tooMany = Array.from({ length: 10 }, (_, i) => `00000000-0000-4000-8000-00000000000${i}`.slice(0, 36));
    expect((await c('POST', `/api/orders/${order.id}/review`, { stars: 5, photoFileIds: tooMany })).statusCode).toBe(400);
    expect((await c('POST', `/api/orders/${order.id}/review`, { stars: 5, body: '好'.repeat(501) })).statusCode).toBe(400);
    expect((await c('POST', `/api/orders/${order.id}/review`, { stars: 6 })).statusCode).toBe(400);
    const wrongTag = await c('POST', `/api/orders/${order.id}/review`, { stars: 5, tags: ['rude'] });
    expect(wrongTag.statusCode).toBe(400);
    expect(wrongTag.json().errors[0]).toMatchObject({ field: 'tags', code: 'INVALID_TAG' });

    const open = await customerWithAddress(t);
    const openWorker = await signedInWorker(t, { name: '未完成师傅', hours: ALL_DAY });
    const unfinished = await bookOrder(t, open, shanghaiAt(3, 10), { workerId: openWorker.user.id });
    expect((await caller(t, open)('POST', `/api/orders/${unfinished.id}/review`, { stars: 5 })).json().code).toBe('REVIEW_NOT_ALLOWED');
    expect(await t.ctx.db.selectFrom('reviews').select('id').where('order_id', 'in', [order.id, unfinished.id]).execute()).toEqual([]);

    expect((await c('POST', `/api/orders/${order.id}/review`, { stars: 2, body: '迟到了' })).statusCode).toBe(201);
    const fu = await c('POST', `/api/orders/${order.id}/review/follow-up`, { body: '后来师傅回来补做了，满意' });
    expect(fu.statusCode).toBe(200);
    expect(fu.json().followUp.body).toBe('后来师傅回来补做了，满意');
    expect((await c('POST', `/api/orders/${order.id}/review/follow-up`, { body: '再追一次' })).json().code).toBe('FOLLOW_UP_NOT_ALLOWED');
  });

  it('an appeal is decided by support (hide): both sides are told, it is audited, the rating drops it; a second appeal or decision is refused', async () => {
    const { order, customer, worker, c, w } = await completedOrder();
    const review = (await c('POST', `/api/orders/${order.id}/review`, { stars: 1, body: '很差' })).json();
    expect(Number((await profile(worker.user.id)).rating_count)).toBe(1);
    const evidence = await uploadPhoto(w, 'evidence');
    const appeal = await w('POST', `/api/worker/reviews/${review.id}/appeal`, { reason: '客户评价与事实不符，有照片为证', evidenceFileIds: [evidence] });
    expect(appeal.statusCode).toBe(201);
    expect((await w('POST', `/api/worker/reviews/${review.id}/appeal`, { reason: '再申诉一次试试' })).json().code).toBe('APPEAL_CLOSED');

    const queue = (await support('GET', '/api/admin/review-appeals')).json().items;
    expect(queue.map((a: { id: string }) => a.id)).toContain(appeal.json().id);
    const decided = await support('POST', `/api/admin/review-appeals/${appeal.json().id}/decision`, { decision: 'hide', note: '评价与服务记录不符' });
    expect(decided.statusCode).toBe(200);
    expect(decided.json().status).toBe('hidden');
    expect((await support('POST', `/api/admin/review-appeals/${appeal.json().id}/decision`, { decision: 'keep', note: '改主意了' })).json().code).toBe('APPEAL_CLOSED');

    expect(await profile(worker.user.id)).toMatchObject({ rating_count: 0, rating_histogram: [0, 0, 0, 0, 0] });
    expect((await c('GET', `/api/workers/${worker.user.id}/reviews`)).json().total).toBe(0);
    const mine = (await w('GET', '/api/worker/reviews')).json();
    expect(mine.items[0]).toMatchObject({ id: review.id, status: 'hidden', appeal: { status: 'hidden', reason: '客户评价与事实不符，有照片为证', decisionNote: '评价与服务记录不符' } });
    const told = await t.ctx.db.selectFrom('notifications').select(['recipient_id', 'type']).where('link_id', 'in', [review.id, order.id]).where('type', 'in', ['review_outcome', 'review_moderated']).execute();
    expect(told.map((n) => n.recipient_id).sort()).toEqual([customer.user.id, worker.user.id].sort());
    const audit = await t.ctx.db.selectFrom('audit_log').select('action').where('target_id', '=', review.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['review.appeal_decided']);
    expect((await caller(t, customer)('POST', `/api/worker/reviews/${review.id}/appeal`, { reason: '客户不是师傅' })).statusCode).toBe(403);
  });

  it('after the window an unreviewed order gets the default positive mark, once, kept out of the average; reviewing is then closed', async () => {
    const { order, worker, c } = await completedOrder();
    const completedAt = (await t.ctx.db.selectFrom('orders').select('completed_at').where('id', '=', order.id).executeTakeFirstOrThrow()).completed_at!;
    const later = new Date(completedAt.getTime() + 16 * DAY);
    expect(await giveDefaultReviews(t.ctx.db, t.ctx.config.cityCode, later)).toBeGreaterThanOrEqual(1);
    expect(await giveDefaultReviews(t.ctx.db, t.ctx.config.cityCode, later)).toBe(0);
    const row = await t.ctx.db.selectFrom('reviews').selectAll().where('order_id', '=', order.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ is_default: true, stars: 5 });
    expect(await profile(worker.user.id)).toMatchObject({ rating_count: 0 });
    expect((await c('POST', `/api/orders/${order.id}/review`, { stars: 5 })).json().code).toBe('ALREADY_REVIEWED');
    expect((await c('GET', `/api/workers/${worker.user.id}/reviews`)).json().items[0]).toMatchObject({ isDefault: true });
  });

  it('the worker rates the customer once; workers see only an aggregate of at least 3 ratings', async () => {
    const first = await completedOrder();
    const rating = { punctuality: 5, communication: 4, environment: 5, accuracy: 4, body: '沟通顺畅' };
    expect((await first.w('GET', `/api/worker/orders/${first.order.id}/customer-rating`)).json()).toEqual({ rating: null, canRate: true });
    expect((await first.w('POST', `/api/worker/orders/${first.order.id}/customer-rating`, rating)).statusCode).toBe(201);
    expect((await first.w('POST', `/api/worker/orders/${first.order.id}/customer-rating`, rating)).json().code).toBe('ALREADY_RATED');
    expect((await first.c('POST', `/api/worker/orders/${first.order.id}/customer-rating`, rating)).statusCode).toBe(403);
    expect((await first.w('GET', `/api/worker/orders/${first.order.id}/customer-rating`)).json()).toMatchObject({ rating: { punctuality: 5, accuracy: 4, body: '沟通顺畅' }, canRate: false });
    const other = await signedInWorker(t, { name: '别的师傅', hours: ALL_DAY });
    expect((await caller(t, other)('GET', `/api/worker/orders/${first.order.id}/customer-rating`)).statusCode).toBe(404);
    const { customerAggregates } = await import('../../../src/domains/reviews/index.js');
    expect((await customerAggregates(t.ctx.db, [first.customer.user.id])).get(first.customer.user.id)).toBeNull();
    const rows = await t.ctx.db.selectFrom('customer_ratings').selectAll().where('customer_id', '=', first.customer.user.id).execute();
    expect(rows).toHaveLength(1);

    for (const day of [3, 4]) {
      const next = await completedOrder(undefined, first.customer, day);
      expect((await next.w('POST', `/api/worker/orders/${next.order.id}/customer-rating`, { ...rating, punctuality: 4 })).statusCode).toBe(201);
    }
    const offeredWorker = await signedInWorker(t, { name: '大厅师傅', hours: ALL_DAY });
    const offered = await bookOrder(t, first.customer, shanghaiAt(5, 10), { workerId: offeredWorker.user.id });
    const hall = (await caller(t, offeredWorker)('GET', '/api/worker/hall')).json().items;
    const card = hall.find((i: { id: string }) => i.id === offered.id);
    expect(card.customerRating).toEqual({ count: 3, punctuality: 4.3, communication: 4, environment: 5, accuracy: 4 });
  });

  it('常客优先 reads real reviews: a worker the customer rated well is a regular, one never reviewed is not (no invented ratings)', async () => {
    const first = await completedOrder();
    expect((await customerWorkerHistory(t.ctx.db, first.customer.user.id))).toEqual([{ workerId: first.worker.user.id, orders: 1, avgRating: 0 }]);
    expect((await first.c('POST', `/api/orders/${first.order.id}/review`, { stars: 5, body: '很满意' })).statusCode).toBe(201);
    expect((await customerWorkerHistory(t.ctx.db, first.customer.user.id))).toEqual([{ workerId: first.worker.user.id, orders: 1, avgRating: 5 }]);
  });
});
