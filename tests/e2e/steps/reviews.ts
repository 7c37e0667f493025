// Steps of the reviews journey (tests/e2e/reviews.e2e.test.ts): a completed order made through the HTTP API with
// the file's own customer and worker, and the clicks of the review forms in the portals.
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { newMobileContext, pageErrors, useBrowser } from '../browser';
import { freshWorker, retireFreshWorkers, type FreshWorker } from '../fresh-worker';
import { call, demoWorker, type DemoWorker } from '../http';
import { acceptOrder, answerEarlyVisit, askEarlyVisit, checkIn, finishOrder } from '../order-api';
import { pngFile } from '../worker-fixtures';
import { bookWithWorker, serviceCodeOf, type Booking } from '../worker-order-api';

const ITEM = 'daily-cleaning';

/**
 * A completed (验收) 日常保洁 order of a new customer with a new worker of the file's own: booked a day or more ahead,
 * then the worker asks to come now and the customer agrees, so check-in, finish and 验收 happen at once whatever the
 * hour the test runs.
 */
export async function completedOrder(baseUrl: string): Promise<{ booking: Booking; worker: FreshWorker }> {
  const city = await call<{ districts: { code: string; name: string; center: [number, number] }[] }>(baseUrl, null, 'GET', '/api/geo/city');
  const demo = await demoWorker(baseUrl);
  const away = (d: { center: [number, number] }) => Math.hypot(d.center[0] - demo.homeLat, d.center[1] - demo.homeLng);
  const district = [...city.districts].sort((a, b) => away(b) - away(a))[0]!;
  const worker = await freshWorker(baseUrl, district, [ITEM]);
  const asDemo: DemoWorker = { ...worker, skills: [ITEM], itemCodes: [ITEM], quantities: {} };
  const booking = await bookWithWorker(baseUrl, asDemo);
  const id = booking.order.id;
  await acceptOrder(baseUrl, worker.token, id);
  // They talk through the relay number (the local relay simulator reports each call): evidence for after-sales.
  await call(baseUrl, booking.customerToken, 'POST', `/api/orders/${id}/relay-calls/simulate`, { outcome: 'answered', talkSeconds: 75 });
  await call(baseUrl, worker.token, 'POST', `/api/orders/${id}/relay-calls/simulate`, { outcome: 'no_answer' });
  const code = await serviceCodeOf(baseUrl, booking);
  await askEarlyVisit(baseUrl, worker.token, id);
  await answerEarlyVisit(baseUrl, booking.customerToken, id, true);
  await checkIn(baseUrl, worker.token, id, code);
  await finishOrder(baseUrl, worker.token, id);
  const confirmed = await call<{ status: string }>(baseUrl, booking.customerToken, 'POST', `/api/orders/${id}/confirm`, {});
  expect(confirmed.status).toBe('completed');
  return { booking, worker };
}

export interface OrderParties { customer: Page; workerPage: Page; booking: Booking; worker: FreshWorker }

/**
 * The file's browser with two phones signed in through the API — the customer's and the worker's — on a completed
 * order of a fresh worker (retired after the file); `parties()` is ready in the file's tests.
 */
export function useCompletedOrderParties(baseUrl: string): { browser: () => Browser; parties: () => OrderParties } {
  let parties: OrderParties | undefined;
  const browser = useBrowser(async (b) => {
    const customerContext = await newMobileContext(b, baseUrl);
    const workerContext = await newMobileContext(b, baseUrl);
    const { booking, worker } = await completedOrder(baseUrl);
    await useSession(customerContext, baseUrl, booking.customerToken);
    await useSession(workerContext, baseUrl, worker.token);
    parties = { customer: await customerContext.newPage(), workerPage: await workerContext.newPage(), booking, worker };
  });
  beforeAll(() => {
    pageErrors.length = 0;
  });
  afterAll(async () => {
    await retireFreshWorkers();
  });
  return { browser, parties: () => parties! };
}

/** Signs a browser profile in with a session token made through the API (the portals read the `dj_session` cookie). */
export async function useSession(context: BrowserContext, baseUrl: string, token: string): Promise<void> {
  await context.addCookies([{ name: 'dj_session', value: token, url: baseUrl }]);
}

/** Taps the `stars`-th star of an antd-mobile Rate inside `row` (it listens to touches, not clicks, on a phone). */
export async function rate(row: Locator, stars: number): Promise<void> {
  await row.locator('.adm-rate-star').nth(stars - 1).tap();
  await expect.poll(() => row.locator('.adm-rate-star-active').count()).toBe(stars);
}

/** Uploads a small PNG through an ImageUploader wrapped in `testId` and waits until it is listed. */
export async function uploadPhoto(page: Page, testId: string, name: string, rgb: [number, number, number]): Promise<void> {
  const box = page.getByTestId(testId);
  const before = Number(await box.getAttribute('data-count'));
  await box.locator('input[type=file]').setInputFiles(pngFile(name, rgb));
  await expect.poll(async () => Number(await box.getAttribute('data-count'))).toBe(before + 1);
  await expect.poll(() => box.locator('.adm-image-uploader-cell-loading, .adm-image-uploader-cell-mask').count()).toBe(0);
}
