import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { newMobileContext, pageErrors, screenshot, useBrowser } from './browser';
import { bodyText, signInBySms } from './mobile-steps';
import {
  acceptOffer,
  approveCustomerReschedule,
  askToComeEarly,
  checkIn,
  declineOffer,
  findOffer,
  openOrder,
  finishService,
  openCalendarDay,
  orderPage,
  proposeExtra,
  recordService,
  waitForEarlyVisitAgreed,
} from './steps/worker-orders';
import { answerEarlyVisit } from './order-api';
import { call, DEMO_WORKER_PHONE, demoWorker, type DemoWorker } from './http';
import { answerExtraWork, bookWithWorker, customerAsksReschedule, freeStarts, serviceCodeOf, shanghaiDay, type Booking } from './worker-order-api';

const baseUrl = inject('baseUrl');
let context: BrowserContext;
let page: Page;
let worker: DemoWorker;
let booking: Booking;
const consoleErrors: string[] = [];

useBrowser(async (browser) => {
  context = await newMobileContext(browser, baseUrl);
  page = await context.newPage();
  // Refused requests (409 for a wrong code …) are logged by Chromium as failed resources; anything else is a bug.
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) consoleErrors.push(message.text());
  });
});

beforeAll(async () => {
  worker = await demoWorker(baseUrl);
  booking = await bookWithWorker(baseUrl, worker);
  expect(booking.order.status).toBe('paid');
});

describe('worker H5: an order from offer to finish', () => {
  it('shows the pushed offer without the address, with time, district, distance and price', async () => {
    await page.goto('/worker/');
    await page.waitForURL('**/worker/login');
    await signInBySms(page, baseUrl, DEMO_WORKER_PHONE);
    await page.getByTestId('worker-status').waitFor();
    // Approved and taking orders: her home says 实名认证 已认证, not a red 待完善.
    const identity = page.getByTestId('step-identity');
    expect(await identity.getAttribute('data-verified')).toBe('yes');
    expect(await identity.innerText()).toContain('已认证');
    expect(await identity.innerText()).not.toContain('待完善');
    await screenshot(page, 'worker-home-approved.png');
    await page.getByTestId('tab-orders').click();
    const card = await findOffer(page, booking.order.orderNo);
    const text = await card.innerText();
    expect(text).toContain('日常保洁');
    expect(text).toMatch(/距你 \d+\.\d 公里/);
    expect(text).toMatch(/¥\d/);
    expect(text).not.toContain(booking.address.detail);
    await screenshot(page, 'worker-offers.png');
  });

  it('accepts the offer and then sees the address, the contact and the relay number', async () => {
    await acceptOffer(page, booking.order.orderNo);
    expect(await page.getByTestId('order-address').innerText()).toContain(booking.address.detail);
    expect(await page.getByTestId('order-contact-name').innerText()).toBe('王女士');
    expect(await page.getByTestId('order-relay-phone').getAttribute('href')).toMatch(/^tel:\+?\d+/);
    expect(await page.getByTestId('order-navigate').innerText()).toContain('导航');
  });

  it('booked for tomorrow: set off waits for its window; asked and agreed, the worker comes earlier', async () => {
    const opens = await page.getByTestId('visit-window').innerText();
    expect(opens).toMatch(/\d{2}:\d{2} 起可出发/);
    expect(opens).toMatch(/\d{2}:\d{2} 起可签到/);
    expect(await page.getByTestId('action-depart').count()).toBe(0);
    await askToComeEarly(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'worker-early-visit.png');
    expect((await answerEarlyVisit(baseUrl, booking.customerToken, booking.order.id)).earlyVisit?.status).toBe('agreed');
    await waitForEarlyVisitAgreed(page);
  });

  it('sets off and checks in at the address; a wrong service code is refused with a clear message', async () => {
    await context.grantPermissions(['geolocation'], { origin: baseUrl });
    await context.setGeolocation({ latitude: booking.address.lat, longitude: booking.address.lng });
    await page.getByTestId('action-depart').click();
    await orderPage(page, 'on_the_way').waitFor();

    const code = await serviceCodeOf(baseUrl, booking);
    const wrong = code === '0000' ? '1111' : '0000';
    await checkIn(page, wrong);
    await expect.poll(() => bodyText(page)).toContain('核销码不正确');
    await checkIn(page, code);
    await orderPage(page, 'in_service').waitFor();
  });

  it('records the service with photos and the checklist; 保存记录 stays in view on a 390 × 844 phone', async () => {
    await page.getByTestId('action-record').click();
    await page.getByTestId('record-checklist-item').first().waitFor();
    await page.waitForTimeout(400); // the sheet slides up
    const save = await page.getByTestId('record-submit').boundingBox();
    expect(save).not.toBeNull();
    expect(save!.y).toBeGreaterThan(0);
    expect(save!.y + save!.height).toBeLessThanOrEqual(page.viewportSize()!.height);
    await screenshot(page, 'worker-record-sheet.png');
    await page.locator('.adm-popup-body .m-popup-buttons .adm-button', { hasText: '取消' }).click();
    await page.getByTestId('record-submit').waitFor({ state: 'detached' });
    await recordService(page);
    const record = page.getByTestId('record-item').first();
    // Photos load lazily: bring the record into view first.
    await record.scrollIntoViewIfNeeded();
    await expect.poll(() => record.locator('img').count()).toBe(2);
    expect(await record.locator('[data-done="yes"]').count()).toBeGreaterThan(0);
    expect(await record.locator('[data-done="no"]').count()).toBe(0);
  });

  it('proposes extra work, cannot finish while it waits, and finishes once the customer accepts it', async () => {
    await proposeExtra(page, '冰箱内部清洁', '60', '客户临时要求，需额外 40 分钟');
    await page.getByTestId('action-finish').click();
    await expect.poll(() => page.locator('.adm-dialog').innerText()).toContain('请等客户同意或拒绝后再完成服务');
    await page.locator('.adm-dialog .adm-dialog-button', { hasText: '确定' }).click();

    await answerExtraWork(baseUrl, booking, true);
    await page.reload();
    await page.locator('[data-testid="extra-item"][data-status="accepted"]').waitFor();
    await expect.poll(() => page.getByTestId('order-extras').innerText()).toContain('¥60');
    await finishService(page);
    expect(await page.getByTestId('order-timeline').innerText()).toContain('服务记录');
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'worker-order.png');
  });

  it('shows the job in 日程 on its day, linking to the order', async () => {
    const entries = await openCalendarDay(page, shanghaiDay(booking.order.scheduledStart));
    const entry = entries.and(page.locator(`[data-order-no="${booking.order.orderNo}"]`));
    await entry.waitFor();
    expect(await entry.innerText()).toContain('日常保洁');
    await screenshot(page, 'worker-calendar.png');
    await entry.click();
    await page.locator(`[data-testid="worker-order"][data-order-no="${booking.order.orderNo}"]`).waitFor();
  });

  it('declines an offer with a reason; the offer leaves the list', async () => {
    const other = await bookWithWorker(baseUrl, worker);
    await openOrder(page, other.order.orderNo, 'offers');
    await declineOffer(page, '距离太远', '当天在闵行有其他安排');
    await page.getByTestId('orders-offers').waitFor();
    expect(await page.locator(`[data-order-no="${other.order.orderNo}"]`).count()).toBe(0);
  });

  it("approves the customer's reschedule request, then checks in away from the address with a reason", async () => {
    const other = await bookWithWorker(baseUrl, worker);
    await acceptOffer(page, other.order.orderNo);
    const booked = Date.parse(other.order.scheduledStart);
    // Far from the booked start, and far enough ahead that set off is not open yet (so there is an earlier visit to ask for).
    const target = (await freeStarts(baseUrl, other, worker)).find((start) => Math.abs(Date.parse(start) - booked) >= 20 * 3600_000 && Date.parse(start) > Date.now() + 6 * 3600_000);
    expect(target).toBeTruthy();
    expect((await customerAsksReschedule(baseUrl, other, target!)).reschedule?.status).toBe('pending_worker');
    await approveCustomerReschedule(page);
    const moved = await call<{ scheduledStart: string }>(baseUrl, worker.token, 'GET', `/api/worker/orders/${other.order.id}`);
    expect(moved.scheduledStart).toBe(target);
    await askToComeEarly(page);
    await answerEarlyVisit(baseUrl, other.customerToken, other.order.id);
    await waitForEarlyVisitAgreed(page);

    // About 2 km off: the API answers CHECK_IN_TOO_FAR, the page says how far and asks why.
    await context.setGeolocation({ latitude: other.address.lat + 0.02, longitude: other.address.lng });
    await checkIn(page, await serviceCodeOf(baseUrl, other));
    await page.getByTestId('check-in-too-far').waitFor();
    expect(await page.getByTestId('check-in-too-far').innerText()).toMatch(/你距离服务地址约 2(\.\d)? 公里/);
    await checkIn(page, await serviceCodeOf(baseUrl, other), '小区只能从北门进，物业不让车辆进入');
    await orderPage(page, 'in_service').waitFor();
    expect(await page.getByTestId('order-timeline').innerText()).toContain('物业不让车辆进入');
  });

  it('raised no uncaught errors and logged no console errors', () => {
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
