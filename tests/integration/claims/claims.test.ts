import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_DAY, caller, customerWithAddress, opsHeaders, payThroughCashier, quoteAt, signedInWorker } from '../../helpers/booking.js';
import { createTestApp, followLink, smsSignIn, type TestApp } from '../../helpers/test-app.js';
import { shanghaiAt } from '../../helpers/time.js';
import { multipart, png } from '../../helpers/workers.js';

let t: TestApp;
let ops: ReturnType<typeof caller>;
let finance: ReturnType<typeof caller>;
let support: ReturnType<typeof caller>;
beforeAll(async () => {
  t = await createTestApp();
  ops = caller(t, { headers: await opsHeaders(t, 'operations') });
  finance = caller(t, { headers: await opsHeaders(t, 'finance') });
  support = caller(t, { headers: await opsHeaders(t, 'support') });
});
afterAll(async () => { await t?.close(); });

/** A paid order with or without the optional accident insurance, accepted by a fresh worker. */
async function acceptedOrder(insurance: boolean, day = 3) {
  const customer = await customerWithAddress(t);
  const worker = await signedInWorker(t, { name: '理赔师傅', hours: ALL_DAY });
  const quoteId = await quoteAt(t, customer, shanghaiAt(day, 10));
  const booked = await t.app.inject({ method: 'POST', url: '/api/orders', headers: customer.headers, payload: { quoteId, addressId: customer.addressId, workerId: worker.user.id, insurance } });
  expect(booked.statusCode, booked.body).toBe(201);
  const orderId = booked.json().id as string;
  await payThroughCashier(t, customer, orderId, 'alipay');
  const w = caller(t, worker);
  expect((await w('POST', `/api/worker/orders/${orderId}/accept`, {})).statusCode).toBe(200);
  const order = (await t.app.inject({ method: 'GET', url: `/api/orders/${orderId}`, headers: customer.headers })).json();
  return { orderId, orderNo: order.orderNo as string, customer, worker, c: caller(t, customer), w };
}

async function uploadDocument(call: ReturnType<typeof caller>, url: string, tag: string) {
  const form = multipart(png(tag));
  const res = await call('POST', url, form.payload, form.headers);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

const claimRows = (orderId: string) => t.ctx.db.selectFrom('insurance_claims').selectAll().where('order_id', '=', orderId).execute();
const entries = (prefix: string) => t.ctx.db.selectFrom('journal_entries').select(['key', 'kind']).where('key', 'like', `${prefix}%`).execute();

describe('insurance claims (保险理赔)', () => {
  it('customer files from an SOS incident with a document; bad input writes nothing; ops review; finance pays once through the ledger; both sides see it', async () => {
    const { orderId, c, w, customer, worker } = await acceptedOrder(true);
    const before = (await c('GET', `/api/orders/${orderId}/claims`)).json();
    expect(before).toMatchObject({ canFile: false, reasons: ['no_incident_or_dispute'], coverFen: 5_000_000, remainingFen: 5_000_000, items: [] });

    const sos = await c('POST', '/api/sos?audience=customer', { orderId, note: '师傅搬柜子时砸伤了我的脚' });
    expect(sos.statusCode).toBe(201);
    const incidentId = sos.json().id as string;
    const options = (await c('GET', `/api/orders/${orderId}/claims`)).json();
    expect(options.canFile).toBe(true);
    expect(options.incidents.map((i: { id: string }) => i.id)).toEqual([incidentId]);

    const doc = await uploadDocument(c, '/api/claims/documents', 'claim-receipt');
    const good = { source: 'incident', incidentId, amountFen: 80_000, description: '脚背挫伤，医院检查和药费', documentFileIds: [doc] };
    const above = await c('POST', `/api/orders/${orderId}/claims`, { ...good, amountFen: 5_000_001 });
    expect(above.statusCode).toBe(400);
    expect(above.headers['content-type']).toContain('application/problem+json');
    expect(above.json().errors[0]).toMatchObject({ field: 'amountFen', code: 'above_cover' });
    expect((await c('POST', `/api/orders/${orderId}/claims`, { ...good, amountFen: 0 })).json().errors[0]).toMatchObject({ field: 'amountFen', code: 'range' });
    expect((await c('POST', `/api/orders/${orderId}/claims`, { ...good, amountFen: -5 })).statusCode).toBe(400);
    expect((await c('POST', `/api/orders/${orderId}/claims`, { ...good, amountFen: 12.5 })).statusCode).toBe(400);
    expect((await c('POST', `/api/orders/${orderId}/claims`, { ...good, incidentId: undefined })).json().errors[0].field).toBe('incidentId');
    expect((await c('POST', `/api/orders/${orderId}/claims`, { ...good, source: 'dispute', incidentId: undefined })).json().code).toBe('CLAIM_NOT_ALLOWED');
    const stranger = caller(t, await smsSignIn(t.app, t.ctx));
    expect((await stranger('POST', `/api/orders/${orderId}/claims`, good)).statusCode).toBe(404);
    expect((await stranger('GET', `/api/orders/${orderId}/claims`)).statusCode).toBe(404);
    const strangerDoc = await uploadDocument(stranger, '/api/claims/documents', 'not-mine');
    expect((await c('POST', `/api/orders/${orderId}/claims`, { ...good, documentFileIds: [strangerDoc] })).json().code).toBe('FILE_NOT_OWNED');
    expect(await claimRows(orderId)).toHaveLength(0);

    const filed = await c('POST', `/api/orders/${orderId}/claims`, good);
    expect(filed.statusCode, filed.body).toBe(201);
    const claim = filed.json();
    expect(claim).toMatchObject({ status: 'submitted', amountFen: 80_000, coverFen: 5_000_000, source: 'incident', incidentId, payout: null });
    expect(claim.claimNo).toMatch(/^LP\d{8}[0-9A-F]{6}$/);
    expect((await followLink(t.app, await c('GET', claim.documentUrls[0]))).statusCode).toBe(200);
    expect((await stranger('GET', claim.documentUrls[0])).statusCode).toBe(404);
    const second = await c('POST', `/api/orders/${orderId}/claims`, { ...good, amountFen: 100 });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('CLAIM_OPEN');

    // 提交 → 审核 → 赔付: support may not decide, finance cannot pay before review.
    expect((await support('POST', `/api/admin/claims/${claim.id}/decision`, { decision: 'pay', reason: '材料齐全' })).statusCode).toBe(403);
    expect((await finance('POST', `/api/admin/claims/${claim.id}/decision`, { decision: 'pay', reason: '材料齐全' })).json().code).toBe('CLAIM_STATE');
    const reviewing = await ops('POST', `/api/admin/claims/${claim.id}/review`, {});
    expect(reviewing.json().status).toBe('reviewing');
    expect((await ops('POST', `/api/admin/claims/${claim.id}/review`, {})).statusCode).toBe(409);
    const adminView = (await ops('GET', `/api/admin/claims/${claim.id}`)).json();
    expect((await followLink(t.app, await ops('GET', adminView.documentUrls[0]))).statusCode).toBe(200);
    expect((await finance('POST', `/api/admin/claims/${claim.id}/decision`, { decision: 'pay', reason: ' ' })).json().errors[0].field).toBe('reason');

    const [p1, p2] = await Promise.all([
      finance('POST', `/api/admin/claims/${claim.id}/decision`, { decision: 'pay', reason: '医院票据齐全，按实际费用赔付' }),
      finance('POST', `/api/admin/claims/${claim.id}/decision`, { decision: 'pay', reason: '医院票据齐全，按实际费用赔付' }),
    ]);
    expect([p1.statusCode, p2.statusCode]).toEqual([200, 200]);
    const paid = p1.json();
    expect(paid.status).toBe('paid');
    expect(paid.payout).toMatchObject({ entryKey: `claim-payout:${claim.id}`, amountFen: 80_000 });
    expect(paid.payout.lines).toEqual([{ account: 'insurance_premiums', amountFen: -80_000 }, { account: 'payouts', amountFen: 80_000 }]);
    const headers = { 'idempotency-key': `pay-${claim.id}` };
    expect((await finance('POST', `/api/admin/claims/${claim.id}/decision`, { decision: 'pay', reason: '再付一次' }, headers)).json().status).toBe('paid');
    expect((await finance('POST', `/api/admin/claims/${claim.id}/decision`, { decision: 'reject', reason: '改为驳回' })).json().code).toBe('CLAIM_STATE');
    expect(await entries(`claim-payout:${claim.id}`)).toHaveLength(1);
    expect(await entries(`claim-funding:${claim.id}`)).toHaveLength(1);
    const tb = (await finance('GET', '/api/admin/finance/trial-balance')).json();
    expect(tb.totalFen).toBe(0);
    expect(tb.mismatches).toEqual([]);
    expect(tb.negative).toEqual([]);

    const mine = (await c('GET', `/api/orders/${orderId}/claims`)).json();
    expect(mine.items[0]).toMatchObject({ id: claim.id, status: 'paid', decisionReason: '医院票据齐全，按实际费用赔付', payout: { entryKey: `claim-payout:${claim.id}`, amountFen: 80_000 } });
    expect(mine.remainingFen).toBe(5_000_000 - 80_000);
    const theirs = (await w('GET', `/api/worker/orders/${orderId}/claims`)).json();
    expect(theirs.items[0]).toMatchObject({ id: claim.id, status: 'paid', amountFen: 80_000, documentUrls: [], description: '' });
    expect((await c('GET', `/api/worker/orders/${orderId}/claims`)).statusCode).toBe(403);
    for (const userId of [customer.user.id, worker.user.id]) {
      const n = await t.ctx.db.selectFrom('notifications').select(['type', 'vars']).where('recipient_id', '=', userId).where('type', '=', 'claim_decided').execute();
      expect(n).toHaveLength(1);
      expect(n[0].vars).toMatchObject({ decision: 'paid', amount: '¥800.00' });
    }
    const audit = await t.ctx.db.selectFrom('audit_log').select('action').where('target_id', '=', claim.id).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['claim.paid', 'claim.review_started']);
  });

  it('ops file from a dispute by order number; a rejection needs a reason, is told to both sides, and frees the order for a new claim', async () => {
    const { orderId, orderNo, customer } = await acceptedOrder(true, 4);
    const options = (await ops('GET', `/api/admin/claims/options?orderNo=${orderNo}`)).json();
    expect(options).toMatchObject({ orderId, disputed: false, canFile: false });
    expect((await ops('POST', '/api/admin/claims', { orderNo, source: 'dispute', amountFen: 20_000, description: '地板划伤，客户要求赔偿' })).json().code).toBe('CLAIM_NOT_ALLOWED');
    expect((await ops('POST', `/api/admin/orders/${orderId}/dispute`, { reason: '客户投诉地板被划伤' })).statusCode).toBe(200);
    expect((await ops('GET', `/api/admin/claims/options?orderNo=${orderNo}`)).json()).toMatchObject({ disputed: true, canFile: true });
    expect((await support('POST', '/api/admin/claims', { orderNo, source: 'dispute', amountFen: 20_000, description: '地板划伤' })).statusCode).toBe(403);
    expect((await ops('POST', '/api/admin/claims', { orderNo: 'NO-SUCH', source: 'dispute', amountFen: 20_000, description: '地板划伤' })).statusCode).toBe(404);
    const doc = await uploadDocument(ops, '/api/admin/claims/documents', 'floor-photo');
    const filed = await ops('POST', '/api/admin/claims', { orderNo, source: 'dispute', amountFen: 20_000, description: '地板划伤，客户要求赔偿', documentFileIds: [doc] });
    expect(filed.statusCode, filed.body).toBe(201);
    const claim = filed.json();
    expect(claim).toMatchObject({ filedBy: 'admin', status: 'submitted', customer: { id: customer.user.id } });
    const listed = (await ops('GET', `/api/admin/claims?orderNo=${orderNo}`)).json();
    expect(listed.total).toBe(1);
    expect((await ops('GET', '/api/admin/claims?status=submitted')).json().items.some((i: { id: string }) => i.id === claim.id)).toBe(true);
    await ops('POST', `/api/admin/claims/${claim.id}/review`, {});
    const rejected = await finance('POST', `/api/admin/claims/${claim.id}/decision`, { decision: 'reject', reason: '划痕为旧伤，入户时已有照片记录' });
    expect(rejected.json()).toMatchObject({ status: 'rejected', payout: null, decisionReason: '划痕为旧伤，入户时已有照片记录' });
    expect(await entries(`claim-payout:${claim.id}`)).toHaveLength(0);
    const n = await t.ctx.db.selectFrom('notifications').select('vars').where('recipient_id', '=', customer.user.id).where('type', '=', 'claim_decided').executeTakeFirstOrThrow();
    expect(n.vars).toMatchObject({ decision: 'rejected', reason: '划痕为旧伤，入户时已有照片记录' });
    const again = await caller(t, customer)('POST', `/api/orders/${orderId}/claims`, { source: 'dispute', amountFen: 15_000, description: '补充了新的照片，重新申请' });
    expect(again.statusCode, again.body).toBe(201);
  });

  it('an order without insurance cannot be claimed on', async () => {
    const { orderId, c } = await acceptedOrder(false, 5);
    await c('POST', '/api/sos?audience=customer', { orderId });
    const opts = (await c('GET', `/api/orders/${orderId}/claims`)).json();
    expect(opts).toMatchObject({ coverFen: 0, canFile: false });
    expect(opts.reasons).toContain('no_cover');
    const incidentId = opts.incidents[0].id;
    const res = await c('POST', `/api/orders/${orderId}/claims`, { source: 'incident', incidentId, amountFen: 100, description: '测试无保险' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'CLAIM_NOT_ALLOWED', errors: [{ field: 'orderId' }] });
  });
});


