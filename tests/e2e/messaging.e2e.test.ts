// Live features of the two H5 portals, each side in its own browser context: the customer's order page follows the
// worker's acceptance without a reload, the 消息 badge counts up live and 全部已读 clears it, the order chat carries
// masked phone numbers, quick replies and HTML as plain text both ways, and the help centre and a support ticket
// answered from the console's API show up live in the ticket thread.
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { randomPhone } from './api';
import { newMobileContext, pageErrors, screenshot, useBrowser } from './browser';
import { adminCall, call, demoWorker, DEMO_WORKER_PHONE, type DemoWorker } from './http';
import { signInBySms } from './mobile-steps';
import {
  badgeCount, badgeText, openChatFromOrder, openFromMe, openMessages, sendChatText, theirMessage, waitForLive,
} from './steps/mobile-messaging';
import { acceptOffer, signInDemoWorker } from './steps/worker-orders';
import { pngFile } from './worker-fixtures';
import { bookWithWorker, type Booking } from './worker-order-api';

const baseUrl = inject('baseUrl');
const browser = useBrowser();
/** Live updates arrive well within this; nothing on these pages polls (the order page only while in service). */
const LIVE_MS = 8_000;

declare global {
  interface Window {
    /** Set by the test on the open page: it survives only if the page was never reloaded. */
    liveMarker?: string;
    /** Would be set by an <img onerror> if chat text were ever rendered as HTML. */
    chatXss?: number;
  }
}

describe('live order page, 消息中心, 私信, 帮助中心 and 联系客服', () => {
  let demo: DemoWorker;
  let booking: Booking;
  let customerContext: BrowserContext;
  let customer: Page;
  let customerTabs: Page;
  let worker: Page;
  let unreadBefore = 0;
  let orderNo = '';

  it('a customer signs in by SMS, books and pays the demo worker (API), and opens the order page', async () => {
    demo = await demoWorker(baseUrl);
    customerContext = await newMobileContext(browser(), baseUrl);
    customer = await customerContext.newPage();
    await customer.goto('/');
    await customer.waitForURL('**/login');
    await signInBySms(customer, baseUrl, randomPhone());
    await customer.getByTestId('catalog').waitFor();
    const session = (await customerContext.cookies()).find((cookie) => cookie.name === 'dj_session');
    expect(session?.value).toBeTruthy();
    booking = await bookWithWorker(baseUrl, demo, { customerToken: session!.value });
    orderNo = booking.order.orderNo;

    await customer.goto(`/orders/${booking.order.id}`);
    await customer.locator('[data-testid="order-status"][data-status="paid"]').waitFor();
    expect(await customer.getByTestId('chat-entry').count()).toBe(0); // nobody to write to before acceptance
    await waitForLive(customer);
    await customer.evaluate(() => {
      window.liveMarker = 'still-here';
    });

    // A second tab of the same customer, on the home tab with the 消息 badge.
    customerTabs = await customerContext.newPage();
    await customerTabs.goto('/');
    await customerTabs.getByTestId('catalog').waitFor();
    await waitForLive(customerTabs);
    unreadBefore = await badgeCount(customerTabs);
    expect(unreadBefore).toBeGreaterThanOrEqual(1); // 支付成功
    expect(await badgeText(customerTabs)).toBe(String(unreadBefore));
  });

  it('(a) the worker accepts in another browser; the open order page shows it without a reload', async () => {
    const workerContext = await newMobileContext(browser(), baseUrl);
    worker = await workerContext.newPage();
    await signInDemoWorker(worker);
    await acceptOffer(worker, orderNo);

    await customer.locator('[data-testid="order-status"][data-status="assigned"]').waitFor({ timeout: LIVE_MS });
    expect(await customer.getByTestId('order-status').innerText()).toBe('已接单');
    await customer.getByTestId('order-service-code-digits').waitFor();
    await customer.getByTestId('chat-entry').waitFor();
    expect(await customer.evaluate(() => window.liveMarker)).toBe('still-here');
    expect(await customer.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
  });

  it('(b) the other tab\'s 消息 badge counts up live; the list shows the acceptance; opening one and 全部已读 clear it', async () => {
    await expect.poll(() => badgeCount(customerTabs), { timeout: LIVE_MS }).toBe(unreadBefore + 1);
    expect(await badgeText(customerTabs)).toBe(String(unreadBefore + 1));

    const items = await openMessages(customerTabs);
    const accepted = customerTabs.locator('[data-testid="notification"][data-type="order_accepted"]');
    expect(await items.first().getAttribute('data-type')).toBe('order_accepted'); // newest first
    expect(await accepted.getAttribute('data-read')).toBe('false');
    expect(await accepted.getByTestId('notification-body').innerText()).toMatch(/^您发布的家政服务需求已被 .+ 接单，请留意服务时间$/);
    expect(await customerTabs.getByTestId('notify-unread').innerText()).toBe(`${unreadBefore + 1} 条未读`);
    await screenshot(customerTabs, 'customer-notifications.png');

    // Tapping it marks it read and opens the order.
    await accepted.click();
    await customerTabs.waitForURL(`**/orders/${booking.order.id}`);
    await customerTabs.locator('[data-testid="order-status"][data-status="assigned"]').waitFor();
    await customerTabs.goBack();
    await customerTabs.getByTestId('notify-list').waitFor();
    await expect.poll(() => accepted.getAttribute('data-read')).toBe('true');
    await expect.poll(() => badgeCount(customerTabs), { timeout: LIVE_MS }).toBe(unreadBefore);

    await customerTabs.getByTestId('notify-read-all').click();
    await expect.poll(() => badgeCount(customerTabs), { timeout: LIVE_MS }).toBe(0);
    expect(await badgeText(customerTabs)).toBe('');
    expect(await customerTabs.locator('[data-testid="notification"][data-read="false"]').count()).toBe(0);
    const api = await call<{ unread: number }>(baseUrl, booking.customerToken, 'GET', '/api/notifications/unread-count?audience=customer');
    expect(api.unread).toBe(0);
  });

  it('(c) chat: a phone number arrives masked and live, a quick reply comes back live (also to a tab whose stream had failed), HTML stays text; calls use the relay number', async () => {
    const view = await call<{ worker: { relayPhone: string | null } | null }>(baseUrl, booking.customerToken, 'GET', `/api/orders/${booking.order.id}`);
    const relay = view.worker?.relayPhone;
    expect(relay).toBeTruthy();

    await openChatFromOrder(customer);
    await worker.getByTestId('chat-entry').waitFor();
    await openChatFromOrder(worker);
    await waitForLive(worker);

    const sent = await sendChatText(customer, '师傅您好，到了打我电话13812345678，小区东门进');
    expect(await sent.getByTestId('chat-text').innerText()).toBe('师傅您好，到了打我电话138******78，小区东门进');
    const arrived = await theirMessage(worker, 1);
    expect(await arrived.innerText()).toBe('师傅您好，到了打我电话138******78，小区东门进');
    expect(await worker.locator('[data-testid="chat-list"]').innerText()).not.toContain('13812345678');
    expect(await worker.locator('[data-testid="chat-message"]').first().innerText()).toContain('已隐藏 1 处联系方式');

    await worker.locator('[data-testid="chat-quick"][data-code="w_departed"]').click();
    expect(await (await theirMessage(customer, 1)).innerText()).toBe('我已出发，预计准时到达');

    // A third tab whose stream is answered 503 (a proxy during a deploy): the portal backs off and reopens it, then
    // refetches the chat, so what the worker said while it was down shows without a reload.
    const flaky = await customerContext.newPage();
    let refused = 0;
    await flaky.route('**/api/events/stream*', (route) => {
      refused += 1;
      return route.fulfill({ status: 503, contentType: 'application/problem+json', body: '{"status":503}' });
    });
    await flaky.goto(`/orders/${booking.order.id}/chat`);
    await flaky.getByTestId('chat-composer').waitFor();
    await flaky.locator('html[data-live="offline"]').waitFor({ state: 'attached' });
    await worker.locator('[data-testid="chat-quick"][data-code="w_late"]').click();
    expect(await (await theirMessage(customer, 2)).innerText()).toBe('路上有点堵，可能晚到 10 分钟，抱歉');
    expect(await flaky.locator('[data-testid="chat-message"][data-mine="false"]').count()).toBe(1);
    await flaky.unroute('**/api/events/stream*');
    expect(refused).toBeGreaterThanOrEqual(1);
    await waitForLive(flaky);
    expect(await (await theirMessage(flaky, 2)).innerText()).toBe('路上有点堵，可能晚到 10 分钟，抱歉');
    await flaky.close();

    const html = '<b>加粗</b><img src="x" onerror="window.chatXss=1">';
    const literal = await sendChatText(customer, html);
    expect(await literal.getByTestId('chat-text').innerText()).toBe(html);
    const received = await theirMessage(worker, 2);
    expect(await received.innerText()).toBe(html);
    expect(await received.locator('b, img').count()).toBe(0);
    expect(await customer.getByTestId('chat-list').locator('b, img').count()).toBe(0);
    expect(await worker.evaluate(() => window.chatXss)).toBeUndefined();

    // A photo: uploaded as an order photo, then sent; the worker sees it live and it loads for them.
    await customer.getByTestId('chat-photo-input').setInputFiles(pngFile('door.png', [40, 140, 200]));
    await customer.locator('[data-testid="chat-message"][data-mine="true"][data-kind="image"] img').waitFor();
    const photo = worker.locator('[data-testid="chat-message"][data-mine="false"][data-kind="image"] img');
    await photo.waitFor({ timeout: LIVE_MS });
    await expect.poll(() => photo.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(8);

    // Too long: the API's field error, in Chinese, under the box; nothing is sent.
    await customer.locator('#chat-input').fill('好'.repeat(1001));
    await customer.getByTestId('chat-send').click();
    expect(await customer.getByTestId('chat-error').innerText()).toContain('消息最多 1000 个字');
    expect(await customer.locator('[data-testid="chat-message"][data-mine="true"]').count()).toBe(3);

    // 联系师傅 / 联系客户 dial the order's relay number, never the worker's own phone.
    const dial = `tel:${relay!.replace(/[^\d+]/g, '')}`;
    expect(await customer.getByTestId('chat-call').getAttribute('href')).toBe(dial);
    expect(await customer.getByTestId('chat-call').innerText()).toContain('联系师傅');
    expect(await worker.getByTestId('chat-call').getAttribute('href')).toBe(dial);
    expect(await worker.getByTestId('chat-call').innerText()).toContain('联系客户');
    expect(dial).not.toContain(DEMO_WORKER_PHONE);

    // The worker's messages raised "new message" notices, read at once since the customer had the chat open.
    const notices = await call<{ items: { type: string; readAt: string | null }[] }>(baseUrl, booking.customerToken, 'GET', '/api/notifications?audience=customer');
    expect(notices.items.some((n) => n.type === 'chat_message')).toBe(true);
    await expect
      .poll(async () => (await call<{ unread: number }>(baseUrl, booking.customerToken, 'GET', '/api/notifications/unread-count?audience=customer')).unread)
      .toBe(0);

    await customer.locator('#chat-input').fill('');
    await screenshot(customer, 'customer-chat.png');
    await screenshot(worker, 'worker-chat.png');
    expect(await customer.evaluate(() => window.liveMarker)).toBe('still-here'); // the SPA never reloaded
  });

  it('(d) 帮助中心 search; a support ticket about the order is answered and closed from the console, live', async () => {
    await customerTabs.goto('/me');
    await customerTabs.getByTestId('me-help').click();
    const list = customerTabs.getByTestId('help-list');
    await list.waitFor();
    expect(Number(await list.getAttribute('data-count'))).toBeGreaterThanOrEqual(5);
    await customerTabs.getByTestId('help-search').locator('input').fill('隐私');
    await customerTabs.locator('[data-testid="help-list"][data-q="隐私"]').waitFor();
    // The query shows at once; the matching answers follow when the search returns.
    await expect.poll(() => list.getAttribute('data-count')).toBe('1');
    await customerTabs.getByTestId('help-question').click();
    await expect.poll(() => customerTabs.getByTestId('help-answer').isVisible()).toBe(true);
    expect(await customerTabs.getByTestId('help-answer').innerText()).toContain('隐私号');

    await customerTabs.getByTestId('help-contact').click();
    await customerTabs.getByTestId('tickets').waitFor();
    await customerTabs.getByTestId('ticket-new').click();
    await customerTabs.locator('#ticket-subject').fill('师傅到达时间');
    await customerTabs.locator('#ticket-body').fill('请问师傅一般提前多久出发？');
    await customerTabs.getByTestId('ticket-order').click();
    await customerTabs.locator(`[data-testid="ticket-order-option"][data-order-id="${booking.order.id}"]`).click();
    await customerTabs.locator(`[data-testid="ticket-order"][data-order-id="${booking.order.id}"]`).waitFor();
    await customerTabs.getByTestId('ticket-submit').click();
    await customerTabs.waitForURL(/\/me\/support\/[0-9a-f-]{36}$/);
    const ticket = customerTabs.getByTestId('ticket');
    await customerTabs.locator('[data-testid="ticket"][data-status="open"]').waitFor();
    const ticketId = (await ticket.getAttribute('data-id'))!;
    expect(await customerTabs.getByTestId('ticket-message').count()).toBe(1);
    await customerTabs.getByTestId('ticket-order-link').waitFor();
    await waitForLive(customerTabs);

    const desk = await adminCall<{ orderId: string }>(baseUrl, 'GET', `/api/admin/support/tickets/${ticketId}`, undefined, 'support');
    expect(desk.orderId).toBe(booking.order.id);
    await adminCall(baseUrl, 'POST', `/api/admin/support/tickets/${ticketId}/answer`, { body: '师傅一般会提前 1 小时出发，出发时您会收到通知。' }, 'support');
    await customerTabs.locator('[data-testid="ticket"][data-status="answered"]').waitFor({ timeout: LIVE_MS });
    const answer = customerTabs.locator('[data-testid="ticket-message"][data-from="support"]');
    expect(await answer.getByTestId('ticket-message-body').innerText()).toBe('师傅一般会提前 1 小时出发，出发时您会收到通知。');

    await customerTabs.locator('#ticket-reply').fill('好的，谢谢');
    await customerTabs.getByTestId('ticket-reply-send').click();
    await expect.poll(() => customerTabs.getByTestId('ticket-message').count()).toBe(3);

    await adminCall(baseUrl, 'POST', `/api/admin/support/tickets/${ticketId}/answer`, { close: true }, 'support');
    await customerTabs.getByTestId('ticket-closed').waitFor({ timeout: LIVE_MS });
    expect(await customerTabs.getByTestId('ticket-composer').count()).toBe(0);

    // The answer is also in the message centre; opening it leads back to the ticket.
    await customerTabs.goto('/messages');
    const reply = customerTabs.locator('[data-testid="notification"][data-type="support_reply"]');
    await reply.waitFor();
    await reply.click();
    await customerTabs.waitForURL(`**/me/support/${ticketId}`);
    await customerTabs.locator('[data-testid="ticket"][data-status="closed"]').waitFor();
  });

  it('通知设置: per-category SMS / e-mail switches and the quiet hours; the worker portal has its own help centre', async () => {
    await customerTabs.goto('/me');
    await openFromMe(customerTabs, 'me-notify-settings');
    await customerTabs.getByTestId('notify-settings-page').waitFor();
    expect(await customerTabs.getByTestId('quiet-hours').innerText()).toContain('22:00');
    expect(await customerTabs.locator('[data-testid="notify-category"][data-category="safety"]').count()).toBe(0);
    const orderSms = customerTabs.getByTestId('notify-switch-order-sms');
    expect(await orderSms.getAttribute('aria-checked')).toBe('true');
    await orderSms.click();
    await expect.poll(() => orderSms.getAttribute('aria-checked')).toBe('false');
    const saved = await call<{ categories: { category: string; sms: boolean; email: boolean }[] }>(baseUrl, booking.customerToken, 'GET', '/api/me/notification-settings');
    expect(saved.categories.find((c) => c.category === 'order')).toEqual({ category: 'order', sms: false, email: true });

    await worker.goto('/worker/me');
    await worker.getByTestId('me-help').click();
    await worker.getByTestId('help-list').waitFor();
    expect(await worker.getByTestId('help-question').first().innerText()).toBe('如何接到更多订单？');
  });

  it('the customer cancels: the worker\'s open order page follows live, the customer\'s open chat turns read-only', async () => {
    await worker.goto(`/worker/orders/${booking.order.id}`);
    await worker.locator('[data-testid="worker-order"][data-status="assigned"]').waitFor();
    await waitForLive(worker);
    await worker.evaluate(() => {
      window.liveMarker = 'worker-page';
    });
    expect(await customer.getByTestId('chat-composer').count()).toBe(1);

    await call(baseUrl, booking.customerToken, 'POST', `/api/orders/${booking.order.id}/cancel`, { reason: '计划有变' }, { 'idempotency-key': `msg-cancel-${booking.order.id}` });
    await worker.locator('[data-testid="worker-order"][data-status="cancelled"]').waitFor({ timeout: LIVE_MS });
    expect(await worker.evaluate(() => window.liveMarker)).toBe('worker-page');
    await customer.getByTestId('chat-closed').waitFor({ timeout: LIVE_MS });
    expect(await customer.getByTestId('chat-closed').innerText()).toContain('不能再发送');
    expect(await customer.locator('[data-testid="chat-message"]').count()).toBe(5); // history stays readable
    expect(pageErrors).toEqual([]);
  });
});
