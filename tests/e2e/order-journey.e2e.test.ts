// The whole order life across the three portals, each in its own browser context: the customer books and pays,
// the worker accepts, asks to move the visit, operations approve, the customer consents, then the visit runs to
// the customer's acceptance.
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { randomPhone } from './api';
import { newMobileContext, pageErrors, signInConsole, useBrowser } from './browser';
import { signInBySms } from './mobile-steps';
import { adminOrder, workerAsksReschedule } from './admin-order-api';
import { demoWorker, slotStarts, type DemoWorker, type SlotAnswer } from './http';
import { approveReschedule as opsApproveReschedule, openMenu } from './steps/admin-orders';
import { addAddressInMe, agreeEarlyVisit, approveReschedule, bookWithWorker, confirmWork, expectOrderStatus, payOrder, readServiceCode } from './steps/customer-orders';
import { acceptOffer, askToComeEarly, departAndCheckIn, openOrder, orderPage, recordAndFinish, signInDemoWorker, waitForEarlyVisitAgreed } from './steps/worker-orders';

const baseUrl = inject('baseUrl');
const HOUR = 3_600_000;
const browser = useBrowser();

describe('book → pay → accept → reschedule (worker, ops, customer) → visit → acceptance', () => {
  let customer: Page;
  let workerContext: BrowserContext;
  let worker: Page;
  let ops: Page;
  let demo: DemoWorker;
  let orderId = '';
  let orderNo = '';

  it('the customer books the demo worker ≥ 26 h ahead and pays', async () => {
    demo = await demoWorker(baseUrl);
    const city = (await (await fetch(`${baseUrl}/api/geo/city`)).json()) as { districts: { code: string; name: string }[] };
    const district = city.districts.find((d) => d.code === demo.districtCode)!.name;
    const itemCode = demo.itemCodes[0]!;
    const item = (await (await fetch(`${baseUrl}/api/catalog/items/${itemCode}`)).json()) as { name: string };

    customer = await (await newMobileContext(browser(), baseUrl)).newPage();
    const phone = randomPhone();
    await customer.goto('/');
    await customer.waitForURL('**/login');
    await signInBySms(customer, baseUrl, phone);
    await customer.getByTestId('catalog').waitFor();
    await addAddressInMe(customer, { label: '家', contactName: `旅程${phone.slice(-4)}`, contactPhone: phone, district, detail: '旅程路 1 号 101 室' });
    const booked = await bookWithWorker(customer, { workerId: demo.id, skillName: item.name, accept: (at) => at.getTime() - Date.now() >= 26 * HOUR });
    orderId = booked.orderId;
    await payOrder(customer, 'alipay');
    orderNo = (await adminOrder(baseUrl, orderId)).orderNo;
    expect(orderNo).toMatch(/^DJ\d+/);
  });

  it('the worker sees the offer without the address, accepts, then the address and relay number appear', async () => {
    workerContext = await newMobileContext(browser(), baseUrl);
    worker = await workerContext.newPage();
    await signInDemoWorker(worker);
    await acceptOffer(worker, orderNo);
    expect(await worker.getByTestId('order-address').innerText()).toContain('旅程路');
    await expectOrderStatus(customer, '已接单');
  });

  it('the worker asks to move the visit, operations approve in the console, the customer consents', async () => {
    const slots = (await (await customer.request.get(`/api/booking/slots?orderId=${orderId}`)).json()) as SlotAnswer;
    const current = new Date((await adminOrder(baseUrl, orderId)).scheduledStart).getTime();
    const target = slotStarts(slots).find((s) => new Date(s).getTime() >= current + 20 * HOUR);
    expect(target).toBeTruthy();
    expect((await workerAsksReschedule(baseUrl, demo, orderId, target!, '前一单延误，顺延一天')).reschedule?.status).toBe('pending_ops');

    ops = await signInConsole(browser(), baseUrl, 'ops');
    await openMenu(ops, '改约审批');
    await opsApproveReschedule(ops, orderNo, '已电话核实');

    await customer.reload();
    await approveReschedule(customer);
    const moved = await adminOrder(baseUrl, orderId);
    expect(moved.scheduledStart).toBe(new Date(target!).toISOString());
    expect(moved.timeline.map((e) => e.action)).toEqual(expect.arrayContaining(['reschedule_requested', 'reschedule_ops_approved', 'rescheduled', 'reschedule_approved']));
  });

  it('the visit: set off, check in with the code at the address, record, finish; the customer accepts', async () => {
    const code = await readServiceCode(customer);
    const view = (await (await fetch(`${baseUrl}/api/worker/orders/${orderId}`, { headers: { authorization: `Bearer ${demo.token}` } })).json()) as { address: { lat: number; lng: number } };
    await workerContext.grantPermissions(['geolocation']);
    await workerContext.setGeolocation({ latitude: view.address.lat, longitude: view.address.lng });
    await openOrder(worker, orderNo, 'upcoming');
    // Booked for a later day: set off and check-in wait for the window, unless the customer agrees to an earlier visit.
    await askToComeEarly(worker);
    await agreeEarlyVisit(customer);
    await waitForEarlyVisitAgreed(worker);
    await departAndCheckIn(worker, code);
    await recordAndFinish(worker);
    expect(await orderPage(worker, 'awaiting_confirmation').count()).toBe(1);

    await expectOrderStatus(customer, '待验收');
    await confirmWork(customer);
    const done = await adminOrder(baseUrl, orderId);
    expect(done.status).toBe('completed');
    expect(done.timeline.map((e) => e.action)).toEqual(expect.arrayContaining(['create', 'pay', 'accept', 'depart', 'check_in', 'record', 'finish', 'confirm']));
    expect(pageErrors).toEqual([]);
  });
});
