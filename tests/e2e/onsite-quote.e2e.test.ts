// 上门报价 end to end (issue 22): a 家电维修 order booked at its ¥60 deposit with an electrician of the file's own; on site
// the worker fills in 现场报价 (labour and parts, a live total, a reason asked for above the reference range), the
// customer sees the itemised proposal on the order, agrees and pays the difference through the cashier, the visit
// finishes and is accepted, and the ledger's trial balance stays 0.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { randomPhone } from './api';
import { newMobileContext, pageErrors, screenshot, signInConsole, useBrowser } from './browser';
import { adminCall, call, customerSignIn, demoWorker, payThroughCashier, slotStarts, smsSignIn, type SlotAnswer } from './http';
import { answerEarlyVisit, askEarlyVisit, checkIn } from './order-api';
import { confirmWork, expectOrderStatus } from './steps/customer-orders';
import { openOrder } from './steps/admin-orders';
import { finishService } from './steps/worker-orders';
import { useSession } from './steps/reviews';
import { pngFile, randomIdNumber } from './worker-fixtures';

const baseUrl = inject('baseUrl');
const ITEM = 'appliance-repair';

interface Electrician { id: string; token: string; homeLat: number; homeLng: number; districtCode: string }
interface OrderLite { id: string; orderNo: string; status: string; serviceCode: string | null; price: { totalFen: number; paidFen: number; dueFen: number } }

async function upload(token: string, purpose: string, rgb: [number, number, number]): Promise<string> {
  const file = pngFile(`${purpose}.png`, rgb);
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file.buffer)], { type: file.mimeType }), file.name);
  const response = await fetch(`${baseUrl}/api/worker/documents?purpose=${purpose}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  if (!response.ok) throw new Error(`upload ${purpose}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { fileId: string }).fileId;
}

/**
 * An approved, online electrician of the file's own (家电维修 needs a verified 电工证): signed up by SMS, identity,
 * profile in the district farthest from the demo worker, every day 08:00–20:00, the licence uploaded before the
 * application is submitted, so the approval verifies it.
 */
async function freshElectrician(): Promise<Electrician> {
  const city = await call<{ districts: { code: string; center: [number, number] }[] }>(baseUrl, null, 'GET', '/api/geo/city');
  const demo = await demoWorker(baseUrl);
  const away = (d: { center: [number, number] }) => Math.hypot(d.center[0] - demo.homeLat, d.center[1] - demo.homeLng);
  const district = [...city.districts].sort((a, b) => away(b) - away(a))[0]!;
  const { token, user } = await smsSignIn(baseUrl, randomPhone(), 'worker');
  const [frontFileId, backFileId, selfieFileId] = [await upload(token, 'id_front', [200, 30, 30]), await upload(token, 'id_back', [30, 200, 30]), await upload(token, 'selfie', [30, 30, 200])];
  await call(baseUrl, token, 'PUT', '/api/worker/identity', { realName: '严建华', idNumber: randomIdNumber(), frontFileId, backFileId, selfieFileId, consent: true });
  const [homeLat, homeLng] = district.center;
  await call(baseUrl, token, 'PUT', '/api/worker/profile', {
    workerType: 'individual', displayName: '严建华', experienceYears: 8, previousEmployers: [], intro: '家电维修八年，持电工证', skills: [ITEM],
    districtCode: district.code, homeLat, homeLng, serviceRadiusKm: 3,
  });
  await call(baseUrl, token, 'PUT', '/api/worker/schedule', {
    hours: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, startMinute: 8 * 60, endMinute: 20 * 60 })), daysOff: [], maxMinutesPerDay: 720, minBreakMinutes: 30,
  });
  const licence = await upload(token, 'certificate', [120, 120, 30]);
  await call(baseUrl, token, 'POST', '/api/worker/certificates', { kind: 'electrician', number: `DG${Date.now() % 1e8}`, expiresAt: '2030-12-31', fileId: licence });
  await call(baseUrl, token, 'POST', '/api/worker/submit', {});
  await adminCall(baseUrl, 'POST', `/api/admin/workers/${user.id}/approve`, {}, 'ops');
  await call(baseUrl, token, 'PUT', '/api/worker/online', { online: true });
  return { id: user.id, token, homeLat, homeLng, districtCode: district.code };
}

const browser = useBrowser();
let worker: Electrician;
let customerToken = '';
let order: OrderLite;
let customer: Page;
let workerPage: Page;
let workerContext: BrowserContext;

afterAll(async () => {
  if (worker) await call(baseUrl, worker.token, 'PUT', '/api/worker/online', { online: false }).catch(() => undefined);
});

describe('上门报价: the worker quotes on site, the customer agrees and pays the difference, the visit finishes, the ledger balances', () => {
  it('a 家电维修 order is booked at its deposit, paid, accepted, and the worker checks in', async () => {
    worker = await freshElectrician();
    customerToken = await customerSignIn(baseUrl);
    const { id: addressId } = await call<{ id: string }>(baseUrl, customerToken, 'POST', '/api/me/addresses', {
      label: '家', contactName: '冯女士', contactPhone: randomPhone(), districtCode: worker.districtCode, detail: '报价路 60 号 6 楼 603 室', lat: worker.homeLat + 0.003, lng: worker.homeLng + 0.002,
    });
    const draft = await call<{ id: string }>(baseUrl, customerToken, 'POST', '/api/catalog/quotes', { itemCode: ITEM, options: {}, scheduledStart: new Date(Date.now() + 2 * 86_400_000).toISOString() });
    const slots = await call<SlotAnswer>(baseUrl, customerToken, 'GET', `/api/booking/slots?quoteId=${draft.id}&addressId=${addressId}&workerId=${worker.id}`);
    const start = slotStarts(slots).find((s) => Date.parse(s) >= Date.now() + 24 * 3_600_000);
    expect(start).toBeDefined();
    const quote = await call<{ id: string; kind: string; totalFen: number }>(baseUrl, customerToken, 'POST', '/api/catalog/quotes', { itemCode: ITEM, options: {}, scheduledStart: start });
    expect(quote).toMatchObject({ kind: 'deposit', totalFen: 6000 });
    const created = await call<OrderLite>(baseUrl, customerToken, 'POST', '/api/orders', { quoteId: quote.id, addressId, workerId: worker.id, notes: '冰箱不制冷' }, { 'idempotency-key': `onsite-${quote.id}` });
    order = await payThroughCashier<OrderLite>(baseUrl, customerToken, created.id, 'wechat');
    expect(order.status).toBe('paid');
    await call(baseUrl, worker.token, 'POST', `/api/worker/orders/${order.id}/accept`, {});
    const code = (await call<OrderLite>(baseUrl, customerToken, 'GET', `/api/orders/${order.id}`)).serviceCode!;
    await askEarlyVisit(baseUrl, worker.token, order.id);
    await answerEarlyVisit(baseUrl, customerToken, order.id, true);
    const started = await checkIn(baseUrl, worker.token, order.id, code);
    expect(started.status).toBe('in_service');

    const customerContext = await newMobileContext(browser(), baseUrl);
    workerContext = await newMobileContext(browser(), baseUrl);
    await useSession(customerContext, baseUrl, customerToken);
    await useSession(workerContext, baseUrl, worker.token);
    customer = await customerContext.newPage();
    workerPage = await workerContext.newPage();
  });

  it('the customer sees that the price is made on site, with the deposit paid', async () => {
    await customer.goto(`/orders/${order.id}`);
    const card = customer.getByTestId('customer-onsite-card');
    await card.waitFor();
    expect(await card.getAttribute('data-status')).toBe('waiting');
    expect(await customer.getByTestId('customer-onsite-waiting').innerText()).toContain('已付定金 ¥60');
  });

  it('the worker fills in 现场报价: lines, a live total, a reason asked for under its field above the reference range', async () => {
    await workerPage.goto(`/worker/orders/${order.id}`);
    const card = workerPage.getByTestId('worker-onsite-card');
    await card.waitFor();
    expect(await card.innerText()).toContain('参考价 ¥50–¥100');
    await workerPage.getByTestId('onsite-open').click();
    const form = workerPage.getByTestId('onsite-form');
    await form.waitFor();
    // An empty line: every field says what is wrong, under itself.
    await form.getByTestId('onsite-quantity').locator('input').fill('');
    await workerPage.getByTestId('onsite-submit').click();
    expect(await form.locator('[data-field="lines.0.description"]').innerText()).toBe('请填写内容');
    expect(await form.locator('[data-field="lines.0.quantity"]').innerText()).toContain('数量须大于 0');
    expect(await form.locator('[data-field="lines.0.unitPriceFen"]').innerText()).toContain('不小于 0');

    const lines = form.getByTestId('onsite-line');
    await lines.nth(0).getByTestId('onsite-description').locator('input').fill('检测并更换温控器');
    await lines.nth(0).getByTestId('onsite-quantity').locator('input').fill('1');
    await lines.nth(0).getByTestId('onsite-price').locator('input').fill('50');
    await form.getByTestId('onsite-add').click();
    await lines.nth(1).getByText('配件', { exact: true }).click();
    await lines.nth(1).getByTestId('onsite-description').locator('input').fill('原厂温控器');
    await lines.nth(1).getByTestId('onsite-quantity').locator('input').fill('1');
    await lines.nth(1).getByTestId('onsite-price').locator('input').fill('85');
    const total = form.getByTestId('onsite-live-total');
    await expect.poll(() => total.getAttribute('data-fen')).toBe('13500');
    expect(await total.innerText()).toContain('客户需补 ¥75');
    await form.getByTestId('onsite-out-of-range').waitFor();
    await workerPage.getByTestId('onsite-submit').click();
    const reasonError = form.locator('[data-field="outOfRangeReason"]');
    await reasonError.waitFor();
    expect(await reasonError.innerText()).toBe('超出参考价格范围，请填写原因');
    await screenshot(workerPage, 'onsite-quote-worker-form.png');

    await form.getByTestId('onsite-reason').locator('textarea').fill('需更换原厂温控器，配件价格较高');
    await workerPage.getByTestId('onsite-submit').click();
    await form.waitFor({ state: 'hidden' });
    await workerPage.locator('[data-testid="worker-onsite-status"]', { hasText: '待客户确认' }).waitFor();
    expect(await card.getByTestId('onsite-proposal-total').innerText()).toBe('¥135');
  });

  it('while the customer has not answered, the worker cannot finish the visit', async () => {
    await workerPage.getByTestId('action-finish').click();
    const dialog = workerPage.locator('.adm-dialog-body', { hasText: '报价待客户确认' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('客户同意后才能完成服务');
    await dialog.locator('.adm-dialog-button').click();
    await dialog.waitFor({ state: 'hidden' });
    await workerPage.getByTestId('worker-onsite-card').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await screenshot(workerPage, 'onsite-quote-worker-waiting.png');
  });

  it('the customer sees the itemised proposal live, agrees, and pays the difference through the cashier', async () => {
    const card = customer.locator('[data-testid="customer-onsite-card"][data-live="true"]');
    await card.waitFor({ timeout: 20_000 }); // arrives with the live order event (or the in-service poll)
    const proposal = card.getByTestId('onsite-proposal');
    expect(await proposal.getByTestId('onsite-proposal-line').count()).toBe(2);
    expect(await proposal.innerText()).toContain('原厂温控器');
    expect(await proposal.getByTestId('onsite-proposal-total').innerText()).toBe('¥135');
    expect(await proposal.getByTestId('onsite-proposal-balance').getAttribute('data-fen')).toBe('7500');
    expect(await proposal.innerText()).toContain('需更换原厂温控器');
    await card.scrollIntoViewIfNeeded();
    await screenshot(customer, 'onsite-quote-customer.png');

    await card.getByTestId('onsite-accept').click();
    await customer.locator('.adm-dialog-button', { hasText: '同意' }).click();
    const accepted = customer.locator('[data-testid="customer-onsite-card"][data-status="accepted"]');
    await accepted.waitFor();
    const pay = accepted.getByTestId('onsite-pay');
    expect(await pay.innerText()).toContain('支付差价 ¥75');
    expect(await customer.getByTestId('order-action-pay').innerText()).toContain('¥75');
    await pay.click();
    const sheet = customer.locator('[data-testid="pay-sheet"]:visible');
    await sheet.waitFor();
    await customer.getByTestId('pay-method-wechat').click();
    await customer.getByTestId('pay-submit').click();
    await customer.getByTestId('paysim-pay').click();
    await customer.waitForURL(/\/orders\/[^/?]+/);
    await customer.locator('[data-testid="pay-result"][data-status="paid"]').waitFor();
    await customer.locator('[data-testid="customer-onsite-card"] [data-testid="onsite-proposal-balance"][data-paid="true"]').waitFor();
    expect(await customer.getByTestId('customer-onsite-card').getByTestId('onsite-pay').count()).toBe(0);
    const view = await call<OrderLite>(baseUrl, customerToken, 'GET', `/api/orders/${order.id}`);
    expect(view.price).toMatchObject({ totalFen: 13500, paidFen: 13500 });
    // 费用明细: the accepted quote's lines replace the deposit line.
    expect(await customer.getByTestId('order-total').innerText()).toBe('¥135');
    expect(await customer.getByTestId('order-line-ONSITE_ITEM').count()).toBe(2);
    expect(await customer.getByTestId('order-line-DEPOSIT').count()).toBe(0);
    await customer.getByTestId('customer-onsite-card').scrollIntoViewIfNeeded();
    await screenshot(customer, 'onsite-quote-paid.png');
  });

  it('the worker finishes, the customer accepts the work, and the ledger balances', async () => {
    await workerPage.reload();
    await workerPage.locator('[data-testid="worker-onsite-status"]', { hasText: '客户已同意' }).waitFor();
    await finishService(workerPage, '更换温控器后试机正常');
    await customer.reload();
    await expectOrderStatus(customer, '待验收');
    await confirmWork(customer);

    const journal = await adminCall<{ items: { kind: string; amountFen?: number }[] }>(baseUrl, 'GET', `/api/admin/finance/journal?orderId=${order.id}`);
    expect(journal.items.filter((e) => e.kind === 'capture')).toHaveLength(2); // the deposit and the difference
    expect(journal.items.map((e) => e.kind)).toContain('completion');
    const tb = await adminCall<{ totalFen: number; mismatches: string[] }>(baseUrl, 'GET', '/api/admin/finance/trial-balance');
    expect(tb).toMatchObject({ totalFen: 0, mismatches: [] });
    const timeline = (await call<{ timeline: { action: string }[] }>(baseUrl, customerToken, 'GET', `/api/orders/${order.id}`)).timeline.map((e) => e.action);
    expect(timeline).toEqual(expect.arrayContaining(['onsite_quote_proposed', 'onsite_quote_accepted', 'extras_paid', 'finish', 'confirm']));
  });

  it('ops see every price proposal of the order in the console, with the reason given above the range', async () => {
    const desk = await signInConsole(browser(), baseUrl, 'ops');
    await desk.setViewportSize({ width: 1440, height: 900 });
    const drawer = await openOrder(desk, order.orderNo);
    const section = drawer.getByTestId('order-onsite-quotes');
    await section.waitFor();
    const text = await section.innerText();
    expect(text).toContain('客户已同意');
    expect(text).toContain('补 ¥75');
    expect(text).toContain('需更换原厂温控器');
    expect(await drawer.getByTestId('order-total').innerText()).toBe('¥135');
    await section.scrollIntoViewIfNeeded();
    await screenshot(desk, 'onsite-quote-console.png');
  });

  it('raised no uncaught errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
