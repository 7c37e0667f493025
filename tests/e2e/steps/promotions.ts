// Console steps for 营销 (优惠券活动, 次卡), 发票申请, 部分退款 and the insurance plans in 结算设置, and the HTTP side
// they need: a customer who buys a service card and one whose order is done (验收) and asks for an invoice.
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { call, customerSignIn, type DemoWorker } from '../http';
import { acceptOrder, answerEarlyVisit, askEarlyVisit, checkIn, finishOrder } from '../order-api';
import { bookWithWorker, serviceCodeOf, type Booking } from '../worker-order-api';
import { chooseOption, openMenu } from './admin-orders';

export interface CampaignForm {
  name: string;
  thresholdYuan: string;
  offYuan: string;
  totalQuantity?: string;
}

/** 优惠券活动 → 新建活动 as 满减, filled and saved (resolves right after 保存: the caller checks the outcome). */
export async function submitSpendCampaign(page: Page, form: CampaignForm): Promise<Locator> {
  await openMenu(page, '优惠券活动');
  await page.getByTestId('campaign-create').click();
  const modal = page.locator('.ant-modal').filter({ has: page.getByTestId('campaign-form') });
  await page.locator('#campaign-name').fill(form.name);
  await page.getByTestId('campaign-kind-spend_threshold').click();
  await page.locator('#campaign-threshold').fill(form.thresholdYuan);
  await page.locator('#campaign-off').fill(form.offYuan);
  if (form.totalQuantity) await page.locator('#campaign-total').fill(form.totalQuantity);
  await page.locator('#campaign-save').click();
  return modal;
}

/** The campaigns table row of `name` (waits for it). */
export async function campaignRow(page: Page, name: string): Promise<Locator> {
  const row = page.locator(`[data-testid="campaigns-table"] tr[data-campaign-name="${name}"]`);
  await row.waitFor();
  return row;
}

export interface CardForm {
  name: string;
  code: string;
  /** Item name as listed (zh), e.g. 日常保洁. */
  itemName: string;
  quantity: string;
  visits: string;
  listPriceYuan: string;
  priceYuan: string;
}

/** 次卡 → 新建次卡, filled; resolves with the live figures (fen) shown before saving, then saves and waits for the row. */
export async function createCardProduct(page: Page, form: CardForm): Promise<{ savingFen: number; perVisitFen: number }> {
  await openMenu(page, '次卡');
  await page.getByTestId('card-create').click();
  await page.locator('#card-name').fill(form.name);
  await page.locator('#card-code').fill(form.code);
  await chooseOption(page, page.locator('.ant-modal').getByTestId('card-item'), form.itemName);
  await page.locator('#card-quantity').fill(form.quantity);
  await page.locator('#card-visits').fill(form.visits);
  await page.locator('#card-list-price').fill(form.listPriceYuan);
  await page.locator('#card-price').fill(form.priceYuan);
  const saving = page.getByTestId('card-saving');
  await saving.waitFor();
  const figures = { savingFen: Number(await saving.getAttribute('data-fen')), perVisitFen: Number(await page.getByTestId('card-per-visit').getAttribute('data-fen')) };
  await page.locator('#card-save').click();
  await page.locator(`[data-testid="card-products-table"] tr[data-code="${form.code}"]`).waitFor();
  return figures;
}

/** A new customer buys the service card product `productId` and pays on the simulator's cashier; returns the card. */
export async function buyServiceCard(baseUrl: string, productId: string): Promise<{ cardId: string; cardNo: string; customerToken: string }> {
  const token = await customerSignIn(baseUrl);
  const opened = await call<{ cardId: string; cashierUrl: string }>(baseUrl, token, 'POST', '/api/service-cards', { productId, method: 'wechat' }, { 'idempotency-key': `e2e-card-${productId}-${Date.now()}` });
  const paid = await fetch(`${baseUrl}${opened.cashierUrl}/pay`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '', redirect: 'manual' });
  if (paid.status !== 303) throw new Error(`cashier answered ${paid.status}`);
  const card = await call<{ cardNo: string; status: string }>(baseUrl, token, 'GET', `/api/service-cards/${opened.cardId}`);
  if (card.status !== 'active') throw new Error(`card ${card.cardNo} is ${card.status}`);
  return { cardId: opened.cardId, cardNo: card.cardNo, customerToken: token };
}

/** An order of the demo worker run to 已完成 through the API: accepted, checked in, finished and accepted by its customer. */
export async function completedOrder(baseUrl: string, worker: DemoWorker): Promise<Booking> {
  const booking = await bookWithWorker(baseUrl, worker);
  await acceptOrder(baseUrl, worker.token, booking.order.id);
  await askEarlyVisit(baseUrl, worker.token, booking.order.id);
  await answerEarlyVisit(baseUrl, booking.customerToken, booking.order.id);
  await checkIn(baseUrl, worker.token, booking.order.id, await serviceCodeOf(baseUrl, booking));
  await finishOrder(baseUrl, worker.token, booking.order.id);
  const done = await call<{ status: string }>(baseUrl, booking.customerToken, 'POST', `/api/orders/${booking.order.id}/confirm`, {});
  if (done.status !== 'completed') throw new Error(`order ${booking.order.orderNo} is ${done.status} after 验收`);
  return booking;
}

/** 发票申请 (待开具): 开具 the request `id` with `invoiceNo`; resolves once it is listed under 已开具. */
export async function issueInvoice(page: Page, id: string, invoiceNo: string): Promise<Locator> {
  await openMenu(page, '发票申请');
  await page.getByTestId(`invoice-issue-${id}`).click();
  await page.locator('#invoice-no').fill(invoiceNo);
  await page.locator('#invoice-decision-ok').click();
  await page.getByTestId(`invoice-issue-${id}`).waitFor({ state: 'detached' });
  await page.getByTestId('invoices-status-issued').click();
  const status = page.locator(`[data-testid="invoice-status-${id}"][data-status="issued"]`);
  await status.waitFor();
  return status;
}

/** 部分退款 in the open order drawer: amount in yuan and a reason; resolves after 确认退款 (the caller checks the outcome). */
export async function submitRefund(page: Page, amountYuan: string, reason: string): Promise<void> {
  if (!(await page.locator('#order-refund-amount').isVisible())) await page.getByTestId('order-refund').click();
  await page.locator('#order-refund-amount').fill(amountYuan);
  await page.locator('#order-refund-reason').fill(reason);
  await page.locator('#order-refund-ok').click();
}

/** 结算设置 → 意外险: the category's mode (选项 as shown, e.g. 强制), premium and cover in yuan; saves and waits for 已保存. */
export async function setInsurancePlan(page: Page, category: string, plan: { modeLabel: string; premiumYuan: string; coverYuan: string }): Promise<void> {
  await openMenu(page, '结算设置');
  await page.getByTestId('insurance-table').waitFor();
  await chooseOption(page, `ins-mode-${category}`, plan.modeLabel);
  await page.locator(`#ins-premium-${category}`).fill(plan.premiumYuan);
  await page.locator(`#ins-cover-${category}`).fill(plan.coverYuan);
  await page.getByTestId('finance-settings-save').click();
  await page.locator('.ant-message-notice', { hasText: '结算设置已保存' }).waitFor();
  await expect.poll(() => page.locator('.ant-form-item-explain-error').count()).toBe(0);
}
