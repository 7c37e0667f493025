// Each feature that exists tells its people: offers, assignment, reschedules, refunds, withdrawals, onboarding,
// penalties and appeals, certificates, the arrival and auto-acceptance reminders, disputes and arbitration.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { TestApp } from '../../helpers/test-app.js';
import { ALL_DAY, bookOrder, caller, type Caller, customerWithAddress, HOME, type Party, signedInWorker, useAppWithOps } from '../../helpers/booking.js';
import { shanghaiAt } from '../../helpers/time.js';
import { noticeExpiringCertificates } from '../../../src/domains/workers/review-service.js';
import { agreeEarlyVisit, EARLY_FINISH } from '../booking/visit.js';

let t: TestApp;
let ops: Caller;
useAppWithOps((app, admin) => { t = app; ops = admin; });

const H = 3_600_000;
let day = 2;
async function types(who: Party, audience: 'customer' | 'worker') {
  return (await caller(t, who)('GET', `/api/notifications?audience=${audience}&pageSize=100`)).json().items as { type: string; title: string; body: string; link: { kind: string; id: string } | null }[];
}

describe('notices from every feature', () => {
  it('offers, reschedule both ways, reminders before arrival and auto-acceptance, a dispute for ops and the arbitration for both', async () => {
    const customer = await customerWithAddress(t);
    const worker = await signedInWorker(t, { name: '孙师傅', hours: ALL_DAY });
    const order = await bookOrder(t, customer, shanghaiAt(day++, 10), { workerId: worker.user.id });
    const offered = (await types(worker, 'worker')).find((n) => n.type === 'order_offered');
    expect(offered).toMatchObject({ title: '新订单待接单', link: { kind: 'order', id: order.id } });
    const c = caller(t, customer);
    const w = caller(t, worker);
    expect((await w('POST', `/api/worker/orders/${order.id}/accept`, {})).statusCode).toBe(200);

    const asked = await c('POST', `/api/orders/${order.id}/reschedule`, { start: shanghaiAt(day, 14), reason: '家里有事' });
    expect(asked.statusCode, asked.body).toBe(200);
    expect((await types(worker, 'worker')).find((n) => n.type === 'reschedule_requested')?.body).toMatch(/^客户申请将 .+ 服务时间改为 /);
    const rid = asked.json().reschedule.id;
    expect((await w('POST', `/api/worker/orders/${order.id}/reschedule/${rid}/decision`, { approve: true })).statusCode).toBe(200);
    const decided = (await types(customer, 'customer')).find((n) => n.type === 'reschedule_decided');
    expect(decided?.body).toMatch(/^您预约的 .+ 服务时间将变更为 .+，如有疑问请联系 /);

    const start = new Date((await c('GET', `/api/orders/${order.id}`)).json().scheduledStart).getTime();
    await t.ctx.jobs.runDue(new Date(start - 9 * 60_000));
    expect((await types(worker, 'worker')).find((n) => n.type === 'check_in_due')?.body).toContain('服务码签到');
    const code = (await c('GET', `/api/orders/${order.id}`)).json().serviceCode;
    await agreeEarlyVisit(w, c, order.id);
    expect((await w('POST', `/api/worker/orders/${order.id}/check-in`, { lat: HOME.lat, lng: HOME.lng, serviceCode: code })).statusCode).toBe(200);
    expect((await w('POST', `/api/worker/orders/${order.id}/finish`, EARLY_FINISH)).statusCode).toBe(200);
    await t.ctx.jobs.runDue(new Date(Date.now() + 43 * H));
    const soon = (await types(customer, 'customer')).find((n) => n.type === 'auto_confirm_soon');
    expect(soon?.title).toBe('订单即将自动验收');

    expect((await c('POST', `/api/orders/${order.id}/problem`, { kind: 'other', reason: '地板没拖干净' })).statusCode).toBe(200);
    const alert = (await ops('GET', '/api/admin/notifications')).json().items.find((n: { type: string }) => n.type === 'dispute_opened');
    expect(alert.body).toContain('地板没拖干净');
    expect((await ops('POST', `/api/admin/orders/${order.id}/arbitrate`, { outcome: 'refund_partial', refundFen: 1_000, reason: '部分退款' })).statusCode).toBe(200);
    for (const [who, audience] of [[customer, 'customer'], [worker, 'worker']] as const) {
      expect((await types(who, audience)).find((n) => n.type === 'arbitration_decided')?.body).toContain('退款 ¥10.00');
    }
    await t.ctx.jobs.runDue(new Date(Date.now() + 60_000));
    expect((await types(customer, 'customer')).find((n) => n.type === 'refund_done')?.body).toContain('¥10.00');
  });

  it('withdrawals, onboarding, penalties with appeals, and certificates about to expire', async () => {
    const worker = await signedInWorker(t, { name: '周师傅', hours: ALL_DAY });
    const id = worker.user.id;
    await t.ctx.db.updateTable('worker_profiles').set({ status: 'submitted' }).where('user_id', '=', id).execute();
    expect((await ops('POST', `/api/admin/workers/${id}/reject`, { reason: '证件照片不清晰' })).statusCode).toBeLessThan(300);
    expect((await types(worker, 'worker')).find((n) => n.type === 'onboarding_rejected')?.body).toContain('证件照片不清晰');
    await t.ctx.db.updateTable('worker_profiles').set({ status: 'submitted' }).where('user_id', '=', id).execute();
    expect((await ops('POST', `/api/admin/workers/${id}/approve`, {})).statusCode).toBeLessThan(300);
    expect((await types(worker, 'worker')).some((n) => n.type === 'onboarding_approved')).toBe(true);

    const penalty = await ops('POST', `/api/admin/workers/${id}/penalties`, { kind: 'suspension', reason: '多次迟到', days: 3 });
    expect(penalty.statusCode, penalty.body).toBeLessThan(300);
    const issued = (await types(worker, 'worker')).find((n) => n.type === 'penalty_issued');
    expect(issued?.title).toBe('暂停接单');
    const penaltyId = issued!.link!.id;
    expect((await caller(t, worker)('POST', `/api/worker/penalties/${penaltyId}/appeal`, { text: '那天是暴雨，路上堵车' })).statusCode).toBeLessThan(300);
    expect((await ops('POST', `/api/admin/penalties/${penaltyId}/appeal-decision`, { outcome: 'revoked', note: '情况属实' })).statusCode).toBeLessThan(300);
    expect((await types(worker, 'worker')).find((n) => n.type === 'appeal_outcome')?.title).toBe('申诉成功');

    const expires = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    await t.ctx.db.insertInto('worker_certificates').values({ worker_id: id, kind: 'housekeeping', number: 'JZ-001', expires_at: expires, status: 'verified', file_id: randomUUID() }).execute();
    await noticeExpiringCertificates(t.ctx);
    await noticeExpiringCertificates(t.ctx); // the daily sweep again: still one notice
    const certs = (await types(worker, 'worker')).filter((n) => n.type === 'certificate_expiring');
    expect(certs).toHaveLength(1);
    expect(certs[0].body).toContain(`家政服务员证将于 ${expires} 到期`);

  });
});
