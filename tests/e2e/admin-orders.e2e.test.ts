import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { randomPhone } from './api';
import { adminOrder, bookPaidOrder, otherFreeStarts, readPayLinkSms, workerAsksReschedule, type BookedOrder } from './admin-order-api';
import { adminCall, demoWorker, type DemoWorker } from './http';
import { pageErrors, screenshot, signInConsole, useBrowser } from './browser';
import {
  approveReschedule, assignWorker, bookForCustomer, chooseOption, closeOrder, drawerState, fillPhoneBooking, findOrder, forceState, openMenu, openOrder, timelineText,
} from './steps/admin-orders';

const baseUrl = inject('baseUrl');
let ops: Page;
let worker: DemoWorker;
let first: BookedOrder;
let second: BookedOrder;
let third: BookedOrder;
let fourth: BookedOrder;
const browser = useBrowser(async (opened) => {
  worker = await demoWorker(baseUrl);
  first = await bookPaidOrder(baseUrl, worker);
  second = await bookPaidOrder(baseUrl, worker, { itemCode: worker.itemCodes[1] ?? worker.itemCodes[0], skip: 6 });
  // Two orders at one time, both open to the demo worker: assigning one makes the other a schedule conflict.
  third = await bookPaidOrder(baseUrl, worker, { skip: 12 });
  fourth = await bookPaidOrder(baseUrl, worker, { start: third.order.scheduledStart });
  ops = await signInConsole(opened, baseUrl, 'ops');
});

async function menuLabels(page: Page): Promise<string[]> {
  return page.getByTestId('admin-menu').locator('.ant-menu-title-content').allInnerTexts();
}

describe('console orders', () => {
  it('lists the order under 订单管理 and finds it by filters, number and phone digits', async () => {
    expect(await menuLabels(ops)).toEqual(expect.arrayContaining(['订单管理', '改约审批', '代客下单', '预约设置']));
    await openMenu(ops, '订单管理');
    await ops.getByTestId('orders-table').locator('tbody tr.ant-table-row').first().waitFor();

    await chooseOption(ops, 'orders-status', '待接单');
    const districtName = await ops.evaluate(async (code) => {
      const city = (await (await fetch('/api/geo/city')).json()) as { districts: { code: string; name: string }[] };
      return city.districts.find((district) => district.code === code)?.name ?? '';
    }, worker.districtCode);
    await chooseOption(ops, 'orders-district', districtName);
    await expect.poll(() => new URL(ops.url()).searchParams.get('districtCode')).toBe(worker.districtCode);
    await ops.getByTestId(`order-open-${first.order.orderNo}`).waitFor();
    const row = ops.getByTestId('orders-table').locator('tbody tr', { has: ops.getByTestId(`order-open-${first.order.orderNo}`) });
    expect(await row.innerText()).toContain('待接单');
    expect(await row.innerText()).toContain(first.customerPhone.slice(-4));
    await ops.getByTestId(`order-open-${second.order.orderNo}`).waitFor();
    await screenshot(ops, 'admin-orders.png');

    // Phone digits and the order number each narrow the list to this customer's order.
    await ops.getByTestId('orders-reset').click();
    // The reset lands in the URL first, or it would wipe the search typed right after it.
    await expect.poll(() => new URL(ops.url()).searchParams.get('districtCode')).toBeNull();
    await ops.getByTestId('orders-search').locator('input').fill(first.customerPhone.slice(-8));
    await ops.getByTestId('orders-search').locator('input').press('Enter');
    await expect.poll(() => new URL(ops.url()).searchParams.get('q')).toBe(first.customerPhone.slice(-8));
    await ops.getByTestId(`order-open-${first.order.orderNo}`).waitFor();
    await expect.poll(() => ops.getByTestId('orders-table').locator('tbody tr.ant-table-row').count()).toBe(1);
    await findOrder(ops, second.order.orderNo);
    await expect.poll(() => ops.getByTestId('orders-table').locator('tbody tr.ant-table-row').count()).toBe(1);
  });

  it('opens the detail with its price and timeline, and assigns the demo worker by hand', async () => {
    await findOrder(ops, first.order.orderNo);
    const drawer = await openOrder(ops, first.order.orderNo);
    expect(await drawerState(ops)).toBe('paid');
    expect(await drawer.getByTestId('order-price-lines').innerText()).toMatch(/¥/);
    expect(await timelineText(ops)).toContain('支付');
    expect(await drawer.getByTestId('order-basics').innerText()).toContain('e2e：请带鞋套');

    await assignWorker(ops, worker.id, '电话确认师傅可以上门', worker.name);
    expect(await ops.getByTestId('order-assign').count()).toBe(0);
    // The card shows the masked name (邓师傅) of the worker whose display name is 邓海燕.
    expect(await drawer.getByTestId('order-worker-name').innerText()).toContain(worker.name.slice(0, 1));
    await expect.poll(() => timelineText(ops)).toContain('电话确认师傅可以上门');
    // A taller window so the README picture shows the order, the worker and the timeline at once.
    await ops.setViewportSize({ width: 1366, height: 1400 });
    await screenshot(ops, 'admin-order-detail.png');
    await ops.setViewportSize({ width: 1366, height: 800 });
    await closeOrder(ops);
    expect((await adminOrder(baseUrl, first.order.id)).worker?.id).toBe(worker.id);
  });

  it('explains a schedule conflict when the worker was taken meanwhile', async () => {
    await findOrder(ops, fourth.order.orderNo);
    await openOrder(ops, fourth.order.orderNo);
    await ops.getByTestId('order-assign').click();
    await ops.getByTestId('order-candidates-search').locator('input').fill(worker.name);
    await ops.getByTestId(`candidate-${worker.id}`).click();
    await ops.locator('#order-assign-reason').fill('电话确认');
    // Someone else assigns the worker to the other order at the same time.
    await adminCall(baseUrl, 'POST', `/api/admin/orders/${third.order.id}/assign`, { workerId: worker.id, reason: '同事先派' });
    await ops.locator('#order-assign-ok').click();
    await expect.poll(() => ops.getByTestId('order-assign-error').innerText()).toContain('排期冲突');
    // The refreshed candidates no longer offer the worker.
    await expect.poll(() => ops.getByTestId(`candidate-${worker.id}`).count()).toBe(0);
    await ops.locator('.ant-modal').getByRole('button', { name: /取\s*消/ }).click();
    expect(await drawerState(ops)).toBe('paid');
    await closeOrder(ops);
  });

  it("approves the worker's reschedule request under 改约审批", async () => {
    const [start] = await otherFreeStarts(baseUrl, first, worker);
    expect(start).toBeTruthy();
    const asked = await workerAsksReschedule(baseUrl, worker, first.order.id, start!, '前一单时间调整，想改到另一天');
    expect(asked.reschedule?.status).toBe('pending_ops');

    await openMenu(ops, '改约审批');
    const row = ops.getByTestId('reschedules-table').locator('tbody tr', { has: ops.getByTestId(`reschedule-order-${first.order.orderNo}`) });
    await row.waitFor();
    expect(await row.innerText()).toContain('前一单时间调整');
    await approveReschedule(ops, first.order.orderNo, '已电话确认');
    const after = await adminOrder(baseUrl, first.order.id);
    expect(after.reschedule?.status).toBe('pending_customer');
  });

  it('forces a state with a reason and shows it in the timeline', async () => {
    await findOrder(ops, second.order.orderNo);
    await openOrder(ops, second.order.orderNo);
    await forceState(ops, 'disputed', '售后处理中', '用户来电投诉，人工转入售后');
    await expect.poll(() => timelineText(ops)).toContain('用户来电投诉，人工转入售后');
    expect(await ops.getByTestId('order-drawer-status').innerText()).toBe('售后处理中');
    await closeOrder(ops);
    // Closing the drawer reloads the list quietly: wait for the row to follow.
    await expect.poll(() => ops.getByTestId(`order-status-${second.order.orderNo}`).innerText()).toBe('售后处理中');
  });

  it('books for a customer who phoned in (代客下单); the customer is texted a pay link', async () => {
    const phone = randomPhone();
    const support = await signInConsole(browser(), baseUrl, 'support');
    const booking = { phone, name: `来电用户${phone.slice(-4)}`, itemName: '日常保洁', districtName: '徐汇区', detail: '漕溪北路 100 号 5 楼', notes: '来电预约，家里有猫' };
    await fillPhoneBooking(support, booking);
    await support.setViewportSize({ width: 1366, height: 1280 });
    await support.mouse.move(1300, 10); // no tooltip over the slots
    await support.evaluate(() => window.scrollTo(0, 0));
    await screenshot(support, 'admin-book-for-customer.png');
    await support.setViewportSize({ width: 1366, height: 800 });
    await support.getByTestId('book-submit').click();
    await support.getByTestId('book-result').waitFor();
    const orderNo = (await support.getByTestId('book-result').getAttribute('data-order-no')) ?? '';
    const orderId = (await support.getByTestId('book-result').getAttribute('data-order-id')) ?? '';
    expect(await support.getByTestId('book-result-sms').innerText()).toContain(phone.slice(-4));

    const sms = await readPayLinkSms(baseUrl, phone);
    expect(sms.body).toContain(orderNo);
    const order = await adminOrder(baseUrl, orderId);
    expect(order.channel).toBe('phone');
    expect(order.status).toBe('created');

    // The outbox page shows the same SMS; the order opens from the result.
    await openMenu(support, '消息外发');
    await support.getByTestId('outbox-sms').locator('tbody tr', { hasText: orderNo }).first().waitFor();
    await support.goto(`/admin/orders?open=${orderId}`);
    await support.getByTestId('order-detail').waitFor();
    expect(await support.getByTestId('order-basics').innerText()).toContain('代客下单');
    await support.context().close();

    // A second phone booking through the shared step works as well.
    const again = await bookForCustomer(ops, { ...booking, phone: randomPhone(), name: '第二位来电用户' });
    expect(again.orderNo).toMatch(/\S/);
  });

  it('shows the booking settings, and finance may read orders but not book or change them', async () => {
    await openMenu(ops, '预约设置');
    await ops.getByTestId('booking-settings').waitFor();
    expect(await ops.locator('#settings-bufferMinutes').inputValue()).toMatch(/^\d+$/);
    await ops.getByTestId('settings-save').click();
    await ops.getByText('已保存').first().waitFor();

    const finance = await signInConsole(browser(), baseUrl, 'finance');
    const labels = await menuLabels(finance);
    expect(labels).toContain('订单管理');
    expect(labels).not.toContain('代客下单');
    await finance.goto(`/admin/orders?open=${first.order.id}`);
    await finance.getByTestId('order-detail').waitFor();
    expect(await finance.getByTestId('order-assign').count()).toBe(0);
    expect(await finance.getByTestId('order-force').count()).toBe(0);
    await finance.goto('/admin/book');
    await finance.getByTestId('forbidden').waitFor();
    await finance.context().close();
  });

  it('raised no uncaught errors in the pages', () => {
    expect(pageErrors).toEqual([]);
  });
});
