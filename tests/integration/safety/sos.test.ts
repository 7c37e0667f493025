import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, randomPhone, type TestApp } from '../../helpers/test-app.js';
import { ALL_DAY, bookOrder, caller, customerWithAddress, HOME, opsHeaders, signedInWorker } from '../../helpers/booking.js';
import { shanghaiAt } from '../../helpers/time.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

describe('SOS', () => {
  it('alerts operations at once and texts the emergency contact whatever the hour; pressing again returns the same incident', async () => {
    const customer = await customerWithAddress(t);
    const worker = await signedInWorker(t, { name: '吴师傅', hours: ALL_DAY });
    const order = await bookOrder(t, customer, shanghaiAt(2, 10), { workerId: worker.user.id });
    const w = caller(t, worker);
    expect((await w('POST', `/api/worker/orders/${order.id}/accept`, {})).statusCode).toBe(200);
    const contactPhone = randomPhone();
    expect((await w('PUT', '/api/me/emergency-contact', { name: '吴太太', phone: contactPhone, relation: '配偶' })).statusCode).toBe(200);

    const ops = caller(t, { headers: await opsHeaders(t) }); // on duty before the alert
    const stranger = await customerWithAddress(t);
    expect((await caller(t, stranger)('POST', '/api/sos?audience=customer', { orderId: order.id })).statusCode).toBe(404);
    expect((await w('POST', '/api/sos?audience=worker', { lat: HOME.lat })).json().errors[0].field).toBe('lng');
    const raised = await w('POST', '/api/sos?audience=worker', { orderId: order.id, lat: HOME.lat, lng: HOME.lng, note: '客户家中有人滋事' });
    expect(raised.statusCode, raised.body).toBe(201);
    expect(raised.json()).toMatchObject({ status: 'open', role: 'worker', orderId: order.id, location: { lat: HOME.lat, lng: HOME.lng } });
    const again = await w('POST', '/api/sos?audience=worker', { orderId: order.id });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(raised.json().id);

    const alert = (await ops('GET', '/api/admin/notifications')).json().items.find((n: { type: string }) => n.type === 'sos_raised');
    expect(alert).toMatchObject({ title: '紧急求助（SOS）', link: { kind: 'incident', id: raised.json().id } });
    expect(alert.body).toContain('31.18860,121.43650');
    await t.ctx.jobs.runDue(new Date(Date.now() + 1000));
    const sms = await t.ctx.db.selectFrom('outbox_messages').select('body').where('recipient', '=', contactPhone).execute();
    expect(sms).toHaveLength(1);
    expect(sms[0]!.body).toMatch(/^【到家】.+发起紧急求助，位置：31\.18860,121\.43650/);

    const finance = caller(t, { headers: await opsHeaders(t, 'finance') });
    expect((await finance('POST', `/api/admin/incidents/${raised.json().id}/acknowledge`, {})).statusCode).toBe(403);
    expect((await ops('GET', '/api/admin/incidents?status=open')).json().items.map((i: { id: string }) => i.id)).toContain(raised.json().id);
    expect((await ops('POST', `/api/admin/incidents/${raised.json().id}/acknowledge`, {})).json().status).toBe('acknowledged');
    expect((await ops('POST', `/api/admin/incidents/${raised.json().id}/acknowledge`, {})).json().code).toBe('INCIDENT_STATE');
    expect((await ops('POST', `/api/admin/incidents/${raised.json().id}/resolve`, { resolution: '已联系派出所，师傅安全离开' })).json()).toMatchObject({ status: 'resolved', resolution: '已联系派出所，师傅安全离开' });
    expect((await w('GET', '/api/sos')).json().items[0].status).toBe('resolved');
    expect((await w('POST', '/api/sos?audience=worker', {})).statusCode).toBe(201); // a new emergency is a new incident
    const audit = await t.ctx.db.selectFrom('audit_log').select('action').where('target_id', '=', raised.json().id).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['incident.acknowledge', 'incident.resolve']);
  });
});
