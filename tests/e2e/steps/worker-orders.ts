// Worker H5 page steps for orders (接单, the order page, 日程), reusable in cross-portal journeys.
// Every step starts from any page of a signed-in worker (portal at /worker/).
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { DEMO_PASSWORD, DEMO_WORKER_PHONE } from '../http';
import { signInByPassword } from '../mobile-steps';
import { pngFile } from '../worker-fixtures';

/**
 * Signs the demo worker into the worker portal with the demo password — no SMS, so a journey may
 * do it in several browser contexts within the one-code-a-minute limit. Resolves on the home tab.
 */
export async function signInDemoWorker(page: Page, phone = DEMO_WORKER_PHONE, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/worker/login');
  await signInByPassword(page, phone, password);
  await page.getByTestId('worker-status').waitFor();
}

/** The order page root, once it shows the order in `status` (any status when omitted). */
export function orderPage(page: Page, status?: string): Locator {
  return page.locator(status ? `[data-testid="worker-order"][data-status="${status}"]` : '[data-testid="worker-order"]');
}

async function waitForStatus(page: Page, status: string): Promise<void> {
  await orderPage(page, status).waitFor({ timeout: 15_000 });
}

/** Presses the confirm button of the antd-mobile dialog that is open. */
async function confirmDialog(page: Page, label: string): Promise<void> {
  await page.locator('.adm-dialog .adm-dialog-button', { hasText: label }).last().click();
  await page.locator('.adm-dialog').waitFor({ state: 'detached' });
}

/** 接单 → 新订单 until the offer `orderNo` is listed (the list polls every 15 s; reloads to be quick). */
export async function findOffer(page: Page, orderNo: string): Promise<Locator> {
  await page.goto('/worker/orders');
  const card = page.locator(`[data-testid="worker-order-card"][data-order-no="${orderNo}"]`);
  await expect
    .poll(
      async () => {
        if (await card.isVisible()) return true;
        await page.reload();
        await page.getByTestId('orders-offers').waitFor();
        return card.isVisible();
      },
      { timeout: 20_000, interval: 1_000 },
    )
    .toBe(true);
  return card;
}

/** Opens the order `orderNo` from 新订单 / 待服务 / 历史 (`view`). */
export async function openOrder(page: Page, orderNo: string, view: 'offers' | 'upcoming' | 'history' = 'upcoming'): Promise<void> {
  const card = view === 'offers' ? await findOffer(page, orderNo) : page.locator(`[data-testid="worker-order-card"][data-order-no="${orderNo}"]`);
  if (view !== 'offers') {
    await page.goto(`/worker/orders?view=${view}`);
    await card.waitFor();
  }
  await card.click();
  await page.locator(`[data-testid="worker-order"][data-order-no="${orderNo}"]`).waitFor();
}

/** Finds the offer, opens it (no address before accepting) and accepts it; resolves on 已接单 with the address shown. */
export async function acceptOffer(page: Page, orderNo: string): Promise<void> {
  await openOrder(page, orderNo, 'offers');
  expect(await page.getByTestId('order-contact').count()).toBe(0);
  await page.getByTestId('action-accept').click();
  await waitForStatus(page, 'assigned');
  await page.getByTestId('order-address').waitFor();
}

/** Declines the open offer with one of the listed reasons (时间冲突, 距离太远, 技能不符, 其他) and an optional note. */
export async function declineOffer(page: Page, reason: string, note = ''): Promise<void> {
  await page.getByTestId('action-decline').click();
  await page.getByTestId('decline-reasons').getByText(reason, { exact: true }).click();
  if (note) await page.locator('#decline-text').fill(note);
  await page.getByTestId('decline-submit').click();
  await page.waitForURL('**/worker/orders**');
}

/**
 * 申请提前上门 on an order booked for later (set off / check-in not open yet): sends the request; resolves once the
 * page shows it waiting for the customer.
 */
export async function askToComeEarly(page: Page): Promise<void> {
  await page.getByTestId('visit-window').waitFor();
  await page.getByTestId('action-request_early_visit').click();
  await confirmDialog(page, '发送申请');
  await page.locator('[data-testid="early-visit-state"][data-status="requested"]').waitFor();
}

/** After the customer agreed to an earlier visit: the page (live, or reloaded) shows it and offers 出发. */
export async function waitForEarlyVisitAgreed(page: Page): Promise<void> {
  await expect
    .poll(async () => {
      const agreed = await page.locator('[data-testid="early-visit-state"][data-status="agreed"]').count();
      if (!agreed) await page.reload();
      return agreed;
    }, { timeout: 20_000, interval: 1000 })
    .toBe(1);
}

/** 出发 (with the browser's position when granted), then 签到 with the customer's 4-digit code; resolves on 服务中. */
export async function departAndCheckIn(page: Page, code: string): Promise<void> {
  await page.getByTestId('action-depart').click();
  await waitForStatus(page, 'on_the_way');
  await checkIn(page, code);
  await waitForStatus(page, 'in_service');
}

/** Opens 签到 and submits `code`; with `farReason` fills the reason the API asked for after CHECK_IN_TOO_FAR. */
export async function checkIn(page: Page, code: string, farReason?: string): Promise<void> {
  if (!(await page.locator('#check-in-code').isVisible())) await page.getByTestId('action-check_in').click();
  await page.locator('#check-in-code').fill(code);
  if (farReason) await page.locator('#check-in-far-reason').fill(farReason);
  await page.getByTestId('check-in-submit').click();
}

/** 服务记录: ticks the whole checklist, adds a before and an after photo and a note; resolves once the record is listed. */
export async function recordService(page: Page, note = '客厅、厨房、卫生间已清洁完毕'): Promise<void> {
  const before = await page.getByTestId('record-item').count();
  await page.getByTestId('action-record').click();
  const items = page.getByTestId('record-checklist-item');
  await items.first().waitFor();
  for (const item of await items.all()) await item.click();
  await page.getByTestId('record-photos-before').locator('input[type=file]').setInputFiles(pngFile('before.png', [120, 110, 100]));
  await page.locator('[data-testid="record-photos-before"][data-count="1"]').waitFor();
  await page.getByTestId('record-photos-after').locator('input[type=file]').setInputFiles(pngFile('after.png', [240, 240, 235]));
  await page.locator('[data-testid="record-photos-after"][data-count="1"]').waitFor();
  await page.locator('#record-note').fill(note);
  await page.getByTestId('record-submit').click();
  await expect.poll(() => page.getByTestId('record-item').count()).toBe(before + 1);
}

/** 加项: proposes `title` for `yuan` 元 with `reason`; resolves once it is listed as 待客户确认. */
export async function proposeExtra(page: Page, title: string, yuan: string, reason: string): Promise<void> {
  await page.getByTestId('action-propose_extra').click();
  await page.locator('#extra-title').fill(title);
  await page.locator('#extra-amount').fill(yuan);
  await page.locator('#extra-reason').fill(reason);
  await page.getByTestId('extra-submit').click();
  await page.locator('[data-testid="extra-item"][data-status="proposed"]', { hasText: title }).waitFor();
}

/**
 * 完成服务: confirmed in the dialog, or — well before the booked duration has passed — with the reason the
 * customer reads (`earlyReason`); resolves on 待验收.
 */
export async function finishService(page: Page, earlyReason = '客户只需要打扫客厅和厨房'): Promise<void> {
  await page.getByTestId('action-finish').click();
  const popup = page.locator('#finish-reason');
  const dialog = page.locator('.adm-dialog .adm-dialog-button', { hasText: '完成服务' });
  await popup.or(dialog).first().waitFor();
  if (await popup.isVisible()) {
    await popup.fill(earlyReason);
    await page.getByTestId('finish-submit').click();
  } else {
    await confirmDialog(page, '完成服务');
  }
  await waitForStatus(page, 'awaiting_confirmation');
}

/** A service record, then 完成服务. */
export async function recordAndFinish(page: Page): Promise<void> {
  await recordService(page);
  await finishService(page);
}

/** On the open order, approves the customer's pending reschedule request (待你确认); resolves once it is approved. */
export async function approveCustomerReschedule(page: Page): Promise<void> {
  await page.reload();
  await page.locator('[data-testid="reschedule-status"][data-status="pending_worker"]').waitFor();
  await page.getByTestId('reschedule-approve').click();
  await confirmDialog(page, '同意改约');
  await page.locator('[data-testid="reschedule-status"][data-status="approved"]').waitFor();
}

/** 日程 on `day` (YYYY-MM-DD), stepping there with the day arrows; resolves with the day's job blocks. */
export async function openCalendarDay(page: Page, day: string): Promise<Locator> {
  await page.goto('/worker/schedule');
  await page.getByTestId('calendar-day').waitFor();
  const today = await page.getByTestId('calendar-day').getAttribute('data-day');
  const steps = Math.round((Date.parse(day) - Date.parse(today!)) / 86_400_000);
  for (let i = 0; i < Math.abs(steps); i++) {
    await page.getByTestId(steps > 0 ? 'calendar-next' : 'calendar-prev').click();
  }
  await page.locator(`[data-testid="calendar-day"][data-day="${day}"]`).waitFor();
  return page.getByTestId('calendar-entry');
}
