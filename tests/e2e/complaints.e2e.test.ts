import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { pageErrors, screenshot, signInConsole } from './browser';
import type { FreshWorker } from './fresh-worker';
import { adminCall, call } from './http';
import { completedOrder, useCompletedOrderParties } from './steps/reviews';
import { pngFile } from './worker-fixtures';
import type { Booking } from './worker-order-api';

const baseUrl = inject('baseUrl');
let customer: Page;
let workerPage: Page;
let booking: Booking;
let worker: FreshWorker;
let second: { booking: Booking; worker: FreshWorker };
let secondComplaintId = '';

const { browser, parties } = useCompletedOrderParties(baseUrl);
beforeAll(async () => {
  ({ customer, workerPage, booking, worker } = parties());
  second = await completedOrder(baseUrl);
});

/** The console's complaints table row of an order. */
const rowOf = (desk: Page, orderNo: string) => desk.getByTestId('complaints-table').locator('tr', { hasText: orderNo });

describe('complaints: the customer files with a photo → the console shows the SLA clock → ops resolve with a penalty → the customer sees the outcome; 转售后 → partial refund; the worker complains about a customer', () => {
  it('the customer complains about the worker from the order page: category, text and an evidence photo', async () => {
    await customer.goto(`/orders/${booking.order.id}`);
    const card = customer.getByTestId('complaint-card');
    await card.waitFor();
    await card.getByTestId('complaint-file').click();
    const sheet = customer.getByTestId('complaint-sheet');
    await sheet.waitFor();
    expect(await sheet.getByTestId('complaint-submit').isDisabled()).toBe(true);
    await sheet.getByTestId('complaint-category-late').click();
    await sheet.getByTestId('complaint-description').locator('textarea').fill('约好 10 点，师傅 11 点才到，也没有提前打招呼。');
    await sheet.getByTestId('complaint-evidence-input').setInputFiles(pngFile('chat-screenshot.png', [220, 80, 60]));
    await expect.poll(() => sheet.getByTestId('complaint-evidence').getAttribute('data-count')).toBe('1');
    await screenshot(customer, 'complaint-customer-file.png');
    await sheet.getByTestId('complaint-submit').click();
    const filed = card.locator('[data-testid="order-complaint"][data-status="submitted"]');
    await filed.waitFor();
    expect(await filed.innerText()).toContain('迟到');
    expect(await card.getByTestId('complaint-file').count()).toBe(0); // one open complaint per order
  });

  it('ops see it in 投诉处理 with its SLA clock, the evidence in the drawer, and resolve it with a warning', async () => {
    const desk = await signInConsole(browser(), baseUrl, 'ops');
    await desk.setViewportSize({ width: 1440, height: 900 });
    await desk.getByTestId('admin-menu').getByText('投诉处理').click();
    const row = rowOf(desk, booking.order.orderNo);
    await row.waitFor();
    expect(await row.getByTestId('complaint-status').getAttribute('data-status')).toBe('submitted');
    const sla = row.getByTestId('complaint-sla');
    expect(await sla.getAttribute('data-overdue')).toBe('false');
    expect(await sla.innerText()).toMatch(/首次响应剩余 \d+ 小时/);
    await screenshot(desk, 'complaint-admin-list.png');

    await row.getByTestId('complaint-open').click();
    const drawer = desk.getByTestId('complaint-detail');
    await drawer.waitFor();
    expect(await drawer.getByTestId('complaint-description').innerText()).toContain('11 点才到');
    const evidence = drawer.getByTestId('complaint-evidence');
    expect(await evidence.getAttribute('data-count')).toBe('1');
    await expect.poll(() => evidence.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await drawer.getByTestId('complaint-claim').click();
    await expect.poll(() => drawer.getByTestId('complaint-owner').innerText()).not.toBe('未认领');

    await drawer.getByTestId('complaint-resolve').click();
    await desk.locator('#complaint-outcome-text').fill('迟到属实，已向师傅发出警告，并提醒今后提前沟通。');
    await desk.getByTestId('complaint-penalty-warning').click();
    await desk.locator('#complaint-dialog-ok').click();
    await expect.poll(() => desk.getByTestId('complaint-detail').getAttribute('data-status')).toBe('resolved');
    expect(await desk.getByTestId('complaint-penalty').innerText()).toBe('警告');
    const actions = await desk.getByTestId('complaint-event').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
    expect(actions).toEqual(['filed', 'claimed', 'resolved']);
    await screenshot(desk, 'complaint-admin-detail.png');
    // The penalty went through the workers' penalty flow.
    const application = await call<unknown>(baseUrl, worker.token, 'GET', '/api/worker/application');
    expect(JSON.stringify(application)).toContain('迟到属实');
    await desk.context().close();
  });

  it('the customer sees the outcome under 我的 → 我的投诉', async () => {
    await customer.goto('/me');
    await customer.getByTestId('me-complaints').click();
    const item = customer.locator('[data-testid="my-complaint"][data-status="resolved"]');
    await item.waitFor();
    expect(await item.getByTestId('my-complaint-outcome').innerText()).toContain('已向师傅发出警告');
    await item.click();
    const detail = customer.getByTestId('complaint-detail');
    await detail.getByTestId('complaint-detail-outcome').waitFor();
    expect(await detail.innerText()).toContain('已解决');
    await screenshot(customer, 'complaint-customer-outcome.png');
  });

  it('转售后: ops open the order dispute from the complaint, arbitrate a partial refund, and the refund shows on the complaint for ops and the customer', async () => {
    const filed = await call<{ id: string }>(baseUrl, second.booking.customerToken, 'POST', `/api/orders/${second.booking.order.id}/complaints`, { category: 'damage', description: '擦玻璃时碰坏了窗台上的花盆' });
    secondComplaintId = filed.id;
    const desk = await signInConsole(browser(), baseUrl, 'ops');
    await desk.setViewportSize({ width: 1440, height: 900 });
    await desk.goto(`/admin/complaints?open=${secondComplaintId}`);
    const drawer = desk.getByTestId('complaint-detail');
    await drawer.waitFor();
    await drawer.getByTestId('complaint-after-sales').click();
    await desk.locator('#complaint-after-sales-reason').fill('花盆损坏，需部分退款赔付');
    await desk.locator('#complaint-dialog-ok').click();
    await drawer.getByTestId('complaint-after-sales-result').waitFor();
    expect(await drawer.getByTestId('complaint-after-sales-result').innerText()).toContain('等待仲裁');
    const paidBefore = await call<{ price: { paidFen: number } }>(baseUrl, second.booking.customerToken, 'GET', `/api/orders/${second.booking.order.id}`);
    // 仲裁 on the order (the existing money flow): ¥30 back to the customer.
    await adminCall(baseUrl, 'POST', `/api/admin/orders/${second.booking.order.id}/arbitrate`, { outcome: 'refund_partial', refundFen: 3_000, reason: '赔付花盆' }, 'ops');
    await desk.reload();
    const result = desk.getByTestId('complaint-after-sales-result');
    await expect.poll(() => result.getAttribute('data-refund')).toBe('3000');
    expect(await result.innerText()).toContain('退款 ¥30');
    await drawer.getByTestId('complaint-resolve').click();
    await desk.locator('#complaint-outcome-text').fill('已通过售后仲裁退款 ¥30，赔付花盆。');
    await desk.locator('#complaint-dialog-ok').click();
    await expect.poll(() => desk.getByTestId('complaint-detail').getAttribute('data-status')).toBe('resolved');
    await screenshot(desk, 'complaint-admin-after-sales.png');
    await desk.context().close();
    // The money moved to the customer: the order shows the refund.
    const after = await call<{ status: string; price: { refundFen: number; paidFen: number } }>(baseUrl, second.booking.customerToken, 'GET', `/api/orders/${second.booking.order.id}`);
    expect(after.status).toBe('refunded');
    expect(after.price.refundFen).toBe(3_000);
    expect(after.price.paidFen).toBe(paidBefore.price.paidFen);
    const mine = await call<{ afterSales: { arbitration: { refundFen: number } } }>(baseUrl, second.booking.customerToken, 'GET', `/api/complaints/${secondComplaintId}`);
    expect(mine.afterSales.arbitration.refundFen).toBe(3_000);
  });

  it('the worker complains about the customer from the order page and follows it under 我的投诉', async () => {
    await workerPage.goto(`/worker/orders/${booking.order.id}`);
    const card = workerPage.getByTestId('complaint-card');
    await card.waitFor();
    await card.getByTestId('complaint-file').click();
    const sheet = workerPage.getByTestId('complaint-sheet');
    await sheet.waitFor();
    expect(await sheet.innerText()).toContain('投诉客户');
    await sheet.getByTestId('complaint-category-safety').click();
    await sheet.getByTestId('complaint-description').locator('textarea').fill('客户家的大狗没有拴好，进门时差点被咬。');
    await sheet.getByTestId('complaint-submit').click();
    await card.locator('[data-testid="order-complaint"][data-status="submitted"]').waitFor();
    // The customer hears nothing before ops act.
    const aboutMe = await call<{ total: number }>(baseUrl, booking.customerToken, 'GET', '/api/complaints?role=against');
    expect(aboutMe.total).toBe(0);
    await workerPage.goto('/worker/me/complaints');
    const item = workerPage.locator('[data-testid="my-complaint"][data-status="submitted"]');
    await item.waitFor();
    expect(await item.innerText()).toContain('安全');
    await screenshot(workerPage, 'complaint-worker-list.png');
    // The worker also sees the (resolved) complaint about them, without the customer's text.
    await workerPage.getByTestId('complaints-tab-against').click();
    const against = workerPage.locator('[data-testid="my-complaint"][data-status="resolved"]');
    await against.waitFor();
    expect(await against.innerText()).not.toContain('11 点才到');
    expect(await against.innerText()).toContain('已向师傅发出警告');
    expect(pageErrors).toEqual([]);
  });
});
