import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { randomPhone } from './api';
import { retireFreshWorkers } from './fresh-worker';
import { pageErrors, screenshot, useMobilePage } from './browser';
import { signInBySms } from './mobile-steps';
import { acceptOrder, signInWorker, workerServingADistrict } from './order-api';
import { pngFile } from './worker-fixtures';
import {
  addAddressInBooking, addAddressInMe, cancelOrder, chooseFavouriteWorker, expectOrderStatus, openBookingForItem,
  openBookingForWorker, payOrder, pickSlot, readServiceCode, submitBooking,
} from './steps/customer-orders';

const baseUrl = inject('baseUrl');
let page: Page;
useMobilePage(baseUrl, (opened) => (page = opened));
// The file's own worker (workerServingADistrict) goes offline at the end: later files never dispatch to it.
afterAll(retireFreshWorkers);

const HOUR = 3_600_000;
const fen = (text: string) => Math.round(Number(text.replace(/[¥,]/g, '')) * 100);

describe('customer books a visit, pays, follows it and cancels one', () => {
  const phone = randomPhone();
  const name = `预约${phone.slice(-4)}`;
  let worker: Awaited<ReturnType<typeof workerServingADistrict>>;
  let workerToken = '';
  let firstOrder = '';

  it('signs up by SMS and adds an address in a district a demo worker serves', async () => {
    await page.goto('/');
    await page.waitForURL('**/login');
    await signInBySms(page, baseUrl, phone);
    await page.getByTestId('catalog').waitFor();
    worker = await workerServingADistrict(page, baseUrl, 'daily-cleaning');
    await addAddressInMe(page, { label: '家', contactName: name, contactPhone: phone, district: worker.districtName, detail: '幸福路 18 弄 6 号 502 室' });
  });

  it('saves the worker, books 日常保洁 with them (预约TA) at a time ≥ 24 h ahead; the price follows the time', async () => {
    await page.goto(`/workers/${worker.workerId}`);
    await page.getByTestId('worker-favourite').click();
    await page.locator('[data-testid="worker-favourite"][data-favourite="yes"]').waitFor();
    await openBookingForWorker(page, worker.workerId, '日常保洁');
    expect(await page.getByTestId('book-worker-name').innerText()).toBe(worker.workerName);
    // The only address is chosen; the calendar shows 14 days, some of them bookable.
    await page.locator('[data-testid="book-address"][aria-pressed="true"]').waitFor();
    await page.getByTestId('slot-days').waitFor();
    expect(await page.locator('[data-testid^="slot-day-"]').count()).toBe(14);
    const start = await pickSlot(page, (at) => at.getTime() - Date.now() >= 26 * HOUR);
    expect(await page.getByTestId('book-item').getAttribute('data-quote-id')).toBeTruthy();
    expect(await page.getByTestId('book-time-chosen').innerText()).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await page.locator('#book-notes').fill('门禁密码 1234#，家里有一只猫');
    await page.getByTestId('book-photo-input').setInputFiles(pngFile('kitchen.png', [200, 120, 40]));
    await page.getByTestId('book-photo').waitFor();
    expect(await page.getByTestId('book-photos-count').innerText()).toBe('1/6');
    // The shot shows the chosen worker and the calendar (under the sticky title bar).
    await page.getByTestId('book-worker').evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 56));
    await screenshot(page, 'customer-booking.png');

    firstOrder = await submitBooking(page);
    expect(await page.getByTestId('order-status').innerText()).toBe('待支付');
    const shanghaiStart = new Date(new Date(start).getTime() + 8 * HOUR).toISOString().slice(0, 16).replace('T', ' ');
    expect(await page.getByTestId('order-time').innerText()).toContain(shanghaiStart);
    expect(await page.getByTestId('order-notes').innerText()).toContain('门禁密码');
    expect(await page.getByTestId('order-photos').locator('img').count()).toBe(1);
  });

  it('pays in the cashier (微信支付) and sees 待接单', async () => {
    await page.getByTestId('pay-sheet').waitFor(); // the cashier opens right after booking
    const due = await page.getByTestId('pay-amount').innerText();
    await payOrder(page, 'wechat');
    expect(await page.getByTestId('order-paid').innerText()).toBe(due);
    expect(await page.getByTestId('order-hint').innerText()).toContain('指定的师傅');
    expect(await page.getByTestId('order-actions').innerText()).toContain('取消订单');
  });

  it('lists the order under 我的订单 → 待接单 with a count badge', async () => {
    await page.goto('/');
    await page.getByTestId('tab-orders').click();
    await page.getByTestId('orders').waitFor();
    await page.getByTestId('orders-tab-to_accept').click();
    const card = page.locator(`[data-testid="order-card"][data-order-id="${firstOrder}"]`);
    await card.waitFor();
    expect(await card.getByTestId('order-card-status').innerText()).toBe('待接单');
    // The counts load apart from the list: wait for them rather than read the badge at once (it shows 0 until then).
    await expect.poll(() => page.getByTestId('orders-tab-to_accept').getAttribute('data-count')).toBe('1');
    expect(await card.innerText()).toContain('日常保洁');
    await screenshot(page, 'customer-orders.png');
  });

  it('the worker accepts (API): the order shows the service code and the worker card with a relay number', async () => {
    workerToken = await signInWorker(baseUrl, worker.workerId);
    await acceptOrder(baseUrl, workerToken, firstOrder);
    await page.locator(`[data-testid="order-card"][data-order-id="${firstOrder}"]`).click();
    await page.getByTestId('order').waitFor();
    const code = await readServiceCode(page);
    expect(code).toMatch(/^\d{4}$/);
    await expectOrderStatus(page, '已接单');
    expect(await page.getByTestId('order-worker-name').innerText()).toBe(worker.workerName);
    expect(await page.getByTestId('order-call').getAttribute('href')).toMatch(/^tel:/);
    expect(await page.getByTestId('order-timeline').innerText()).toMatch(/接单/);
    await screenshot(page, 'customer-order.png');
  });

  it('cancel with a fee: books < 24 h ahead with the saved worker, previews the fee, cancels, sees refund and fee', async () => {
    await openBookingForItem(page, 'daily-cleaning');
    await addAddressInBooking(page, { label: '父母家', contactName: name, contactPhone: phone, district: worker.districtName, detail: '安康路 9 号 1101 室' });
    await chooseFavouriteWorker(page, worker.workerId);
    await pickSlot(page, (at) => at.getTime() - Date.now() < 23 * HOUR && at.getTime() - Date.now() > 3 * HOUR);
    const orderId = await submitBooking(page);
    await payOrder(page, 'alipay');
    const paid = fen(await page.getByTestId('order-paid').innerText());
    await acceptOrder(baseUrl, workerToken, orderId);
    await expectOrderStatus(page, '已接单');

    await page.getByTestId('order-action-cancel').click();
    await page.getByTestId('cancel-preview').waitFor();
    expect(await page.getByTestId('cancel-policy').innerText()).toContain('取消费');
    expect(fen(await page.getByTestId('cancel-fee').innerText())).toBe(Math.round(paid * 0.2));
    await page.locator('.adm-popup-close-icon, .adm-mask').first().click({ position: { x: 10, y: 10 } });
    await page.getByTestId('cancel-sheet').waitFor({ state: 'hidden' });

    const shown = await cancelOrder(page, '时间不合适');
    expect(shown.feeFen + shown.refundFen).toBe(paid);
    expect(fen(await page.getByTestId('order-fee').innerText())).toBe(shown.feeFen);
    expect(fen(await page.getByTestId('order-refund').innerText())).toBe(shown.refundFen);
    expect(await page.getByTestId('order-hint').innerText()).toContain('时间不合适');
    expect(await page.getByTestId('order-price').innerText()).toContain('误工补偿');
    expect(await page.getByTestId('order-actions').count()).toBe(0);
  });

  it('raised no uncaught errors in the pages', () => {
    expect(pageErrors).toEqual([]);
  });
});
