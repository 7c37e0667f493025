/**
 * The visit of an order booked for later, made possible now the honest way: the worker asks to come now and the
 * customer agrees in the app (set off and check-in open from then); finishing at once gives the reason the
 * customer reads. For tests whose subject is what happens around or after the visit, not its time rules.
 */
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { acceptedOrder, HOME } from '../../helpers/booking.js';
import type { TestApp } from '../../helpers/test-app.js';

type Call = (method: InjectOptions['method'], url: string, payload?: unknown) => Promise<LightMyRequestResponse>;

/** The worker asks to come now; the customer agrees. Throws unless both answer 200. */
export async function agreeEarlyVisit(w: Call, c: Call, orderId: string) {
  const asked = await w('POST', `/api/worker/orders/${orderId}/early-visit`, {});
  if (asked.statusCode !== 200) throw new Error(`early-visit request: ${asked.body}`);
  const agreed = await c('POST', `/api/orders/${orderId}/early-visit`, { agree: true });
  if (agreed.statusCode !== 200) throw new Error(`early-visit answer: ${agreed.body}`);
  return agreed.json();
}

/** The body of a finish that comes well before the booked duration has passed. */
export const EARLY_FINISH = { reason: '客户只需要先做厨房，其余改天' };

/** An accepted order (see `acceptedOrder`) whose worker came early with the customer's consent and checked in at HOME. */
export async function orderInService(t: TestApp, workerName: string) {
  const o = await acceptedOrder(t, workerName);
  const code = (await o.c('GET', `/api/orders/${o.order.id}`)).json().serviceCode;
  await agreeEarlyVisit(o.w, o.c, o.order.id);
  const checkedIn = await o.w('POST', `/api/worker/orders/${o.order.id}/check-in`, { lat: HOME.lat, lng: HOME.lng, serviceCode: code });
  if (checkedIn.statusCode !== 200) throw new Error(`check-in: ${checkedIn.body}`);
  return o;
}
