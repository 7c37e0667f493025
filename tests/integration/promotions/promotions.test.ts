import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { ALL_DAY, bookOrder, caller, customerWithAddress, HOME, opsHeaders, payThroughCashier, signedInWorker } from '../../helpers/booking.js';
import { shanghaiAt } from '../../helpers/time.js';
import { accounts, balanceOf, trialBalance } from '../../../src/domains/payments/ledger.js';
import { agreeEarlyVisit, EARLY_FINISH } from '../booking/visit.js';

let t: TestApp;
let ops: { headers: Record<string, string> };
let finance: { headers: Record<string, string> };
beforeAll(async () => {
  t = await createTestApp();
  await signedInWorker(t, { name: '常驻师傅', hours: ALL_DAY });
  ops = { headers: await opsHeaders(t) };
  finance = { headers: await opsHeaders(t, 'finance') };
});
afterAll(async () => { await t?.close(); });

const DAY = 86_400_000;
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
type Customer = Awaited<ReturnType<typeof customerWithAddress>>;

async function expectBalanced() {
  const tb = await trialBalance(t.ctx.db);
  expect(tb.totalFen).toBe(0);
  expect(tb.mismatches).toEqual([]);
  expect(tb.negative).toEqual([]);
}

const daytime = (days: number) => shanghaiAt(days, 10); // no night or urgent surcharge

async function campaign(body: Record<string, unknown>) {
  const res = await caller(t, ops)('POST', '/api/admin/coupon-campaigns', {
    name: '测试券', startsAt: new Date(Date.now() - 60_000).toISOString(), endsAt: new Date(Date.now() + 30 * DAY).toISOString(), ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

async function claim(customer: Customer, campaignId: string) {
  const res = await caller(t, customer)('POST', `/api/coupons/center/${campaignId}/claim`);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; status: string };
}

async function quote(customer: Customer, body: Record<string, unknown>) {
  return caller(t, customer)('POST', '/api/catalog/quotes', { itemCode: 'daily-cleaning', quantity: 2, options: {}, scheduledStart: daytime(2), ...body });
}

async function book(customer: Customer, quoteId: string, extra: Record<string, unknown> = {}) {
  return caller(t, customer)('POST', '/api/orders', { quoteId, addressId: customer.addressId, ...extra });
}

/** A worker takes, visits and finishes an order; the customer accepts it. */
async function complete(customer: Customer, orderId: string) {
  const worker = await signedInWorker(t, { name: '券师傅', hours: ALL_DAY });
  await t.ctx.db.updateTable('orders').set({ worker_id: null }).where('id', '=', orderId).where('status', '=', 'paid').execute();
  const w = caller(t, worker);
  const admin = caller(t, ops);
  const assigned = await admin('POST', `/api/admin/orders/${orderId}/assign`, { workerId: worker.user.id, reason: '测试派单' });
  expect(assigned.statusCode, assigned.body).toBe(200);
  const c = caller(t, customer);
  const code = (await c('GET', `/api/orders/${orderId}`)).json().serviceCode;
  await agreeEarlyVisit(w, c, orderId);
  expect((await w('POST', `/api/worker/orders/${orderId}/check-in`, { lat: HOME.lat, lng: HOME.lng, serviceCode: code })).statusCode).toBe(200);
  expect((await w('POST', `/api/worker/orders/${orderId}/finish`, EARLY_FINISH)).statusCode).toBe(200);
  expect((await c('POST', `/api/orders/${orderId}/confirm`, {})).json().status).toBe('completed');
  return worker;
}

describe('coupons', () => {
  it('are claimed within limits; a quote prices one in; booking holds it, paying uses it, completion funds it from promotions', async () => {
    const customer = await customerWithAddress(t);
    const c = await campaign({ kind: 'spend_threshold', thresholdFen: 10_000, offFen: 2_000, totalQuantity: 100 });
    const center = (await caller(t, customer)('GET', '/api/coupons/center')).json();
    expect(center.items.find((i: { id: string }) => i.id === c.id)).toMatchObject({ claimed: 0, soldOut: false, rule: { zh: '满 ¥100.00 减 ¥20.00' } });
    const held = await claim(customer, c.id);
    const again = await caller(t, customer)('POST', `/api/coupons/center/${c.id}/claim`);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('COUPON_LIMIT');

    const mine = (await caller(t, customer)('GET', '/api/coupons?itemCode=daily-cleaning&subtotalFen=5000')).json();
    expect(mine.items[0]).toMatchObject({ id: held.id, status: 'available', usable: { applicable: false, reason: { zh: '未达到使用门槛' } } });
    const tooSmall = await quote(customer, { quantity: 2, couponId: held.id }); // 2 h × ¥50 = ¥100: exactly the threshold
    expect(tooSmall.statusCode, tooSmall.body).toBe(201);
    const priced = await quote(customer, { quantity: 3, couponId: held.id });
    expect(priced.statusCode).toBe(201);
    expect(priced.json()).toMatchObject({ discountFen: 2_000, coupon: { id: held.id, applied: true } });
    const subtotal = priced.json().subtotalFen;

    const order = await book(customer, priced.json().id);
    expect(order.statusCode, order.body).toBe(201);
    expect(order.json().price).toMatchObject({ couponFen: 2_000, totalFen: subtotal - 2_000 });
    const reuse = await quote(customer, { quantity: 3, couponId: held.id });
    expect(reuse.statusCode).toBe(409);
    expect(reuse.json().code).toBe('COUPON_UNAVAILABLE');

    await payThroughCashier(t, customer, order.json().id);
    const used = (await caller(t, customer)('GET', '/api/coupons')).json().items.find((i: { id: string }) => i.id === held.id);
    expect(used).toMatchObject({ status: 'used', orderId: order.json().id });
    expect(await balanceOf(t.ctx.db, accounts.escrow(order.json().id))).toBe(subtotal - 2_000);

    const worker = await complete(customer, order.json().id);
    const share = await t.ctx.db.selectFrom('order_settlements').selectAll().where('order_id', '=', order.json().id).executeTakeFirstOrThrow();
    expect(share.gross_fen).toBe(subtotal); // the worker's base is the price before the platform's coupon
    expect(share.commission_fen + share.net_fen).toBe(subtotal);
    expect(await balanceOf(t.ctx.db, accounts.workerPending(worker.user.id))).toBe(share.net_fen);
    expect(await balanceOf(t.ctx.db, accounts.escrow(order.json().id))).toBe(0);
    const campaigns = (await caller(t, ops)('GET', '/api/admin/coupon-campaigns')).json();
    expect(campaigns.items.find((i: { id: string }) => i.id === c.id)).toMatchObject({ issuedCount: 1, usedCount: 1 });
    await expectBalanced();
  });

  it('come back when the order is cancelled, and refuse expired, foreign, sold-out, stopped and non-first-order use', async () => {
    const customer = await customerWithAddress(t);
    const other = await customerWithAddress(t);
    const c = await campaign({ kind: 'percent_off', offBp: 2_000, capFen: 1_500, totalQuantity: 1 });
    const held = await claim(customer, c.id);
    const soldOut = await caller(t, other)('POST', `/api/coupons/center/${c.id}/claim`);
    expect(soldOut.json().code).toBe('COUPON_SOLD_OUT');
    const foreign = await quote(other, { couponId: held.id });
    expect(foreign.statusCode).toBe(404);

    const priced = await quote(customer, { couponId: held.id });
    expect(priced.json().discountFen).toBe(1_500); // 20 % of ¥100 is ¥20, capped at ¥15
    const order = (await book(customer, priced.json().id)).json();
    expect((await caller(t, customer)('POST', `/api/orders/${order.id}/cancel`, { reason: '计划有变' })).statusCode).toBe(200);
    const back = (await caller(t, customer)('GET', '/api/coupons')).json().items.find((i: { id: string }) => i.id === held.id);
    expect(back).toMatchObject({ status: 'available', orderId: null });

    await t.ctx.db.updateTable('customer_coupons').set({ valid_until: new Date(Date.now() - 1000) }).where('id', '=', held.id).execute();
    const expired = await quote(customer, { couponId: held.id });
    expect(expired.statusCode).toBe(422);
    expect(expired.json()).toMatchObject({ code: 'COUPON_NOT_APPLICABLE', errors: [{ field: 'couponId', code: 'EXPIRED' }] });
    expect(expired.json().detail ?? expired.json().title).toContain('已过期');

    const stopped = await campaign({ kind: 'spend_threshold', thresholdFen: 5_000, offFen: 500 });
    expect((await caller(t, ops)('POST', `/api/admin/coupon-campaigns/${stopped.id}/stop`)).json().status).toBe('stopped');
    expect((await caller(t, customer)('POST', `/api/coupons/center/${stopped.id}/claim`)).json().code).toBe('CAMPAIGN_CLOSED');

    const fresh = await campaign({ kind: 'new_customer', offFen: 1_000, claimable: false });
    const granted = (await caller(t, ops)('POST', `/api/admin/coupon-campaigns/${fresh.id}/grant`, { customerIds: [customer.user.id, other.user.id] })).json();
    expect(granted.results.every((r: { couponId?: string }) => r.couponId)).toBe(true);
    expect((await caller(t, customer)('POST', `/api/coupons/center/${fresh.id}/claim`)).statusCode).toBe(404); // not claimable: granted only
    const newcomer = await quote(customer, { couponId: granted.results[0].couponId });
    expect(newcomer.json().discountFen).toBe(1_000);
    await bookOrder(t, other, daytime(3)); // other pays an order: no longer a first order
    const veteran = await quote(other, { couponId: granted.results[1].couponId });
    expect(veteran.json()).toMatchObject({ code: 'COUPON_NOT_APPLICABLE', errors: [{ code: 'NOT_FIRST_ORDER' }] });
    await expectBalanced();
  });

  it('campaign input is checked field by field, and only operations may run campaigns', async () => {
    const bad = await caller(t, ops)('POST', '/api/admin/coupon-campaigns', { name: 'x', kind: 'spend_threshold', offFen: 2_000, thresholdFen: 1_000, startsAt: new Date().toISOString(), endsAt: new Date(Date.now() - DAY).toISOString() });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['endsAt', 'thresholdFen']);
    const byFinance = await caller(t, finance)('POST', '/api/admin/coupon-campaigns', { name: 'x', kind: 'new_customer', offFen: 100, startsAt: new Date().toISOString(), endsAt: new Date(Date.now() + DAY).toISOString() });
    expect(byFinance.statusCode).toBe(403);
  });
});

describe('accident insurance', () => {
  it('an optional premium is billed when chosen, recorded with its cover, and goes to insurance_premiums at completion', async () => {
    const offer = (await t.app.inject({ method: 'GET', url: '/api/insurance?itemCode=daily-cleaning' })).json();
    expect(offer).toEqual({ mode: 'optional', premiumFen: 300, coverFen: 5_000_000 });
    const customer = await customerWithAddress(t);
    const q = (await quote(customer, {})).json();
    const order = (await book(customer, q.id, { insurance: true })).json();
    expect(order.price).toMatchObject({ totalFen: q.totalFen + 300, insurance: { premiumFen: 300, coverFen: 5_000_000 } });
    expect(order.price.lines.at(-1)).toMatchObject({ code: 'INSURANCE', amountFen: 300 });
    await payThroughCashier(t, customer, order.id);
    const before = await balanceOf(t.ctx.db, accounts.insurance);
    await complete(customer, order.id);
    expect(await balanceOf(t.ctx.db, accounts.insurance)).toBe(before + 300);
    const share = await t.ctx.db.selectFrom('order_settlements').selectAll().where('order_id', '=', order.id).executeTakeFirstOrThrow();
    expect(share).toMatchObject({ gross_fen: q.totalFen, insurance_fen: 300 });
    const bill = (await caller(t, customer)('GET', `/api/orders/${order.id}/bill`)).json();
    expect(bill).toMatchObject({ insuranceFen: 300, insuranceCoverFen: 5_000_000, paidFen: q.totalFen + 300 });
    await expectBalanced();
  });

  it('a mandatory plan is added whatever the customer chose; finance settings refuse a cover above ¥100 000', async () => {
    const settings = (await caller(t, finance)('GET', '/api/admin/finance/settings')).json();
    const tooBig = await caller(t, finance)('PUT', '/api/admin/finance/settings', { ...settings, insurance: { ...settings.insurance, byCategory: { cleaning: { mode: 'mandatory', premiumFen: 200, coverFen: 10_000_001 } } } });
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.json().errors[0].field).toBe('insurance');
    const saved = await caller(t, finance)('PUT', '/api/admin/finance/settings', { ...settings, insurance: { ...settings.insurance, byCategory: { ...settings.insurance.byCategory, cleaning: { mode: 'mandatory', premiumFen: 200, coverFen: 10_000_000 } } } });
    expect(saved.statusCode, saved.body).toBe(200);
    try {
      const customer = await customerWithAddress(t);
      const q = (await quote(customer, {})).json();
      const order = (await book(customer, q.id, { insurance: false })).json();
      expect(order.price).toMatchObject({ totalFen: q.totalFen + 200, insurance: { premiumFen: 200, coverFen: 10_000_000, plan: 'cleaning:mandatory' } });
    } finally {
      expect((await caller(t, finance)('PUT', '/api/admin/finance/settings', settings)).statusCode).toBe(200);
    }
  });
});

describe('service cards (次卡)', () => {
  async function product() {
    const code = `clean4-${Math.random().toString(36).slice(2, 8)}`;
    const res = await caller(t, ops)('POST', '/api/admin/service-card-products', { code, name: '日常保洁 2 小时 4 次卡', itemCode: 'daily-cleaning', quantity: 2, visits: 4, priceFen: 34_999, listPriceFen: 40_000, validDays: 180 });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; perVisitFen: number };
  }

  async function boughtCard(customer: Customer) {
    const p = await product();
    const c = caller(t, customer);
    const opened = await c('POST', '/api/service-cards', { productId: p.id, method: 'wechat' }, { 'idempotency-key': `card-${customer.user.id}` });
    expect(opened.statusCode, opened.body).toBe(201);
    const repeat = await c('POST', '/api/service-cards', { productId: p.id, method: 'wechat' }, { 'idempotency-key': `card-${customer.user.id}` });
    expect(repeat.json().cardId).toBe(opened.json().cardId); // a double tap buys one card
    expect((await c('GET', `/api/service-cards/${opened.json().cardId}`)).json().status).toBe('unpaid');
    const paid = await t.app.inject({ method: 'POST', url: `${opened.json().cashierUrl}/pay`, headers: FORM, payload: '' });
    expect(paid.headers.location).toBe(`/cards/${opened.json().cardId}?payment=${opened.json().paymentId}`);
    return opened.json().cardId as string;
  }

  it('bought once, redeemed per visit at its share, a cancelled visit comes back, completion pays the worker from the share', async () => {
    const customer = await customerWithAddress(t);
    const cardId = await boughtCard(customer);
    const c = caller(t, customer);
    expect((await c('GET', `/api/service-cards/${cardId}`)).json()).toMatchObject({ status: 'active', visitsLeft: 4, balanceFen: 34_999, nextVisitFen: 8_749 });

    const q1 = (await quote(customer, {})).json();
    const first = await book(customer, q1.id, { serviceCardId: cardId });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ status: 'paid', price: { totalFen: 8_749, paidFen: 8_749, payMethod: 'service_card' } });
    expect(first.json().price.lines.reduce((s: number, l: { amountFen: number }) => s + l.amountFen, 0)).toBe(8_749);
    expect((await c('GET', `/api/service-cards/${cardId}`)).json()).toMatchObject({ visitsLeft: 3, balanceFen: 26_250 });
    const cancelled = await c('POST', `/api/orders/${first.json().id}/cancel`, { reason: '计划有变' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect((await c('GET', `/api/service-cards/${cardId}`)).json()).toMatchObject({ visitsLeft: 4, balanceFen: 34_999 });
    expect(await t.ctx.db.selectFrom('refunds').select('id').where('order_id', '=', first.json().id).execute()).toEqual([]); // back on the card, not to the provider

    const q2 = (await quote(customer, {})).json();
    const second = (await book(customer, q2.id, { serviceCardId: cardId })).json();
    const worker = await complete(customer, second.id);
    const share = await t.ctx.db.selectFrom('order_settlements').selectAll().where('order_id', '=', second.id).executeTakeFirstOrThrow();
    expect(share.gross_fen).toBe(8_749);
    expect(await balanceOf(t.ctx.db, accounts.workerPending(worker.user.id))).toBe(share.net_fen);
    const bill = (await c('GET', `/api/orders/${second.id}/bill`)).json();
    expect(bill.serviceCard).toMatchObject({ cardId, amountFen: 8_749, status: 'redeemed' });
    await expectBalanced();
  });

  it('refunds what is left pro rata through the provider, and refuses foreign cards, other items, surcharges and spent cards', async () => {
    const customer = await customerWithAddress(t);
    const other = await customerWithAddress(t);
    const cardId = await boughtCard(customer);
    const foreign = await book(other, (await quote(other, {})).json().id, { serviceCardId: cardId });
    expect(foreign.statusCode).toBe(404);
    const longer = await book(customer, (await quote(customer, { quantity: 3 })).json().id, { serviceCardId: cardId });
    expect(longer.json()).toMatchObject({ code: 'SERVICE_CARD_NOT_USABLE' });
    const night = await book(customer, (await quote(customer, { scheduledStart: shanghaiAt(2, 21) })).json().id, { serviceCardId: cardId });
    expect(night.json().code).toBe('SERVICE_CARD_NOT_USABLE');
    expect(night.json().detail ?? night.json().title).toContain('时段加价');

    const used = (await book(customer, (await quote(customer, {})).json().id, { serviceCardId: cardId })).json();
    expect(used.status).toBe('paid');
    const refunded = await caller(t, customer)('POST', `/api/service-cards/${cardId}/refund`, undefined, { 'idempotency-key': `refund-${cardId}` });
    expect(refunded.statusCode, refunded.body).toBe(200);
    expect(refunded.json()).toMatchObject({ status: 'refunded', refundedFen: 34_999 - 8_749, balanceFen: 0 });
    await t.ctx.jobs.runDue(new Date(Date.now() + 60_000));
    const rows = await t.ctx.db.selectFrom('refunds').selectAll().where('service_card_id', '=', cardId).execute();
    expect(rows.map((r) => [r.amount_fen, r.status])).toEqual([[26_250, 'succeeded']]);
    const again = await book(customer, (await quote(customer, {})).json().id, { serviceCardId: cardId });
    expect(again.json().code).toBe('SERVICE_CARD_NOT_USABLE');

    // The visit booked before the refund is cancelled: its money follows the card's refund to the customer.
    expect((await caller(t, customer)('POST', `/api/orders/${used.id}/cancel`, { reason: '不需要了' })).statusCode).toBe(200);
    await t.ctx.jobs.runDue(new Date(Date.now() + 60_000));
    const all = await t.ctx.db.selectFrom('refunds').select(['amount_fen', 'status']).where('service_card_id', '=', cardId).orderBy('created_at').execute();
    expect(all.reduce((s, r) => s + r.amount_fen, 0)).toBe(34_999);
    expect(await balanceOf(t.ctx.db, accounts.cardPrepaid(cardId))).toBe(0);
    const charge = await t.ctx.db.selectFrom('paysim.charges as s').innerJoin('payments as p', 'p.out_trade_no', 's.out_trade_no').select('s.refunded_fen').where('p.service_card_id', '=', cardId).where('p.status', '=', 'paid').executeTakeFirstOrThrow();
    expect(charge.refunded_fen).toBe(34_999);
    await expectBalanced();
  });

  it('product input is checked', async () => {
    const dear = await caller(t, ops)('POST', '/api/admin/service-card-products', { code: 'dear-card', name: '贵卡', itemCode: 'daily-cleaning', visits: 4, priceFen: 50_000, listPriceFen: 40_000, validDays: 30 });
    expect(dear.json().errors[0].field).toBe('priceFen');
    const unknown = await caller(t, ops)('POST', '/api/admin/service-card-products', { code: 'no-item', name: '卡', itemCode: 'no-such-item', visits: 4, priceFen: 1_000, listPriceFen: 4_000, validDays: 30 });
    expect(unknown.json().code).toBe('ITEM_NOT_FOUND');
  });
});

describe('invoices and receipts', () => {
  it('a completed order gets one invoice request, which finance issues; the receipt lists what was paid', async () => {
    const customer = await customerWithAddress(t);
    const order = await bookOrder(t, customer, daytime(2));
    const c = caller(t, customer);
    const early = await c('POST', `/api/orders/${order.id}/invoices`, { titleKind: 'personal', title: '张三', email: 'zhang@example.com' });
    expect(early.json().code).toBe('INVOICE_NOT_ALLOWED');
    await complete(customer, order.id);
    const noTax = await c('POST', `/api/orders/${order.id}/invoices`, { titleKind: 'company', title: '某某科技有限公司', email: 'fin@example.com' });
    expect(noTax.statusCode).toBe(400);
    expect(noTax.json().errors[0].field).toBe('taxNo');
    const asked = await c('POST', `/api/orders/${order.id}/invoices`, { titleKind: 'company', title: '某某科技有限公司', taxNo: '91310000MA1K000000', email: 'fin@example.com' });
    expect(asked.statusCode, asked.body).toBe(201);
    expect(asked.json()).toMatchObject({ status: 'requested', amountFen: order.price.totalFen });
    expect((await c('POST', `/api/orders/${order.id}/invoices`, { titleKind: 'personal', title: '张三', email: 'zhang@example.com' })).json().code).toBe('INVOICE_NOT_ALLOWED');
    const f = caller(t, finance);
    expect((await f('GET', '/api/admin/finance/invoices?status=requested')).json().items.some((i: { id: string }) => i.id === asked.json().id)).toBe(true);
    const issued = await f('POST', `/api/admin/finance/invoices/${asked.json().id}/decide`, { issue: true, invoiceNo: '24312000000012345678' });
    expect(issued.json()).toMatchObject({ status: 'issued', invoiceNo: '24312000000012345678' });
    expect((await f('POST', `/api/admin/finance/invoices/${asked.json().id}/decide`, { issue: false, note: 'x' })).json().code).toBe('INVOICE_STATE');
    expect((await c('GET', `/api/orders/${order.id}/invoices`)).json().items[0].status).toBe('issued');

    const receipt = await c('GET', `/api/orders/${order.id}/receipt`);
    expect(receipt.headers['content-type']).toContain('text/html');
    expect(receipt.body).toContain(order.orderNo);
    expect(receipt.body).toContain(`¥${(order.price.totalFen / 100).toFixed(2)}`);
    const other = await customerWithAddress(t);
    expect((await caller(t, other)('GET', `/api/orders/${order.id}/receipt`)).statusCode).toBe(404);
  });

  it('the finance summary reports revenue by day and by month', async () => {
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const summary = (await caller(t, finance)('GET', `/api/admin/finance/summary?from=${today}&to=${today}`)).json();
    expect(summary.byMonth).toHaveLength(1);
    expect(summary.byMonth[0].month).toBe(today.slice(0, 7));
    expect(summary.totals.revenueFen).toBe(summary.totals.commissionFen + summary.totals.feesFen - summary.totals.promotionsFen - summary.totals.lossesFen);
    expect(summary.totals.commissionFen).toBeGreaterThan(0);
    expect(summary.byMonth[0].commissionFen).toBe(summary.totals.commissionFen);
  });
});
