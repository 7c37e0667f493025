// H5 steps for the live features shared by the customer and worker portals: the live connection, the 消息 tab's
// badge and list, the order chat (私信), the help centre and support tickets (联系客服).
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** Waits until the portal's live event stream is open (`<html data-live="open">`). */
export async function waitForLive(page: Page): Promise<void> {
  await page.locator('html[data-live="open"]').waitFor({ state: 'attached', timeout: 15_000 });
}

/** The 消息 tab's unread count as the badge shows it (after the first count has arrived). */
export async function badgeCount(page: Page): Promise<number> {
  const tab = page.getByTestId('tab-messages');
  await expect.poll(() => tab.getAttribute('data-unread'), { timeout: 10_000 }).not.toBe('');
  return Number(await tab.getAttribute('data-unread'));
}

/** The badge's visible number (empty when nothing is unread). */
export async function badgeText(page: Page): Promise<string> {
  const badge = page.getByTestId('tab-messages').locator('.adm-badge-content');
  return (await badge.count()) ? (await badge.innerText()).trim() : '';
}

/** Opens the 消息 tab from the tab bar; resolves once the list is there. */
export async function openMessages(page: Page): Promise<Locator> {
  await page.getByTestId('tab-messages').click();
  await page.waitForURL(/\/messages$/);
  await page.getByTestId('notify-list').waitFor();
  return page.getByTestId('notification');
}

/** From an order page: 私信师傅 / 私信客户 → the chat, ready to write. */
export async function openChatFromOrder(page: Page): Promise<void> {
  await page.getByTestId('chat-open').click();
  await page.waitForURL(/\/orders\/[0-9a-f-]{36}\/chat$/);
  await page.getByTestId('chat-composer').waitFor();
}

/** Types `text` into the chat and sends it; resolves once it is listed as mine. */
export async function sendChatText(page: Page, text: string): Promise<Locator> {
  const mine = page.locator('[data-testid="chat-message"][data-mine="true"]');
  const before = await mine.count();
  await page.locator('#chat-input').fill(text);
  await page.getByTestId('chat-send').click();
  await expect.poll(() => mine.count()).toBe(before + 1);
  return mine.last();
}

/** The text of the newest message from the other side, waiting until there are `count` of them. */
export async function theirMessage(page: Page, count: number): Promise<Locator> {
  const theirs = page.locator('[data-testid="chat-message"][data-mine="false"]');
  await expect.poll(() => theirs.count(), { timeout: 10_000 }).toBe(count);
  return theirs.nth(count - 1).getByTestId('chat-text');
}

/** 我的 → an entry (`me-help`, `me-support`, `me-notify-settings`…). */
export async function openFromMe(page: Page, testId: string): Promise<void> {
  await page.getByTestId('tab-me').click();
  await page.getByTestId(testId).click();
}
