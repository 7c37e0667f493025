// Console steps for 客服工单, the notification bell and the order drawer's 聊天记录 / 介入 / 仲裁, reusable in
// cross-portal journeys. Every step starts from any console page of a signed-in admin (see signInConsole in ../browser).
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { drawerState } from './admin-orders';

/** Waits until the console tab's live event stream is connected (events raised from now on reach the page). */
export async function waitForLive(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('live-status').getAttribute('data-state'), { timeout: 15_000 }).toBe('open');
}

/** 客服工单 through the side menu, with the status filter `status` (open by default). */
export async function openSupportDesk(page: Page, status: 'open' | 'answered' | 'closed' | 'all' = 'open'): Promise<Locator> {
  await page.getByTestId('admin-menu').getByText('客服工单', { exact: true }).click();
  const table = page.getByTestId('support-tickets');
  await table.waitFor();
  if (status !== 'open') await page.getByTestId(`support-filter-${status}`).click();
  return table;
}

/** The ticket's row in the desk's list. */
export function ticketRow(page: Page, ticketNo: string): Locator {
  return page.getByTestId(`support-ticket-${ticketNo}`);
}

/** Opens the ticket's conversation beside the list; resolves with the thread once it shows that ticket. */
export async function openTicketThread(page: Page, ticketNo: string, ticketId: string): Promise<Locator> {
  // The subject cell: the row's middle may be its 查看订单 link.
  await ticketRow(page, ticketNo).locator('td').first().click();
  const thread = page.getByTestId('support-thread');
  await expect.poll(() => thread.getAttribute('data-ticket-id')).toBe(ticketId);
  return thread;
}

/** The bodies of the open thread's messages, in order. */
export function threadBodies(page: Page): Promise<string[]> {
  return page.getByTestId('support-thread').getByTestId('support-message-body').allInnerTexts();
}

/** Answers the open ticket; waits until it shows 已回复. */
export async function answerTicket(page: Page, text: string): Promise<void> {
  await page.locator('#support-answer').fill(text);
  await page.getByTestId('support-send').click();
  await expect.poll(() => page.getByTestId('support-thread').getAttribute('data-status')).toBe('answered');
}

/** 关闭工单 (confirmed); waits until the thread shows it closed. */
export async function closeTicket(page: Page): Promise<void> {
  await page.getByTestId('support-close').click();
  await page.locator('#support-close-ok').click();
  await expect.poll(() => page.getByTestId('support-thread').getAttribute('data-status')).toBe('closed');
}

/** The open order's 聊天记录 once it has loaded `count` messages. */
export async function orderChat(page: Page, count: number): Promise<Locator> {
  const chat = page.getByTestId('order-drawer').getByTestId('order-chat');
  await expect.poll(() => chat.getAttribute('data-count')).toBe(String(count));
  return chat;
}

/** 介入 in the open drawer with a reason; waits for 售后处理中. */
export async function openDispute(page: Page, reason: string): Promise<void> {
  await page.getByTestId('order-dispute').click();
  await page.locator('#order-dispute-reason').fill(reason);
  await page.locator('#order-dispute-ok').click();
  await expect.poll(() => drawerState(page)).toBe('disputed');
}

export type ArbitrationOutcome = 'completed' | 'refund_full' | 'refund_partial';

/** Opens 仲裁 in the drawer of a disputed order; resolves with the dialog once the refundable amount is known. */
export async function startArbitration(page: Page): Promise<Locator> {
  await page.getByTestId('order-arbitrate').click();
  const dialog = page.locator('.ant-modal', { has: page.locator('#order-arbitrate-reason') });
  await dialog.waitFor();
  await expect.poll(() => dialog.getByTestId('order-arbitrate-refundable').getAttribute('data-fen')).toMatch(/^\d+$/);
  return dialog;
}

/** Fills the open 仲裁 dialog (an amount in yuan for a partial refund) and submits it. */
export async function submitArbitration(page: Page, outcome: ArbitrationOutcome, reason: string, yuan?: string): Promise<void> {
  await page.getByTestId(`order-arbitrate-${outcome}`).click();
  if (outcome === 'refund_partial') await page.locator('#order-arbitrate-amount').fill(yuan ?? '');
  await page.locator('#order-arbitrate-reason').fill(reason);
  await page.locator('#order-arbitrate-ok').click();
}
