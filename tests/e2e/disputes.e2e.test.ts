import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { pageErrors, screenshot, signInConsole } from './browser';
import type { FreshWorker } from './fresh-worker';
import { adminCall } from './http';
import { openOrder } from './steps/admin-orders';
import { uploadPhoto, useCompletedOrderParties } from './steps/reviews';
import type { Booking } from './worker-order-api';

const baseUrl = inject('baseUrl');
let customer: Page;
let workerPage: Page;
let booking: Booking;
let worker: FreshWorker;

const { browser, parties } = useCompletedOrderParties(baseUrl);
beforeAll(async () => {
  ({ customer, workerPage, booking, worker } = parties());
});

/** Writes a statement with one photo into the order page's dispute card and waits until it is listed. */
async function addStatement(page: Page, text: string, rgb: [number, number, number]) {
  const card = page.getByTestId('dispute-card');
  const before = await card.locator('.m-dispute-statement').count();
  await card.locator('#dispute-body').fill(text);
  await uploadPhoto(page, 'dispute-photos', 'evidence.png', rgb);
  await card.getByTestId('dispute-submit').click();
  await expect.poll(() => card.locator('.m-dispute-statement').count()).toBe(before + 1);
}

describe('售后纠纷: the worker asks the platform to step in → both parties add statements with photos → the desk reads the evidence pack → the decision reaches both', () => {
  it('the worker asks the platform to step in on a completed order, with a reason', async () => {
    await workerPage.goto(`/worker/orders/${booking.order.id}`);
    await workerPage.getByTestId('dispute-request').click();
    await workerPage.locator('#dispute-reason').fill('客户验收后要求追加擦玻璃并拒绝支付增项费用');
    await workerPage.getByTestId('dispute-request-submit').click();
    const card = workerPage.locator('[data-testid="dispute-card"][data-open="true"]');
    await card.waitFor();
    expect(await card.innerText()).toContain('师傅申请平台介入');
    expect(await workerPage.getByTestId('dispute-until').innerText()).toMatch(/请在 .+ 前补充陈述与证据/);
  });

  it('the worker adds a statement with a photo', async () => {
    await addStatement(workerPage, '预约内容只含日常保洁，擦玻璃为额外项目，已在现场说明价格。', [60, 120, 200]);
    await screenshot(workerPage, 'dispute-worker.png');
  });

  it('the customer sees the case on the order and answers with a photo', async () => {
    await customer.goto(`/orders/${booking.order.id}`);
    const card = customer.locator('[data-testid="dispute-card"][data-open="true"]');
    await card.waitFor();
    expect(await card.innerText()).toContain('师傅陈述');
    await addStatement(customer, '下单备注里写了顺便擦一下窗户，师傅当时答应了。', [200, 140, 60]);
    expect(await card.locator('.m-dispute-statement').count()).toBe(2);
    await screenshot(customer, 'dispute-customer.png');
  });

  it('ops read the evidence pack on the order: both statements, check-in and trail facts, the relay calls', async () => {
    const desk = await signInConsole(browser(), baseUrl, 'ops');
    await desk.setViewportSize({ width: 1440, height: 900 });
    const drawer = await openOrder(desk, booking.order.orderNo);
    const section = drawer.getByTestId('evidence-section');
    await section.waitFor();
    await expect.poll(() => section.getByTestId('evidence-statement').count()).toBe(2);
    expect(await section.getByTestId('evidence-statement').first().getAttribute('data-party')).toBe('worker');
    expect(await section.getByTestId('evidence-check-in').innerText()).toMatch(/距服务地址 \d+ 米/);
    const calls = section.getByTestId('evidence-calls');
    expect(await calls.innerText()).toContain('2 次（客户拨 1，师傅拨 1），接通 1 次，共通话 1 分 15 秒');
    expect(await calls.getByTestId('evidence-call').evaluateAll((rows) => rows.map((r) => `${r.getAttribute('data-caller')}:${r.getAttribute('data-outcome')}`))).toEqual(['customer:answered', 'worker:no_answer']);
    await section.scrollIntoViewIfNeeded();
    await screenshot(desk, 'dispute-evidence.png');
  });

  it('the decision with its reason reaches both portals, and statements close', async () => {
    await adminCall(baseUrl, 'POST', `/api/admin/orders/${booking.order.id}/arbitrate`, { outcome: 'refund_partial', refundFen: 2000, reason: '擦玻璃未事先报价，退还部分费用' }, 'ops');
    for (const page of [customer, workerPage]) {
      await page.reload();
      const decision = page.getByTestId('dispute-decision');
      await decision.waitFor();
      expect(await decision.innerText()).toContain('部分退款给客户 ¥20');
      expect(await decision.innerText()).toContain('擦玻璃未事先报价');
      expect(await page.locator('#dispute-body').count()).toBe(0);
    }
    await screenshot(customer, 'dispute-decision.png');
  });

  it('raised no uncaught errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
