// Money end to end: the customer pays through the simulator's cashier, the visit runs to 验收, the worker's share
// becomes withdrawable (T+0 for this journey), the worker binds a card and withdraws above the review threshold,
// finance approves in the console, the payout runs and the worker sees it paid; the ledger stays balanced.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { adminOrder } from './admin-order-api';
import { randomPhone } from './api';
import { newMobileContext, pageErrors, screenshot, signInConsole, useBrowser } from './browser';
import { adminCall, demoWorker, type DemoWorker } from './http';
import { shanghaiDay } from './worker-order-api';
import { signInBySms } from './mobile-steps';
import { openMenu } from './steps/admin-orders';
import { addAddressInMe, agreeEarlyVisit, bookWithWorker, confirmWork, expectOrderStatus, payOrder, readServiceCode } from './steps/customer-orders';
import { approveWithdrawal, bindBankCard, expectWithdrawalStatus, openIncome, patchFinanceSettings, putFinanceSettings, withdraw, type FinanceSettings } from './steps/finance';
import { acceptOffer, askToComeEarly, departAndCheckIn, openOrder, recordAndFinish, signInDemoWorker, waitForEarlyVisitAgreed } from './steps/worker-orders';

const baseUrl = inject('baseUrl');
const HOUR = 3_600_000;
const browser = useBrowser();

describe('pay through the cashier → visit → 验收 → income → withdrawal reviewed by finance → paid', () => {
  let customer: Page;
  let workerContext: BrowserContext;
  let worker: Page;
  let demo: DemoWorker;
  let saved: FinanceSettings | undefined;
  let orderId = '';
  let orderNo = '';
  let withdrawalId = '';
  let finance: Page;

  afterAll(async () => {
    if (saved) await putFinanceSettings(baseUrl, saved);
  });

  it('finance shortens the rules for this journey: T+0, review above ¥10', async () => {
    saved = await patchFinanceSettings(baseUrl, { settlementDelayDays: 0, withdrawal: { reviewAboveFen: 1000, minAmountFen: 1000 } });
    expect(saved.settlementDelayDays).toBeGreaterThanOrEqual(0);
  });

  it('the customer books the demo worker, pays on the simulator cashier and comes back to 支付成功 with a bill', async () => {
    demo = await demoWorker(baseUrl);
    const city = (await (await fetch(`${baseUrl}/api/geo/city`)).json()) as { districts: { code: string; name: string }[] };
    const district = city.districts.find((d) => d.code === demo.districtCode)!.name;
    const item = (await (await fetch(`${baseUrl}/api/catalog/items/${demo.itemCodes[0]}`)).json()) as { name: string };

    customer = await (await newMobileContext(browser(), baseUrl)).newPage();
    const phone = randomPhone();
    await customer.goto('/');
    await customer.waitForURL('**/login');
    await signInBySms(customer, baseUrl, phone);
    await customer.getByTestId('catalog').waitFor();
    await addAddressInMe(customer, { label: '家', contactName: `财务${phone.slice(-4)}`, contactPhone: phone, district, detail: '结算路 8 号 808 室' });
    orderId = (await bookWithWorker(customer, { workerId: demo.id, skillName: item.name, accept: (at) => at.getTime() - Date.now() >= 26 * HOUR })).orderId;
    await payOrder(customer, 'wechat');
    await customer.locator('[data-testid="pay-result"][data-status="paid"]').waitFor();
    expect(customer.url()).not.toContain('payment=');
    await customer.locator('[data-testid="bill-payment"][data-status="paid"]').waitFor();
    expect(await customer.getByTestId('bill-paid').innerText()).toBe(await customer.getByTestId('order-paid').innerText());
    await customer.getByTestId('order-bill').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await screenshot(customer, 'customer-bill.png');
    orderNo = (await adminOrder(baseUrl, orderId)).orderNo;
  });

  it('the worker accepts and does the visit; the customer accepts the work (验收)', async () => {
    workerContext = await newMobileContext(browser(), baseUrl);
    worker = await workerContext.newPage();
    await signInDemoWorker(worker);
    await acceptOffer(worker, orderNo);
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
    await expectOrderStatus(customer, '待验收');
    await confirmWork(customer);
  });

  it('the worker sees the order in 收入, withdrawable at T+0, with the commission and its reason', async () => {
    const available = await openIncome(worker, orderNo, 'available');
    expect(available).toBeGreaterThanOrEqual(1500);
    const row = worker.locator(`[data-testid="income-order"][data-order-no="${orderNo}"]`);
    expect(await row.getByTestId('income-commission').innerText()).toMatch(/平台服务费 -¥[\d.,]+ · .*\d+%/);
    expect(await worker.getByTestId('income-delay').innerText()).toContain('T+0');
    await worker.getByTestId('income-chart').locator('canvas').first().waitFor();
    await screenshot(worker, 'worker-income.png');
  });

  it('the worker binds a card and withdraws ¥15, above the review threshold: 待审核', async () => {
    await bindBankCard(worker, { bank: '招商银行', holder: demo.name, number: '6222021001122334458' });
    const quote = await withdraw(worker, '15');
    expect(quote).toMatchObject({ review: true, feeFen: 100, netFen: 1400 });
    withdrawalId = quote.id;
    await expectWithdrawalStatus(worker, withdrawalId, 'pending_review');
    await screenshot(worker, 'worker-withdraw.png');
  });

  it('finance approves it in the console; the payout runs and the worker sees 已到账', async () => {
    finance = await signInConsole(browser(), baseUrl, 'finance');
    await openMenu(finance, '财务概览');
    await finance.getByTestId('finance-chart').locator('canvas').first().waitFor();
    await screenshot(finance, 'admin-finance.png');
    await approveWithdrawal(finance, withdrawalId, '金额核对无误');
    await screenshot(finance, 'admin-finance-withdrawals.png');
    await expectWithdrawalStatus(worker, withdrawalId, 'paid');

    await openMenu(finance, '试算平衡');
    await finance.getByTestId('trial-total').waitFor();
    expect(await finance.getByTestId('trial-total').getAttribute('data-fen')).toBe('0');
    expect(await finance.getByTestId('trial-mismatches').getAttribute('data-count')).toBe('0');
  });

  it('finance finds the order in 交易流水, reconciles today with WeChat Pay, and sees settings refused field by field', async () => {
    await openMenu(finance, '交易流水');
    await finance.getByTestId('journal-order').locator('input').fill(orderId);
    await finance.getByTestId('journal-order').locator('input').press('Enter');
    await expect.poll(() => finance.getByTestId('journal-table').locator('tbody tr').count()).toBeGreaterThanOrEqual(3);
    expect(await finance.getByTestId('journal-table').innerText()).toContain(orderNo);

    await openMenu(finance, '对账');
    await finance.locator('#rec-date').click();
    await finance.locator('#rec-date').fill(shanghaiDay(new Date().toISOString()));
    await finance.locator('#rec-date').press('Enter');
    await finance.getByTestId('rec-run').click();
    await finance.getByTestId('rec-result').waitFor();
    expect(Number(await finance.getByTestId('rec-result').getAttribute('data-matched'))).toBeGreaterThanOrEqual(1);

    await openMenu(finance, '结算设置');
    await finance.locator('#fin-settlementDelayDays').fill('91');
    await finance.getByTestId('finance-settings-save').click();
    await finance.locator('.ant-form-item-explain-error', { hasText: '0–90' }).waitFor();
    const now = await adminCall<{ settlementDelayDays: number }>(baseUrl, 'GET', '/api/admin/finance/settings');
    expect(now.settlementDelayDays).toBe(0);
  });

  it('the ledger shows the whole story of the order and stays balanced', async () => {
    const journal = await adminCall<{ items: { kind: string }[] }>(baseUrl, 'GET', `/api/admin/finance/journal?orderId=${orderId}`);
    expect(journal.items.map((e) => e.kind)).toEqual(expect.arrayContaining(['capture', 'completion', 'settlement']));
    const tb = await adminCall<{ totalFen: number; mismatches: string[] }>(baseUrl, 'GET', '/api/admin/finance/trial-balance');
    expect(tb).toMatchObject({ totalFen: 0, mismatches: [] });
    expect(pageErrors).toEqual([]);
  });
});
