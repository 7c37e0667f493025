// Customer H5 steps for coupons (领券中心, 我的优惠券, the booking page's picker), accident insurance, 次卡 and
// invoices; every step expects a signed-in customer page. The console side (campaigns, card products) goes
// through the admin API as operations.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { adminCall } from '../http';

const DAY = 86_400_000;

/** Integer fen of a `¥1,280.50` / `-¥15` text. */
export const fen = (text: string): number => Math.round(Number(text.replace(/[¥,\s]/g, '')) * 100);

/** A coupon campaign opened by operations (console API); returns its id. */
export async function openCampaign(baseUrl: string, body: Record<string, unknown>): Promise<string> {
  const now = Date.now();
  const campaign = await adminCall<{ id: string }>(baseUrl, 'POST', '/api/admin/coupon-campaigns', {
    startsAt: new Date(now - 60_000).toISOString(),
    endsAt: new Date(now + 30 * DAY).toISOString(),
    ...body,
  }, 'ops');
  return campaign.id;
}

/** A 次卡 put on sale by operations (console API); returns its id. */
export async function putCardOnSale(baseUrl: string, body: Record<string, unknown>): Promise<string> {
  return (await adminCall<{ id: string }>(baseUrl, 'POST', '/api/admin/service-card-products', body, 'ops')).id;
}

/** 我的 → `link` (e.g. coupon-center, coupons, cards): the entry on the "me" tab. */
export async function openFromMe(page: Page, link: string): Promise<void> {
  await page.goto('/me');
  await page.getByTestId(`me-${link}`).click();
}

/** The 领券中心 entry of a campaign. */
export const centerCampaign = (page: Page, campaignId: string) => page.locator(`[data-testid="center-campaign"][data-campaign-id="${campaignId}"]`);

/** 领券中心: 立即领取 on a campaign; resolves once it shows `state` (claimed when I hold my limit). */
export async function claimInCenter(page: Page, campaignId: string, state: 'claimed' | 'claimable' | 'sold_out' = 'claimed'): Promise<void> {
  await centerCampaign(page, campaignId).getByTestId('center-claim').click();
  await expectToast(page, '领取成功');
  await page.locator(`[data-testid="center-campaign"][data-campaign-id="${campaignId}"][data-state="${state}"]`).waitFor();
}

/** Waits for an antd-mobile toast saying `text` (e.g. an API error in the user's language), then for it to go. */
export async function expectToast(page: Page, text: string): Promise<void> {
  const toast = page.locator('.adm-toast-main', { hasText: text });
  await toast.waitFor();
  await toast.waitFor({ state: 'detached', timeout: 10_000 });
}

/** On the booking page: opens the coupon picker and chooses `couponId`; returns the saving it showed (fen). */
export async function chooseCoupon(page: Page, couponId: string): Promise<number> {
  await page.getByTestId('book-coupon-open').click();
  const option = page.locator(`[data-testid="book-coupon-option"][data-coupon-id="${couponId}"]`);
  await option.waitFor();
  expect(await option.getAttribute('data-applicable')).toBe('yes');
  const saving = Number(await option.getAttribute('data-saving'));
  await option.click();
  await page.locator(`[data-testid="book-coupon-chosen"][data-coupon-id="${couponId}"]`).waitFor();
  return saving;
}

/** The booking footer's total in fen, once no re-quote is running. */
export async function footerFen(page: Page): Promise<number> {
  const total = page.getByTestId('book-footer-total');
  await expect.poll(() => total.innerText()).toMatch(/¥/);
  return Number(await total.getAttribute('data-fen'));
}

/** 我的次卡 → 购买次卡 → the product → 收银台 `method` → the simulator's cashier → back on the card; returns the card id. */
export async function buyCard(page: Page, productId: string, method: 'wechat' | 'alipay' | 'card' = 'wechat'): Promise<string> {
  await openFromMe(page, 'cards');
  await page.getByTestId('cards-shop').click();
  await page.locator(`[data-testid="card-product"][data-product-id="${productId}"]`).getByTestId('card-buy').click();
  await page.getByTestId('pay-sheet').waitFor();
  await page.getByTestId(`pay-method-${method}`).click();
  await page.getByTestId('pay-submit').click();
  await page.getByTestId('paysim-pay').click();
  await page.waitForURL(/\/cards\/[0-9a-f-]{36}/);
  await page.getByTestId('card').waitFor();
  return (await page.getByTestId('card').getAttribute('data-card-id')) ?? '';
}

/** On a completed order: 申请发票 with these fields; resolves once the sheet closed or shows a field error (returned). */
export async function askInvoice(page: Page, fields: { company: boolean; title: string; taxNo?: string; email: string }): Promise<string | null> {
  const sheet = page.getByTestId('invoice-sheet');
  if (!(await sheet.isVisible())) await page.getByTestId('invoice-apply').click();
  await sheet.waitFor();
  await page.getByTestId(fields.company ? 'invoice-kind-company' : 'invoice-kind-personal').click();
  await page.locator('#invoice-title').fill(fields.title);
  if (fields.company) await page.locator('#invoice-tax-no').fill(fields.taxNo ?? '');
  await page.locator('#invoice-email').fill(fields.email);
  const answer = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/invoices`));
  await page.getByTestId('invoice-submit').click();
  if ((await answer).ok()) {
    await sheet.waitFor({ state: 'detached' });
    return null;
  }
  const error = sheet.locator('.adm-form-item-feedback-error');
  await error.first().waitFor();
  return error.first().innerText();
}
