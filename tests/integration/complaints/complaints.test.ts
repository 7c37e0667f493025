import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintCounts, complaintRowsAbout, escalateOverdueComplaints, openComplaint } from '../../../src/domains/complaints/index.js';
import { ALL_DAY, bookOrder, caller, customerWithAddress, opsHeaders, signedInWorker } from '../../helpers/booking.js';
import { createTestApp, followLink, type TestApp } from '../../helpers/test-app.js';
import { shanghaiAt } from '../../helpers/time.js';
import { multipart, png } from '../../helpers/workers.js';

let t: TestApp;
let ops: ReturnType<typeof caller>;
let support: ReturnType<typeof caller>;
let finance: ReturnType<typeof caller>;
beforeAll(async () => {
  t = await createTestApp();
  ops = caller(t, { headers: await opsHeaders(t, 'operations') });
  support = caller(t, { headers: await opsHeaders(t, 'support') });
  finance = caller(t, { headers: await opsHeaders(t, 'finance') });
});
afterAll(async () => { await t?.close(); });

const HOUR = 3_600_000;

/** A paid order of a fresh customer, accepted by a fresh worker (there is someone to complain about). */
async function acceptedOrder(day = 2) {
  const customer = await customerWithAddress(t);
  const worker = await signedInWorker(t, { name: '投诉师傅', hours: ALL_DAY });
  const order = await bookOrder(t, customer, shanghaiAt(day, 10), { workerId: worker.user.id });
  const w = caller(t, worker);
  expect((await w('POST', `/api/worker/orders/${order.id}/accept`, {})).statusCode).toBe(200);
  return { order, customer, worker, c: caller(t, customer), w };
}

async function upload(call: ReturnType<typeof caller>, tag: string) {
  const form = multipart(png(tag));
  const res = await call('POST', '/api/complaints/evidence', form.payload, form.headers);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

const notices = (recipientId: string, type: string) => t.ctx.db.selectFrom('notifications').select(['type', 'vars']).where('recipient_id', '=', recipientId).where('type', '=', type).execute();
const complaintsOf = (orderId: string) => t.ctx.db.selectFrom('complaints').selectAll().where('order_id', '=', orderId).execute();
const auditOf = (id: string) => t.ctx.db.selectFrom('audit_log').select('action').where('target_id', '=', id).orderBy('created_at').execute().then((r) => r.map((a) => a.action));

describe('complaints (投诉)', () => {
  it('a customer complains about the worker with evidence; ops claim, reply, resolve with a penalty; each side learns what it should when it should', async () => {
    const { order, customer, worker, c, w } = await acceptedOrder();
    const photo = await upload(c, 'complaint-1');
    const filed = await c('POST', `/api/orders/${order.id}/complaints`, { category: 'late', description: '师傅迟到了一个小时，也没有提前说', evidenceFileIds: [photo] });
    expect(filed.statusCode, filed.body).toBe(201);
    const complaint = filed.json();
    expect(complaint).toMatchObject({ status: 'submitted', category: 'late', categoryLabel: { zh: '迟到' }, role: 'filed', evidenceUrls: [`/api/files/${photo}`] });
    // The customer is told it was received; the admins are told there is a new one; the worker hears nothing yet.
    expect(await notices(customer.user.id, 'complaint_received')).toHaveLength(1);
    expect(await notices(worker.user.id, 'complaint_against')).toHaveLength(0);
    expect((await w('GET', '/api/complaints?role=against')).json().total).toBe(0);
    expect((await w('GET', `/api/complaints/${complaint.id}`)).statusCode).toBe(404);
    // A second open complaint by the same person on the same order: 409, nothing written.
    const twice = await c('POST', `/api/orders/${order.id}/complaints`, { category: 'attitude', description: '态度也不好' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('COMPLAINT_EXISTS');
    expect(await complaintsOf(order.id)).toHaveLength(1);
    expect((await c('GET', `/api/orders/${order.id}/complaints`)).json()).toMatchObject({ canFile: false, reason: 'open_complaint' });

    // The console: listed with its SLA clock (first response due in 4 h by default), evidence served to the desk.
    const list = (await support('GET', `/api/admin/complaints?status=open&orderId=${order.id}`)).json();
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ id: complaint.id, status: 'submitted', sla: { stage: 'response', overdue: false }, owner: null, evidenceCount: 1, filer: { kind: 'customer' }, against: { kind: 'worker', id: worker.user.id } });
    expect(list.items[0].against.name).toMatch(/师傅/);
    expect(list.items[0].sla.msLeft).toBeGreaterThan(3.9 * HOUR);
    expect(list.items[0].sla.msLeft).toBeLessThanOrEqual(4 * HOUR);
    const detail = (await support('GET', `/api/admin/complaints/${complaint.id}`)).json();
    expect(detail.description).toBe('师傅迟到了一个小时，也没有提前说');
    const image = await followLink(t.app, await support('GET', detail.evidence[0].url));
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect((await finance('GET', detail.evidence[0].url)).statusCode).toBe(403);

    // 认领 → owner; 回复 → 处理中, first response; the worker now learns of it — the category, never the text.
    expect((await support('POST', `/api/admin/complaints/${complaint.id}/claim`)).json().owner.name).toBe('测试 support');
    const replied = await support('POST', `/api/admin/complaints/${complaint.id}/reply`, { message: '已联系师傅核实，今天内答复您' });
    expect(replied.statusCode, replied.body).toBe(200);
    expect(replied.json()).toMatchObject({ status: 'in_progress', sla: { stage: 'resolution' } });
    expect(replied.json().firstResponseAt).not.toBeNull();
    expect(await notices(customer.user.id, 'complaint_reply')).toHaveLength(1);
    expect(await notices(worker.user.id, 'complaint_against')).toHaveLength(1);
    const aboutMe = (await w('GET', '/api/complaints?role=against')).json();
    expect(aboutMe.items).toHaveLength(1);
    expect(aboutMe.items[0]).toMatchObject({ id: complaint.id, category: 'late', description: null });
    expect(JSON.stringify((await w('GET', `/api/complaints/${complaint.id}`)).json())).not.toContain('提前说');
    const mine = (await c('GET', `/api/complaints/${complaint.id}`)).json();
    expect(mine.timeline.map((e: { action: string }) => e.action)).toEqual(['filed', 'replied']);

    // Support may not penalise (workers:review): 403 and nothing changes. Operations resolve with a warning.
    const denied = await support('POST', `/api/admin/complaints/${complaint.id}/resolve`, { outcome: '迟到属实', penalty: { kind: 'warning' } });
    expect(denied.statusCode).toBe(403);
    expect((await complaintsOf(order.id))[0]!.status).toBe('in_progress');
    const resolved = await ops('POST', `/api/admin/complaints/${complaint.id}/resolve`, { outcome: '迟到属实，已对师傅警告', penalty: { kind: 'warning' } });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(resolved.json()).toMatchObject({ status: 'resolved', outcome: '迟到属实，已对师傅警告', penalty: { kind: 'warning' } });
    const penalty = await t.ctx.db.selectFrom('worker_penalties').selectAll().where('id', '=', resolved.json().penalty.id).executeTakeFirstOrThrow();
    expect(penalty).toMatchObject({ worker_id: worker.user.id, kind: 'warning' });
    expect(penalty.reason).toContain('迟到');
    // Both parties get the written outcome.
    expect(await notices(customer.user.id, 'complaint_outcome')).toHaveLength(1);
    expect(await notices(worker.user.id, 'complaint_outcome')).toHaveLength(1);
    expect((await c('GET', '/api/complaints')).json().items[0]).toMatchObject({ status: 'resolved', statusLabel: { zh: '已解决' }, outcome: '迟到属实，已对师傅警告' });
    // Resolving twice: 409.
    const again = await ops('POST', `/api/admin/complaints/${complaint.id}/resolve`, { outcome: '再处理一次' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('COMPLAINT_CLOSED');
    expect((await ops('POST', `/api/admin/complaints/${complaint.id}/reject`, { outcome: '驳回' })).statusCode).toBe(409);
    expect(await auditOf(complaint.id)).toEqual(['complaint.filed', 'complaint.claimed', 'complaint.replied', 'complaint.resolved']);

    // Reputation figures come from these rows; a new complaint may now be filed on the order.
    expect((await complaintCounts(t.ctx.db, [worker.user.id])).get(worker.user.id)).toEqual({ total: 1, upheld: 1, open: 0 });
    expect(await complaintRowsAbout(t.ctx.db, worker.user.id, new Date(Date.now() - HOUR))).toEqual([{ orderId: order.id, status: 'upheld' }]);
    expect((await c('GET', `/api/orders/${order.id}/complaints`)).json()).toMatchObject({ canFile: true, items: [{ status: 'resolved' }] });
  });

  it('refuses bad input with field-level problems and writes nothing', async () => {
    const { order, c } = await acceptedOrder(3);
    const stranger = caller(t, await customerWithAddress(t));
    const valid = { category: 'damage', description: '打碎了一个花瓶' };
    // Not my order.
    expect((await stranger('POST', `/api/orders/${order.id}/complaints`, valid)).statusCode).toBe(404);
    // Unknown category.
    const cat = await c('POST', `/api/orders/${order.id}/complaints`, { ...valid, category: 'noise' });
    expect(cat.statusCode).toBe(400);
    expect(cat.json().errors.map((e: { field: string }) => e.field)).toContain('category');
    // Empty (blank) and too long text.
    const blank = await c('POST', `/api/orders/${order.id}/complaints`, { ...valid, description: '   ' }, { 'accept-language': 'en' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().errors[0]).toMatchObject({ field: 'description', message: 'must not be empty' });
    expect((await c('POST', `/api/orders/${order.id}/complaints`, { ...valid, description: '长'.repeat(1001) })).statusCode).toBe(400);
    // A 10th file.
    const ten = await Promise.all(Array.from({ length: 10 }, (_, i) => upload(c, `ten-${i}`)));
    const tooMany = await c('POST', `/api/orders/${order.id}/complaints`, { ...valid, evidenceFileIds: ten });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().errors[0].field).toContain('evidenceFileIds');
    // A file that isn't mine.
    const theirs = await upload(stranger, 'not-mine');
    const notMine = await c('POST', `/api/orders/${order.id}/complaints`, { ...valid, evidenceFileIds: [theirs] });
    expect(notMine.statusCode).toBe(400);
    expect(notMine.json()).toMatchObject({ code: 'FILE_NOT_OWNED', errors: [{ field: 'evidenceFileIds' }] });
    // A review photo of mine is not complaint evidence either.
    const form = multipart(png('review-photo'));
    const reviewPhoto = (await c('POST', '/api/reviews/photos', form.payload, form.headers)).json().id;
    expect((await c('POST', `/api/orders/${order.id}/complaints`, { ...valid, evidenceFileIds: [reviewPhoto] })).json().code).toBe('FILE_NOT_OWNED');
    // An order with no worker yet.
    const customer = await customerWithAddress(t);
    const unassigned = await bookOrder(t, customer, shanghaiAt(4, 15));
    const noWorker = await caller(t, customer)('POST', `/api/orders/${unassigned.id}/complaints`, valid);
    expect(noWorker.statusCode).toBe(409);
    expect(noWorker.json().code).toBe('COMPLAINT_NO_WORKER');
    expect(await complaintsOf(order.id)).toHaveLength(0);
    expect(await complaintsOf(unassigned.id)).toHaveLength(0);
    // A retried filing with the same Idempotency-Key answers the same complaint once.
    const key = { 'idempotency-key': `complaint-${order.id}` };
    const first = await c('POST', `/api/orders/${order.id}/complaints`, valid, key);
    const retry = await c('POST', `/api/orders/${order.id}/complaints`, valid, key);
    expect(first.statusCode).toBe(201);
    expect(retry.json().id).toBe(first.json().id);
    expect(await complaintsOf(order.id)).toHaveLength(1);
  });

  it('the console needs its permissions: no desk without support:answer, no 转售后 without orders:write, assignees must be able to handle complaints', async () => {
    const { order, c } = await acceptedOrder(5);
    const id = (await c('POST', `/api/orders/${order.id}/complaints`, { category: 'attitude', description: '说话很冲' })).json().id;
    expect((await finance('GET', '/api/admin/complaints')).statusCode).toBe(403);
    expect((await finance('POST', `/api/admin/complaints/${id}/claim`)).statusCode).toBe(403);
    expect((await support('POST', `/api/admin/complaints/${id}/after-sales`, { reason: '要求退款' })).statusCode).toBe(403);
    const financeAdmin = (await t.ctx.db.selectFrom('admin_accounts').select(['id', 'roles']).execute()).find((a) => a.roles.includes('finance'))!;
    const wrong = await ops('POST', `/api/admin/complaints/${id}/assign`, { adminId: financeAdmin.id });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('adminId');
    const assignees = (await ops('GET', '/api/admin/complaints/assignees')).json().items as { id: string; name: string }[];
    const supportAdmin = assignees.find((a) => a.name === '测试 support')!;
    const assigned = await ops('POST', `/api/admin/complaints/${id}/assign`, { adminId: supportAdmin.id });
    expect(assigned.json().owner).toEqual({ id: supportAdmin.id, name: '测试 support' });
    expect((await support('GET', '/api/admin/complaints?mine=true')).json().items.map((i: { id: string }) => i.id)).toContain(id);
    expect(await auditOf(id)).toEqual(['complaint.filed', 'complaint.assigned']);
    expect((await support('POST', `/api/admin/complaints/${id}/reject`, { outcome: '   ' })).statusCode).toBe(400);
  });

  it('a worker complains about the customer; the customer hears of it only when ops act; a rejection reaches both with its reason', async () => {
    const { order, customer, worker, c, w } = await acceptedOrder(6);
    const filed = await w('POST', `/api/worker/orders/${order.id}/complaints`, { category: 'safety', description: '客户家的狗没拴，差点被咬' });
    expect(filed.statusCode, filed.body).toBe(201);
    const id = filed.json().id;
    expect(await notices(worker.user.id, 'complaint_received')).toHaveLength(1);
    expect(await notices(customer.user.id, 'complaint_against')).toHaveLength(0);
    const row = (await complaintsOf(order.id))[0]!;
    // 安全: the shorter SLA (1 h / 12 h by default).
    expect(row.first_response_due.getTime() - row.created_at.getTime()).toBe(HOUR);
    expect(row.resolution_due.getTime() - row.created_at.getTime()).toBe(12 * HOUR);
    expect(row).toMatchObject({ source: 'worker', against_kind: 'customer', against_id: customer.user.id });
    // A customer's complaint cannot be penalised as a worker's.
    const pen = await ops('POST', `/api/admin/complaints/${id}/resolve`, { outcome: '已提醒客户', penalty: { kind: 'warning' } });
    expect(pen.statusCode).toBe(400);
    const rejected = await ops('POST', `/api/admin/complaints/${id}/reject`, { outcome: '经电话核实，狗已拴好' });
    expect(rejected.json()).toMatchObject({ status: 'rejected', outcome: '经电话核实，狗已拴好', penalty: null });
    expect(await notices(customer.user.id, 'complaint_outcome')).toHaveLength(1);
    expect((await notices(worker.user.id, 'complaint_outcome'))[0]!.vars).toMatchObject({ decision: 'rejected', outcome: '经电话核实，狗已拴好' });
    expect((await c('GET', '/api/complaints?role=against')).json().items[0]).toMatchObject({ id, status: 'rejected', description: null });
    expect((await w('GET', '/api/complaints')).json().items[0]).toMatchObject({ id, statusLabel: { zh: '已驳回' } });
    // Workers cannot file on orders that are not theirs, customers not through the worker route.
    const other = await acceptedOrder(7);
    expect((await w('POST', `/api/worker/orders/${other.order.id}/complaints`, { category: 'other', description: 'x' })).statusCode).toBe(404);
    expect((await c('POST', `/api/worker/orders/${order.id}/complaints`, { category: 'other', description: 'x' })).statusCode).toBe(403);
  });

  it('the SLA sweep escalates each breach once, records it, and the console filters overdue ones', async () => {
    const { order, c } = await acceptedOrder(8);
    const id = (await c('POST', `/api/orders/${order.id}/complaints`, { category: 'overcharge', description: '多收了 50 元材料费' })).json().id;
    const before = await t.ctx.db.selectFrom('notifications').select('id').where('type', '=', 'complaint_overdue').where('link_id', '=', order.id).execute();
    expect(before).toHaveLength(0);
    const now = Date.now();
    expect(await escalateOverdueComplaints(t.ctx.db, new Date(now + 3 * HOUR))).toBe(0);
    await escalateOverdueComplaints(t.ctx.db, new Date(now + 5 * HOUR));
    const row = (await complaintsOf(order.id))[0]!;
    expect(row.response_escalated_at).not.toBeNull();
    expect(row.resolution_escalated_at).toBeNull();
    const sent = await t.ctx.db.selectFrom('notifications').select(['recipient_id', 'vars']).where('type', '=', 'complaint_overdue').where('link_id', '=', order.id).execute();
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((n) => (n.vars as { stage: string }).stage === 'response')).toBe(true);
    // Once per breach.
    await escalateOverdueComplaints(t.ctx.db, new Date(now + 6 * HOUR));
    expect(await t.ctx.db.selectFrom('notifications').select('id').where('type', '=', 'complaint_overdue').where('link_id', '=', order.id).execute()).toHaveLength(sent.length);
    await escalateOverdueComplaints(t.ctx.db, new Date(now + 49 * HOUR));
    expect((await complaintsOf(order.id))[0]!.resolution_escalated_at).not.toBeNull();
    expect(await t.ctx.db.selectFrom('notifications').select('id').where('type', '=', 'complaint_overdue').where('link_id', '=', order.id).execute()).toHaveLength(sent.length * 2);
    const timeline = (await support('GET', `/api/admin/complaints/${id}`)).json().timeline.filter((e: { action: string }) => e.action === 'escalated');
    expect(timeline.map((e: { note: string }) => e.note)).toEqual(['response', 'resolution']);
    // The console's overdue filter: move the deadline into the past, as time would.
    expect((await support('GET', `/api/admin/complaints?overdue=true&orderId=${order.id}`)).json().total).toBe(0);
    await t.ctx.db.updateTable('complaints').set({ first_response_due: new Date(now - HOUR) }).where('id', '=', id).execute();
    const overdue = (await support('GET', `/api/admin/complaints?overdue=true&orderId=${order.id}`)).json();
    expect(overdue.items[0]).toMatchObject({ id, sla: { stage: 'response', overdue: true } });
    expect(overdue.items[0].sla.msLeft).toBeLessThan(0);
  });

  it('转售后 opens the order dispute; its arbitration (a partial refund) shows on the complaint for ops and the customer', async () => {
    const { order, c } = await acceptedOrder(9);
    const id = (await c('POST', `/api/orders/${order.id}/complaints`, { category: 'damage', description: '擦坏了实木地板' })).json().id;
    const handed = await ops('POST', `/api/admin/complaints/${id}/after-sales`, { reason: '损坏需赔付' });
    expect(handed.statusCode, handed.body).toBe(200);
    expect(handed.json()).toMatchObject({ status: 'in_progress', orderStatus: 'disputed', afterSales: { arbitration: null } });
    expect((await ops('POST', `/api/admin/complaints/${id}/after-sales`, { reason: '再转一次' })).statusCode).toBe(409);
    const paid = handed.json().paidFen as number;
    const ruled = await ops('POST', `/api/admin/orders/${order.id}/arbitrate`, { outcome: 'refund_partial', refundFen: 3_000, reason: '赔付地板修复费' });
    expect(ruled.statusCode, ruled.body).toBe(200);
    const after = (await ops('GET', `/api/admin/complaints/${id}`)).json();
    expect(after.afterSales.arbitration).toMatchObject({ outcome: 'refund_partial', refundFen: 3_000, reason: '赔付地板修复费' });
    expect(after.orderStatus).toBe('refunded');
    expect(paid).toBeGreaterThan(3_000);
    const mine = (await c('GET', `/api/complaints/${id}`)).json();
    expect(mine.afterSales.arbitration).toMatchObject({ outcome: 'refund_partial', refundFen: 3_000 });
    expect((await ops('POST', `/api/admin/complaints/${id}/resolve`, { outcome: '已部分退款 ¥30' })).json().status).toBe('resolved');
    expect(await auditOf(id)).toEqual(['complaint.filed', 'complaint.after_sales', 'complaint.resolved']);
  });

  it('quality control opens one through openComplaint (source qa): the worker is told at once; settings are validated and audited', async () => {
    const { order, worker } = await acceptedOrder(10);
    const qa = await openComplaint(t.ctx.db, { orderId: order.id, source: 'qa', filedBy: null, category: 'attitude', description: '回访：客户反映师傅态度冷淡' });
    expect(qa.status).toBe('submitted');
    expect(await notices(worker.user.id, 'complaint_against')).toHaveLength(1);
    await expect(openComplaint(t.ctx.db, { orderId: order.id, source: 'qa', filedBy: null, category: 'late', description: '再开一条' })).rejects.toMatchObject({ code: 'COMPLAINT_EXISTS' });
    expect((await support('GET', `/api/admin/complaints/${qa.id}`)).json()).toMatchObject({ source: 'qa', filer: { kind: 'qa', name: '质检' } });
    expect((await complaintCounts(t.ctx.db, [worker.user.id])).get(worker.user.id)).toEqual({ total: 1, upheld: 0, open: 1 });

    const bad = await ops('PUT', '/api/admin/complaints/settings', { firstResponseHours: 4, resolutionHours: 48, safetyFirstResponseHours: 6, safetyResolutionHours: 12, windowDays: 30 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('safetyFirstResponseHours');
    expect((await support('PUT', '/api/admin/complaints/settings', { firstResponseHours: 2, resolutionHours: 24, safetyFirstResponseHours: 1, safetyResolutionHours: 6, windowDays: 30 })).statusCode).toBe(403);
    const saved = await ops('PUT', '/api/admin/complaints/settings', { firstResponseHours: 2, resolutionHours: 24, safetyFirstResponseHours: 1, safetyResolutionHours: 6, windowDays: 30 });
    expect(saved.statusCode).toBe(200);
    expect((await support('GET', '/api/admin/complaints/settings')).json()).toMatchObject({ firstResponseHours: 2, resolutionHours: 24 });
    const other = await acceptedOrder(11);
    const id = (await other.c('POST', `/api/orders/${other.order.id}/complaints`, { category: 'other', description: '其他问题' })).json().id;
    const row = await t.ctx.db.selectFrom('complaints').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.first_response_due.getTime() - row.created_at.getTime()).toBe(2 * HOUR);
    await ops('PUT', '/api/admin/complaints/settings', { firstResponseHours: 4, resolutionHours: 48, safetyFirstResponseHours: 1, safetyResolutionHours: 12, windowDays: 30 });
  });
});
