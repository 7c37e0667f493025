// The console's messaging: 客服工单 (a customer's ticket appears live on the desk, is answered — the customer gets the
// answer and a notification — and closed), the header's notification bell (a worker's reschedule request raises it
// live; opening the notice shows its order and reads it) and 消息通知, and an order's 聊天记录 (masked contact
// details, quick reply, photo) with operations intervening (介入) and arbitrating a partial refund (仲裁) — after a
// refusal the API explains in Chinese when finance refunded part of the order meanwhile.
import type { Page, Request } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { adminOrder } from './admin-order-api';
import { adminToken } from './api';
import { pageErrors, screenshot, signInConsole, useBrowser } from './browser';
import { adminCall, call, demoWorker, HttpError, type DemoWorker } from './http';
import { customerNotifications, customerTicket, openTicket, orderWithChat, replyToTicket, type ChattedOrder, type CustomerTicket } from './messaging-api';
import { closeOrder, drawerState, findOrder, openOrder, timelineText } from './steps/admin-orders';
import {
  answerTicket, closeTicket, openDispute, openSupportDesk, openTicketThread, orderChat, startArbitration, submitArbitration, threadBodies, ticketRow, waitForLive,
} from './steps/admin-messaging';
import { bookWithWorker, freeStarts } from './worker-order-api';

const baseUrl = inject('baseUrl');
const suffix = Date.now().toString(36).slice(-5);
let worker: DemoWorker;
let chatted: ChattedOrder;
const browser = useBrowser(async () => {
  worker = await demoWorker(baseUrl);
  chatted = await orderWithChat(baseUrl, worker);
});

/** Fen as the console shows money: `¥350`, `¥1,280.50`. */
const yuan = (fen: number) => `¥${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: Number.isInteger(fen / 100) ? 0 : 2, maximumFractionDigits: 2 })}`;

describe('console: 客服工单', () => {
  let desk: Page;
  let ticket: CustomerTicket;
  const subject = `师傅还没联系我·${suffix}`;

  it('a ticket the customer opens appears on the open desk live, without a reload', async () => {
    desk = await signInConsole(browser(), baseUrl, 'support');
    const labels = await desk.getByTestId('admin-menu').locator('.ant-menu-title-content').allInnerTexts();
    expect(labels).toContain('客服工单');
    await openSupportDesk(desk);
    await waitForLive(desk);
    // A marker that a reload would wipe out.
    await desk.evaluate(() => Object.assign(window, { __sameDocument: true }));

    ticket = await openTicket(baseUrl, chatted.customerToken, { subject, body: '预约的保洁明天上午，师傅还没联系我。<b>加急</b>', orderId: chatted.order.id });
    const row = ticketRow(desk, ticket.ticketNo);
    await row.waitFor({ timeout: 15_000 });
    expect(await desk.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    const text = await row.innerText();
    expect(text).toContain(subject);
    expect(text).toContain('待回复');
    expect(text).toMatch(/1\d{2}\*{4}\d{4}/); // the user's phone, masked
    expect(text).toContain('查看订单');
    await desk.getByTestId(`support-fresh-${ticket.ticketNo}`).waitFor();
  });

  it('the thread shows the message as text; a reply of the user arrives live; the answer reaches the customer', async () => {
    const thread = await openTicketThread(desk, ticket.ticketNo, ticket.id);
    expect(await threadBodies(desk)).toEqual(['预约的保洁明天上午，师傅还没联系我。<b>加急</b>']);
    expect(await thread.getByTestId('support-message-body').locator('b').count()).toBe(0); // text, not HTML
    expect(await desk.getByTestId(`support-fresh-${ticket.ticketNo}`).count()).toBe(0);

    await replyToTicket(baseUrl, chatted.customerToken, ticket.id, '我明天上午都在家');
    await expect.poll(() => threadBodies(desk), { timeout: 15_000 }).toEqual(['预约的保洁明天上午，师傅还没联系我。<b>加急</b>', '我明天上午都在家']);

    const answer = '您好，已联系师傅，他会在今天 18:00 前给您回电确认上门时间。';
    await answerTicket(desk, answer);
    await expect.poll(() => threadBodies(desk)).toContain(answer);
    const seen = await customerTicket(baseUrl, chatted.customerToken, ticket.id);
    expect(seen.status).toBe('answered');
    expect(seen.messages.at(-1)).toMatchObject({ from: 'support', body: answer });
    const { items } = await customerNotifications(baseUrl, chatted.customerToken);
    expect(items.find((n) => n.type === 'support_reply')).toMatchObject({ link: { kind: 'chat', id: ticket.id }, readAt: null });

    // Answered tickets leave the open list; under 全部 it is listed as 已回复.
    await expect.poll(() => ticketRow(desk, ticket.ticketNo).count()).toBe(0);
    await desk.getByTestId('support-filter-all').click();
    await expect.poll(() => ticketRow(desk, ticket.ticketNo).getAttribute('data-status')).toBe('answered');
    await screenshot(desk, 'admin-support-desk.png');
  });

  it('closing the ticket ends it for the customer as well', async () => {
    await closeTicket(desk);
    await desk.getByTestId('support-thread-closed').waitFor();
    expect(await desk.locator('#support-answer').count()).toBe(0);
    expect((await customerTicket(baseUrl, chatted.customerToken, ticket.id)).status).toBe('closed');
    const refused = await replyToTicket(baseUrl, chatted.customerToken, ticket.id, '还有一个问题').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(HttpError);
    expect((refused as HttpError).body.code).toBe('SUPPORT_TICKET_CLOSED');
    await expect.poll(() => ticketRow(desk, ticket.ticketNo).getAttribute('data-status')).toBe('closed');

    // The ticket's order opens in the order drawer (support may read orders).
    await desk.getByTestId('support-thread-order').click();
    await desk.getByTestId('order-detail').waitFor();
    expect(await desk.getByTestId('order-detail').getAttribute('data-order-id')).toBe(chatted.order.id);
    await desk.context().close();
  });
});

describe('console: notification bell', () => {
  let ops: Page;

  it('the bell’s count rises live when a worker’s reschedule request notifies operations; opening it shows the order and reads it', async () => {
    // A second accepted order of the demo worker, whom the worker asks to move to another day: operations (orders:write) is told.
    const booking = await bookWithWorker(baseUrl, worker);
    await call(baseUrl, worker.token, 'POST', `/api/worker/orders/${booking.order.id}/accept`, {});
    const booked = new Date(booking.order.scheduledStart).getTime();
    const start = (await freeStarts(baseUrl, booking, worker)).find((at) => Math.abs(new Date(at).getTime() - booked) >= 20 * 3600_000);
    expect(start).toBeTruthy();

    ops = await signInConsole(browser(), baseUrl, 'ops');
    await waitForLive(ops);
    const before = await adminCall<{ unread: number }>(baseUrl, 'GET', '/api/admin/notifications?unread=true', undefined, 'ops');
    const bell = ops.getByTestId('notification-bell');
    await expect.poll(() => bell.getAttribute('data-count')).toBe(String(before.unread));
    await ops.evaluate(() => Object.assign(window, { __sameDocument: true }));

    await call(baseUrl, worker.token, 'POST', `/api/worker/orders/${booking.order.id}/reschedule`, { start, reason: '前一单延时，想改到另一天' });
    await expect.poll(() => bell.getAttribute('data-count'), { timeout: 15_000 }).toBe(String(before.unread + 1));
    expect(await ops.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);

    const mine = await adminCall<{ items: { id: string; type: string; title: string; link: { kind: string; id: string } | null; readAt: string | null }[] }>(baseUrl, 'GET', '/api/admin/notifications', undefined, 'ops');
    const notice = mine.items.find((n) => n.type === 'reschedule_requested' && n.link?.id === booking.order.id);
    expect(notice).toMatchObject({ link: { kind: 'order' }, readAt: null });
    if (!notice) return;
    await bell.click();
    const item = ops.getByTestId(`notification-${notice.id}`);
    await item.waitFor();
    expect(await item.getAttribute('data-read')).toBe('false');
    expect(await item.innerText()).toContain(notice.title);
    await screenshot(ops, 'admin-notifications.png');

    // Opening it marks it read and shows its order in the order drawer.
    await item.click();
    await ops.getByTestId('order-detail').waitFor();
    expect(await ops.getByTestId('order-detail').getAttribute('data-order-id')).toBe(booking.order.id);
    await ops.getByTestId('order-reschedule').waitFor();
    await expect.poll(() => bell.getAttribute('data-count')).toBe(String(before.unread));
    const read = await adminCall<{ items: { id: string; readAt: string | null }[] }>(baseUrl, 'GET', '/api/admin/notifications', undefined, 'ops');
    expect(read.items.find((n) => n.id === notice.id)?.readAt).not.toBeNull();
    await closeOrder(ops);
  });

  it('lists every notification under 消息通知 and marks them all read', async () => {
    await ops.getByTestId('notification-bell').click();
    await ops.getByTestId('notification-all').click();
    await ops.getByTestId('notifications-page').waitFor();
    expect(await ops.locator('.a-header-title').innerText()).toBe('消息通知');
    const all = await adminCall<{ total: number; unread: number }>(baseUrl, 'GET', '/api/admin/notifications', undefined, 'ops');
    await expect.poll(() => ops.getByTestId('notifications-table').locator('tbody tr.ant-table-row').count()).toBe(Math.min(all.total, 20));
    if (all.unread > 0) {
      await ops.getByTestId('notifications-read-all').click();
      await expect.poll(() => ops.getByTestId('notification-bell').getAttribute('data-count')).toBe('0');
    }
    expect((await adminCall<{ unread: number }>(baseUrl, 'GET', '/api/admin/notifications', undefined, 'ops')).unread).toBe(0);
    // The page learns of the read-all from its reload; poll rather than read the button once.
    await expect.poll(() => ops.getByTestId('notifications-read-all').isDisabled()).toBe(true);
  });
});

describe('console: order chat, 介入 and 仲裁', () => {
  let ops: Page;
  const arbitrations: Request[] = [];

  it('the drawer shows the order’s chat history: masked text, quick reply and photo, with who sent them', async () => {
    ops = await signInConsole(browser(), baseUrl, 'ops');
    ops.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith(`/api/admin/orders/${chatted.order.id}/arbitrate`)) arbitrations.push(request);
    });
    await findOrder(ops, chatted.order.orderNo);
    const drawer = await openOrder(ops, chatted.order.orderNo);
    expect(await drawerState(ops)).toBe('assigned');
    const chat = await orderChat(ops, 3);
    const messages = chat.getByTestId('order-chat-message');
    expect(await messages.evaluateAll((nodes) => nodes.map((n) => [n.getAttribute('data-from'), n.getAttribute('data-kind')]))).toEqual([
      ['customer', 'text'],
      ['worker', 'quick'],
      ['customer', 'image'],
    ]);
    const first = await messages.nth(0).innerText();
    expect(first).toContain('用户');
    expect(first).toContain(chatted.stored);
    expect(first).toContain('138******78');
    expect(first).not.toContain('1234 5678');
    expect(first).toContain('已隐藏 1 处联系方式');
    const second = await messages.nth(1).innerText();
    expect(second).toContain('师傅');
    expect(second).toContain(chatted.quick);
    expect(second).toContain('快捷回复');
    // The photo is served to the console through the admin cookie.
    const photo = messages.nth(2).getByTestId('order-chat-photo').locator('img').first();
    await photo.scrollIntoViewIfNeeded();
    await expect.poll(() => photo.evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth)).toBe(8);
    expect(await chat.getByTestId('order-chat-open').innerText()).toBe('可发送');

    await chat.evaluate((node) => node.scrollIntoView({ block: 'start' }));
    await screenshot(ops, 'admin-order-chat.png');
    expect(await drawer.getByTestId('order-arbitrate').count()).toBe(0); // only a disputed order is arbitrated
  });

  it('operations intervenes (介入) with a reason: the order is in dispute', async () => {
    await openDispute(ops, '用户来电反映师傅联系不上，平台介入');
    expect(await ops.getByTestId('order-drawer-status').innerText()).toBe('售后处理中');
    await expect.poll(() => timelineText(ops)).toContain('用户来电反映师傅联系不上，平台介入');
    expect(await ops.getByTestId('order-dispute').count()).toBe(0);
  });

  it('arbitrates a partial refund: a refund made meanwhile is explained by the API; the order shows 已退款 and the refund is listed', async () => {
    const paid = chatted.paidFen;
    const dialog = await startArbitration(ops);
    expect(await dialog.getByTestId('order-arbitrate-refundable').getAttribute('data-fen')).toBe(String(paid));
    expect(await dialog.getByTestId('order-arbitrate-refundable').innerText()).toContain(`可退 ${yuan(paid)}`);

    // Asking for all of it as a partial refund is refused in the form (a full refund is its own outcome).
    await submitArbitration(ops, 'refund_partial', '部分服务未完成', String(paid / 100));
    await dialog.locator('.ant-form-item-explain-error', { hasText: '退款金额须小于可退金额' }).waitFor();

    // Finance refunds half meanwhile: what is still refundable drops below what operations is about to rule.
    const half = Math.floor(paid / 200) * 100;
    await call(baseUrl, await adminToken(baseUrl, 'finance'), 'POST', `/api/admin/orders/${chatted.order.id}/refunds`, { amountFen: half, reason: '先行退还一半' }, { 'idempotency-key': `e2e-half-${chatted.order.id}` });
    const tooMuch = (paid - 100) / 100;
    await submitArbitration(ops, 'refund_partial', '部分服务未完成', String(tooMuch));
    const refusal = dialog.getByTestId('order-arbitrate-error');
    await refusal.waitFor();
    expect(await refusal.getAttribute('data-code')).toBe('REFUND_TOO_LARGE');
    expect(await refusal.innerText()).toContain(`最多 ${paid - half - 1} 分`); // the API's own message, with what is still refundable
    await expect.poll(() => dialog.getByTestId('order-arbitrate-refundable').getAttribute('data-fen')).toBe(String(paid - half));
    expect(await drawerState(ops)).toBe('disputed');

    await submitArbitration(ops, 'refund_partial', '部分服务未完成，退还 10 元', '10');
    await expect.poll(() => drawerState(ops)).toBe('refunded');
    expect(await ops.getByTestId('order-drawer-status').innerText()).toBe('已退款');
    await expect.poll(() => timelineText(ops)).toContain('部分服务未完成，退还 10 元');

    // Each submitted form had a key of its own; the refused one and the ruling are separate attempts.
    const keys = arbitrations.map((request) => request.headers()['idempotency-key']);
    expect(keys).toHaveLength(2);
    expect(keys.every((key) => typeof key === 'string' && key.length > 0)).toBe(true);
    expect(new Set(keys).size).toBe(2);
    expect(arbitrations.map((request) => request.postDataJSON() as { refundFen: number }).map((body) => body.refundFen)).toEqual([paid - 100, 1000]);

    const refunds = ops.getByTestId('order-drawer').getByTestId('order-refunds');
    const row = refunds.locator('tr[data-step="requested"][data-amount="1000"]');
    await expect.poll(async () => {
      if ((await row.count()) === 0) await refunds.getByTestId('order-refunds-refresh').click();
      return row.count();
    }, { timeout: 15_000 }).toBe(1);
    expect(await row.innerText()).toContain('仲裁');
    expect(await refunds.locator(`tr[data-step="requested"][data-amount="${half}"]`).count()).toBe(1);

    const after = await adminOrder(baseUrl, chatted.order.id);
    expect(after.status).toBe('refunded');
    expect(after.timeline.map((e) => e.action)).toEqual(expect.arrayContaining(['dispute', 'arbitrate']));
    await closeOrder(ops);
  });

  it('raised no uncaught errors in the pages', () => {
    expect(pageErrors).toEqual([]);
  });
});
