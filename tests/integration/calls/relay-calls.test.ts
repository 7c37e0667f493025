/** 隐私号通话记录: the relay provider's signed call reports, recorded once, read in the evidence pack. */
import { describe, expect, it } from 'vitest';
import { RELAY_REPORT_PATH, type CallReport } from '../../../src/platform/providers/relay.js';
import { acceptedOrder, caller, type Caller, customerWithAddress, useAppWithOps } from '../../helpers/booking.js';
import type { TestApp } from '../../helpers/test-app.js';

let t: TestApp;
let ops: Caller;
useAppWithOps((app, admin) => { t = app; ops = admin; });

const calls = (orderId: string) => t.ctx.db.selectFrom('relay_calls').selectAll().where('order_id', '=', orderId).orderBy('started_at').execute();
const post = (payload: string, headers: Record<string, string>) => t.app.inject({ method: 'POST', url: RELAY_REPORT_PATH, headers, payload });

describe('relay-call records (隐私号通话记录)', () => {
  it('each side dials through the relay number; the reports are recorded with the caller as a role, never a number', async () => {
    const { order, c, w, customer, worker } = await acceptedOrder(t, '通话师傅');
    const answered = await c('POST', `/api/orders/${order.id}/relay-calls/simulate`, { outcome: 'answered', talkSeconds: 95 });
    expect(answered.statusCode).toBe(201);
    expect(answered.json()).toMatchObject({ outcome: 'answered', talkSeconds: 95 });
    expect((await w('POST', `/api/orders/${order.id}/relay-calls/simulate`, { outcome: 'no_answer', talkSeconds: 30 })).json()).toMatchObject({ outcome: 'no_answer', talkSeconds: 0 });

    const rows = await calls(order.id);
    expect(rows.map((r) => [r.caller_role, r.outcome, r.talk_seconds])).toEqual([['customer', 'answered', 95], ['worker', 'no_answer', 0]]);
    const relay = (await c('GET', `/api/orders/${order.id}`)).json().worker.relayPhone;
    expect(rows.every((r) => r.relay_number === relay)).toBe(true);
    // Only the relay number is kept: neither party's phone is in the row.
    for (const phone of [customer.phone, worker.phone]) expect(JSON.stringify(rows)).not.toContain(phone.slice(-8));

    const pack = (await ops('GET', `/api/admin/orders/${order.id}/evidence`)).json();
    expect(pack.relay.number).toBe(relay);
    expect(pack.relay.calls.summary).toMatchObject({ calls: 2, answered: 1, byCustomer: 1, byWorker: 1, talkSeconds: 95 });
    expect(pack.relay.calls.items.map((i: { callerRole: string }) => i.callerRole)).toEqual(['customer', 'worker']);
  });

  it('a report posted again is recorded once; a forged, stale or tampered one is refused and writes nothing', async () => {
    const { order, worker } = await acceptedOrder(t, '通话师傅');
    const o = await t.ctx.db.selectFrom('orders').select(['relay_number']).where('id', '=', order.id).executeTakeFirstOrThrow();
    const now = new Date();
    const report: CallReport = {
      callId: `test-${order.id}`, bindingKey: `${order.id}:${worker.user.id}`, relayNumber: o.relay_number!, callerNumber: '+86 139 0000 0000', calledNumber: '13800000000',
      outcome: 'busy', startedAt: new Date(now.getTime() - 10_000).toISOString(), answeredAt: null, endedAt: now.toISOString(),
    };
    const signed = t.ctx.relaySim!.signed(report, now);
    expect((await post(signed.payload, signed.headers)).json()).toEqual({ code: 'SUCCESS' });
    expect((await post(signed.payload, signed.headers)).json()).toEqual({ code: 'SUCCESS' });
    const rows = await calls(order.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ caller_role: 'other', outcome: 'busy', talk_seconds: 0, answered_at: null });

    const tampered = await post(signed.payload.replace('"busy"', '"answered"'), signed.headers);
    expect(tampered.statusCode).toBe(401);
    expect(tampered.json()).toEqual({ code: 'FAIL', message: 'BAD_SIGNATURE' });
    const stale = t.ctx.relaySim!.signed({ ...report, callId: `stale-${order.id}` }, new Date(now.getTime() - 10 * 60_000));
    expect((await post(stale.payload, stale.headers)).json()).toEqual({ code: 'FAIL', message: 'TIMESTAMP_OUT_OF_WINDOW' });
    const unsigned = await post(JSON.stringify({ ...report, callId: `unsigned-${order.id}` }), { 'content-type': 'application/json' });
    expect(unsigned.statusCode).toBe(401);
    const malformed = t.ctx.relaySim!.signed({ ...report, callId: `bad-${order.id}`, outcome: 'answered' }, now); // answered without answeredAt
    expect((await post(malformed.payload, malformed.headers)).statusCode).toBe(400);
    expect(await calls(order.id)).toHaveLength(1);

    // A binding we never made (or times that contradict themselves) is acknowledged, so the provider stops retrying, and dropped.
    const unknown = t.ctx.relaySim!.signed({ ...report, callId: `unknown-${order.id}`, bindingKey: `00000000-0000-4000-8000-000000000000:${worker.user.id}` }, now);
    expect((await post(unknown.payload, unknown.headers)).json()).toEqual({ code: 'SUCCESS' });
    const backwards = t.ctx.relaySim!.signed({ ...report, callId: `backwards-${order.id}`, startedAt: now.toISOString(), endedAt: new Date(now.getTime() - 1000).toISOString() }, now);
    expect((await post(backwards.payload, backwards.headers)).json()).toEqual({ code: 'SUCCESS' });
    expect(await calls(order.id)).toHaveLength(1);
  });

  it('only the two parties dial, only while the number is reachable; bad input is a field-level problem', async () => {
    const { order, c, w } = await acceptedOrder(t, '通话师傅');
    const stranger = caller(t, await customerWithAddress(t));
    expect((await stranger('POST', `/api/orders/${order.id}/relay-calls/simulate`, { outcome: 'answered', talkSeconds: 10 })).statusCode).toBe(404);
    const bad = await c('POST', `/api/orders/${order.id}/relay-calls/simulate`, { outcome: 'shouting', talkSeconds: -1 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['outcome', 'talkSeconds']);

    // Cancelled: the binding is gone, the number unreachable; nothing is recorded.
    expect((await c('POST', `/api/orders/${order.id}/cancel`, { reason: '计划有变' })).statusCode).toBe(200);
    const closed = await w('POST', `/api/orders/${order.id}/relay-calls/simulate`, { outcome: 'answered', talkSeconds: 10 });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().code).toBe('ORDER_STATE');
    expect(await calls(order.id)).toHaveLength(0);
  });
});
