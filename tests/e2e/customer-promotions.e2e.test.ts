// Promotions on the customer H5: claim a coupon in 领券中心 and book with it; book with accident insurance and ask
// for an invoice once the visit is done; buy a 次卡 through the cashier, book a visit paid by it, then 退卡.
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { randomPhone } from './api';
import { retireFreshWorkers } from './fresh-worker';
import { pageErrors, screenshot, useMobilePage } from './browser';
import { call, customerSignIn } from './http';
import { bodyText, signInBySms } from './mobile-steps';
import { acceptOrder, askEarlyVisit, checkIn, finishOrder, signInWorker, workerServingADistrict } from './order-api';
import { addAddressInMe, agreeEarlyVisit, confirmWork, expectOrderStatus, openBookingForItem, openBookingForWorker, payOrder, pickSlot, readServiceCode, submitBooking } from './steps/customer-orders';
import {
  askInvoice, buyCard, centerCampaign, chooseCoupon, claimInCenter, fen, footerFen, openCampaign, openFromMe, putCardOnSale, expectToast,
} from './steps/customer-promotions';

const baseUrl = inject('baseUrl');
let page: Page;
useMobilePage(baseUrl, (opened) => (page = opened));
// The file's own worker (workerServingADistrict) goes offline at the end: later files never dispatch to it.
afterAll(retireFreshWorkers);

const HOUR = 3_600_000;
/** ≥ 26 h ahead and in the daytime (Shanghai 09:00–16:00): no urgent or night surcharge, so a 次卡 covers it. */
const daytime = (at: Date) => {
  const hour = (at.getUTCHours() + 8) % 24;
  return at.getTime() - Date.now() >= 26 * HOUR && hour >= 9 && hour <= 16;
};

describe('customer coupons, accident insurance, invoices and 次卡', () => {
  const phone = randomPhone();
  const tag = phone.slice(-4);
  let worker: Awaited<ReturnType<typeof workerServingADistrict>>;
  let campaignId = '';
  let scarceId = '';
  let productId = '';
  let couponId = '';
  let cardId = '';

  it('operations open a coupon campaign (满 ¥50 减 ¥15, 日常保洁) and a scarce one, and put a 4-visit 次卡 on sale', async () => {
    campaignId = await openCampaign(baseUrl, { name: `保洁立减 ${tag}`, nameEn: `Cleaning ¥15 off ${tag}`, kind: 'spend_threshold', thresholdFen: 5_000, offFen: 1_500, itemCodes: ['daily-cleaning'], totalQuantity: 100 });
    scarceId = await openCampaign(baseUrl, { name: `限量券 ${tag}`, kind: 'percent_off', offBp: 1_000, capFen: 2_000, totalQuantity: 1 });
    productId = await putCardOnSale(baseUrl, {
      code: `e2e-${tag}-${Date.now().toString(36)}`, name: `日常保洁 2 小时 4 次卡 ${tag}`, nameEn: `Daily cleaning 2 h × 4 ${tag}`,
      itemCode: 'daily-cleaning', quantity: 2, visits: 4, priceFen: 34_000, listPriceFen: 40_000, validDays: 180,
    });
    expect([campaignId, scarceId, productId].every(Boolean)).toBe(true);
  });

  it('signs up by SMS and adds an address a demo worker serves', async () => {
    await page.goto('/');
    await page.waitForURL('**/login');
    await signInBySms(page, baseUrl, phone);
    await page.getByTestId('catalog').waitFor();
    worker = await workerServingADistrict(page, baseUrl, 'daily-cleaning');
    await addAddressInMe(page, { label: '家', contactName: `优惠${tag}`, contactPhone: phone, district: worker.districtName, detail: '优惠路 6 号 606 室' });
  });

  it('领券中心 (from 我的): claims the campaign; a coupon someone else just took says 已领完 in Chinese and shows 已抢光', async () => {
    await openFromMe(page, 'coupon-center');
    await page.getByTestId('coupon-center').waitFor();
    expect(await centerCampaign(page, campaignId).getByTestId('coupon-rule').innerText()).toBe('满 ¥50.00 减 ¥15.00');
    expect(await centerCampaign(page, campaignId).getByTestId('coupon-items').innerText()).toBe('限 日常保洁');
    await claimInCenter(page, campaignId);
    expect(await centerCampaign(page, campaignId).getByTestId('center-claim').innerText()).toBe('已领取');
    expect(await centerCampaign(page, campaignId).getByTestId('center-claim').isDisabled()).toBe(true);

    // Another customer takes the only coupon of the scarce campaign while this page still offers it.
    expect(await centerCampaign(page, scarceId).getAttribute('data-state')).toBe('claimable');
    const other = await customerSignIn(baseUrl);
    await call(baseUrl, other, 'POST', `/api/coupons/center/${scarceId}/claim`);
    await centerCampaign(page, scarceId).getByTestId('center-claim').click();
    await expectToast(page, '优惠券已领完');
    await page.locator(`[data-testid="center-campaign"][data-campaign-id="${scarceId}"][data-state="sold_out"]`).waitFor();
    expect(await centerCampaign(page, scarceId).getByTestId('center-claim').innerText()).toBe('已抢光');
    await screenshot(page, 'customer-coupon-center.png');
  });

  it('我的优惠券 lists it under 可用 with its rule, services and validity', async () => {
    await openFromMe(page, 'coupons');
    const coupon = page.getByTestId('coupon').filter({ hasText: `保洁立减 ${tag}` });
    await coupon.waitFor();
    couponId = (await coupon.getAttribute('data-coupon-id')) ?? '';
    expect(await coupon.getAttribute('data-status')).toBe('available');
    expect(await coupon.getByTestId('coupon-rule').innerText()).toBe('满 ¥50.00 减 ¥15.00');
    expect(await coupon.getByTestId('coupon-validity').innerText()).toMatch(/^有效期至 \d{4}-\d{2}-\d{2}$/);
    expect(await page.getByTestId('coupons-tab-used').getAttribute('data-count')).toBe('0');
  });

  let couponOrder = '';
  it('books 日常保洁 with the coupon: the picker says it saves ¥15, the total drops by it; paid in the cashier, the bill shows it', async () => {
    await openBookingForItem(page, 'daily-cleaning');
    await pickSlot(page, daytime);
    const before = await footerFen(page);
    expect(await page.locator('[data-testid="book-coupon-count"]').getAttribute('data-count')).not.toBe('0');
    const saving = await chooseCoupon(page, couponId);
    expect(saving).toBe(1_500);
    await expect.poll(() => footerFen(page)).toBe(before - 1_500);
    expect(Number(await page.getByTestId('book-total').getAttribute('data-fen'))).toBe(before - 1_500);
    expect(await page.getByTestId('book-line-COUPON').innerText()).toContain('-¥15');
    await page.getByTestId('book-coupon').evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 420));
    await screenshot(page, 'customer-booking-promotions.png');

    couponOrder = await submitBooking(page);
    expect(fen(await page.getByTestId('order-total').innerText())).toBe(before - 1_500);
    expect(await page.getByTestId('order-line-COUPON').innerText()).toContain('-¥15');
    await payOrder(page, 'wechat');
    expect(fen(await page.getByTestId('order-paid').innerText())).toBe(before - 1_500);
    await page.getByTestId('bill-coupon').waitFor();
    expect(await page.getByTestId('bill-coupon').innerText()).toBe('-¥15');

    await page.goto('/me/coupons?tab=used');
    const used = page.locator(`[data-testid="coupon"][data-coupon-id="${couponId}"][data-status="used"]`);
    await used.waitFor();
    expect(await used.getByTestId('coupon-order').count()).toBe(1);
  });

  let insuredOrder = '';
  let premium = 0;
  it('books another visit with accident insurance on: the premium is in the total, the order and the bill with its cover', async () => {
    await openBookingForWorker(page, worker.workerId, '日常保洁');
    await pickSlot(page, daytime);
    const insurance = page.getByTestId('book-insurance');
    expect(await insurance.getAttribute('data-mode')).toBe('optional');
    premium = Number(await insurance.getAttribute('data-premium'));
    expect(premium).toBeGreaterThan(0);
    expect(await page.getByTestId('book-insurance-terms').innerText()).toMatch(/^保费 ¥[\d.]+，保额 ¥[\d,]+$/);
    const before = await footerFen(page);
    await page.getByTestId('book-insurance-switch').click();
    await expect.poll(() => footerFen(page)).toBe(before + premium);
    expect(fen(await page.getByTestId('book-line-INSURANCE').locator('span').last().innerText())).toBe(premium);

    insuredOrder = await submitBooking(page);
    expect(fen(await page.getByTestId('order-total').innerText())).toBe(before + premium);
    await page.getByTestId('order-line-INSURANCE').waitFor();
    await payOrder(page, 'alipay');
    await page.getByTestId('bill-insurance').waitFor();
    expect(fen(await page.getByTestId('bill-insurance').innerText())).toBe(premium);
    expect(await page.getByTestId('bill-insurance-sub').innerText()).toMatch(/^保额 ¥[\d,]+$/);
    expect(fen(await page.getByTestId('bill-paid').innerText())).toBe(before + premium);
  });

  it('after the visit (worker through the API) and 验收: 申请发票 shows the API’s field error, then is sent; the receipt opens', async () => {
    const token = await signInWorker(baseUrl, worker.workerId);
    await acceptOrder(baseUrl, token, insuredOrder);
    const code = await readServiceCode(page);
    await askEarlyVisit(baseUrl, token, insuredOrder);
    await agreeEarlyVisit(page);
    await checkIn(baseUrl, token, insuredOrder, code);
    await finishOrder(baseUrl, token, insuredOrder);
    await expectOrderStatus(page, '待验收');
    await confirmWork(page);

    const error = await askInvoice(page, { company: true, title: '上海某某科技有限公司', taxNo: '', email: `fin${tag}@example.com` });
    expect(error).toContain('纳税人识别号');
    expect(await askInvoice(page, { company: true, title: '上海某某科技有限公司', taxNo: '91310000MA1K000000', email: `fin${tag}@example.com` })).toBeNull();
    await page.locator('[data-testid="invoice-request"][data-status="requested"]').waitFor();
    expect(await page.getByTestId('invoice-status').innerText()).toBe('开票中');
    expect(await page.getByTestId('invoice-apply').count()).toBe(0);

    const orderNo = await page.getByTestId('order-no').innerText();
    const [receipt] = await Promise.all([page.context().waitForEvent('page'), page.getByTestId('order-receipt').click()]);
    await receipt.waitForLoadState();
    const text = await bodyText(receipt);
    expect(text).toContain('电子收据');
    expect(text).toContain(orderNo);
    expect(text).toContain(`含意外险保费 ¥${(premium / 100).toFixed(2)}`);
    await receipt.close();
  });

  it('buys the 次卡 through the cashier and comes back to it paid and active', async () => {
    cardId = await buyCard(page, productId, 'wechat');
    await page.locator('[data-testid="pay-result"][data-status="paid"]').waitFor();
    expect(page.url()).not.toContain('payment=');
    await page.locator('[data-testid="card"][data-status="active"]').waitFor();
    expect(await page.getByTestId('card-visits-left').innerText()).toBe('4/4');
    expect(await page.getByTestId('card-balance').innerText()).toBe('¥340');
    expect(await page.getByTestId('card-next-visit').innerText()).toBe('¥85');
    await screenshot(page, 'customer-service-card.png');

    await page.goto('/me/cards');
    const mine = page.locator(`[data-testid="my-card"][data-card-id="${cardId}"][data-status="active"]`);
    await mine.waitFor();
    expect(await mine.getByTestId('my-card-left').innerText()).toBe('剩余 4/4 次 · 余额 ¥340');
  });

  let cardOrder = '';
  it('books a visit with the card: no coupon, 次卡支付 of its share; the order is paid at once', async () => {
    await openBookingForItem(page, 'daily-cleaning');
    await pickSlot(page, daytime);
    await page.locator(`[data-testid="book-card"][data-card-id="${cardId}"]`).click();
    await page.locator(`[data-testid="book-card"][data-card-id="${cardId}"][aria-pressed="true"]`).waitFor();
    await expect.poll(() => footerFen(page)).toBe(8_500);
    expect(await page.getByTestId('book-footer-total').locator('..').innerText()).toContain('次卡支付');
    expect(await page.getByTestId('book-coupon-open').isDisabled()).toBe(true);

    cardOrder = await submitBooking(page);
    await expectOrderStatus(page, '待接单');
    expect(await page.getByTestId('pay-sheet').count()).toBe(0);
    expect(await page.getByTestId('order-pay-method').getAttribute('data-method')).toBe('service_card');
    expect(fen(await page.getByTestId('order-paid').innerText())).toBe(8_500);
    await page.locator('[data-testid="bill-service-card"][data-status="redeemed"]').waitFor();
  });

  it('退卡: the card lists the visit; the dialog shows the refund (the unused visits), and the card ends refunded', async () => {
    await page.goto(`/cards/${cardId}`);
    await page.locator(`[data-testid="card-visit"][data-order-id="${cardOrder}"][data-status="redeemed"]`).waitFor();
    expect(await page.getByTestId('card-visits-left').innerText()).toBe('3/4');
    await page.getByTestId('card-refund').click();
    const ask = page.getByTestId('card-refund-ask');
    await ask.waitFor();
    expect(await ask.getAttribute('data-amount')).toBe('25500');
    expect(await ask.innerText()).toContain('¥255');
    await page.locator('.adm-dialog-button', { hasText: '确认退卡' }).click();
    await page.locator('[data-testid="card"][data-status="refunded"]').waitFor();
    expect(await page.getByTestId('card-status').innerText()).toBe('已退卡');
    expect(await page.getByTestId('card-refunded-amount').innerText()).toBe('¥255');
    expect(await page.getByTestId('card-balance').innerText()).toBe('¥0');
    expect(await page.getByTestId('card-refund').count()).toBe(0);
  });

  it('raised no uncaught errors in the pages', () => {
    expect(pageErrors).toEqual([]);
  });
});
