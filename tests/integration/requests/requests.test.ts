// Custom requests (issue 22): post → invite → itemised answers → choose → an order at the agreed price and time;
// bad input refused with nothing written; a worker who became busy; expiry with its reason; the ops view.
// Each test works at a random point of 浦东 far from the other files' workers, with workers of its own.
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookOrder, caller, opsHeaders, payThroughCashier, signedInWorker, type Caller } from '../../helpers/booking.js';
import { createTestApp, followLink, latestSmsCode, smsSignIn, type TestApp } from '../../helpers/test-app.js';
import { shanghaiAt } from '../../helpers/time.js';
import { multipart, png } from '../../helpers/workers.js';

let t: TestApp;
let ops: Caller;
beforeAll(async () => {
  t = await createTestApp();
  ops = caller(t, { headers: await opsHeaders(t) });
});
afterAll(async () => { await t?.close(); });

const ALL_DAY = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, startMinute: 0, endMinute: 1440 }));
const ITEM = 'furniture-assembly';

/** A spot of its own for each scene, 20 km from the last and far from the other files' workers (eastern 浦东, 310115). */
let scenes = 0;
function spot() {
  scenes += 1;
  return { lat: 30.85 + scenes * 0.18 + randomInt(0, 100) / 10_000, lng: 121.90 + randomInt(0, 100) / 10_000, districtCode: '310115' };
}

async function scene(workers = 2) {
  const at = spot();
  const customer = await smsSignIn(t.app, t.ctx, 'customer');
  const c = caller(t, customer);
  const address = await c('POST', '/api/me/addresses', { label: '家', contactName: '陈女士', contactPhone: customer.phone, districtCode: at.districtCode, detail: '航头路 18 弄 6 号 502 室', lat: at.lat, lng: at.lng });
  expect(address.statusCode).toBe(201);
  const ws = [];
  for (let i = 0; i < workers; i++) {
    const w = await signedInWorker(t, { name: `${'赵钱孙李'[i]}师傅`, skills: [ITEM], hours: ALL_DAY, homeLat: at.lat + 0.004 * (i + 1), homeLng: at.lng, serviceRadiusKm: 5, districtCode: at.districtCode });
    ws.push({ ...w, call: caller(t, w) });
  }
  return { at, customer, c, addressId: address.json().id as string, workers: ws };
}

const photo = async (c: Caller, headers: Record<string, string>, tag: string) => {
  const form = multipart(png(tag));
  const res = await t.app.inject({ method: 'POST', url: '/api/orders/photos', payload: form.payload, headers: { ...headers, ...form.headers } });
  expect(res.statusCode).toBe(200);
  return res.json().id as string;
};

const timeWindow = (days: number, from: number, to: number) => ({ start: shanghaiAt(days, from), end: shanghaiAt(days, to) });
const body = (addressId: string, extra: object = {}) => ({
  categoryCode: 'moving', itemCode: ITEM, description: '三个衣柜需要拆装，其中一个要移到次卧', addressId, windows: [timeWindow(3, 9, 13)], budgetMinFen: 30_000, budgetMaxFen: 60_000,
  specialNeeds: ['pets'], notes: '家里有猫，请随手关门', ...extra,
});
const lines = (labourFen = 12_000) => [
  { kind: 'labour', description: '拆装衣柜人工', quantity: 3, unitPriceFen: labourFen },
  { kind: 'material', description: '五金配件', quantity: 2, unitPriceFen: 1_550 },
];
const rows = async (table: 'service_requests' | 'request_answers' | 'request_invitations', col: string, id: string) =>
  t.ctx.db.selectFrom(table).selectAll().where(col as never, '=', id as never).execute();

describe('custom requests', () => {
  it('post with photos → qualified workers invited → itemised answers compared → choose → an order at the agreed price and time, paid into escrow', async () => {
    const s = await scene(2);
    const [w1, w2] = s.workers;
    const photoId = await photo(s.c, s.customer.headers, `req-${Date.now()}`);
    const draft = await s.c('POST', '/api/requests', body(s.addressId, { photoFileIds: [photoId] }));
    expect(draft.statusCode, draft.body).toBe(201);
    expect(draft.json()).toMatchObject({ status: 'draft', itemCode: ITEM, categoryName: { zh: '搬家搬运' }, answers: [], expiresAt: null });
    expect((await w1!.call('GET', `/api/worker/requests/${draft.json().id}`)).statusCode).toBe(404); // a draft goes to nobody

    const published = await s.c('POST', `/api/requests/${draft.json().id}/publish`);
    expect(published.statusCode, published.body).toBe(200);
    const id = published.json().id as string;
    expect(published.json()).toMatchObject({ status: 'open', invitedCount: 2 });
    expect(Date.parse(published.json().expiresAt)).toBeLessThanOrEqual(Date.parse(timeWindow(3, 9, 13).start));
    const invitations = await rows('request_invitations', 'request_id', id);
    expect(invitations.map((i) => i.worker_id).sort()).toEqual([w1!.user.id, w2!.user.id].sort());
    expect(invitations.every((i) => i.round === 1 && i.score !== null && i.distance_km < 5)).toBe(true);

    // The worker sees the job, district and distance — never the street, the customer's name or phone.
    const seen = await w1!.call('GET', `/api/worker/requests/${id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ districtName: '浦东新区', specialNeeds: ['pets'], budgetMaxFen: 60_000, myAnswer: null });
    expect(seen.body).not.toContain('航头路');
    expect(seen.body).not.toContain(s.customer.phone);
    expect(seen.body).not.toContain('陈女士');
    expect((await followLink(t.app, await w1!.call('GET', seen.json().photoUrls[0]))).statusCode).toBe(200);
    const notices = await t.ctx.db.selectFrom('notifications').select('type').where('recipient_id', '=', w1!.user.id).where('link_id', '=', id).execute();
    expect(notices.map((n) => n.type)).toEqual(['request_invited']);

    const a1 = await w1!.call('PUT', `/api/worker/requests/${id}/answer`, { lines: lines(12_000), start: shanghaiAt(3, 10), durationMinutes: 180, message: '自带工具，两小时内完成' });
    expect(a1.statusCode, a1.body).toBe(200);
    expect(a1.json()).toMatchObject({ totalFen: 36_000 + 3_100, lines: [{ kind: 'labour', amountFen: 36_000 }, { kind: 'material', amountFen: 3_100 }] });
    const a2 = await w2!.call('PUT', `/api/worker/requests/${id}/answer`, { lines: lines(10_000), start: shanghaiAt(3, 11), durationMinutes: 150 });
    expect(a2.statusCode, a2.body).toBe(200);
    // Editing keeps one answer per worker.
    expect((await w1!.call('PUT', `/api/worker/requests/${id}/answer`, { lines: lines(11_000), start: shanghaiAt(3, 10), durationMinutes: 180 })).json().totalFen).toBe(33_000 + 3_100);
    expect(await rows('request_answers', 'request_id', id)).toHaveLength(2);
    const told = await t.ctx.db.selectFrom('notifications').select('type').where('recipient_id', '=', s.customer.user.id).where('link_id', '=', id).execute();
    expect(told.map((n) => n.type)).toEqual(['request_answered', 'request_answered']);

    // Side by side, cheapest first, with the worker's card.
    const compare = (await s.c('GET', `/api/requests/${id}`)).json();
    expect(compare.answers.map((a: { totalFen: number }) => a.totalFen)).toEqual([30_000 + 3_100, 33_000 + 3_100]);
    expect(compare.answers[0].worker).toMatchObject({ id: w2!.user.id, name: expect.stringContaining('师傅'), ratingAvg: 4.5, distanceKm: expect.any(Number) });
    expect(compare.answers[0]).toMatchObject({ start: new Date(shanghaiAt(3, 11)).toISOString(), durationMinutes: 150 });

    // Choose the dearer one (w1): an order at its total and start, with w1 held; w2's answer closed and w2 told.
    const chosen = await s.c('POST', `/api/requests/${id}/choose`, { answerId: a1.json().id }, { 'idempotency-key': `choose-${id}` });
    expect(chosen.statusCode, chosen.body).toBe(201);
    const orderId = chosen.json().orderId as string;
    const order = (await s.c('GET', `/api/orders/${orderId}`)).json();
    expect(order).toMatchObject({ status: 'created', scheduledStart: new Date(shanghaiAt(3, 10)).toISOString(), durationMinutes: 180 });
    // The answer's lines are the order's price; the category's mandatory accident insurance comes on top, as on any order.
    const priced = order.price.lines as { code: string; amountFen: number }[];
    expect(priced.filter((l) => l.code === 'ONSITE_ITEM').map((l) => l.amountFen)).toEqual([33_000, 3_100]);
    const premium = priced.find((l) => l.code === 'INSURANCE')?.amountFen ?? 0;
    expect(order.totalFen).toBe(36_100 + premium);
    const replay = await s.c('POST', `/api/requests/${id}/choose`, { answerId: a1.json().id }, { 'idempotency-key': `choose-${id}` });
    expect(replay.json().orderId).toBe(orderId);
    const after = (await s.c('GET', `/api/requests/${id}`)).json();
    expect(after).toMatchObject({ status: 'chosen', orderId, closedReason: { code: 'chosen' } });
    expect(after.answers.map((a: { status: string }) => a.status)).toEqual(['chosen']);
    expect((await rows('request_answers', 'request_id', id)).find((a) => a.worker_id === w2!.user.id)?.status).toBe('closed');
    const w2Notices = await t.ctx.db.selectFrom('notifications').select(['type', 'vars']).where('recipient_id', '=', w2!.user.id).where('type', '=', 'request_closed').execute();
    expect(w2Notices.map((n) => (n.vars as { outcome: string }).outcome)).toEqual(['chosen_other']);
    expect((await w2!.call('PUT', `/api/worker/requests/${id}/answer`, { lines: lines(), start: shanghaiAt(3, 11), durationMinutes: 150 })).json().code).toBe('REQUEST_STATE');
    expect((await s.c('POST', `/api/requests/${id}/choose`, { answerId: a2.json().id })).json().code).toBe('REQUEST_STATE');

    const paid = await payThroughCashier(t, s.customer, orderId);
    expect(paid).toMatchObject({ status: 'paid', amountFen: order.totalFen });
    expect((await s.c('GET', `/api/orders/${orderId}`)).json().status).not.toBe('created');
    const held = await t.ctx.db.selectFrom('orders').select(['preferred_worker_id', 'price_fen']).where('id', '=', orderId).executeTakeFirstOrThrow();
    expect(held.preferred_worker_id).toBe(w1!.user.id);
  });

  it('bad input is refused clearly and writes nothing', async () => {
    const s = await scene(1);
    const [w] = s.workers;
    const count = async () => Number((await t.ctx.db.selectFrom('service_requests').select((eb) => eb.fn.countAll<number>().as('n')).where('customer_id', '=', s.customer.user.id).executeTakeFirstOrThrow()).n);
    const refuse = async (payload: object, field: string) => {
      const res = await s.c('POST', '/api/requests', payload);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    };
    await refuse({ ...body(s.addressId), categoryCode: 'no-such' }, 'categoryCode');
    await refuse({ ...body(s.addressId), itemCode: 'daily-cleaning' }, 'itemCode');
    await refuse({ ...body(s.addressId), windows: [{ start: shanghaiAt(-1, 9), end: shanghaiAt(-1, 12) }] }, 'windows.0.start');
    await refuse({ ...body(s.addressId), budgetMinFen: 90_000, budgetMaxFen: 10_000 }, 'budgetMaxFen');
    await refuse({ ...body(s.addressId), description: '短' }, 'description');
    const stranger = await smsSignIn(t.app, t.ctx, 'customer');
    await refuse({ ...body(s.addressId), photoFileIds: [await photo(caller(t, stranger), stranger.headers, `x-${Date.now()}`)] }, 'photoFileIds');
    expect(await count()).toBe(0);

    // Publishing needs an address and a window; an address no qualified worker covers names the nearest district that has one.
    const bare = (await s.c('POST', '/api/requests', { categoryCode: 'moving', itemCode: ITEM, description: '搬一个沙发到楼下' })).json();
    const unready = await s.c('POST', `/api/requests/${bare.id}/publish`);
    expect(unready.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['addressId', 'windows']);
    const far = await s.c('POST', '/api/me/addresses', { label: '远处', contactName: '陈女士', contactPhone: s.customer.phone, districtCode: '310151', detail: '崇明岛某村 1 号', lat: 31.62, lng: 121.45 });
    await s.c('PATCH', `/api/requests/${bare.id}`, { addressId: far.json().id, windows: [timeWindow(3, 9, 13)] });
    const uncovered = await s.c('POST', `/api/requests/${bare.id}/publish`);
    expect(uncovered.statusCode).toBe(400);
    expect(uncovered.json()).toMatchObject({ code: 'ADDRESS_NOT_COVERED', nearest: { districtCode: expect.any(String), districtName: expect.any(String) } });
    expect((await rows('service_requests', 'id', bare.id))[0]).toMatchObject({ status: 'draft', published_at: null });

    const open = (await s.c('POST', '/api/requests', { ...body(s.addressId), publish: true })).json();
    const answer = (payload: object) => w!.call('PUT', `/api/worker/requests/${open.id}/answer`, { lines: lines(), start: shanghaiAt(3, 10), durationMinutes: 180, ...payload });
    const negative = await answer({ lines: [{ kind: 'labour', description: '人工', quantity: 1, unitPriceFen: -500 }] });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().errors[0].field).toBe('lines.0.unitPriceFen');
    const cheap = await answer({ lines: [{ kind: 'labour', description: '人工', quantity: 1, unitPriceFen: 500 }] });
    expect(cheap.json()).toMatchObject({ code: 'QUOTE_BELOW_MINIMUM', minimumFen: expect.any(Number) });
    expect((await answer({ start: shanghaiAt(3, 15) })).json().errors[0]).toMatchObject({ field: 'start', code: 'outside_windows' });
    expect((await answer({ start: shanghaiAt(3, 10).replace(':00:00', ':10:00') })).json().errors[0]).toMatchObject({ field: 'start', code: 'grid' });
    expect((await answer({ durationMinutes: 45 })).statusCode).toBe(400);
    expect(await rows('request_answers', 'request_id', open.id)).toHaveLength(0);
    // Only invited workers see or answer a request.
    const outsider = await signedInWorker(t, { name: '外师傅', skills: [ITEM], hours: ALL_DAY });
    expect((await caller(t, outsider)('PUT', `/api/worker/requests/${open.id}/answer`, { lines: lines(), start: shanghaiAt(3, 10), durationMinutes: 180 })).statusCode).toBe(404);
    expect((await caller(t, outsider)('GET', `/api/worker/requests/${open.id}`)).statusCode).toBe(404);
    // Drafts only are edited; a cancelled request takes no answers.
    expect((await s.c('PATCH', `/api/requests/${open.id}`, { notes: '改一下' })).json().code).toBe('REQUEST_STATE');
    expect((await s.c('POST', `/api/requests/${open.id}/cancel`)).json()).toMatchObject({ status: 'cancelled', closedReason: { code: 'cancelled' } });
    expect((await answer({})).json().code).toBe('REQUEST_STATE');
  });

  it('a worker who took other work at the quoted time: 409 WORKER_BUSY, the request and the other answers stay open', async () => {
    const s = await scene(2);
    const [w1, w2] = s.workers;
    const open = (await s.c('POST', '/api/requests', { ...body(s.addressId), publish: true })).json();
    const a1 = (await w1!.call('PUT', `/api/worker/requests/${open.id}/answer`, { lines: lines(), start: shanghaiAt(3, 10), durationMinutes: 180 })).json();
    await w2!.call('PUT', `/api/worker/requests/${open.id}/answer`, { lines: lines(9_000), start: shanghaiAt(3, 11), durationMinutes: 150 });
    // Someone else books w1 at that time.
    const other = await smsSignIn(t.app, t.ctx, 'customer');
    const home = await caller(t, other)('POST', '/api/me/addresses', { label: '家', contactName: '周先生', contactPhone: other.phone, districtCode: s.at.districtCode, detail: '航头路 20 号', lat: s.at.lat, lng: s.at.lng });
    await bookOrder(t, { ...other, addressId: home.json().id }, shanghaiAt(3, 10), { workerId: w1!.user.id, itemCode: ITEM });

    const refused = await s.c('POST', `/api/requests/${open.id}/choose`, { answerId: a1.id });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('WORKER_BUSY');
    const still = (await s.c('GET', `/api/requests/${open.id}`)).json();
    expect(still).toMatchObject({ status: 'open', orderId: null });
    expect(still.answers.map((a: { status: string }) => a.status)).toEqual(['open', 'open']);
    expect(await t.ctx.db.selectFrom('orders').select('id').where('customer_id', '=', s.customer.user.id).execute()).toHaveLength(0);
  });

  it('expiry: invited, nobody answered → expired (no_answer), the customer told; ops see it with its reason, invite by hand and change settings', async () => {
    const s = await scene(1);
    const open = (await s.c('POST', '/api/requests', { ...body(s.addressId), publish: true })).json();
    // Ops invite one more qualified worker by hand (audited); an unqualified one is refused.
    const extra = await signedInWorker(t, { name: '钱师傅', skills: [ITEM], hours: ALL_DAY, homeLat: s.at.lat, homeLng: s.at.lng + 0.01, districtCode: s.at.districtCode });
    const unqualified = await signedInWorker(t, { name: '孙师傅', skills: ['daily-cleaning'], hours: ALL_DAY, homeLat: s.at.lat, homeLng: s.at.lng, districtCode: s.at.districtCode });
    expect((await ops('POST', `/api/admin/requests/${open.id}/invite`, { workerId: unqualified.user.id })).json().code).toBe('WORKER_NOT_QUALIFIED');
    const invited = await ops('POST', `/api/admin/requests/${open.id}/invite`, { workerId: extra.user.id });
    expect(invited.statusCode, invited.body).toBe(200);
    expect(invited.json().invitations.find((i: { worker: { id: string } }) => i.worker.id === extra.user.id)).toMatchObject({ invitedBy: expect.any(String), answered: false });
    expect((await ops('POST', `/api/admin/requests/${open.id}/invite`, { workerId: extra.user.id })).json().code).toBe('ALREADY_INVITED');

    await t.ctx.db.updateTable('service_requests').set({ expires_at: new Date(Date.now() - 1000) }).where('id', '=', open.id).execute();
    await t.ctx.db.updateTable('jobs').set({ run_at: new Date(Date.now() - 1000) }).where('key', '=', `request:${open.id}:expire`).execute();
    await t.ctx.jobs.runDue(new Date());
    const expired = (await s.c('GET', `/api/requests/${open.id}`)).json();
    expect(expired).toMatchObject({ status: 'expired', closedReason: { code: 'no_answer', text: '受邀师傅均未报价' } });
    const notice = await t.ctx.db.selectFrom('notifications').select(['type', 'vars']).where('recipient_id', '=', s.customer.user.id).where('link_id', '=', open.id).execute();
    expect(notice).toEqual([{ type: 'request_expired', vars: { requestNo: open.requestNo, reason: 'no_answer' } }]);

    const list = (await ops('GET', '/api/admin/requests?status=expired&pageSize=100')).json();
    expect(list.items.find((i: { id: string }) => i.id === open.id)).toMatchObject({ status: 'expired', invited: 2, answers: 0, firstAnswerMinutes: null, closedReason: { code: 'no_answer' } });
    expect(list.summary).toMatchObject({ published: expect.any(Number), expiredNoAnswer: expect.any(Number) });
    const detail = (await ops('GET', `/api/admin/requests/${open.id}`)).json();
    expect(detail.invitations).toHaveLength(2);
    expect(detail).not.toHaveProperty('address');
    expect(JSON.stringify(detail)).not.toContain('航头路');

    const settings = (await ops('GET', '/api/admin/requests/settings')).json();
    expect(settings).toMatchObject({ expiryHours: expect.any(Number), roundSize: expect.any(Number) });
    expect((await ops('PUT', '/api/admin/requests/settings', { ...settings, expiryHours: 0 })).json().errors[0].field).toBe('expiryHours');
  });

  it('PIPL: my requests are in my data export; deleting my account removes the unanswered ones and scrubs the rest', async () => {
    const s = await scene(1);
    const [w] = s.workers;
    const answered = (await s.c('POST', '/api/requests', { ...body(s.addressId), publish: true })).json();
    await w!.call('PUT', `/api/worker/requests/${answered.id}/answer`, { lines: lines(), start: shanghaiAt(3, 10), durationMinutes: 180 });
    const draft = (await s.c('POST', '/api/requests', body(s.addressId))).json();
    const exported = (await s.c('GET', '/api/me/export')).json();
    expect(exported.customRequests.requests.map((r: { requestNo: string }) => r.requestNo).sort()).toEqual([answered.requestNo, draft.requestNo].sort());
    expect(exported.customRequests.requests[0].description).toContain('衣柜');

    // The sign-in code was sent a moment ago: past the 60 s resend wait, as if signed in earlier.
    await t.ctx.db.updateTable('sms_codes').set({ created_at: new Date(Date.now() - 120_000) }).where('phone_hash', '=', t.ctx.pii.blindIndex(s.customer.phone)).execute();
    expect((await s.c('POST', '/api/me/delete/code', {})).statusCode).toBe(200);
    const code = await latestSmsCode(t.ctx, s.customer.phone);
    expect((await s.c('POST', '/api/me/delete', { code })).statusCode).toBe(204);
    expect(await rows('service_requests', 'id', draft.id)).toHaveLength(0);
    const kept = (await rows('service_requests', 'id', answered.id))[0]!;
    expect(kept).toMatchObject({ description: '', notes: '', address_enc: null, photo_file_ids: [], status: 'cancelled' });
    expect((await rows('request_answers', 'request_id', answered.id))[0]).toMatchObject({ status: 'open' });
  });
});
