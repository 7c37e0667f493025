import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { newMobileContext, pageErrors, screenshot, signInConsole, useBrowser } from './browser';
import { freshWorker, retireFreshWorkers, type FreshWorker } from './fresh-worker';
import { call, customerSignIn, demoWorker, type DemoWorker } from './http';
import { acceptOrder } from './order-api';
import { orderChat } from './steps/admin-messaging';
import { openOrder } from './steps/admin-orders';
import { useSession } from './steps/reviews';
import { bookWithWorker, type Booking } from './worker-order-api';

// 售前咨询: a customer asks a worker from the worker's profile before booking; the worker answers in the worker
// portal's 消息; the worker can stop the customer's messages and reopen; once the customer books that worker and the
// worker accepts, the order's chat shows the consultation above the order's own messages.
const baseUrl = inject('baseUrl');
const ITEM = 'daily-cleaning';
let customer: Page;
let workerPage: Page;
let worker: FreshWorker;
let customerToken = '';
let consultationId = '';
let booking: Booking;

const browser = useBrowser(async (b) => {
  const customerContext: BrowserContext = await newMobileContext(b, baseUrl);
  customer = await customerContext.newPage();
  const workerContext: BrowserContext = await newMobileContext(b, baseUrl);
  workerPage = await workerContext.newPage();
  // A worker of this file's own, far from the demo worker, and a new customer: no other file's messages or orders.
  const city = await call<{ districts: { code: string; name: string; center: [number, number] }[] }>(baseUrl, null, 'GET', '/api/geo/city');
  const demo = await demoWorker(baseUrl);
  const away = (d: { center: [number, number] }) => Math.hypot(d.center[0] - demo.homeLat, d.center[1] - demo.homeLng);
  worker = await freshWorker(baseUrl, [...city.districts].sort((a, b) => away(b) - away(a))[1]!, [ITEM]);
  customerToken = await customerSignIn(baseUrl);
  await useSession(customerContext, baseUrl, customerToken);
  await useSession(workerContext, baseUrl, worker.token);
});

beforeAll(() => {
  pageErrors.length = 0;
});
afterAll(async () => {
  await retireFreshWorkers();
});

const surname = () => Array.from(worker.name)[0]!;

describe('售前咨询: profile → 咨询 → worker replies → decline / reopen → booking → the order chat shows it', () => {
  it('the customer opens a worker\'s profile, taps 咨询 and sends a question; the phone number typed in is hidden', async () => {
    await customer.goto(`/workers/${worker.id}`);
    await customer.getByTestId('worker-profile').waitFor();
    await screenshot(customer, 'consult-profile.png');
    await customer.getByTestId('worker-consult').click();
    await customer.waitForURL('**/consultations/*');
    const thread = customer.getByTestId('consultation');
    await thread.waitFor();
    consultationId = (await thread.getAttribute('data-id'))!;
    expect(await customer.locator('.m-navbar').innerText()).toContain(`${surname()}师傅`);
    await customer.locator('#consult-input').fill('师傅您好，这周六上午能来做日常保洁吗？家里 90 平，大概多少钱？我电话 13812345678');
    await customer.getByTestId('chat-send').click();
    const mine = customer.locator('[data-testid="chat-message"][data-mine="true"]');
    await mine.first().waitFor();
    const text = await mine.first().innerText();
    expect(text).toContain('这周六上午');
    expect(text).not.toContain('13812345678');
    expect(text).toContain('138******78');
    expect(text).toContain('已隐藏 1 处联系方式');
    await screenshot(customer, 'consult-customer.png');
  });

  it('the worker sees it under 消息 with an unread count and replies; the customer gets the answer live', async () => {
    await workerPage.goto('/worker/messages');
    const item = workerPage.locator(`[data-testid="consult-item"][data-id="${consultationId}"]`);
    await item.waitFor();
    expect(await item.getAttribute('data-unread')).toBe('1');
    expect(await item.innerText()).toContain('这周六上午');
    await screenshot(workerPage, 'consult-worker-messages.png');
    await item.click();
    await workerPage.getByTestId('consultation').waitFor();
    const page = await workerPage.getByTestId('consultation').innerText();
    expect(page).not.toContain('13812345678');
    expect(page).toContain('平台不会显示客户的电话和地址');
    await workerPage.locator('#consult-input').fill('周六 9 点可以到，日常保洁 3 小时，按平台价格下单就行');
    await workerPage.getByTestId('chat-send').click();
    await workerPage.locator('[data-testid="chat-message"][data-mine="true"]').first().waitFor();
    await screenshot(workerPage, 'consult-worker.png');
    // Read on screen: the list shows nothing unread any more.
    await expect.poll(async () => (await call<{ unread: number }>(baseUrl, worker.token, 'GET', '/api/worker/consultations')).unread).toBe(0);

    const answer = customer.locator('[data-testid="chat-message"][data-mine="false"]');
    await answer.first().waitFor();
    expect(await answer.first().innerText()).toContain('周六 9 点可以到');
  });

  it('the worker stops the customer\'s messages: the customer sees it and cannot send; the worker reopens', async () => {
    await workerPage.getByTestId('consult-toggle').click();
    await workerPage.locator('.adm-dialog-button').filter({ hasText: '不再接收' }).click();
    await expect.poll(() => workerPage.getByTestId('consultation').getAttribute('data-status')).toBe('declined');
    await workerPage.getByTestId('consult-declined').waitFor();
    // Live on the customer's screen: the composer gives way to the notice.
    await customer.getByTestId('consult-declined').waitFor();
    expect(await customer.getByTestId('consult-declined').innerText()).toContain('师傅已暂停接收您的咨询消息');
    expect(await customer.getByTestId('chat-composer').count()).toBe(0);
    await screenshot(customer, 'consult-declined.png');

    await workerPage.getByTestId('consult-toggle').click();
    await expect.poll(() => workerPage.getByTestId('consultation').getAttribute('data-status')).toBe('open');
    await customer.getByTestId('chat-composer').waitFor();
    await customer.locator('#consult-input').fill('好的，那我现在下单');
    await customer.getByTestId('chat-send').click();
    await expect.poll(() => customer.locator('[data-testid="chat-message"][data-mine="true"]').count()).toBe(2);
  });

  it('the customer books that worker; once accepted, the order\'s chat shows the consultation above its own messages', async () => {
    // The booking itself (item, address, time, pay) is the customer booking journey's; here it goes through the API.
    const asDemo: DemoWorker = { ...worker, skills: [ITEM], itemCodes: [ITEM], quantities: {} };
    booking = await bookWithWorker(baseUrl, asDemo, { customerToken });
    await acceptOrder(baseUrl, worker.token, booking.order.id);

    await customer.goto(`/orders/${booking.order.id}/chat`);
    const earlier = customer.getByTestId('chat-earlier');
    await earlier.waitFor();
    const shown = await earlier.innerText();
    expect(shown).toContain('下单前的咨询');
    expect(shown).toContain('这周六上午');
    expect(shown).toContain('周六 9 点可以到');
    expect(shown).toContain('好的，那我现在下单');
    expect(await earlier.getByTestId('chat-message').count()).toBe(3);
    await customer.locator('#chat-input').fill('门口有快递柜，到了敲门就行');
    await customer.getByTestId('chat-send').click();
    await expect.poll(() => customer.getByTestId('chat-list').locator(':scope > [data-testid="chat-message"]').count()).toBe(1);
    await screenshot(customer, 'consult-order-chat.png');

    await workerPage.goto(`/worker/orders/${booking.order.id}/chat`);
    await workerPage.getByTestId('chat-earlier').waitFor();
    expect(await workerPage.getByTestId('chat-earlier').getByTestId('chat-message').count()).toBe(3);
    expect(await workerPage.getByTestId('chat-list').innerText()).toContain('门口有快递柜');
  });

  it('support reads it in the console: the order\'s 聊天记录 shows the consultation above the order chat', async () => {
    const ops = await signInConsole(browser(), baseUrl, 'support');
    await ops.setViewportSize({ width: 1440, height: 900 });
    await openOrder(ops, booking.order.orderNo);
    const chat = await orderChat(ops, 1);
    const earlier = chat.getByTestId('order-chat-earlier');
    await earlier.waitFor();
    expect(await earlier.getByTestId('order-chat-message').count()).toBe(3);
    expect(await earlier.innerText()).toContain('下单前的咨询');
    expect(await earlier.innerText()).not.toContain('13812345678');
    await chat.scrollIntoViewIfNeeded();
    await screenshot(ops, 'consult-console.png');
    expect(pageErrors).toEqual([]);
  });
});
