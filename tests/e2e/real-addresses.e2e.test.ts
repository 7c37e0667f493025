// Real addresses and distances: a new customer types an address in 杨浦区 (not the demo worker's 徐汇区), is told
// plainly when location is refused, uses the device location once allowed, picks a suggestion, books 日常保洁 and
// pays; the worker the order is offered to sees a non-zero distance and travel minutes in the hall, and the
// console's dispatch record explains the ranking with the same non-zero kilometres and minutes.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { randomPhone } from './api';
import { newMobileContext, pageErrors, screenshot, signInConsole, useBrowser } from './browser';
import { adminCall } from './http';
import { signInBySms } from './mobile-steps';
import { openOrder } from './steps/admin-orders';
import { openBookingForItem, payOrder, pickSlot, submitBooking } from './steps/customer-orders';

const baseUrl = inject('baseUrl');
const HOUR = 3_600_000;
/** 五角场 (杨浦区) as a phone would report it, and 鞍山新村 as the gazetteer has it. */
const HERE = { latitude: 31.2993, longitude: 121.5152 };
const ANSHAN = { lat: 31.283, lng: 121.515 };

let customerContext: BrowserContext;
let page: Page;
const browser: () => Browser = useBrowser(async (opened) => {
  customerContext = await newMobileContext(opened, baseUrl);
  page = await customerContext.newPage();
});

interface Ranked { workerId: string; explanation: { zh: string } }
interface Decision { round: number; offered: string[]; ranked: Ranked[] }

/** The demo worker numbered n has the phone 139 nnnn nnnn; the console's review list shows it masked (139****nnnn). */
async function workerPhone(workerId: string): Promise<string> {
  for (let n = 1; n <= 60; n += 1) {
    const answer = await adminCall<{ items: { workerId: string; phoneMasked: string | null }[] }>(baseUrl, 'GET', `/api/admin/worker-reviews?status=approved&page=${n}&pageSize=50`);
    const row = answer.items.find((item) => item.workerId === workerId);
    if (row?.phoneMasked) return `1390000${row.phoneMasked.slice(-4)}`;
    if (answer.items.length < 50) break;
  }
  throw new Error(`worker ${workerId} not in the console's list`);
}

const kmAndMinutes = (text: string) => {
  const [, km, minutes] = text.match(/(\d+\.\d) 公里（约 (\d+) 分钟/) ?? [];
  return { km: Number(km ?? 0), minutes: Number(minutes ?? 0) };
};

describe('a new customer books at a real address in 杨浦区', () => {
  const phone = randomPhone();
  let orderId = '';
  let orderNo = '';
  let offeredWorker = '';

  it('address form: a refused location says so; the device location fills the district; a typed place is suggested and picked', async () => {
    await page.goto('/');
    await page.waitForURL('**/login');
    await signInBySms(page, baseUrl, phone);
    await page.getByTestId('catalog').waitFor();
    await page.goto('/me/addresses/new');
    await page.locator('#address-label').fill('家');
    await page.locator('#address-contact-name').fill(`杨浦${phone.slice(-4)}`);
    await page.locator('#address-contact-phone').fill(phone);

    // No permission (the browser refuses): a clear message next to the button, nothing else changes.
    await page.getByTestId('address-locate').click();
    const refused = page.getByTestId('address-locate-error');
    await refused.waitFor();
    expect(await refused.innerText()).toContain('位置权限被拒绝');
    await screenshot(page, 'customer-address-locate-denied.png');

    // Allowed: the device point, and the district it falls in.
    await customerContext.grantPermissions(['geolocation'], { origin: baseUrl });
    await customerContext.setGeolocation(HERE);
    await page.getByTestId('address-locate').click();
    await page.locator('[data-testid="address-point"][data-source="device"]').waitFor();
    expect(await page.getByTestId('address-point').innerText()).toContain('五角场（杨浦区）');
    expect(await page.getByTestId('address-district').innerText()).toContain('杨浦区');
    expect(await refused.count()).toBe(0);

    // Typing another place: suggestions as one types; the pick sets text, district and point.
    await page.locator('#address-detail').fill('鞍山');
    const suggestion = page.locator('[data-testid="address-suggestion"][data-place="鞍山新村"]');
    await suggestion.waitFor();
    await screenshot(page, 'customer-address-suggestions.png');
    await suggestion.click();
    await page.locator('[data-testid="address-point"][data-source="pick"]').waitFor();
    expect(await page.getByTestId('address-point').innerText()).toContain('鞍山新村（杨浦区）');
    await page.locator('#address-detail').pressSequentially('8 号 302 室');
    expect(await page.locator('#address-detail').inputValue()).toBe('鞍山新村 8 号 302 室');
    expect(await page.getByTestId('address-suggestions').count()).toBe(0);
    await page.getByTestId('address-save').click();
    await page.getByTestId('address-list').waitFor();
    await expect.poll(() => page.getByTestId('address-list').innerText()).toContain('鞍山新村 8 号 302 室');

    // Stored at the picked place's point (the page's own session asks).
    const [saved] = (await (await page.request.get(`${baseUrl}/api/me/addresses`)).json()) as { districtCode: string; lat: number; lng: number }[];
    expect(saved).toMatchObject({ districtCode: '310110', ...ANSHAN });
  });

  it('books 日常保洁 there and pays: the order is offered to nearby 杨浦 workers, not at 0 km', async () => {
    await openBookingForItem(page, 'daily-cleaning');
    await page.locator('[data-testid="book-address"][aria-pressed="true"]', { hasText: '鞍山新村' }).waitFor();
    await pickSlot(page, (at) => at.getTime() - Date.now() >= 26 * HOUR);
    orderId = await submitBooking(page);
    orderNo = (await page.getByTestId('order').getAttribute('data-order-no')) ?? '';
    await payOrder(page, 'wechat');

    const decisions = await adminCall<Decision[]>(baseUrl, 'GET', `/api/admin/orders/${orderId}/dispatch`, undefined, 'ops');
    const first = decisions.find((d) => d.round === 1)!;
    expect(first.offered.length).toBeGreaterThan(0);
    offeredWorker = first.offered[0]!;
    const explained = kmAndMinutes(first.ranked.find((r) => r.workerId === offeredWorker)!.explanation.zh);
    expect(explained.km).toBeGreaterThan(0);
    expect(explained.minutes).toBeGreaterThan(0);
    if (!orderNo) orderNo = (await adminCall<{ orderNo: string }>(baseUrl, 'GET', `/api/admin/orders/${orderId}`)).orderNo;
  });

  it("the offered worker's hall shows a non-zero distance and the travel minutes", async () => {
    const worker = await (await newMobileContext(browser(), baseUrl)).newPage();
    await worker.goto('/worker/login');
    await signInBySms(worker, baseUrl, await workerPhone(offeredWorker));
    await worker.getByTestId('worker-status').waitFor();
    await worker.getByTestId('tab-orders').click();
    await worker.getByTestId('orders-offers').waitFor();
    const card = worker.locator(`[data-testid="worker-order-card"][data-order-no="${orderNo}"]`);
    await card.waitFor();
    const distance = await card.getByTestId('hall-distance').innerText();
    const km = Number(distance.match(/距你 (\d+\.\d) 公里/)?.[1] ?? 0);
    expect(km, distance).toBeGreaterThan(0);
    const eta = await card.getByTestId('hall-eta').innerText();
    expect(Number(eta.match(/约 (\d+) 分钟/)?.[1] ?? 0), eta).toBeGreaterThan(0);
    await card.scrollIntoViewIfNeeded();
    await screenshot(worker, 'worker-hall-real-distance.png');
  });

  it("the console's dispatch record explains the ranking with real kilometres and minutes", async () => {
    const ops = await signInConsole(browser(), baseUrl, 'ops');
    const drawer = await openOrder(ops, orderNo);
    const dispatch = drawer.getByTestId('order-dispatch');
    const ranked = dispatch.getByTestId('dispatch-round-1').getByTestId('dispatch-ranked');
    await ranked.locator('tr[data-offered="yes"]').first().waitFor();
    const explanations = await ranked.getByTestId('dispatch-explanation').allInnerTexts();
    expect(explanations.length).toBeGreaterThan(0);
    for (const text of explanations) {
      const { km, minutes } = kmAndMinutes(text);
      expect(km, text).toBeGreaterThan(0);
      expect(minutes, text).toBeGreaterThan(0);
    }
    await ops.setViewportSize({ width: 1366, height: 1200 });
    await dispatch.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await screenshot(ops, 'admin-dispatch-real-distance.png');
    expect(pageErrors).toEqual([]);
  });
});
