/** 售后纠纷: a worker opens a case, both parties add statements with photos before the deadline, the decision reaches both. */
import { describe, expect, it } from 'vitest';
import { caller, type Caller, customerWithAddress, HOME, opsHeaders, useAppWithOps } from '../../helpers/booking.js';
import { followLink, type TestApp } from '../../helpers/test-app.js';
import { multipart, png } from '../../helpers/workers.js';
import { orderInService } from './visit.js';

let t: TestApp;
let ops: Caller;
useAppWithOps((app, admin) => { t = app; ops = admin; });

async function photo(call: ReturnType<typeof caller>, path: string, tag: string) {
  const form = multipart(png(tag));
  const res = await call('POST', path, form.payload, form.headers);
  expect(res.statusCode).toBe(200);
  return res.json().id as string;
}

describe('after-sales cases (售后纠纷)', () => {
  it('the worker opens a case; both parties add statements with photos; the decision with its reason reaches both', async () => {
    const { order, c, w } = await orderInService(t, '纠纷师傅');
    expect((await c('GET', `/api/orders/${order.id}/dispute`)).json()).toEqual({ case: null });
    expect((await c('POST', `/api/orders/${order.id}/dispute/statements`, { body: '还没有纠纷' })).json().code).toBe('DISPUTE_NOT_OPEN');

    const opened = await w('POST', `/api/worker/orders/${order.id}/dispute`, { reason: '客户要求额外清洗油烟机但拒绝加价' });
    expect(opened.statusCode).toBe(200);
    expect(opened.json().case).toMatchObject({ openedBy: 'worker', reason: '客户要求额外清洗油烟机但拒绝加价', open: true, statements: [], decision: null });
    expect((await c('GET', `/api/orders/${order.id}`)).json().status).toBe('disputed');
    const until = Date.parse(opened.json().case.statementsUntil) - Date.parse(opened.json().case.openedAt);
    expect(until).toBe(48 * 3_600_000);

    const workerPhoto = await photo(w, '/api/worker/orders/photos', 'dispute-w');
    const customerPhoto = await photo(c, '/api/orders/photos', 'dispute-c');
    expect((await w('POST', `/api/worker/orders/${order.id}/dispute/statements`, { body: '现场油烟机不在预约范围内', fileIds: [workerPhoto] })).statusCode).toBe(201);
    // A photo that is not mine: refused, nothing written.
    const foreign = await c('POST', `/api/orders/${order.id}/dispute/statements`, { body: '借用师傅的照片', fileIds: [workerPhoto] });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().code).toBe('FILE_NOT_OWNED');
    const mine = await c('POST', `/api/orders/${order.id}/dispute/statements`, { body: '下单时备注写了油烟机', fileIds: [customerPhoto] });
    expect(mine.statusCode).toBe(201);
    expect(mine.json().case.statements.map((s: { party: string }) => s.party)).toEqual(['worker', 'customer']);
    expect(mine.json().case.statements[1].fileUrls).toHaveLength(1);
    // Each party opens the other's evidence through the order's file route; nobody else does.
    const url = mine.json().case.statements[1].fileUrls[0] as string;
    expect(url).toBe(`/api/orders/${order.id}/files/${customerPhoto}`);
    expect((await followLink(t.app, await w('GET', url))).statusCode).toBe(200);
    expect((await caller(t, await customerWithAddress(t))('GET', url)).statusCode).toBe(404);

    const ruled = await ops('POST', `/api/admin/orders/${order.id}/arbitrate`, { outcome: 'refund_partial', refundFen: 2_000, reason: '油烟机不在服务范围，退还部分费用' });
    expect(ruled.statusCode).toBe(200);
    for (const view of [await c('GET', `/api/orders/${order.id}/dispute`), await w('GET', `/api/worker/orders/${order.id}/dispute`)]) {
      expect(view.json().case).toMatchObject({ open: false, decision: { outcome: 'refund_partial', refundFen: 2_000, reason: '油烟机不在服务范围，退还部分费用' } });
    }
    expect((await c('POST', `/api/orders/${order.id}/dispute/statements`, { body: '裁决后再补充' })).json().code).toBe('DISPUTE_NOT_OPEN');
  });

  it('refuses statements after the deadline, past the limit, on orders of others, and bad input — nothing written', async () => {
    const { order, c, w } = await orderInService(t, '纠纷师傅');
    expect((await w('POST', `/api/worker/orders/${order.id}/dispute`, { reason: '短' })).statusCode).toBe(400);
    expect((await w('POST', `/api/worker/orders/${order.id}/dispute`, { reason: '客户拒绝开门验收' })).statusCode).toBe(200);
    const stranger = caller(t, await customerWithAddress(t));
    expect((await stranger('GET', `/api/orders/${order.id}/dispute`)).statusCode).toBe(404);
    expect((await stranger('POST', `/api/orders/${order.id}/dispute/statements`, { body: '路人' })).statusCode).toBe(404);
    const tooLong = await c('POST', `/api/orders/${order.id}/dispute/statements`, { body: '长'.repeat(1001) });
    expect(tooLong.statusCode).toBe(400);
    expect((await c('POST', `/api/orders/${order.id}/dispute/statements`, { body: '' })).statusCode).toBe(400);
    for (let i = 0; i < 5; i++) expect((await c('POST', `/api/orders/${order.id}/dispute/statements`, { body: `补充 ${i + 1}` })).statusCode).toBe(201);
    expect((await c('POST', `/api/orders/${order.id}/dispute/statements`, { body: '第六份' })).json().code).toBe('DISPUTE_STATEMENTS_FULL');

    // The case opened 49 hours ago: statements closed.
    await t.ctx.db.updateTable('order_events').set({ at: new Date(Date.now() - 49 * 3_600_000) }).where('order_id', '=', order.id).where('action', '=', 'dispute').execute();
    const late = await w('POST', `/api/worker/orders/${order.id}/dispute/statements`, { body: '迟到的陈述' });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('DISPUTE_STATEMENTS_CLOSED');
    const rows = await t.ctx.db.selectFrom('dispute_statements').select('party').where('order_id', '=', order.id).execute();
    expect(rows).toHaveLength(5);
  });

  it('the desk opens the evidence pack: case and statements, check-in against start and address, trail, chat; each view audited', async () => {
    const { order, c, w } = await orderInService(t, '纠纷师傅');
    const fix = await w('POST', `/api/worker/orders/${order.id}/location`, { lat: HOME.lat + 0.001, lng: HOME.lng, accuracy: 15, recordedAt: new Date().toISOString() });
    expect(fix.statusCode).toBeLessThan(300);
    expect((await c('POST', `/api/orders/${order.id}/chat`, { kind: 'text', body: '师傅，厨房也请一起做' })).statusCode).toBeLessThan(300);
    expect((await w('POST', `/api/worker/orders/${order.id}/dispute`, { reason: '客户临时增加厨房但不同意增项' })).statusCode).toBe(200);
    expect((await c('POST', `/api/orders/${order.id}/dispute/statements`, { body: '厨房在预约时已说明' })).statusCode).toBe(201);

    const stranger = caller(t, await customerWithAddress(t));
    expect((await stranger('GET', `/api/admin/orders/${order.id}/evidence`)).statusCode).toBe(401);
    const pack = await ops('GET', `/api/admin/orders/${order.id}/evidence`);
    expect(pack.statusCode).toBe(200);
    const body = pack.json();
    expect(body.case).toMatchObject({ openedBy: 'worker', open: true, statements: [{ party: 'customer', body: '厨房在预约时已说明' }] });
    expect(body.checkIn).toMatchObject({ distanceM: 0, farReason: null });
    expect(body.checkIn.minutesAfterStart).toBeLessThan(0); // the early visit the customer agreed to
    expect(body.trail.summary).toMatchObject({ points: 1 });
    expect(body.trail.summary.closestM).toBeGreaterThan(100);
    expect(body.chat.items.map((m: { body: string }) => m.body)).toContain('师傅，厨房也请一起做');
    const audit = await t.ctx.db.selectFrom('audit_log').select('action').where('target_id', '=', order.id).where('action', '=', 'order.evidence_viewed').execute();
    expect(audit).toHaveLength(1);
    expect((await ops('GET', `/api/admin/orders/00000000-0000-4000-8000-000000000000/evidence`)).statusCode).toBe(404);
  });

  it('minimum necessary: support and finance see the district, not the street address or contact; operations see both', async () => {
    const { order } = await orderInService(t, '地址师傅');
    const as = async (role: string) => caller(t, { headers: await opsHeaders(t, role) });
    const full = (await (await as('operations'))('GET', `/api/admin/orders/${order.id}`)).json();
    expect(full.address).toMatchObject({ detail: '漕溪北路 88 号 1201 室', contactName: '张女士' });
    for (const role of ['support', 'finance']) {
      const call = await as(role);
      const view = (await call('GET', `/api/admin/orders/${order.id}`)).json();
      expect(view.address, role).toMatchObject({ districtName: full.address.districtName, detail: null, contactName: null });
      expect(JSON.stringify(view), role).not.toContain('漕溪北路');
    }
    expect((await (await as('support'))('GET', `/api/admin/orders/${order.id}/evidence`)).json().address.detail).toBeNull();
  });
});
