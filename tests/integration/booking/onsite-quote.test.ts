/**
 * 上门报价 through HTTP on a real database: an order of 家电维修 (an on_site_quote item) booked at its deposit, the worker
 * checked in; the worker's itemised proposal is priced by the engine; the customer accepts (balance paid through the
 * cashier, or the difference refunded) or declines (the deposit kept as the visit fee, the order ends). Bad input is
 * refused field by field with nothing written; two answers at once have one effect; the ledger stays balanced.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { TestApp } from '../../helpers/test-app.js';
import { ALL_DAY, type Caller, caller, customerWithAddress, HOME, payThroughCashier, signedInWorker, useAppWithOps } from '../../helpers/booking.js';
import { shanghaiAt } from '../../helpers/time.js';
import { accounts, balanceOf, trialBalance } from '../../../src/domains/payments/ledger.js';
import { cityPricing, engineItem, priceOnSiteProposal, type Quote } from '../../../src/domains/catalog/index.js';
import { findItemByCode } from '../../../src/domains/catalog/queries.js';
import { agreeEarlyVisit, EARLY_FINISH } from './visit.js';

let t: TestApp;
let ops: Caller;
useAppWithOps((app, admin) => { t = app; ops = admin; });

const ITEM = 'appliance-repair'; // deposit ¥60, reference range ¥50–¥100, electricians only

async function expectBalanced() {
  const tb = await trialBalance(t.ctx.db);
  expect(tb.totalFen).toBe(0);
  expect(tb.mismatches).toEqual([]);
  expect(tb.negative).toEqual([]);
}

/** A worker who repairs appliances and holds a verified electrician's licence. */
async function electrician(name: string) {
  const w = await signedInWorker(t, { name, hours: ALL_DAY, skills: [ITEM, 'daily-cleaning'] });
  await t.ctx.db.insertInto('worker_certificates').values({ worker_id: w.user.id, kind: 'electrician', number: `DG-${name}`, expires_at: '2099-12-31', status: 'verified', file_id: randomUUID() }).execute();
  return w;
}

/** A fresh customer's order of `itemCode` with a chosen electrician, paid, accepted; in service unless `visit` is false. */
async function onSiteOrder(name: string, opts: { itemCode?: string; visit?: boolean } = {}) {
  const customer = await customerWithAddress(t);
  const worker = await electrician(name);
  const c = caller(t, customer);
  const w = caller(t, worker);
  const itemCode = opts.itemCode ?? ITEM;
  const quote = await c('POST', '/api/catalog/quotes', { itemCode, ...(itemCode === ITEM ? {} : { quantity: 2 }), options: {}, scheduledStart: shanghaiAt(2, 10) });
  expect(quote.statusCode, quote.body).toBe(201);
  const booked = await c('POST', '/api/orders', { quoteId: quote.json().id, addressId: customer.addressId, workerId: worker.user.id });
  expect(booked.statusCode, booked.body).toBe(201);
  const id = booked.json().id as string;
  await payThroughCashier(t, customer, id, 'alipay');
  expect((await w('POST', `/api/worker/orders/${id}/accept`, {})).statusCode).toBe(200);
  if (opts.visit !== false) {
    const code = (await c('GET', `/api/orders/${id}`)).json().serviceCode;
    await agreeEarlyVisit(w, c, id);
    const checkedIn = await w('POST', `/api/worker/orders/${id}/check-in`, { lat: HOME.lat, lng: HOME.lng, serviceCode: code });
    expect(checkedIn.statusCode, checkedIn.body).toBe(200);
  }
  const order = (await c('GET', `/api/orders/${id}`)).json();
  return { id, order, customer, worker, c, w };
}

const line = (kind: string, description: string, quantity: number, unitPriceFen: number) => ({ kind, description, quantity, unitPriceFen });
const counts = async (orderId: string) => ({
  proposals: (await t.ctx.db.selectFrom('onsite_proposals').select('id').where('order_id', '=', orderId).execute()).length,
  events: (await t.ctx.db.selectFrom('order_events').select('id').where('order_id', '=', orderId).execute()).length,
  price: (await t.ctx.db.selectFrom('orders').select('price_fen').where('id', '=', orderId).executeTakeFirstOrThrow()).price_fen,
});
const decide = (c: Caller, orderId: string, proposalId: string, accept: boolean, headers: Record<string, string> = {}) =>
  c('POST', `/api/orders/${orderId}/onsite-quote/${proposalId}/decision`, { accept }, headers);

describe('上门报价: the worker proposes on site', () => {
  it('an on-site order is booked at its deposit and shows the on-site section; the proposal is priced by the engine', async () => {
    const { id, order, c, w } = await onSiteOrder('报价师傅');
    expect(order.onSiteQuote).toMatchObject({ depositFen: 6000, referenceRange: { minFen: 5000, maxFen: 10000 }, proposals: [] });
    expect((await w('GET', `/api/worker/orders/${id}`)).json().actions).toContain('propose_onsite_quote');

    const proposal = { lines: [line('labour', '更换压缩机启动电容', 1, 4000), line('parts', '启动电容 35μF', 2, 2250)] };
    const res = await w('POST', `/api/worker/orders/${id}/onsite-quote`, proposal);
    expect(res.statusCode, res.body).toBe(201);
    const made = res.json();

    // The same proposal priced by the engine itself, against the order's deposit quote, with the city's rules.
    const row = await t.ctx.db.selectFrom('orders').select(['quote_snapshot', 'city_code']).where('id', '=', id).executeTakeFirstOrThrow();
    const deposit = (row.quote_snapshot as { quote: Quote }).quote;
    const { city, timeRules } = await cityPricing(t.ctx.db, row.city_code);
    const engine = priceOnSiteProposal(engineItem((await findItemByCode(t.ctx.db, ITEM))!), deposit, proposal, { now: new Date(), city, timeRules });
    if (!engine.ok) throw new Error(JSON.stringify(engine.errors));
    expect(made.lines.map((l: { amountFen: number }) => l.amountFen)).toEqual(engine.quote.lines.map((l) => l.amountFen));
    expect(made).toMatchObject({
      status: 'proposed', totalFen: engine.quote.totalFen, depositFen: 6000,
      balanceDueFen: engine.quote.settlement!.balanceDueFen, refundDueFen: engine.quote.settlement!.refundDueFen,
      items: proposal.lines,
    });
    expect(engine.quote.lines.slice(0, 2).map((l) => l.amountFen)).toEqual([4000, 4500]);

    // The customer sees it on the order, with the timeline entry; the worker can no longer finish.
    const seen = (await c('GET', `/api/orders/${id}`)).json();
    expect(seen.onSiteQuote.proposals).toHaveLength(1);
    expect(seen.onSiteQuote.proposals[0]).toMatchObject({ id: made.id, status: 'proposed', totalFen: made.totalFen });
    expect(seen.timeline.map((e: { action: string }) => e.action)).toContain('onsite_quote_proposed');
    const finish = await w('POST', `/api/worker/orders/${id}/finish`, EARLY_FINISH);
    expect(finish.statusCode).toBe(409);
    expect(finish.json()).toMatchObject({ code: 'ONSITE_QUOTE_PENDING' });
    expect((await w('GET', `/api/worker/orders/${id}`)).json().actions).not.toContain('finish');

    // A new proposal replaces the waiting one: one live proposal at a time.
    const again = await w('POST', `/api/worker/orders/${id}/onsite-quote`, { lines: [line('labour', '检测并更换电容', 1, 8000)] });
    expect(again.statusCode, again.body).toBe(201);
    const rows = await t.ctx.db.selectFrom('onsite_proposals').select(['id', 'status']).where('order_id', '=', id).execute();
    expect(rows.filter((r) => r.status === 'proposed').map((r) => r.id)).toEqual([again.json().id]);
    expect(rows.find((r) => r.id === made.id)?.status).toBe('replaced');
    const stale = await decide(c, id, made.id, true);
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'ONSITE_QUOTE_STATE' });
  });

  it('bad input is refused field by field in zh-CN and en, and nothing is written', async () => {
    const { id, c, w } = await onSiteOrder('校验师傅');
    const before = await counts(id);
    const refused = async (body: unknown, status: number, code: string, field: string | null, who = w, lang = 'zh-CN') => {
      const res = await who('POST', `/api/worker/orders/${id}/onsite-quote`, body, { 'accept-language': lang });
      expect(res.statusCode, res.body).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const problem = res.json();
      expect(problem.code).toBe(code);
      if (field) expect(problem.errors.map((e: { field: string }) => e.field)).toContain(field);
      return problem;
    };
    await refused({ lines: [line('parts', '电容', 1, -100)] }, 400, 'VALIDATION_FAILED', 'lines.0.unitPriceFen');
    await refused({ lines: [] }, 400, 'VALIDATION_FAILED', 'lines');
    await refused({ lines: [line('labour', '人工', 0, 1000)] }, 400, 'VALIDATION_FAILED', 'lines.0.quantity');
    await refused({ lines: [line('labour', '人工', 1.0005, 1000)] }, 400, 'ONSITE_QUOTE_INVALID', 'lines.0.quantity');
    await refused({ lines: [line('labour', '   ', 1, 1000)] }, 400, 'ONSITE_QUOTE_INVALID', 'lines.0.description');
    await refused({ lines: [line('tips', '小费', 1, 1000)] }, 400, 'VALIDATION_FAILED', 'lines.0.kind');
    // ¥180 is above the city's reference range (¥50–¥100): a reason is required, asked for under its field.
    const zh = await refused({ lines: [line('parts', '原厂压缩机', 1, 18000)] }, 400, 'ONSITE_QUOTE_INVALID', 'outOfRangeReason');
    expect(zh.errors[0].message).toContain('参考价格范围');
    const en = await refused({ lines: [line('parts', '原厂压缩机', 1, 18000)], outOfRangeReason: '  ' }, 400, 'ONSITE_QUOTE_INVALID', 'outOfRangeReason', w, 'en');
    expect(en.errors[0].message).toMatch(/reference range/i);
    // Wrong actors: the customer on the worker's route, another worker on this order.
    await refused({ lines: [line('labour', '人工', 1, 6000)] }, 403, 'FORBIDDEN', null, c);
    const other = caller(t, await electrician('旁人师傅'));
    await refused({ lines: [line('labour', '人工', 1, 6000)] }, 404, 'NOT_FOUND', null, other);
    expect(await counts(id)).toEqual(before);

    // Out of range with a reason is accepted and flagged for review.
    const flagged = await w('POST', `/api/worker/orders/${id}/onsite-quote`, { lines: [line('parts', '原厂压缩机', 1, 18000)], outOfRangeReason: '需更换原厂压缩机' });
    expect(flagged.statusCode, flagged.body).toBe(201);
    expect(flagged.json()).toMatchObject({ flagged: true, outOfRangeReason: '需更换原厂压缩机', totalFen: 18000, balanceDueFen: 12000 });

    // Another customer cannot answer it; an unknown proposal is 404.
    const stranger = caller(t, await customerWithAddress(t));
    expect((await decide(stranger, id, flagged.json().id, true)).statusCode).toBe(404);
    expect((await decide(c, id, randomUUID(), true)).statusCode).toBe(404);
  });

  it('wrong state: before check-in (409 ILLEGAL_TRANSITION) and on an order not priced on site (409)', async () => {
    const assigned = await onSiteOrder('未到师傅', { visit: false });
    const early = await assigned.w('POST', `/api/worker/orders/${assigned.id}/onsite-quote`, { lines: [line('labour', '人工', 1, 6000)] });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'ILLEGAL_TRANSITION', currentState: 'assigned' });
    expect((await counts(assigned.id)).proposals).toBe(0);

    const cleaning = await onSiteOrder('保洁师傅', { itemCode: 'daily-cleaning' });
    expect(cleaning.order.onSiteQuote).toBeNull();
    const refused = await cleaning.w('POST', `/api/worker/orders/${cleaning.id}/onsite-quote`, { lines: [line('labour', '人工', 1, 6000)] });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'ONSITE_QUOTE_NOT_ALLOWED' });
    expect((await counts(cleaning.id)).proposals).toBe(0);
  });
});

describe('上门报价: the customer answers', () => {
  it('accept above the deposit: the price becomes the total, the balance is charged through the cashier, the visit completes; trial balance 0', async () => {
    const { id, order, customer, c, w, worker } = await onSiteOrder('补款师傅');
    const premium = order.price.insurance?.premiumFen ?? 0;
    const proposed = (await w('POST', `/api/worker/orders/${id}/onsite-quote`, { lines: [line('labour', '维修人工', 1, 5000), line('parts', '温控器', 1, 4500)] })).json();
    expect(proposed).toMatchObject({ totalFen: 9500, balanceDueFen: 3500, refundDueFen: 0 });

    const accepted = await decide(c, id, proposed.id, true, { 'idempotency-key': `acc-${id}` });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().price).toMatchObject({ totalFen: 9500 + premium, paidFen: 6000 + premium });
    expect(accepted.json().actions).toContain('pay');
    expect(accepted.json().onSiteQuote.proposals[0].status).toBe('accepted');
    // 费用明细 now lists the accepted quote's lines instead of the deposit line (the premium, if any, after them).
    const lines = accepted.json().price.lines as { code: string; amountFen: number }[];
    expect(lines.filter((l) => l.code === 'ONSITE_ITEM').map((l) => l.amountFen)).toEqual([5000, 4500]);
    expect(lines.some((l) => l.code === 'DEPOSIT')).toBe(false);
    expect(lines.reduce((sum, l) => sum + l.amountFen, 0)).toBe(9500 + premium);
    const replay = await decide(c, id, proposed.id, true, { 'idempotency-key': `acc-${id}` });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect((await w('GET', `/api/worker/orders/${id}`)).json().actions).not.toContain('propose_onsite_quote');
    const locked = await w('POST', `/api/worker/orders/${id}/onsite-quote`, { lines: [line('labour', '人工', 1, 9000)] });
    expect(locked.json()).toMatchObject({ code: 'ONSITE_QUOTE_ACCEPTED' });

    const payment = await payThroughCashier(t, customer, id, 'wechat');
    expect(payment).toMatchObject({ status: 'paid', amountFen: 3500 });
    const paid = (await c('GET', `/api/orders/${id}`)).json();
    expect(paid.price.paidFen).toBe(9500 + premium);
    expect(paid.actions).not.toContain('pay');
    expect(await balanceOf(t.ctx.db, accounts.escrow(id))).toBe(9500 + premium);
    const events = paid.timeline.map((e: { action: string }) => e.action);
    expect(events).toEqual(expect.arrayContaining(['onsite_quote_proposed', 'onsite_quote_accepted', 'extras_paid']));
    const change = paid.timeline.find((e: { action: string }) => e.action === 'onsite_quote_accepted');
    expect(change.note).toMatch(/^价格 ¥[\d.]+ → ¥[\d.]+，需补差价 ¥35\.00$/);

    expect((await w('POST', `/api/worker/orders/${id}/finish`, EARLY_FINISH)).statusCode).toBe(200);
    expect((await c('POST', `/api/orders/${id}/confirm`, {})).json().status).toBe('completed');
    const share = await t.ctx.db.selectFrom('order_settlements').selectAll().where('order_id', '=', id).executeTakeFirstOrThrow();
    expect(share.gross_fen).toBe(9500 + premium - share.insurance_fen);
    expect(await balanceOf(t.ctx.db, accounts.workerPending(worker.user.id))).toBe(share.net_fen);
    expect(await balanceOf(t.ctx.db, accounts.escrow(id))).toBe(0);
    await expectBalanced();

    // The evidence pack carries every price change.
    const pack = (await ops('GET', `/api/admin/orders/${id}/evidence`)).json();
    expect(pack.onSiteQuotes).toMatchObject([{ id: proposed.id, status: 'accepted', totalFen: 9500, previousPriceFen: 6000 + premium }]);
    expect(pack.timeline.map((e: { action: string }) => e.action)).toContain('onsite_quote_accepted');
  });

  it('accept below the deposit: the difference is refunded through the ledger (once), trial balance 0', async () => {
    const { id, order, c, w } = await onSiteOrder('退款师傅');
    const premium = order.price.insurance?.premiumFen ?? 0;
    const proposed = (await w('POST', `/api/worker/orders/${id}/onsite-quote`, { lines: [line('labour', '清理接头', 1, 5000)] })).json();
    expect(proposed).toMatchObject({ totalFen: 5000, balanceDueFen: 0, refundDueFen: 1000 });
    // Two answers at once: one takes effect, the other finds it answered.
    const [a, b] = await Promise.all([decide(c, id, proposed.id, true), decide(c, id, proposed.id, true)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect((a.statusCode === 409 ? a : b).json()).toMatchObject({ code: 'ONSITE_QUOTE_STATE' });
    const view = (await c('GET', `/api/orders/${id}`)).json();
    expect(view.price.totalFen).toBe(5000 + premium);
    expect(view.actions).not.toContain('pay');
    expect(view.timeline.filter((e: { action: string }) => e.action === 'onsite_quote_accepted')).toHaveLength(1);
    expect(await balanceOf(t.ctx.db, accounts.escrow(id))).toBe(5000 + premium);
    await t.ctx.jobs.runDue(new Date(Date.now() + 60_000));
    const refunds = await t.ctx.db.selectFrom('refunds').select(['amount_fen', 'status', 'kind']).where('order_id', '=', id).execute();
    expect(refunds).toEqual([{ amount_fen: 1000, status: 'succeeded', kind: 'onsite_quote' }]);
    const bill = (await c('GET', `/api/orders/${id}/bill`)).json();
    expect(bill.refundedFen).toBe(1000);
    await expectBalanced();

    expect((await w('POST', `/api/worker/orders/${id}/finish`, EARLY_FINISH)).statusCode).toBe(200);
    expect((await c('POST', `/api/orders/${id}/confirm`, {})).json().status).toBe('completed');
    expect(await balanceOf(t.ctx.db, accounts.escrow(id))).toBe(0);
    await expectBalanced();
  });

  it('decline: the deposit is kept as the visit fee and the order ends (已完成), the worker paid from escrow; trial balance 0', async () => {
    const { id, order, c, w, worker } = await onSiteOrder('婉拒师傅');
    const paidFen = order.price.paidFen as number;
    const proposed = (await w('POST', `/api/worker/orders/${id}/onsite-quote`, { lines: [line('parts', '更换主板', 1, 9900)] })).json();
    const declined = await decide(c, id, proposed.id, false);
    expect(declined.statusCode, declined.body).toBe(200);
    expect(declined.json()).toMatchObject({ status: 'completed', price: { totalFen: order.price.totalFen, paidFen } });
    expect(declined.json().onSiteQuote.proposals[0].status).toBe('declined');
    const actions = declined.json().timeline.map((e: { action: string }) => e.action);
    expect(actions.slice(-3)).toEqual(['onsite_quote_declined', 'finish', 'confirm']);
    const again = await decide(c, id, proposed.id, true);
    expect(again.json()).toMatchObject({ code: 'ONSITE_QUOTE_STATE' });
    const share = await t.ctx.db.selectFrom('order_settlements').selectAll().where('order_id', '=', id).executeTakeFirstOrThrow();
    expect(share.gross_fen + share.insurance_fen).toBe(paidFen);
    expect(await balanceOf(t.ctx.db, accounts.workerPending(worker.user.id))).toBe(share.net_fen);
    expect(await balanceOf(t.ctx.db, accounts.escrow(id))).toBe(0);
    expect(await t.ctx.db.selectFrom('refunds').select('id').where('order_id', '=', id).execute()).toEqual([]);
    await expectBalanced();
  });
});
