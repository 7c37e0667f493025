// 日程规划: three paid, unassigned orders for tomorrow at the demo worker's door (set up through the API) and a few
// elsewhere in the city; ops make a plan in the console, review the route table and map, apply it; the orders are
// assigned and the demo worker sees the day's route with the ETA chain on the 日程 tab.
// Earlier journeys may have left paid orders for tomorrow next to the demo worker (they book at its home too), which
// would compete with ours for it: then the journey plans the first later day that has no paid order yet.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { adminOrder, bookPaidOrder, type BookedOrder } from './admin-order-api';
import { randomPhone } from './api';
import { newMobileContext, pageErrors, screenshot, signInConsole, useBrowser } from './browser';
import { adminCall, call, payThroughCashier, customerSignIn, demoWorker, slotStarts, type DemoWorker, type SlotAnswer } from './http';
import { openMenu } from './steps/admin-orders';
import { signInDemoWorker } from './steps/worker-orders';

const baseUrl = inject('baseUrl');
const DAY_MS = 86_400_000;
const shanghaiDate = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
let day = shanghaiDate(Date.now() + DAY_MS);

let worker: DemoWorker;
let ops: Page;
const booked: BookedOrder[] = [];

/** Starts on `day` at which the demo worker is free for `itemCode`, as a customer at its door sees them. */
async function freeOn(itemCode: string): Promise<string[]> {
  const token = await customerSignIn(baseUrl);
  const phone = randomPhone();
  const address = await call<{ id: string }>(baseUrl, token, 'POST', '/api/me/addresses', {
    label: '家', contactName: '规划测试', contactPhone: phone, districtCode: worker.districtCode, detail: '规划路 1 号', lat: worker.homeLat, lng: worker.homeLng,
  });
  const quote = await call<{ id: string }>(baseUrl, token, 'POST', '/api/catalog/quotes', { itemCode, quantity: worker.quantities[itemCode], options: {}, scheduledStart: `${day}T12:00:00+08:00` });
  const slots = await call<SlotAnswer>(baseUrl, token, 'GET', `/api/booking/slots?quoteId=${quote.id}&addressId=${address.id}&workerId=${worker.id}&from=${day}&to=${day}`);
  return slotStarts(slots);
}

/** Districts well outside the demo worker's 10 km (their centres), for a few more orders that other workers take. */
const ELSEWHERE = [
  { code: '310104', lat: 31.1886, lng: 121.4365 },
  { code: '310105', lat: 31.2204, lng: 121.4244 },
  { code: '310112', lat: 31.1129, lng: 121.3817 },
  { code: '310113', lat: 31.4055, lng: 121.4899 },
];

/** Two paid orders that day around a district centre (09:00-ish and 14:00-ish), when some worker covers it; none otherwise. */
async function ordersAround(place: (typeof ELSEWHERE)[number], itemCode: string): Promise<void> {
  for (const [i, hour] of [9, 14].entries()) {
    const token = await customerSignIn(baseUrl);
    const phone = randomPhone();
    const at = { lat: place.lat + (i ? 0.009 : -0.006), lng: place.lng + (i ? -0.008 : 0.01) };
    const address = await call<{ id: string }>(baseUrl, token, 'POST', '/api/me/addresses', { label: '家', contactName: '城区客户', contactPhone: phone, districtCode: place.code, detail: `测试路 ${phone.slice(-3)} 号`, ...at });
    const probe = await call<{ id: string }>(baseUrl, token, 'POST', '/api/catalog/quotes', { itemCode, quantity: worker.quantities[itemCode], options: {}, scheduledStart: `${day}T12:00:00+08:00` });
    const slots = await call<SlotAnswer>(baseUrl, token, 'GET', `/api/booking/slots?quoteId=${probe.id}&addressId=${address.id}&from=${day}&to=${day}`).catch(() => null);
    const start = slots && slotStarts(slots).find((s) => new Date(s).getTime() >= Date.parse(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`));
    if (!start) continue;
    const quote = await call<{ id: string }>(baseUrl, token, 'POST', '/api/catalog/quotes', { itemCode, quantity: worker.quantities[itemCode], options: {}, scheduledStart: start });
    const order = await call<{ id: string }>(baseUrl, token, 'POST', '/api/orders', { quoteId: quote.id, addressId: address.id }, { 'idempotency-key': `plan-${quote.id}` });
    await payThroughCashier(baseUrl, token, order.id);
  }
}

/** Paid orders (any category) starting on `day`, as the console counts them. */
async function paidOn(date: string): Promise<number> {
  const from = new Date(`${date}T00:00:00+08:00`).toISOString();
  const to = new Date(Date.parse(from) + DAY_MS).toISOString();
  return (await adminCall<{ total: number }>(baseUrl, 'GET', `/api/admin/orders?status=paid&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&pageSize=1`)).total;
}

useBrowser(async (browser) => {
  worker = await demoWorker(baseUrl);
  const itemCode = worker.itemCodes[0]!;
  let starts: number[] = [];
  for (let ahead = 1; ahead <= 7; ahead++) {
    day = shanghaiDate(Date.now() + ahead * DAY_MS);
    if (await paidOn(day)) continue;
    starts = (await freeOn(itemCode)).map((s) => new Date(s).getTime());
    if (starts.length >= 10) break;
  }
  // Three visits with an hour of slack between them (visit length + 60 min), all free for the demo worker.
  const first = await bookPaidOrder(baseUrl, worker, { itemCode, start: new Date(starts[0]!).toISOString() });
  booked.push(first);
  const gap = (first.order as unknown as { durationMinutes: number }).durationMinutes * 60_000 + 3600_000;
  for (let i = 0; i < 2; i++) {
    const after = new Date(booked[booked.length - 1]!.order.scheduledStart).getTime() + gap;
    const next = starts.find((s) => s >= after);
    if (next === undefined) break;
    booked.push(await bookPaidOrder(baseUrl, worker, { itemCode, start: new Date(next).toISOString() }));
  }
  expect(booked.length).toBeGreaterThanOrEqual(2);
  // The rest of the city's day, so the plan (and its picture) has more than one route.
  for (const place of ELSEWHERE) await ordersAround(place, itemCode);
  ops = await signInConsole(browser, baseUrl, 'ops');
});

describe('day planning (日程规划)', () => {
  it('makes a plan for tomorrow in the console: the route table, map and totals', async () => {
    await openMenu(ops, '日程规划');
    await ops.getByTestId('day-plans-page').waitFor();
    if (day !== shanghaiDate(Date.now() + DAY_MS)) await ops.goto(`/admin/dispatch-plans?date=${day}`);
    await ops.locator(`[data-testid="day-plans-page"][data-date="${day}"]`).waitFor();
    await ops.getByTestId('plan-generate').click();
    const plan = ops.locator('[data-testid="plan"][data-status="proposed"]');
    await plan.waitFor();
    const stops = ops.getByTestId(`plan-stops-${worker.id}`);
    await stops.waitFor();
    const text = await stops.innerText();
    for (const b of booked) expect(text).toContain(b.order.orderNo);
    expect(text).toContain('新排');
    await expect.poll(() => ops.getByTestId(`plan-map-route-${worker.id}`).count()).toBe(1);
    expect(await ops.getByTestId('plan-totals').innerText()).toContain('新排');

    await ops.setViewportSize({ width: 1366, height: 1300 });
    await ops.mouse.move(1300, 10);
    await screenshot(ops, 'admin-day-plan.png');
    await ops.setViewportSize({ width: 1366, height: 800 });
  });

  it('applies the plan: every planned order gets its worker, with a result per order', async () => {
    await ops.getByTestId('plan-apply').click();
    await ops.locator('#plan-apply-ok').click();
    await ops.locator('[data-testid="plan"][data-status="applied"]').waitFor();
    for (const b of booked) {
      await expect.poll(() => ops.getByTestId(`plan-result-${b.order.orderNo}`).getAttribute('data-outcome')).toBe('assigned');
      const order = await adminOrder(baseUrl, b.order.id);
      expect(order.status).toBe('assigned');
      expect(order.worker?.id).toBe(worker.id);
    }
    expect(await ops.getByTestId('plan-apply').count()).toBe(0);
  });

  it("shows the demo worker the day's route with the ETA chain on the 日程 tab", async () => {
    const route = await call<{ stops: { orderNo: string; leave: string; arrive: string; start: string }[]; leaveHome: string }>(baseUrl, worker.token, 'GET', `/api/worker/route?date=${day}`);
    const page = await (await newMobileContext(ops.context().browser()!, baseUrl)).newPage();
    await signInDemoWorker(page);
    await page.goto(`/worker/schedule?mode=day&day=${day}`);
    const section = page.locator(`[data-testid="route-section"][data-day="${day}"]`);
    await section.waitFor();
    const shown = await section.getByTestId('route-stop').evaluateAll((els) => els.map((el) => el.getAttribute('data-order-no')));
    expect(shown).toEqual(route.stops.map((s) => s.orderNo));
    for (const b of booked) expect(shown).toContain(b.order.orderNo);
    const hhmm = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(11, 16);
    expect(await section.getByTestId('route-leave-home').innerText()).toContain(hhmm(route.leaveHome));
    const firstMine = section.locator(`[data-testid="route-stop"][data-order-no="${booked[0]!.order.orderNo}"]`);
    expect(await firstMine.getByTestId('route-service').innerText()).toContain(hhmm(booked[0]!.order.scheduledStart));
    expect(await firstMine.getByTestId('route-arrive').innerText()).toMatch(/\d{2}:\d{2} 到达/);
    // The existing day grid still shows the jobs below the route.
    await page.locator(`[data-testid="calendar-day"][data-day="${day}"]`).waitFor();
    expect(await page.getByTestId('calendar-entry').count()).toBeGreaterThanOrEqual(booked.length);
    await screenshot(page, 'worker-day-route.png');
    await page.context().close();
  });

  it('raised no uncaught errors in the pages', () => {
    expect(pageErrors).toEqual([]);
  });
});
