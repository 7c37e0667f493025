import { describe, expect, it } from 'vitest';
import type { TestApp } from '../../helpers/test-app.js';
import { type Caller, caller, opsHeaders, useAppWithOps } from '../../helpers/booking.js';
import { accounts, balanceOf, trialBalance } from '../../../src/domains/payments/ledger.js';
import { EARLY_FINISH, orderInService } from '../booking/visit.js';

let t: TestApp;
let ops: Caller;
useAppWithOps((app, admin) => { t = app; ops = admin; });

async function expectBalanced() {
  const tb = await trialBalance(t.ctx.db);
  expect(tb.totalFen).toBe(0);
  expect(tb.mismatches).toEqual([]);
  expect(tb.negative).toEqual([]);
}

/** A paid order of a chosen worker, visited and finished (待验收). */
async function finishedOrder() {
  const { order, worker, c, w } = await orderInService(t, '仲裁师傅');
  expect((await w('POST', `/api/worker/orders/${order.id}/finish`, EARLY_FINISH)).statusCode).toBe(200);
  return { order, worker, c, paid: order.price.totalFen as number };
}

const refundsOf = async (orderId: string) => (await t.ctx.db.selectFrom('refunds').select(['amount_fen', 'status', 'kind']).where('order_id', '=', orderId).execute());

describe('arbitration (仲裁)', () => {
  it('a dispute before 验收: part refunded from escrow, the rest split for the worker', async () => {
    const { order, worker, c, paid } = await finishedOrder();
    expect((await c('POST', `/api/orders/${order.id}/problem`, { kind: 'other', reason: '厨房没有打扫' })).json().status).toBe('disputed');
    const tooMuch = await ops('POST', `/api/admin/orders/${order.id}/arbitrate`, { outcome: 'refund_partial', refundFen: paid, reason: '部分未完成' });
    expect(tooMuch.statusCode).toBe(409);
    const decided = await ops('POST', `/api/admin/orders/${order.id}/arbitrate`, { outcome: 'refund_partial', refundFen: 3_000, reason: '部分未完成' }, { 'idempotency-key': `arb-${order.id}` });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json().status).toBe('refunded');
    const again = await ops('POST', `/api/admin/orders/${order.id}/arbitrate`, { outcome: 'refund_partial', refundFen: 3_000, reason: '部分未完成' }, { 'idempotency-key': `arb-${order.id}` });
    expect(again.json().status).toBe('refunded'); // the stored answer: nothing moves twice
    await t.ctx.jobs.runDue(new Date(Date.now() + 60_000));
    expect(await refundsOf(order.id)).toEqual([{ amount_fen: 3_000, status: 'succeeded', kind: 'arbitration' }]);
    const share = await t.ctx.db.selectFrom('order_settlements').selectAll().where('order_id', '=', order.id).executeTakeFirstOrThrow();
    expect(share.gross_fen).toBe(paid - 3_000);
    expect(await balanceOf(t.ctx.db, accounts.workerPending(worker.user.id))).toBe(share.net_fen);
    expect(await balanceOf(t.ctx.db, accounts.escrow(order.id))).toBe(0);
    await expectBalanced();
  });

  it('after completion: a full refund takes the worker\'s pending share and the commission back', async () => {
    const { order, worker, c, paid } = await finishedOrder();
    expect((await c('POST', `/api/orders/${order.id}/confirm`, {})).json().status).toBe('completed');
    const before = await t.ctx.db.selectFrom('order_settlements').selectAll().where('order_id', '=', order.id).executeTakeFirstOrThrow();
    const commission = await balanceOf(t.ctx.db, accounts.commission);
    expect((await c('POST', `/api/orders/${order.id}/problem`, { kind: 'other', reason: '物品损坏' })).json().status).toBe('disputed');
    const decided = await ops('POST', `/api/admin/orders/${order.id}/arbitrate`, { outcome: 'refund_full', reason: '损坏属实，全额退款' });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(await balanceOf(t.ctx.db, accounts.workerPending(worker.user.id))).toBe(0);
    expect(await balanceOf(t.ctx.db, accounts.commission)).toBe(commission - before.commission_fen);
    const after = await t.ctx.db.selectFrom('order_settlements').selectAll().where('order_id', '=', order.id).executeTakeFirstOrThrow();
    expect(after).toMatchObject({ net_fen: 0, clawback_fen: before.net_fen });
    const income = (await caller(t, worker)('GET', '/api/worker/income')).json();
    expect(income.orders.find((o: { orderId: string }) => o.orderId === order.id)).toMatchObject({ netFen: 0, clawbackFen: before.net_fen });
    await t.ctx.jobs.runDue(new Date(Date.now() + 30 * 86_400_000)); // the refund, and the (now empty) T+N release
    expect(await refundsOf(order.id)).toEqual([{ amount_fen: paid, status: 'succeeded', kind: 'arbitration' }]);
    expect(await balanceOf(t.ctx.db, accounts.workerAvailable(worker.user.id))).toBe(0);
    await expectBalanced();
  });

  it('after the share became available and was partly withdrawn, the platform bears what the worker no longer holds', async () => {
    const finance = caller(t, { headers: await opsHeaders(t, 'finance') });
    const settings = (await finance('GET', '/api/admin/finance/settings')).json();
    expect((await finance('PUT', '/api/admin/finance/settings', { ...settings, settlementDelayDays: 0 })).statusCode).toBe(200); // T+0
    const { order, worker, c, paid } = await finishedOrder();
    expect((await c('POST', `/api/orders/${order.id}/confirm`, {})).json().status).toBe('completed');
    await finance('PUT', '/api/admin/finance/settings', settings);
    await t.ctx.jobs.runDue(new Date(Date.now() + 60_000)); // the release: available at once
    const share = await t.ctx.db.selectFrom('order_settlements').selectAll().where('order_id', '=', order.id).executeTakeFirstOrThrow();
    expect(await balanceOf(t.ctx.db, accounts.workerAvailable(worker.user.id))).toBe(share.net_fen);
    const w = caller(t, worker);
    const card = (await w('POST', '/api/worker/bank-cards', { bankName: '招商银行', holderName: '仲裁师傅', cardNo: '6225880137706603' })).json();
    const withdrawn = await w('POST', '/api/worker/withdrawals', { amountFen: share.net_fen - 1_000, cardId: card.id });
    expect(withdrawn.statusCode, withdrawn.body).toBe(201);
    await t.ctx.jobs.runDue(new Date(Date.now() + 60_000)); // the payout
    const problem = await c('POST', `/api/orders/${order.id}/problem`, { kind: 'other', reason: '服务质量差' });
    expect(problem.statusCode, problem.body).toBe(200);
    const decided = await ops('POST', `/api/admin/orders/${order.id}/arbitrate`, { outcome: 'refund_full', reason: '全额退款' });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(await balanceOf(t.ctx.db, accounts.workerAvailable(worker.user.id))).toBe(0); // the ¥10 left was taken, no more
    const after = await t.ctx.db.selectFrom('order_settlements').select(['clawback_fen']).where('order_id', '=', order.id).executeTakeFirstOrThrow();
    expect(after.clawback_fen).toBe(1_000);
    await t.ctx.jobs.runDue(new Date(Date.now() + 60_000));
    expect((await refundsOf(order.id)).reduce((s, r) => s + r.amount_fen, 0)).toBe(paid);
    await expectBalanced();
  });

  it('ops can intervene on an open order and rule for the worker; only disputed orders are arbitrated', async () => {
    const { order, worker } = await finishedOrder();
    const notYet = await ops('POST', `/api/admin/orders/${order.id}/arbitrate`, { outcome: 'completed', reason: '服务完成' });
    expect(notYet.statusCode).toBe(409);
    expect((await ops('POST', `/api/admin/orders/${order.id}/dispute`, { reason: '客户电话投诉' })).json().status).toBe('disputed');
    const ruled = await ops('POST', `/api/admin/orders/${order.id}/arbitrate`, { outcome: 'completed', reason: '服务完成，驳回投诉' });
    expect(ruled.json().status).toBe('completed');
    const share = await t.ctx.db.selectFrom('order_settlements').selectAll().where('order_id', '=', order.id).executeTakeFirstOrThrow();
    expect(await balanceOf(t.ctx.db, accounts.workerPending(worker.user.id))).toBe(share.net_fen);
    expect(await refundsOf(order.id)).toEqual([]);
    await expectBalanced();
  });
});
