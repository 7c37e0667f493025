// Customer H5 page steps for booking and orders, reusable in cross-portal journeys.
// Every step expects a signed-in customer page (see signInBySms in ../mobile-steps).
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export interface AddressInput {
  label: string;
  contactName: string;
  contactPhone: string;
  /** zh-CN district name, e.g. 长宁区. */
  district: string;
  detail: string;
}

/** Chooses `label` on the one open antd-mobile picker wheel and confirms. */
async function pickWheel(page: Page, label: string): Promise<void> {
  const column = page.locator('.adm-picker .adm-picker-view-column').first();
  await column.waitFor();
  const selected = () => column.locator('.adm-picker-view-column-item[data-selected="true"]').innerText();
  for (let attempt = 0; attempt < 5 && (await selected()) !== label; attempt += 1) {
    await column.locator('.adm-picker-view-column-item', { hasText: label }).dispatchEvent('click');
    await page.waitForTimeout(300);
  }
  expect(await selected()).toBe(label);
  await page.locator('.adm-picker-header-button', { hasText: /确定|Confirm/ }).click();
}

/** Fills the address fields (我的 → 常用地址 or the booking page's popup) and saves. */
export async function fillAddress(page: Page, address: AddressInput): Promise<void> {
  await page.locator('#address-label').fill(address.label);
  await page.locator('#address-contact-name').fill(address.contactName);
  await page.locator('#address-contact-phone').fill(address.contactPhone);
  await page.getByTestId('address-district').click();
  await pickWheel(page, address.district);
  await page.locator('#address-detail').fill(address.detail);
  await page.getByTestId('address-save').click();
}

/** 我的 → 常用地址 → 新增地址; ends on the address list. */
export async function addAddressInMe(page: Page, address: AddressInput): Promise<void> {
  await page.goto('/me/addresses');
  await page.getByTestId('address-add').click();
  await fillAddress(page, address);
  await page.getByTestId('address-list').waitFor();
  await expect.poll(() => page.getByTestId('address-list').innerText()).toContain(address.detail);
}

/** On the booking page: 新增地址 in the popup; the new address ends up chosen. */
export async function addAddressInBooking(page: Page, address: AddressInput): Promise<void> {
  await page.getByTestId('book-address-add').click();
  await page.locator('#address-label').waitFor();
  await fillAddress(page, address);
  await page.locator(`[data-testid="book-address"][aria-pressed="true"]`, { hasText: address.detail }).waitFor();
}

/** The item page's quote form with its defaults → the quote → 预约下单; resolves on the booking page. */
export async function quoteAndBook(page: Page): Promise<void> {
  await page.getByTestId('quote-form').waitFor();
  await page.getByTestId('quote-submit').click();
  await page.getByTestId('quote').waitFor();
  await page.getByTestId('quote-book').click();
  await page.getByTestId('booking').waitFor();
}

/** `/item/:code` → quote → the booking page. */
export async function openBookingForItem(page: Page, itemCode: string): Promise<void> {
  await page.goto(`/item/${itemCode}`);
  await quoteAndBook(page);
}

/** A worker's profile → 预约TA → the service `skillName` → quote → the booking page with that worker chosen. */
export async function openBookingForWorker(page: Page, workerId: string, skillName: string): Promise<void> {
  await page.goto(`/workers/${workerId}`);
  await page.getByTestId('worker-book').click();
  await page.locator('.adm-action-sheet-button-item', { hasText: skillName }).click();
  await quoteAndBook(page);
  await page.locator(`[data-testid="book-worker-chosen"][data-worker-id="${workerId}"]`).waitFor();
}

/** On the booking page: 从常用师傅中选 → the worker; the calendar then shows only their free times. */
export async function chooseFavouriteWorker(page: Page, workerId: string): Promise<void> {
  await page.getByTestId('book-worker-pick').click();
  await page.locator(`[data-testid="book-favourite"][data-worker-id="${workerId}"]`).click();
  await page.locator(`[data-testid="book-worker-chosen"][data-worker-id="${workerId}"]`).waitFor();
}

/**
 * Picks the first free start for which `accept` holds (day by day through the calendar strip), waits
 * for the re-quote, and returns the start (ISO).
 */
export async function pickSlot(page: Page, accept: (start: Date) => boolean = () => true): Promise<string> {
  await page.getByTestId('slot-days').waitFor();
  const days = page.locator('[data-testid^="slot-day-"]:not([disabled])');
  const count = await days.count();
  for (let i = 0; i < count; i += 1) {
    await days.nth(i).click();
    const starts = await page.getByTestId('slot').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-start') ?? ''));
    const start = starts.find((at) => accept(new Date(at)));
    if (!start) continue;
    await page.locator(`[data-testid="slot"][data-start="${start}"]`).click();
    await page.locator(`[data-testid="slot"][data-start="${start}"][aria-pressed="true"]`).waitFor();
    await expect.poll(() => page.getByTestId('book-total').innerText()).toMatch(/¥/);
    return start;
  }
  throw new Error('no free start in the calendar matches');
}

/** 提交订单 → the order page (待支付); returns the order id. */
export async function submitBooking(page: Page): Promise<string> {
  await expect.poll(() => page.getByTestId('book-submit').isEnabled()).toBe(true);
  await page.getByTestId('book-submit').click();
  await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
  const order = page.getByTestId('order');
  await order.waitFor();
  return (await order.getAttribute('data-order-id')) ?? '';
}

/** The whole booking from a worker's profile: 预约TA, the first start `accept` allows, submit. */
export async function bookWithWorker(page: Page, options: { workerId: string; skillName: string; accept?: (start: Date) => boolean }): Promise<{ orderId: string; start: string }> {
  await openBookingForWorker(page, options.workerId, options.skillName);
  const start = await pickSlot(page, options.accept);
  return { orderId: await submitBooking(page), start };
}

/** Waits until the order page shows the status label `label` (e.g. 待接单), reloading while the order moves on elsewhere. */
export async function expectOrderStatus(page: Page, label: string): Promise<void> {
  await expect
    .poll(async () => {
      const text = await page.getByTestId('order-status').innerText();
      if (text !== label) await page.reload();
      return text;
    }, { timeout: 20_000, interval: 1000 })
    .toBe(label);
}

/** On the order page: the cashier (opened right after booking, or with 去支付) → `method` → pay; ends on 待接单. */
export async function payOrder(page: Page, method: 'wechat' | 'alipay' | 'card' = 'wechat'): Promise<void> {
  const sheet = page.getByTestId('pay-sheet');
  if (!(await sheet.isVisible())) await page.getByTestId('order-action-pay').click();
  await sheet.waitFor();
  await page.getByTestId(`pay-method-${method}`).click();
  await page.getByTestId('pay-submit').click();
  // The provider's cashier (the local simulator), then back on the order page.
  await page.getByTestId('paysim-pay').click();
  await page.waitForURL(/\/orders\/[^/?]+/);
  await expectOrderStatus(page, '待接单');
}

/** 取消订单: reads the fee preview, picks a reason and confirms; returns what the preview showed (fen). */
export async function cancelOrder(page: Page, reason = '计划有变'): Promise<{ feeFen: number; refundFen: number }> {
  await page.getByTestId('order-action-cancel').click();
  const preview = page.getByTestId('cancel-preview');
  await preview.waitFor();
  const shown = { feeFen: Number(await preview.getAttribute('data-fee')), refundFen: Number(await preview.getAttribute('data-refund')) };
  await page.getByTestId('cancel-reason').getByText(reason, { exact: true }).click();
  await page.getByTestId('cancel-confirm').click();
  await page.getByTestId('cancel-sheet').waitFor({ state: 'hidden' });
  await expectOrderStatus(page, '已取消');
  return shown;
}

/** 确认验收 and its confirmation; ends on 已完成. */
export async function confirmWork(page: Page): Promise<void> {
  await page.getByTestId('order-action-confirm').click();
  await page.locator('.adm-dialog-button', { hasText: '确认验收' }).click();
  await expectOrderStatus(page, '已完成');
}

/** Agrees to the worker's request to come earlier (提前上门) on the order page (reloads until it appears). */
export async function agreeEarlyVisit(page: Page): Promise<void> {
  await expect
    .poll(async () => {
      const visible = await page.getByTestId('early-visit-agree').isVisible();
      if (!visible) await page.reload();
      return visible;
    }, { timeout: 20_000, interval: 1000 })
    .toBe(true);
  await page.getByTestId('early-visit-agree').click();
  await page.locator('[data-testid="early-visit"][data-status="agreed"]').waitFor();
}

/** Agrees to the worker's reschedule request shown on the order page (reloads until it appears). */
export async function approveReschedule(page: Page): Promise<void> {
  await expect
    .poll(async () => {
      const visible = await page.getByTestId('reschedule-approve').isVisible();
      if (!visible) await page.reload();
      return visible;
    }, { timeout: 20_000, interval: 1000 })
    .toBe(true);
  await page.getByTestId('reschedule-approve').click();
  await page.locator('[data-testid="order-reschedule"][data-status="approved"]').waitFor();
}

/** Accepts the worker's open extra-work proposal (and pays it). */
export async function acceptExtra(page: Page): Promise<void> {
  await page.getByTestId('extra-accept').first().click();
  await page.locator('.adm-dialog-button', { hasText: '同意并支付' }).click();
  await page.locator('[data-testid="order-extra"][data-status="accepted"]').first().waitFor();
}

/** The order page's 上门核销码 (waits until the worker has accepted and it shows). */
export async function readServiceCode(page: Page): Promise<string> {
  const digits = page.getByTestId('order-service-code-digits');
  await expect
    .poll(async () => {
      const visible = await digits.isVisible();
      if (!visible) await page.reload();
      return visible;
    }, { timeout: 20_000, interval: 1000 })
    .toBe(true);
  return (await digits.innerText()).trim();
}

/** 我的订单 on the status tab `tab` (e.g. to_accept); resolves once the list has loaded. */
export async function openOrdersTab(page: Page, tab: string): Promise<void> {
  await page.goto(`/orders?tab=${tab}`);
  await page.getByTestId('orders-list').waitFor();
  await page.locator('[data-testid="order-card"], [data-testid="orders-empty"]').first().waitFor();
}
