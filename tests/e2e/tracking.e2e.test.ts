import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { newMobileContext, pageErrors, screenshot, signInConsole, useBrowser } from './browser';
import { freshWorker, retireFreshWorkers, type FreshWorker } from './fresh-worker';
import { adminCall, call, demoWorker, type DemoWorker } from './http';
import { acceptOrder, answerEarlyVisit, askEarlyVisit, checkIn } from './order-api';
import { raiseSos } from './sos-api';
import { useSession } from './steps/reviews';
import { bookWithWorker, serviceCodeOf, type Booking } from './worker-order-api';

const baseUrl = inject('baseUrl');
const ITEM = 'daily-cleaning';
let workerContext: BrowserContext;
let workerPage: Page;
let customer: Page;
let booking: Booking;
let worker: FreshWorker;

interface Trail { points: { lat: number; lng: number; recordedAt: string }[]; checkIn: { lat: number; lng: number } | null; tracked: boolean }
const trail = () => adminCall<Trail>(baseUrl, 'GET', `/api/admin/orders/${booking.order.id}/trail`, undefined, 'ops');
/** A place `north` / `east` degrees from the order's address. */
const from = (north: number, east: number) => ({ latitude: booking.address.lat + north, longitude: booking.address.lng + east, accuracy: 20 });

const browser = useBrowser(async (b) => {
  // A worker of the file's own at a district centre, booked by a new customer a day ahead; the worker asks to come
  // now and the customer agrees, so 出发 opens whatever the hour the test runs.
  const city = await call<{ districts: { code: string; name: string; center: [number, number] }[] }>(baseUrl, null, 'GET', '/api/geo/city');
  const demo = await demoWorker(baseUrl);
  const away = (d: { center: [number, number] }) => Math.hypot(d.center[0] - demo.homeLat, d.center[1] - demo.homeLng);
  const district = [...city.districts].sort((a, b) => away(b) - away(a))[1]!;
  worker = await freshWorker(baseUrl, district, [ITEM]);
  const asDemo: DemoWorker = { ...worker, skills: [ITEM], itemCodes: [ITEM], quantities: {} };
  booking = await bookWithWorker(baseUrl, asDemo);
  await acceptOrder(baseUrl, worker.token, booking.order.id);
  await askEarlyVisit(baseUrl, worker.token, booking.order.id);
  await answerEarlyVisit(baseUrl, booking.customerToken, booking.order.id, true);

  workerContext = await newMobileContext(b, baseUrl);
  await workerContext.grantPermissions(['geolocation'], { origin: baseUrl });
  await workerContext.setGeolocation(from(0.012, -0.008)); // ≈ 1.5 km away
  await useSession(workerContext, baseUrl, worker.token);
  workerPage = await workerContext.newPage();
  const customerContext = await newMobileContext(b, baseUrl);
  await useSession(customerContext, baseUrl, booking.customerToken);
  customer = await customerContext.newPage();
});

beforeAll(() => {
  pageErrors.length = 0;
});
afterAll(async () => {
  await retireFreshWorkers();
});

describe('location trail: the worker sets off, the phone reports, the customer follows with an ETA, ops read the trail', () => {
  it('出发 in the worker portal starts sharing: the first fix arrives at once', async () => {
    await workerPage.goto(`/worker/orders/${booking.order.id}`);
    await workerPage.getByTestId('action-depart').click();
    await expect.poll(() => workerPage.getByTestId('worker-order').getAttribute('data-status'), { timeout: 15_000 }).toBe('on_the_way');
    await expect.poll(async () => (await trail()).points.length, { timeout: 20_000 }).toBe(1);
    const first = (await trail()).points[0]!;
    expect(first.lat).toBeCloseTo(booking.address.lat + 0.012, 5);
    await expect.poll(() => workerPage.getByTestId('trail-sharing').getAttribute('data-state'), { timeout: 10_000 }).toBe('sharing');
    expect(await workerPage.getByTestId('trail-sharing').innerText()).toContain('位置共享中');
    await screenshot(workerPage, 'trail-worker.png');
  });

  it('the customer sees the position and an ETA, and it follows the worker live', async () => {
    await customer.goto(`/orders/${booking.order.id}`);
    const card = customer.getByTestId('order-tracking');
    await card.getByTestId('tracking-eta').waitFor();
    const firstEta = Number(await card.getAttribute('data-eta-minutes'));
    expect(firstEta).toBeGreaterThan(3);
    expect(await card.getByTestId('tracking-eta').innerText()).toMatch(/距您约 1\.\d 公里 · 预计 \d+ 分钟后到达（\d\d:\d\d）/);
    expect(await card.getByTestId('tracking-map-latest').count()).toBe(1);
    expect(await card.getByTestId('tracking-map-address').count()).toBe(1);

    // The worker moves on: the phone's next report (the app opened again) reaches the customer's page without a reload.
    const before = await card.getAttribute('data-recorded-at');
    await workerContext.setGeolocation(from(0.004, -0.003));
    await workerPage.reload();
    await expect.poll(async () => (await trail()).points.length, { timeout: 20_000 }).toBe(2);
    await expect.poll(() => card.getAttribute('data-recorded-at'), { timeout: 15_000 }).not.toBe(before);
    expect(Number(await card.getAttribute('data-eta-minutes'))).toBeLessThan(firstEta);
    await screenshot(customer, 'trail-customer.png');

    // Standing still (< 30 m, < 5 min): reopening the app sends nothing new.
    await workerContext.setGeolocation(from(0.0039, -0.003));
    await workerPage.reload();
    await workerPage.getByTestId('trail-sharing').waitFor();
    await workerPage.waitForTimeout(2_000);
    expect((await trail()).points).toHaveLength(2);
  });

  it('once the worker has arrived (签到) the customer no longer sees the position', async () => {
    await workerContext.setGeolocation(from(0.0012, -0.0006));
    await workerPage.reload();
    await expect.poll(async () => (await trail()).points.length, { timeout: 20_000 }).toBe(3);
    await checkIn(baseUrl, worker.token, booking.order.id, await serviceCodeOf(baseUrl, booking));
    await expect.poll(() => customer.getByTestId('order').getAttribute('data-status'), { timeout: 15_000 }).toBe('in_service');
    expect(await customer.getByTestId('order-tracking').count()).toBe(0);
    const answer = await call<{ sharing: boolean; position: unknown }>(baseUrl, booking.customerToken, 'GET', `/api/orders/${booking.order.id}/tracking`);
    expect(answer).toMatchObject({ sharing: false, position: null });
  });

  it('operations see the trail on the order page: the polyline with times, the address and the check-in point', async () => {
    const ops = await signInConsole(browser(), baseUrl, 'ops');
    await ops.setViewportSize({ width: 1440, height: 900 });
    await ops.goto(`/admin/orders?open=${booking.order.id}`);
    const section = ops.getByTestId('order-trail');
    await section.scrollIntoViewIfNeeded();
    await expect.poll(() => section.getAttribute('data-points'), { timeout: 15_000 }).toBe('3');
    expect(await section.getByTestId('order-trail-map-point').count()).toBe(3);
    expect(await section.getByTestId('order-trail-map-line').count()).toBe(1);
    expect(await section.getByTestId('order-trail-map-address').count()).toBe(1);
    expect(await section.getByTestId('order-trail-map-check-in').count()).toBe(1);
    const text = await section.innerText();
    expect(text).toMatch(/\d\d:\d\d – \d\d:\d\d/);
    expect(text).toContain('距服务地址');
    await section.getByTestId('order-trail-map').scrollIntoViewIfNeeded();
    await screenshot(ops, 'trail-console.png');

    // The SOS desk: an incident about the order shows the same trail under it.
    const incident = await raiseSos(baseUrl, worker.token, 'worker', { orderId: booking.order.id, lat: booking.address.lat + 0.0006, lng: booking.address.lng + 0.0007, note: '在楼下被客户家的狗扑咬' });
    try {
      await ops.goto(`/admin/incidents?incident=${incident.id}`);
      const desk = ops.getByTestId('incident-trail');
      await expect.poll(() => desk.getAttribute('data-points'), { timeout: 15_000 }).toBe('3');
      expect(await desk.getByTestId('incident-trail-map-check-in').count()).toBe(1);
      expect(await desk.getByTestId('incident-trail-map-sos').count()).toBe(1);
      await desk.scrollIntoViewIfNeeded();
      await screenshot(ops, 'trail-sos.png');
    } finally {
      await adminCall(baseUrl, 'POST', `/api/admin/incidents/${incident.id}/resolve`, { resolution: '已电话联系师傅，确认安全' });
    }

    // The city's retention is changed where the trail is read (orders:write; audited on the server).
    await ops.goto(`/admin/orders?open=${booking.order.id}`);
    const retention = ops.getByTestId('order-trail-retention');
    await retention.waitFor();
    expect(await retention.innerText()).toContain('30 天');
    try {
      await ops.getByTestId('trail-retention-edit').click();
      await ops.locator('.ant-modal input').fill('45');
      await ops.locator('.ant-modal .ant-btn-primary').click();
      await expect.poll(() => retention.innerText(), { timeout: 10_000 }).toContain('45 天');
      expect(await adminCall<{ retentionDays: number }>(baseUrl, 'GET', '/api/admin/tracking/settings')).toEqual({ retentionDays: 45 });
    } finally {
      await adminCall(baseUrl, 'PUT', '/api/admin/tracking/settings', { retentionDays: 30 });
    }
    expect(pageErrors).toEqual([]);
  });
});
