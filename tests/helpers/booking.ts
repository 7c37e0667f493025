import type { InjectOptions } from 'fastify';
import type { TestApp } from './test-app.js';
import { smsSignIn } from './test-app.js';
import { makeWorkers } from './workers.js';

export const HOME = { lat: 31.1886, lng: 121.4365, districtCode: '310104' };

export type Party = Awaited<ReturnType<typeof smsSignIn>>;

export function caller(t: TestApp, who: { headers: Record<string, string> }) {
  return (method: InjectOptions['method'], url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method, url, headers: { ...who.headers, ...headers }, ...(payload !== undefined ? { payload: payload as object } : {}) });
}

/** A signed-in customer with one address at HOME. */
export async function customerWithAddress(t: TestApp, at = HOME) {
  const customer = await smsSignIn(t.app, t.ctx, 'customer');
  const res = await t.app.inject({ method: 'POST', url: '/api/me/addresses', headers: customer.headers, payload: { label: '家', contactName: '张女士', contactPhone: customer.phone, districtCode: at.districtCode, detail: '漕溪北路 88 号 1201 室', lat: at.lat, lng: at.lng } });
  if (res.statusCode !== 201 && res.statusCode !== 200) throw new Error(`address: ${res.body}`);
  return { ...customer, addressId: res.json().id as string };
}

/** A worker who can sign in (SMS account) with an approved, online profile near HOME. */
export async function signedInWorker(t: TestApp, spec: Parameters<typeof makeWorkers>[1][number] = { name: '李师傅' }) {
  const w = await smsSignIn(t.app, t.ctx, 'worker');
  await makeWorkers(t.ctx, [{ ...spec, userId: w.user.id }]);
  return w;
}
export async function quoteAt(t: TestApp, customer: Party, start: string, itemCode = 'daily-cleaning', quantity = 2) {
  const res = await t.app.inject({ method: 'POST', url: '/api/catalog/quotes', headers: customer.headers, payload: { itemCode, quantity, options: {}, scheduledStart: start } });
  if (res.statusCode !== 201) throw new Error(`quote: ${res.body}`);
  return res.json().id as string;
}
