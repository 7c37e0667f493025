// The console's 营销 and the new money pages: operations creates a 满减 campaign (and sees a refused one's field
// error), grants it to a customer and creates a 次卡 product that a customer buys; finance issues an invoice
// request of a completed order, makes a partial refund on a paid order (told the maximum when asking too much),
// reads revenue, card balances and the months on 财务概览, and edits an insurance plan that is saved.
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { adminOrder, bookPaidOrder } from './admin-order-api';
import { randomPhone } from './api';
import { pageErrors, screenshot, signInConsole, useBrowser } from './browser';
import { adminCall, call, customerSignIn, demoWorker, type DemoWorker } from './http';
import { closeOrder, openMenu, openOrder } from './steps/admin-orders';
import { putFinanceSettings, type FinanceSettings } from './steps/finance';
import { buyServiceCard, campaignRow, completedOrder, createCardProduct, issueInvoice, setInsurancePlan, submitRefund, submitSpendCampaign } from './steps/promotions';

const baseUrl = inject('baseUrl');
const browser = useBrowser();
const suffix = Date.now().toString(36).slice(-5);

/** Fen as the console shows money: `¥350`, `¥1,280.50`. */
const yuan = (fen: number) => `${fen < 0 ? '-' : ''}¥${(Math.abs(fen) / 100).toLocaleString('en-US', { minimumFractionDigits: Number.isInteger(fen / 100) ? 0 : 2, maximumFractionDigits: 2 })}`;

interface Campaign { id: string; name: string; kind: string; thresholdFen: number | null; offFen: number | null; totalQuantity: number | null; issuedCount: number; status: string }
interface CardProduct { id: string; code: string; published: boolean; savingFen: number; perVisitFen: number; priceFen: number; listPriceFen: number; visits: number; quantity: number }
interface Plan { mode: string; premiumFen: number; coverFen: number }
type Settings = FinanceSettings & { insurance: { default: Plan; byCategory: Record<string, Plan> } };

describe('console: 优惠券活动 and 次卡 (operations)', () => {
  let ops: Page;
  const campaignName = `满百减二十·${suffix}`;
  let campaign: Campaign;

  it('operations sees the 营销 menu and creates a 满减 campaign, listed with its rule and quantity', async () => {
    ops = await signInConsole(browser(), baseUrl, 'ops');
    const labels = await ops.getByTestId('admin-menu').locator('.ant-menu-title-content').allInnerTexts();
    expect(labels).toEqual(expect.arrayContaining(['营销', '优惠券活动', '次卡']));
    const modal = await submitSpendCampaign(ops, { name: campaignName, thresholdYuan: '100', offYuan: '20', totalQuantity: '50' });
    await modal.waitFor({ state: 'hidden' });
    const row = await campaignRow(ops, campaignName);
    expect(await row.innerText()).toContain('满 ¥100.00 减 ¥20.00');
    campaign = (await adminCall<{ items: Campaign[] }>(baseUrl, 'GET', '/api/admin/coupon-campaigns')).items.find((c) => c.name === campaignName)!;
    expect(campaign).toMatchObject({ kind: 'spend_threshold', thresholdFen: 10_000, offFen: 2_000, totalQuantity: 50, issuedCount: 0, status: 'active' });
    expect(await ops.getByTestId(`campaign-issued-${campaign.id}`).innerText()).toBe('0 / 50');
    expect(await ops.getByTestId(`campaign-status-${campaign.id}`).getAttribute('data-status')).toBe('running');
    await screenshot(ops, 'admin-campaigns.png');
  });

  it('a campaign whose threshold is not above the amount off is refused, with the API’s error under that field', async () => {
    const refusedName = `门槛过低·${suffix}`;
    const modal = await submitSpendCampaign(ops, { name: refusedName, thresholdYuan: '10', offYuan: '20' });
    const field = modal.locator('.ant-form-item').filter({ has: ops.locator('#campaign-threshold') });
    await field.locator('.ant-form-item-explain-error', { hasText: '满减门槛须高于减免金额' }).waitFor();
    expect(await modal.isVisible()).toBe(true);
    await screenshot(ops, 'admin-campaign-refused.png');
    await modal.getByRole('button', { name: /取\s*消/ }).click();
    await modal.waitFor({ state: 'hidden' });
    const all = await adminCall<{ items: Campaign[] }>(baseUrl, 'GET', '/api/admin/coupon-campaigns');
    expect(all.items.some((c) => c.name === refusedName)).toBe(false);
  });

  it('operations grants the campaign to a customer picked from the user list; the customer holds the coupon', async () => {
    const token = await customerSignIn(baseUrl, randomPhone());
    const customerName = `领券客${suffix}`;
    await call(baseUrl, token, 'PATCH', '/api/me', { name: customerName });
    await ops.getByTestId(`campaign-grant-${campaign.id}`).click();
    await ops.getByTestId('grant-search').locator('input').fill(customerName);
    await ops.getByTestId('grant-search').locator('input').press('Enter');
    const row = ops.getByTestId('grant-customers').locator('tbody tr', { hasText: customerName });
    await expect.poll(() => ops.getByTestId('grant-customers').locator('tbody tr.ant-table-row').count()).toBe(1);
    await row.locator('.ant-checkbox-input').check();
    await ops.locator('#grant-ok').click();
    const outcome = ops.getByTestId('grant-outcome');
    await outcome.waitFor();
    expect(await outcome.getAttribute('data-issued')).toBe('1');
    await ops.locator('#grant-ok').click();
    await expect.poll(() => ops.getByTestId(`campaign-issued-${campaign.id}`).innerText()).toBe('1 / 50');
    const mine = await call<{ items: { campaignId: string; status: string }[] }>(baseUrl, token, 'GET', '/api/coupons');
    expect(mine.items.filter((c) => c.campaignId === campaign.id).map((c) => c.status)).toEqual(['available']);
  });

  it('operations creates a 次卡 with live saving and per-visit figures; a customer buys it; it is listed as sold; unpublishing is saved', async () => {
    const code = `e2e-clean-${suffix}`;
    const figures = await createCardProduct(ops, { name: `日常保洁 2 小时 · 4 次卡 ${suffix}`, code, itemName: '日常保洁', quantity: '2', visits: '4', listPriceYuan: '400', priceYuan: '350' });
    expect(figures).toEqual({ savingFen: 5_000, perVisitFen: 8_750 });
    expect(await ops.getByTestId(`card-product-saving-${code}`).innerText()).toBe('¥50');
    const product = (await adminCall<{ items: CardProduct[] }>(baseUrl, 'GET', '/api/admin/service-card-products')).items.find((p) => p.code === code)!;
    expect(product).toMatchObject({ published: true, priceFen: 35_000, listPriceFen: 40_000, visits: 4, quantity: 2, savingFen: 5_000, perVisitFen: 8_750 });
    await screenshot(ops, 'admin-service-cards.png');

    const card = await buyServiceCard(baseUrl, product.id);
    await ops.getByTestId('cards-tab-sold').click();
    const sold = ops.locator(`[data-testid="sold-cards-table"] tr[data-card-no="${card.cardNo}"]`);
    await sold.waitFor();
    expect(await sold.getAttribute('data-status')).toBe('active');
    expect(await sold.innerText()).toContain('已用 0 次 · 剩 4 次');
    expect(await sold.innerText()).toContain('¥350');

    await ops.getByTestId('cards-tab-products').click();
    await ops.getByTestId(`card-publish-${code}`).click();
    await ops.locator(`[data-testid="card-products-table"] tr[data-code="${code}"][data-published="no"]`).waitFor();
    const after = (await adminCall<{ items: CardProduct[] }>(baseUrl, 'GET', '/api/admin/service-card-products')).items.find((p) => p.code === code)!;
    expect(after.published).toBe(false);
    const onSale = await call<{ items: { id: string }[] }>(baseUrl, null, 'GET', '/api/service-cards/products');
    expect(onSale.items.some((p) => p.id === product.id)).toBe(false);
    await ops.context().close();
  });
});

describe('console: 发票申请, 部分退款, 财务概览 and insurance plans (finance)', () => {
  let finance: Page;
  let demo: DemoWorker;
  let saved: Settings | undefined;

  afterAll(async () => {
    if (saved) await putFinanceSettings(baseUrl, saved);
  });

  it('finance issues the invoice a customer asked for on a completed order; the customer sees it issued', async () => {
    demo = await demoWorker(baseUrl);
    const booking = await completedOrder(baseUrl, demo);
    const asked = await call<{ id: string; status: string; amountFen: number }>(baseUrl, booking.customerToken, 'POST', `/api/orders/${booking.order.id}/invoices`, {
      titleKind: 'company', title: '上海某某科技有限公司', taxNo: '91310000MA1K00E2E0', email: 'fin@example.com',
    });
    expect(asked.status).toBe('requested');

    finance = await signInConsole(browser(), baseUrl, 'finance');
    await openMenu(finance, '发票申请');
    const row = finance.locator(`[data-testid="invoices-table"] tr[data-invoice-id="${asked.id}"]`);
    await row.waitFor();
    expect(await row.innerText()).toContain(booking.order.orderNo);
    await screenshot(finance, 'admin-finance-invoices.png');
    await issueInvoice(finance, asked.id, '24312000000099887766');
    expect(await finance.getByTestId(`invoice-result-${asked.id}`).innerText()).toBe('24312000000099887766');
    const mine = await call<{ items: { id: string; status: string; invoiceNo: string }[] }>(baseUrl, booking.customerToken, 'GET', `/api/orders/${booking.order.id}/invoices`);
    expect(mine.items.find((i) => i.id === asked.id)).toMatchObject({ status: 'issued', invoiceNo: '24312000000099887766' });
  });

  it('finance refunds part of a paid order: too much is refused with the maximum, a part goes through and is listed', async () => {
    const booked = await bookPaidOrder(baseUrl, demo);
    const order = await adminOrder(baseUrl, booked.order.id);
    const paidFen = (order as unknown as { price: { paidFen: number } }).price.paidFen;
    expect(paidFen).toBeGreaterThan(1_000);
    await openOrder(finance, order.orderNo);

    await submitRefund(finance, String(paidFen / 100 + 1), '服务范围缩小，协商退部分费用');
    const amountField = finance.locator('.ant-modal .ant-form-item').filter({ has: finance.locator('#order-refund-amount') });
    const max = yuan(paidFen);
    await amountField.locator('.ant-form-item-explain-error', { hasText: `最多可退 ${max}` }).waitFor();
    expect(await finance.getByTestId('order-refund-max').innerText()).toContain(max);

    await submitRefund(finance, '10', '服务范围缩小，协商退部分费用');
    await finance.locator('#order-refund-amount').waitFor({ state: 'detached' });
    const refunds = finance.getByTestId('order-drawer').getByTestId('order-refunds-table');
    await refunds.locator('tr[data-step="requested"][data-amount="1000"]').waitFor();
    expect(await refunds.innerText()).toContain('服务范围缩小，协商退部分费用');
    await refunds.scrollIntoViewIfNeeded();
    await screenshot(finance, 'admin-order-refund.png');

    const journal = await adminCall<{ items: { kind: string; memo: string; lines: { account: string; amountFen: number }[] }[] }>(baseUrl, 'GET', `/api/admin/finance/journal?orderId=${order.id}`);
    const entry = journal.items.find((e) => e.kind === 'refund' && e.memo === '服务范围缩小，协商退部分费用');
    expect(entry?.lines).toEqual(expect.arrayContaining([{ account: `escrow:${order.id}`, amountFen: -1_000 }]));
    expect((await adminOrder(baseUrl, order.id)).status).toBe('paid');
    await closeOrder(finance);
  });

  it('财务概览 shows revenue, the 次卡 prepaid balance and this month in the monthly table', async () => {
    await openMenu(finance, '财务概览');
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
    const month = finance.locator(`[data-testid="finance-months"] tr[data-month="${today.slice(0, 7)}"]`);
    await month.waitFor();
    const summary = await adminCall<{ totals: { revenueFen: number; cardPrepaidFen: number } }>(baseUrl, 'GET', `/api/admin/finance/summary?from=${today.slice(0, 8)}01&to=${today}`);
    expect(summary.totals.cardPrepaidFen).toBeGreaterThanOrEqual(35_000);
    const shown = async (key: string) => finance.getByTestId(`finance-total-${key}`).locator('.ant-statistic-content-value').innerText();
    expect(await shown('cardPrepaidFen')).toBe(yuan(summary.totals.cardPrepaidFen));
    expect(await shown('revenueFen')).toMatch(/^-?¥[\d,.]+$/);
    expect(Number(await month.getAttribute('data-revenue'))).toBeGreaterThan(0);
  });

  it('finance sets 维修 insurance to mandatory with its premium and cover; it is saved and the rest is unchanged', async () => {
    saved = await adminCall<Settings>(baseUrl, 'GET', '/api/admin/finance/settings');
    await setInsurancePlan(finance, 'repair', { modeLabel: '强制', premiumYuan: '8', coverYuan: '80000' });
    const now = await adminCall<Settings>(baseUrl, 'GET', '/api/admin/finance/settings');
    expect(now.insurance.byCategory.repair).toEqual({ mode: 'mandatory', premiumFen: 800, coverFen: 8_000_000 });
    expect(now.insurance.default).toEqual(saved.insurance.default);
    expect(now.insurance.byCategory.care).toEqual(saved.insurance.byCategory.care);
    expect(now.settlementDelayDays).toBe(saved.settlementDelayDays);
    expect(now.withdrawal).toEqual(saved.withdrawal);
    const offer = await call<Plan>(baseUrl, null, 'GET', '/api/insurance?itemCode=drain-unblocking');
    expect(offer).toEqual({ mode: 'mandatory', premiumFen: 800, coverFen: 8_000_000 });
    await finance.getByTestId('finance-insurance').scrollIntoViewIfNeeded();
    await screenshot(finance, 'admin-finance-insurance.png');
  });

  it('raised no uncaught errors in the pages', () => {
    expect(pageErrors).toEqual([]);
  });
});
