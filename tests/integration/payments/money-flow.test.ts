import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { ALL_DAY, bookOrder, caller, customerWithAddress, HOME, inHours, opsHeaders, payThroughCashier, signedInWorker } from '../../helpers/booking.js';
import { accounts, balanceOf, trialBalance } from '../../../src/domains/payments/ledger.js';
import { signNotification } from '../../../src/platform/providers/pay-signing.js';
import { agreeEarlyVisit, EARLY_FINISH } from '../booking/visit.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await signedInWorker(t, { name: '常驻师傅', hours: ALL_DAY }); // someone covers HOME for orders booked without a chosen worker
});
afterAll(async () => { await t?.close(); });

const DAY = 86_400_000;
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

async function expectBalanced() {
  const tb = await trialBalance(t.ctx.db);
  expect(tb.totalFen).toBe(0);
  expect(tb.mismatches).toEqual([]);
  expect(tb.negative).toEqual([]);
}

/** An accepted order of a chosen worker, paid through the cashier. */
async function acceptedOrder(start = inHours(30)) {
  const customer = await customerWithAddress(t);
  const worker = await signedInWorker(t, { name: '钱师傅', hours: ALL_DAY });
  const order = await bookOrder(t, customer, start, { workerId: worker.user.id });
  const w = caller(t, worker);
  expect((await w('POST', `/api/worker/orders/${order.id}/accept`, {})).statusCode).toBe(200);
  return { customer, worker, order, c: caller(t, customer), w };
}

async function doVisit(x: Awaited<ReturnType<typeof acceptedOrder>>) {
  const code = (await x.c('GET', `/api/orders/${x.order.id}`)).json().serviceCode;
  await agreeEarlyVisit(x.w, x.c, x.order.id);
  expect((await x.w('POST', `/api/worker/orders/${x.order.id}/check-in`, { lat: HOME.lat, lng: HOME.lng, serviceCode: code })).statusCode).toBe(200);
  expect((await x.w('POST', `/api/worker/orders/${x.order.id}/finish`, EARLY_FINISH)).statusCode).toBe(200);
  expect((await x.c('POST', `/api/orders/${x.order.id}/confirm`, {})).json().status).toBe('completed');
}

describe('paying through the provider', () => {
  it('captures into escrow once, however often the provider calls back, and the bill shows it', async () => {
    const customer = await customerWithAddress(t);
    const order = await bookOrder(t, customer, inHours(30), { pay: false });
    const opened = (await caller(t, customer)('POST', `/api/orders/${order.id}/pay`, { method: 'wechat' })).json();
    expect(opened).toMatchObject({ status: 'pending', amountFen: order.price.totalFen, cashierUrl: expect.stringMatching(/^\/paysim\/cashier\//) });
    const page = await t.app.inject({ method: 'GET', url: opened.cashierUrl });
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('paysim-pay');
    const paid = await t.app.inject({ method: 'POST', url: `${opened.cashierUrl}/pay`, headers: FORM, payload: '' });
    expect(paid.statusCode).toBe(303);
    expect(paid.headers.location).toBe(`/orders/${order.id}?payment=${opened.paymentId}`);
    // The two resends arrive later; each verifies and changes nothing.
    await t.ctx.jobs.runDue(new Date(Date.now() + 60_000));
    const log = await t.ctx.db.selectFrom('payment_notifications').select('outcome').where('payment_id', '=', opened.paymentId).orderBy('id').execute();
    expect(log.map((l) => l.outcome)).toEqual(['captured', 'duplicate', 'duplicate']);
    expect(await balanceOf(t.ctx.db, accounts.escrow(order.id))).toBe(order.price.totalFen);
    const bill = (await caller(t, customer)('GET', `/api/orders/${order.id}/bill`)).json();
    expect(bill).toMatchObject({ totalFen: order.price.totalFen, paidFen: order.price.totalFen, refundedFen: 0, payments: [{ status: 'paid', method: 'wechat' }] });
    expect((await caller(t, customer)('GET', `/api/orders/${order.id}`)).json().status).toBe('paid');
    await expectBalanced();
  });

  it('settles a late callback by asking the provider; a failed payment leaves the order payable; Alipay answers "success"', async () => {
    const customer = await customerWithAddress(t);
    const order = await bookOrder(t, customer, inHours(30), { pay: false });
    const failed = await payThroughCashier(t, customer, order.id, 'alipay', 'fail');
    expect(failed.status).toBe('failed');
    const c = caller(t, customer);
    const opened = (await c('POST', `/api/orders/${order.id}/pay`, { method: 'card' })).json();
    await t.app.inject({ method: 'POST', url: `${opened.cashierUrl}/pay`, headers: FORM, payload: 'late=on' });
    // No callback yet: the return page's status query settles it.
    expect((await c('GET', `/api/payments/${opened.paymentId}`)).json().status).toBe('paid');
    expect((await c('GET', `/api/orders/${order.id}`)).json().status).toBe('paid');
    await t.ctx.jobs.runDue(new Date(Date.now() + 120_000)); // the late callback and its resends
    const outcomes = (await t.ctx.db.selectFrom('payment_notifications').select('outcome').where('payment_id', '=', opened.paymentId).execute()).map((r) => r.outcome);
    expect(outcomes.every((o) => o === 'duplicate')).toBe(true);
    expect(await balanceOf(t.ctx.db, accounts.escrow(order.id))).toBe(order.price.totalFen);
    await expectBalanced();
  });

  it('refuses forged, tampered, stale and foreign callbacks and never marks the payment paid', async () => {
    const customer = await customerWithAddress(t);
    const order = await bookOrder(t, customer, inHours(30), { pay: false });
    const opened = (await caller(t, customer)('POST', `/api/orders/${order.id}/pay`, { method: 'wechat' })).json();
    const charge = (await t.ctx.db.selectFrom('payments').selectAll().where('id', '=', opened.paymentId).executeTakeFirstOrThrow());
    const notify = (headers: Record<string, string>, payload: string, provider = 'wechat') => t.app.inject({ method: 'POST', url: `/api/payments/notify/${provider}`, headers, payload });
    const body = JSON.stringify({ id: 'evt', resource: { algorithm: 'AEAD_AES_256_GCM', ciphertext: 'AAAA', nonce: 'abcdefabcdef', associated_data: 'transaction' } });
    // Signed with a key that is not the provider's.
    const { generateMerchantKeys } = await import('../../../src/platform/providers/pay-signing.js');
    const stranger = generateMerchantKeys();
    const forged = await notify({ ...signNotification({ privateKey: stranger.privateKeyPem, serial: stranger.serial, body, timestamp: Math.floor(Date.now() / 1000) }), 'content-type': 'application/json' }, body);
    expect(forged.statusCode).toBe(401);
    expect(forged.json()).toMatchObject({ code: 'FAIL', message: 'UNKNOWN_SERIAL' });
    const keys = await t.ctx.paySim.keysOf('wechat');
    const stale = await notify({ ...signNotification({ privateKey: keys.privatePem, serial: keys.serial, body, timestamp: Math.floor(Date.now() / 1000) - 3600 }), 'content-type': 'application/json' }, body);
    expect(stale.json().message).toBe('TIMESTAMP_OUT_OF_WINDOW');
    const signed = signNotification({ privateKey: keys.privatePem, serial: keys.serial, body, timestamp: Math.floor(Date.now() / 1000) });
    expect((await notify({ ...signed, 'content-type': 'application/json' }, body.replace('evt', 'evx'))).json().message).toBe('BAD_SIGNATURE');
    expect((await notify({ ...signed, 'content-type': 'application/json' }, body)).json().message).toBe('RESOURCE_UNREADABLE');
    const alipay = await notify(FORM, `out_trade_no=${charge.out_trade_no}&total_amount=1.00&trade_status=TRADE_SUCCESS&sign_type=RSA2&sign=AAAA`, 'alipay');
    expect(alipay.body).toBe('failure');
    expect((await notify({ 'content-type': 'application/json' }, '{}', 'paypal')).statusCode).toBe(404);
    expect((await t.ctx.db.selectFrom('payments').select('status').where('id', '=', opened.paymentId).executeTakeFirstOrThrow()).status).toBe('pending');
    expect((await caller(t, customer)('GET', `/api/orders/${order.id}`)).json().status).toBe('created');
    await expectBalanced();
  });

  it('refuses a captured WeChat notification sent again (its nonce was seen) and an Alipay one whose notify_time is days old', async () => {
    const customer = await customerWithAddress(t);
    const order = await bookOrder(t, customer, inHours(30), { pay: false });
    const captured: { url: string; headers: Record<string, string>; payload: string }[] = [];
    t.ctx.paySim.setDeliver(async (request) => {
      captured.push(request);
      const res = await t.app.inject({ method: 'POST', url: request.url, headers: request.headers, payload: request.payload });
      return { statusCode: res.statusCode, body: res.body };
    });
    const paid = await payThroughCashier(t, customer, order.id, 'wechat');
    expect(paid.status).toBe('paid');
    const first = captured[0]!;
    const entries = () => t.ctx.db.selectFrom('journal_entries').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow().then((r) => Number(r.n));
    const before = await entries();
    const again = await t.app.inject({ method: 'POST', url: first.url, headers: first.headers, payload: first.payload });
    expect(again.statusCode).toBe(401);
    expect(again.json()).toMatchObject({ code: 'FAIL', message: 'REPLAYED' });
    const last = await t.ctx.db.selectFrom('payment_notifications').select(['outcome', 'detail']).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(last).toEqual({ outcome: 'rejected', detail: 'REPLAYED' });
    expect(await entries()).toBe(before);
    // The sweep forgets nonces only well after the signature window has closed on them.
    const { purgeNotificationNonces } = await import('../../../src/domains/payments/pay-service.js');
    expect(await purgeNotificationNonces(t.ctx.db, new Date(Date.now() + 60_000))).toBe(0);
    expect(await purgeNotificationNonces(t.ctx.db, new Date(Date.now() + 16 * 60_000))).toBeGreaterThan(0);

    const { signParams } = await import('../../../src/platform/providers/payments/alipay-signing.js');
    const keys = await t.ctx.paySim.keysOf('alipay');
    const old = new Date(Date.now() - 30 * DAY).toISOString();
    const params = signParams({ notify_id: 'n1', notify_time: old, out_trade_no: 'X', total_amount: '1.00', trade_status: 'TRADE_SUCCESS', gmt_payment: old }, keys.privatePem);
    const stale = await t.app.inject({ method: 'POST', url: '/api/payments/notify/alipay', headers: FORM, payload: new URLSearchParams(params).toString() });
    expect(stale.body).toBe('failure');
    const refused = await t.ctx.db.selectFrom('payment_notifications').select(['outcome', 'detail']).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(refused).toEqual({ outcome: 'rejected', detail: 'NOTIFY_TIME_OUT_OF_WINDOW' });
  });

  it('the simulator keeps its charges and private signing keys outside the app\'s tables (schema paysim)', async () => {
    await t.ctx.paySim.keysOf('wechat');
    const { sql } = await import('kysely');
    const columns = await sql<{ table_schema: string; table_name: string }>`select table_schema, table_name from information_schema.columns
      where column_name like '%private%' or table_name like 'paysim%'`.execute(t.ctx.db);
    expect(columns.rows.length).toBeGreaterThan(0);
    expect(columns.rows.every((c) => c.table_schema === 'paysim')).toBe(true);
    const app = await sql<{ n: number }>`select count(*)::int as n from information_schema.tables where table_schema = current_schema() and table_name like 'paysim%'`.execute(t.ctx.db);
    expect(app.rows[0]!.n).toBe(0);
  });

  it('refunds a charge paid after the order stopped waiting for it (paid twice)', async () => {
    const customer = await customerWithAddress(t);
    const order = await bookOrder(t, customer, inHours(30), { pay: false });
    const c = caller(t, customer);
    const first = (await c('POST', `/api/orders/${order.id}/pay`, { method: 'wechat' })).json();
    const second = (await c('POST', `/api/orders/${order.id}/pay`, { method: 'alipay' })).json();
    await t.app.inject({ method: 'POST', url: `${second.cashierUrl}/pay`, headers: FORM, payload: '' });
    await t.app.inject({ method: 'POST', url: `${first.cashierUrl}/pay`, headers: FORM, payload: '' }); // the closed charge is paid too
    await t.ctx.jobs.runDue(new Date(Date.now() + 5_000));
    const bill = (await c('GET', `/api/orders/${order.id}/bill`)).json();
    expect(bill.refunds).toEqual([expect.objectContaining({ amountFen: order.price.totalFen, status: 'succeeded' })]);
    expect(await balanceOf(t.ctx.db, accounts.escrow(order.id))).toBe(order.price.totalFen);
    await expectBalanced();
  });
});

describe('completion, settlement, cancellation', () => {
  it('splits escrow by the commission rule at 验收, releases it T+N days later, and the worker sees it', async () => {
    const x = await acceptedOrder();
    await doVisit(x);
    const price = x.order.price.totalFen;
    const income = (await x.w('GET', '/api/worker/income')).json();
    const commission = Math.round(price * 0.2); // a new worker: 20 % tier
    expect(income).toMatchObject({ pendingFen: price - commission, availableFen: 0, todayFen: price - commission, settlementDelayDays: 7 });
    expect(income.orders[0]).toMatchObject({ orderId: x.order.id, grossFen: price, commissionFen: commission, netFen: price - commission, state: 'pending', commissionReason: { zh: expect.stringContaining('阶梯抽成') } });
    expect(income.byDay).toHaveLength(30);
    expect(income.byDay.at(-1).netFen).toBe(price - commission);
    expect(await balanceOf(t.ctx.db, accounts.escrow(x.order.id))).toBe(0);
    await t.ctx.jobs.runDue(new Date(Date.now() + 8 * DAY));
    expect((await x.w('GET', '/api/worker/income')).json()).toMatchObject({ pendingFen: 0, availableFen: price - commission });
    await expectBalanced();
  });

  it('a late cancellation refunds the customer through the provider and compensates the worker', async () => {
    const x = await acceptedOrder(inHours(5));
    const preview = (await x.c('GET', `/api/orders/${x.order.id}/cancellation`)).json();
    expect((await x.c('POST', `/api/orders/${x.order.id}/cancel`, { reason: '临时有事' })).json().status).toBe('cancelled');
    expect(await balanceOf(t.ctx.db, accounts.refundsPayable(x.order.id))).toBe(preview.refundFen);
    await t.ctx.jobs.runDue(new Date(Date.now() + 1000));
    expect(await balanceOf(t.ctx.db, accounts.refundsPayable(x.order.id))).toBe(0);
    const bill = (await x.c('GET', `/api/orders/${x.order.id}/bill`)).json();
    expect(bill).toMatchObject({ refundedFen: preview.refundFen, refunds: [{ status: 'succeeded', kind: 'cancellation' }] });
    expect(await balanceOf(t.ctx.db, accounts.workerPending(x.worker.user.id))).toBe(preview.workerCompensationFen);
    expect(await balanceOf(t.ctx.db, accounts.fees)).toBeGreaterThanOrEqual(preview.platformFen);
    await expectBalanced();
  });
});

describe('withdrawals', () => {
  async function workerWithAvailable() {
    const x = await acceptedOrder();
    await doVisit(x);
    await t.ctx.jobs.runDue(new Date(Date.now() + 8 * DAY));
    return x;
  }

  it('binds a card (Luhn-checked), quotes the 1 % fee, refuses bad amounts, and pays out below the review threshold', async () => {
    const x = await workerWithAvailable();
    expect((await x.w('POST', '/api/worker/bank-cards', { bankName: '招商银行', holderName: '钱师傅', cardNo: '6225880137700000' })).json().code).toBe('CARD_INVALID');
    const card = (await x.w('POST', '/api/worker/bank-cards', { bankName: '招商银行', holderName: '钱师傅', cardNo: '6225 8801 3770 6603' })).json();
    expect(card.cardMasked).toBe('**** **** **** 6603');
    const income = (await x.w('GET', '/api/worker/income')).json();
    const available = income.availableFen as number;
    expect(income.orders[0]).toMatchObject({ orderId: x.order.id, state: 'available' });
    expect((await x.w('GET', '/api/worker/withdrawals/quote?amountFen=500')).json()).toMatchObject({ ok: false, code: 'BELOW_MINIMUM' });
    expect((await x.w('GET', `/api/worker/withdrawals/quote?amountFen=${available + 1}`)).json()).toMatchObject({ ok: false, code: 'ABOVE_AVAILABLE' });
    const tooMuch = await x.w('POST', '/api/worker/withdrawals', { amountFen: available + 1, cardId: card.id });
    expect(tooMuch.json()).toMatchObject({ code: 'WITHDRAWAL_REFUSED', reasonCode: 'ABOVE_AVAILABLE' });
    // A double click with one key withdraws once.
    const key = { 'idempotency-key': `wd-${card.id}` };
    const [a, b] = await Promise.all([0, 1].map(() => x.w('POST', '/api/worker/withdrawals', { amountFen: 2000, cardId: card.id }, key)));
    expect([a!.statusCode, b!.statusCode].sort()).toContain(201);
    expect((await x.w('GET', '/api/worker/withdrawals')).json()).toHaveLength(1);
    await t.ctx.jobs.runDue(new Date(Date.now() + 1000));
    const [w] = (await x.w('GET', '/api/worker/withdrawals')).json();
    expect(w).toMatchObject({ amountFen: 2000, feeFen: 100, netFen: 1900, status: 'paid' });
    const paidOut = (await x.w('GET', '/api/notifications?audience=worker')).json().items.find((n: { type: string }) => n.type === 'withdrawal_decided');
    expect(paidOut.body).toBe('您申请的提现 ¥20.00 已打款，请注意查收。');
    const after = (await x.w('GET', '/api/worker/income')).json();
    expect(after.availableFen).toBe(available - 2000);
    // 收入明细 says where the order's money is now: ¥20 of it paid out, the rest still withdrawable.
    expect(after.orders[0]).toMatchObject({ orderId: x.order.id, parts: [{ state: 'available', fen: available - 2000 }, { state: 'withdrawn', fen: 2000 }] });
    expect(after.orders[0].state).toBe(available - 2000 >= 2000 ? 'available' : 'withdrawn');
    // Withdrawing the rest: the whole order reads 已提现, no longer 可提现.
    expect((await x.w('POST', '/api/worker/withdrawals', { amountFen: available - 2000, cardId: card.id })).statusCode).toBe(201);
    await t.ctx.jobs.runDue(new Date(Date.now() + 1000));
    expect((await x.w('GET', '/api/worker/income')).json().orders[0]).toMatchObject({ state: 'withdrawn', parts: [{ state: 'withdrawn', fen: available }] });
    await expectBalanced();
  });

  it('needs finance review above the threshold; a failing card is retried, then returned; finance can retry', async () => {
    const x = await workerWithAvailable();
    const finance = await opsHeaders(t, 'finance');
    const ops = await opsHeaders(t, 'operations');
    const settings = (await t.app.inject({ method: 'GET', url: '/api/admin/finance/settings', headers: finance })).json();
    const put = (body: unknown, headers = finance) => t.app.inject({ method: 'PUT', url: '/api/admin/finance/settings', headers, payload: body as object });
    expect((await put({ ...settings, withdrawal: { ...settings.withdrawal, reviewAboveFen: 1000 } }, ops)).statusCode).toBe(403);
    expect((await put({ ...settings, settlementDelayDays: -1 })).json().errors[0].field).toBe('settlementDelayDays');
    expect((await put({ ...settings, withdrawal: { ...settings.withdrawal, reviewAboveFen: 1000 } })).statusCode).toBe(200);
    const card = (await x.w('POST', '/api/worker/bank-cards', { bankName: '模拟银行', holderName: '钱师傅', cardNo: '6225880137070000' })).json();
    const wd = (await x.w('POST', '/api/worker/withdrawals', { amountFen: 3000, cardId: card.id })).json();
    expect(wd.status).toBe('pending_review');
    expect((await x.w('GET', '/api/worker/income')).json().orders[0].parts).toContainEqual({ state: 'withdrawing', fen: 3000 });
    const list = (await t.app.inject({ method: 'GET', url: '/api/admin/finance/withdrawals?status=pending_review', headers: finance })).json();
    expect(list.items.map((i: { id: string }) => i.id)).toContain(wd.id);
    expect((await t.app.inject({ method: 'POST', url: `/api/admin/finance/withdrawals/${wd.id}/reject`, headers: finance, payload: {} })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'POST', url: `/api/admin/finance/withdrawals/${wd.id}/approve`, headers: ops, payload: {} })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: `/api/admin/finance/withdrawals/${wd.id}/approve`, headers: finance, payload: { note: '核实无误' } })).json().status).toBe('paying');
    for (let i = 0; i < 4; i++) await t.ctx.jobs.runDue(new Date(Date.now() + (i + 1) * 10 * 60_000));
    const failed = (await x.w('GET', '/api/worker/withdrawals')).json()[0];
    expect(failed).toMatchObject({ status: 'failed', attempts: 3, failureReason: expect.stringContaining('0000') });
    const before = (await x.w('GET', '/api/worker/income')).json().availableFen;
    expect((await t.app.inject({ method: 'POST', url: `/api/admin/finance/withdrawals/${wd.id}/retry`, headers: finance, payload: {} })).json().status).toBe('paying');
    expect((await x.w('GET', '/api/worker/income')).json().availableFen).toBe(before - 3000);
    const audit = await t.ctx.db.selectFrom('audit_log').select('action').where('target_id', '=', wd.id).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['withdrawal.approve', 'withdrawal.retry']));
    const notices = (await x.w('GET', '/api/notifications?audience=worker')).json().items.filter((n: { type: string }) => n.type === 'withdrawal_decided');
    expect(notices.map((n: { title: string }) => n.title)).toContain('提现审核通过');
    expect(notices[0].link).toEqual({ kind: 'withdrawal', id: wd.id });
    await expectBalanced();
    await put(settings);
  });
});

describe('finance console', () => {
  it('shows the trial balance at zero, the journal, a day summary, reconciles with the provider and refunds part of an order', async () => {
    const x = await acceptedOrder();
    const finance = await opsHeaders(t, 'finance');
    const get = (url: string) => t.app.inject({ method: 'GET', url, headers: finance });
    const tb = (await get('/api/admin/finance/trial-balance')).json();
    expect(tb.totalFen).toBe(0);
    const journal = (await get(`/api/admin/finance/journal?orderId=${x.order.id}`)).json();
    expect(journal.items[0]).toMatchObject({ kind: 'capture', lines: expect.arrayContaining([{ account: accounts.escrow(x.order.id), amountFen: x.order.price.totalFen }]) });
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const summary = (await get(`/api/admin/finance/summary?from=${today}&to=${today}`)).json();
    expect(summary.totals.paidFen).toBeGreaterThanOrEqual(x.order.price.totalFen);
    expect(summary.totals.escrowFen).toBeGreaterThanOrEqual(x.order.price.totalFen);
    const rec = (await t.app.inject({ method: 'POST', url: '/api/admin/finance/reconciliation', headers: finance, payload: { provider: 'alipay', date: today } })).json();
    expect(rec.matched).toBeGreaterThan(0);
    expect(rec.mismatches).toEqual([]);
    const refund = (body: object, key: string) => t.app.inject({ method: 'POST', url: `/api/admin/orders/${x.order.id}/refunds`, headers: { ...finance, 'idempotency-key': key }, payload: body });
    expect((await refund({ amountFen: x.order.price.totalFen + 1, reason: '超额' }, 'r0')).json().code).toBe('REFUND_TOO_LARGE');
    const part = await refund({ amountFen: 1000, reason: '服务缺项补偿' }, 'r1');
    expect(part.statusCode).toBe(201);
    expect((await refund({ amountFen: 1000, reason: '服务缺项补偿' }, 'r1')).headers['idempotent-replayed']).toBe('true');
    await t.ctx.jobs.runDue(new Date(Date.now() + 1000));
    expect(await balanceOf(t.ctx.db, accounts.escrow(x.order.id))).toBe(x.order.price.totalFen - 1000);
    await expectBalanced();
  });

  it('the database refuses to change or delete a journal line', async () => {
    const line = await t.ctx.db.selectFrom('journal_lines').selectAll().limit(1).executeTakeFirstOrThrow();
    await expect(t.ctx.db.updateTable('journal_lines').set({ amount_fen: 1 }).where('entry_id', '=', line.entry_id).execute()).rejects.toThrow(/append-only/);
    await expect(t.ctx.db.deleteFrom('journal_entries').where('id', '=', line.entry_id).execute()).rejects.toThrow(/append-only/);
  });
});
