// The worker's side of the customer order journeys, driven through the HTTP API: find a demo worker who
// serves an address, sign in as them by SMS, and accept / set off / check in / record / finish / ask.
import type { Page } from 'playwright-core';
import { adminCall, call, smsSignIn } from './http';

interface PublicWorker {
  id: string;
  name: string;
  districtCode: string | null;
  skills: { code: string }[];
  nextFreeTimes: string[];
}

/**
 * The district (by name) and a demo worker with `skill` who serves its centre (where an address without
 * coordinates is placed) and has a free time within `withinHours`; asked with the customer page's session.
 */
export async function workerServingADistrict(page: Page, baseUrl: string, skill: string, withinHours = 20): Promise<{ districtName: string; districtCode: string; workerId: string; workerName: string }> {
  const city = (await (await page.request.get(`${baseUrl}/api/geo/city`)).json()) as { districts: { code: string; name: string; center: [number, number] }[] };
  const soon = Date.now() + withinHours * 3600_000;
  for (const district of city.districts) {
    const [lat, lng] = district.center;
    const near = (await (await page.request.get(`${baseUrl}/api/workers?skill=${skill}&lat=${lat}&lng=${lng}&sort=distance&pageSize=20`)).json()) as { items: { id: string }[] };
    for (const { id } of near.items) {
      const worker = (await (await page.request.get(`${baseUrl}/api/workers/${id}`)).json()) as PublicWorker;
      if (worker.nextFreeTimes.some((at) => new Date(at).getTime() < soon)) return { districtName: district.name, districtCode: district.code, workerId: id, workerName: worker.name };
    }
  }
  throw new Error(`no demo worker with ${skill} free within ${withinHours} h at a district centre`);
}

/**
 * The demo worker's phone: the seed numbers worker n as 139 0000 nnnn, and the console's review list shows
 * each worker's masked phone (139****nnnn) next to the id.
 */
async function demoWorkerPhone(baseUrl: string, workerId: string): Promise<string> {
  for (let page = 1; page <= 60; page += 1) { // 1 224 demo workers and the files' own: up to 3 000
    const answer = await adminCall<{ items: { workerId: string; phoneMasked: string | null }[] }>(baseUrl, 'GET', `/api/admin/worker-reviews?status=approved&page=${page}&pageSize=50`);
    const row = answer.items.find((item) => item.workerId === workerId);
    if (row?.phoneMasked) return `1390000${row.phoneMasked.slice(-4)}`;
    if (answer.items.length < 50) break;
  }
  throw new Error(`worker ${workerId} not found in the console's list`);
}

/** Signs in as a demo worker by SMS code (read from the outbox) and switches them online; returns the bearer token. */
export async function signInWorker(baseUrl: string, workerId: string): Promise<string> {
  const { token, user } = await smsSignIn(baseUrl, await demoWorkerPhone(baseUrl, workerId), 'worker');
  if (user.id !== workerId) throw new Error(`signed in as ${user.id}, expected ${workerId}`);
  await call(baseUrl, token, 'PUT', '/api/worker/online', { online: true });
  return token;
}

interface WorkerOrder {
  id: string;
  status: string;
  address: { lat: number | null; lng: number | null };
  reschedule: { id: string; status: string } | null;
  checklistTemplate: string[];
}

const post = <T = WorkerOrder>(baseUrl: string, token: string, path: string, body: unknown = {}) => call<T>(baseUrl, token, 'POST', path, body);

export const workerOrder = (baseUrl: string, token: string, orderId: string) => call<WorkerOrder>(baseUrl, token, 'GET', `/api/worker/orders/${orderId}`);
export const acceptOrder = (baseUrl: string, token: string, orderId: string) => post(baseUrl, token, `/api/worker/orders/${orderId}/accept`);
export const departForOrder = (baseUrl: string, token: string, orderId: string) => post(baseUrl, token, `/api/worker/orders/${orderId}/depart`);

/** Checks in at the order's address with the customer's 4-digit service code. */
export async function checkIn(baseUrl: string, token: string, orderId: string, serviceCode: string) {
  const order = await workerOrder(baseUrl, token, orderId);
  return post(baseUrl, token, `/api/worker/orders/${orderId}/check-in`, { lat: order.address.lat, lng: order.address.lng, serviceCode });
}

/** A service record with every checklist entry of the item done. */
export async function recordService(baseUrl: string, token: string, orderId: string, note: string) {
  const order = await workerOrder(baseUrl, token, orderId);
  return post(baseUrl, token, `/api/worker/orders/${orderId}/records`, {
    note,
    photosBefore: [],
    photosAfter: [],
    checklist: order.checklistTemplate.map((label) => ({ label, done: true })),
  });
}

/** 完成服务; right after check-in it comes well before the booked duration, so it carries the reason the customer reads. */
export const finishOrder = (baseUrl: string, token: string, orderId: string, reason = '客户只需要打扫客厅和厨房') =>
  post(baseUrl, token, `/api/worker/orders/${orderId}/finish`, { reason });
/** The worker asks to come now (the order is booked for later); the customer's yes opens set off and check-in. */
export const askEarlyVisit = (baseUrl: string, token: string, orderId: string) => post(baseUrl, token, `/api/worker/orders/${orderId}/early-visit`);
/** The customer answers the worker's request to come earlier. */
export const answerEarlyVisit = (baseUrl: string, customerToken: string, orderId: string, agree = true) =>
  call<{ earlyVisit: { status: string } | null }>(baseUrl, customerToken, 'POST', `/api/orders/${orderId}/early-visit`, { agree });
export const proposeExtra = (baseUrl: string, token: string, orderId: string, title: string, amountFen: number, reason: string) =>
  post<{ id: string }>(baseUrl, token, `/api/worker/orders/${orderId}/extras`, { title, amountFen, reason });
export const askReschedule = (baseUrl: string, token: string, orderId: string, start: string, reason: string) =>
  post(baseUrl, token, `/api/worker/orders/${orderId}/reschedule`, { start, reason });

/** Ops approves a worker's reschedule request so it reaches the customer (pending_ops → pending_customer). */
export async function opsApproveReschedule(baseUrl: string, requestId: string): Promise<void> {
  await adminCall(baseUrl, 'POST', `/api/admin/reschedules/${requestId}/decision`, { approve: true, note: '已核实' }, 'ops');
}
