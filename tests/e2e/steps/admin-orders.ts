// Console page steps for orders (订单管理, 改约审批, 代客下单), reusable in cross-portal journeys.
// Every step starts from any console page of a signed-in admin (see signInConsole in ../browser).
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** Goes to a console page through the side menu. */
export async function openMenu(page: Page, label: string): Promise<void> {
  await page.getByTestId('admin-menu').getByText(label, { exact: true }).click();
}

/** Picks `option` in the searchable antd Select marked `testId` (or any locator of it). */
export async function chooseOption(page: Page, select: string | Locator, option: string): Promise<void> {
  const root = typeof select === 'string' ? page.getByTestId(select) : select;
  await root.click();
  // The option list is virtual (only a screenful is rendered): type to narrow it first.
  await page.keyboard.type(option);
  await pickOpenOption(page, option);
}

// Open dropdowns: an earlier Select's list may still be playing its closing animation.
const OPEN_DROPDOWNS = '.ant-select-dropdown:not(.ant-select-dropdown-hidden):not([class*="-leave"])';

// A click that lands while the list is still playing its opening animation can be lost on a loaded machine (seen
// once in ~500 runs): click again until the list has closed.
async function pickOpenOption(page: Page, option: string): Promise<void> {
  const open = page.locator(OPEN_DROPDOWNS);
  await open.locator('.ant-select-item-option', { hasText: option }).first().click();
  await expect.poll(async () => {
    if ((await open.count()) > 0) await open.locator('.ant-select-item-option', { hasText: option }).first().click({ timeout: 1000 }).catch(() => undefined);
    return open.count();
  }).toBe(0);
}

/** 订单管理, searched for the order number; resolves once its row is listed. */
export async function findOrder(page: Page, orderNo: string): Promise<Locator> {
  await page.goto(`/admin/orders?q=${encodeURIComponent(orderNo)}`);
  const link = page.getByTestId(`order-open-${orderNo}`);
  await link.waitFor();
  return link;
}

/** Opens the order's drawer from the list; resolves with the drawer once its detail is shown. */
export async function openOrder(page: Page, orderNo: string): Promise<Locator> {
  const link = page.getByTestId(`order-open-${orderNo}`);
  if (!(await link.isVisible())) await findOrder(page, orderNo);
  await link.click();
  const drawer = page.getByTestId('order-drawer');
  await drawer.getByTestId('order-detail').waitFor();
  await expect.poll(() => drawer.getByTestId('order-drawer-title').innerText()).toContain(orderNo);
  return drawer;
}

/** The state of the order open in the drawer (`paid`, `assigned`, …). */
export async function drawerState(page: Page): Promise<string | null> {
  return page.getByTestId('order-drawer').getByTestId('order-detail').getAttribute('data-status');
}

/** The open order's timeline as text. */
export async function timelineText(page: Page): Promise<string> {
  return page.getByTestId('order-drawer').getByTestId('order-timeline').innerText();
}

export async function closeOrder(page: Page): Promise<void> {
  await page.locator('.ant-drawer .ant-drawer-close').click();
  await page.getByTestId('order-drawer').waitFor({ state: 'hidden' });
}

/** 人工派单 in the open drawer: picks the candidate `workerId`, gives `reason`, and waits for 已接单. */
export async function assignWorker(page: Page, workerId: string, reason: string, workerName?: string): Promise<void> {
  await page.getByTestId('order-assign').click();
  // The ranked list pages by 8: find the worker by name (as ops do after a phone call) when it is given.
  if (workerName) await page.getByTestId('order-candidates-search').locator('input').fill(workerName);
  const candidate = page.getByTestId(`candidate-${workerId}`);
  await candidate.waitFor();
  await candidate.click();
  await page.locator('#order-assign-reason').fill(reason);
  await page.locator('#order-assign-ok').click();
  await expect.poll(() => drawerState(page)).toBe('assigned');
}

/** 强制变更状态 in the open drawer to `targetLabel` (e.g. 售后处理中) with a reason; waits for `target`. */
export async function forceState(page: Page, target: string, targetLabel: string, reason: string): Promise<void> {
  await page.getByTestId('order-force').click();
  await page.getByTestId('order-force-warning').waitFor();
  await chooseOption(page, page.locator('.ant-modal').getByTestId('order-force-target'), targetLabel);
  await page.locator('#order-force-reason').fill(reason);
  await page.locator('#order-force-ok').click();
  await expect.poll(() => drawerState(page)).toBe(target);
}

/** 取消订单 in the open drawer with a reason; waits for 已取消. */
export async function cancelOrder(page: Page, reason: string): Promise<void> {
  await page.getByTestId('order-cancel').click();
  await page.locator('#order-cancel-reason').fill(reason);
  await page.locator('#order-cancel-ok').click();
  await expect.poll(() => drawerState(page)).toBe('cancelled');
}

async function decideReschedule(page: Page, orderNo: string, approve: boolean, note: string): Promise<void> {
  await page.goto('/admin/reschedules');
  const button = page.getByTestId(`reschedule-${approve ? 'approve' : 'reject'}-${orderNo}`);
  await button.waitFor();
  await button.click();
  if (note) await page.locator('#reschedule-decision-note').fill(note);
  await page.locator('#reschedule-decision-ok').click();
  await page.getByTestId(`reschedule-order-${orderNo}`).waitFor({ state: 'detached' });
}

/** 改约审批: approves the worker's pending request on the order (it then waits for the customer). */
export function approveReschedule(page: Page, orderNo: string, note = ''): Promise<void> {
  return decideReschedule(page, orderNo, true, note);
}

/** 改约审批: rejects the worker's pending request with a note the worker sees. */
export function rejectReschedule(page: Page, orderNo: string, note: string): Promise<void> {
  return decideReschedule(page, orderNo, false, note);
}

export interface PhoneBooking {
  phone: string;
  name: string;
  /** Service item name as listed (zh), e.g. 日常保洁. */
  itemName: string;
  /** District name (zh), e.g. 徐汇区. */
  districtName: string;
  detail: string;
  notes?: string;
}

/** Fills 代客下单 up to the first free time of the first day that has one (does not submit). */
export async function fillPhoneBooking(page: Page, booking: PhoneBooking): Promise<void> {
  await page.goto('/admin/book');
  await page.locator('#book-customer-phone').fill(booking.phone);
  await page.locator('#book-customer-name').fill(booking.name);
  await page.locator('#book-item').click();
  await page.locator('#book-item').fill(booking.itemName);
  await pickOpenOption(page, booking.itemName);
  await page.getByTestId('book-item-reference').waitFor();
  await chooseOption(page, page.getByTestId('book-district'), booking.districtName);
  await page.locator('#book-detail').fill(booking.detail);
  if (booking.notes) await page.locator('#book-notes').fill(booking.notes);
  const slots = page.getByTestId('book-slot-list');
  await slots.waitFor();
  // Tomorrow or later: today's remaining times may be urgent or gone by the time the form is sent.
  const days = page.getByTestId('book-days').locator('label:not(.ant-radio-button-wrapper-disabled)');
  await days.nth(Math.min(1, (await days.count()) - 1)).click();
  await slots.locator('label').first().click();
}

/** 代客下单 end to end: fills, submits, and returns the created order's id and number. */
export async function bookForCustomer(page: Page, booking: PhoneBooking): Promise<{ orderId: string; orderNo: string }> {
  await fillPhoneBooking(page, booking);
  await page.getByTestId('book-submit').click();
  const result = page.getByTestId('book-result');
  await result.waitFor();
  return { orderId: (await result.getAttribute('data-order-id')) ?? '', orderNo: (await result.getAttribute('data-order-no')) ?? '' };
}
