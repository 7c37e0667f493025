/**
 * Who sees what of an order's personal data in each state (PIPL: only what is needed, only while it is needed):
 * the customer, the assigned worker, another worker and each console role, from 已支付 to 已完成.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_DAY, acceptedOrder, caller, HOME, opsHeaders, signedInWorker } from '../../helpers/booking.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { agreeEarlyVisit, EARLY_FINISH } from '../booking/visit.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

type Call = ReturnType<typeof caller>;
const mask = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(-4)}`;

/** What one answer reveals: the street address, the contact, the relay number, either party's phone (whole or masked). */
function revealed(body: string, parties: { customerPhone: string; workerPhone: string; relay: string }) {
  const seen: string[] = [];
  if (body.includes('漕溪北路')) seen.push('street');
  if (body.includes('张女士')) seen.push('contact');
  if (parties.relay && body.includes(parties.relay)) seen.push('relay');
  if (body.includes(parties.customerPhone)) seen.push('customer phone');
  else if (body.includes(mask(parties.customerPhone))) seen.push('customer phone masked');
  if (body.includes(parties.workerPhone)) seen.push('worker phone');
  return seen.join(', ') || '—';
}

describe('personal data by role and order state', () => {
  it('each actor sees only what the state needs', async () => {
    const { order, customer, worker, c, w } = await acceptedOrder(t, '可见性师傅');
    const other = caller(t, await signedInWorker(t, { name: '旁观师傅', hours: ALL_DAY }));
    const roles: [string, Call][] = [];
    for (const role of ['operations', 'support', 'finance']) roles.push([role, caller(t, { headers: await opsHeaders(t, role) })]);
    const relay = (await c('GET', `/api/orders/${order.id}`)).json().worker.relayPhone as string;
    const parties = { customerPhone: customer.phone, workerPhone: worker.phone, relay };

    const views = async () => {
      const row: Record<string, string> = {};
      const answer = async (call: Call, url: string) => {
        const res = await call('GET', url);
        return res.statusCode === 200 ? revealed(res.body, parties) : String(res.statusCode);
      };
      row.customer = await answer(c, `/api/orders/${order.id}`);
      row.worker = await answer(w, `/api/worker/orders/${order.id}`);
      row['other worker'] = await answer(other, `/api/worker/orders/${order.id}`);
      for (const [role, call] of roles) row[role] = await answer(call, `/api/admin/orders/${order.id}`);
      return row;
    };

    const table: Record<string, Record<string, string>> = {};
    table.assigned = await views();
    await agreeEarlyVisit(w, c, order.id);
    expect((await w('POST', `/api/worker/orders/${order.id}/depart`, { lat: HOME.lat + 0.01, lng: HOME.lng })).statusCode).toBe(200);
    table.on_the_way = await views();
    const code = (await c('GET', `/api/orders/${order.id}`)).json().serviceCode;
    expect((await w('POST', `/api/worker/orders/${order.id}/check-in`, { lat: HOME.lat, lng: HOME.lng, serviceCode: code })).statusCode).toBe(200);
    table.in_service = await views();
    expect((await w('POST', `/api/worker/orders/${order.id}/finish`, EARLY_FINISH)).statusCode).toBe(200);
    table.awaiting_confirmation = await views();
    expect((await c('POST', `/api/orders/${order.id}/confirm`, {})).statusCode).toBe(200);
    table.completed = await views();

    const during = { customer: 'street, contact, relay, customer phone masked', worker: 'street, contact, relay', 'other worker': '404', operations: 'street, contact, relay, customer phone masked', support: 'relay, customer phone masked', finance: 'relay, customer phone masked' };
    const after = { customer: 'street, contact, customer phone masked', worker: '—', 'other worker': '404', operations: 'street, contact, customer phone masked', support: 'customer phone masked', finance: 'customer phone masked' };
    expect(table).toEqual({ assigned: during, on_the_way: during, in_service: during, awaiting_confirmation: during, completed: after });
  });
});
