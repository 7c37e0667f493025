// The worker's side of the customer order journeys, driven through the HTTP API: a worker of the file's own who
// serves an address, sign in as them by SMS, and accept / set off / check in / record / finish / ask.
import type { Page } from 'playwright-core';
import { freshWorker, freshWorkerById } from './fresh-worker';
import { adminCall, call, demoWorker, smsSignIn } from './http';

interface PublicWorker {
  id: string;
  name: string;
  districtCode: string | null;
  skills: { code: string }[];
  nextFreeTimes: string[];
}

/**
 * The district (by name) and a worker with `skill` who serves its centre (where an address without coordinates is
 * placed): a worker of the test file's own (./fresh-worker), working every day 08:00–20:00 with no orders but the
 * file's, so what the file books does not depend on the hour it runs or on what other files left on a shared
 * worker's calendar. The district is the one farthest from the demo worker, whom other files book and dispatch
 * around. Asked with the customer page's session; `retireFreshWorkers` takes the worker offline at the file's end.
 */
export async function workerServingADistrict(page: Page, baseUrl: string, skill: string): Promise<{ districtName: string; districtCode: string; workerId: string; workerName: string }> {
  const city = (await (await page.request.get(`${baseUrl}/api/geo/city`)).json()) as { districts: { code: string; name: string; center: [number, number] }[] };
  const demo = await demoWorker(baseUrl);
  const away = (d: { center: [number, number] }) => Math.hypot(d.center[0] - demo.homeLat, (d.center[1] - demo.homeLng) * Math.cos((demo.homeLat * Math.PI) / 180));
  const district = [...city.districts].sort((a, b) => away(b) - away(a))[0]!;
  const worker = await freshWorker(baseUrl, district, [skill]);
  // The name customers see (public profile), as the booking page shows it.
  const shown = (await (await page.request.get(`${baseUrl}/api/workers/${worker.id}`)).json()) as PublicWorker;
  return { districtName: district.name, districtCode: district.code, workerId: worker.id, workerName: shown.name };
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

/** Signs in as a demo worker (or a file's own, ./fresh-worker) by SMS code (read from the outbox) and switches them online; returns the bearer token. */
export async function signInWorker(baseUrl: string, workerId: string): Promise<string> {
  const own = freshWorkerById(workerId);
  if (own) return own.token; // made by this file: signed in, online
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
