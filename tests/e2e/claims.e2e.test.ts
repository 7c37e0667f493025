// Insurance claims (保险理赔) journey: an insured order, the customer presses SOS during the visit; the customer files a
// claim with a photo from the order page; ops start the review in the console, finance pays it (a ledger payout);
// the customer sees it paid with the ledger entry, the worker sees the status. The file's own customer and worker.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { newMobileContext, pageErrors, screenshot, signInConsole, useBrowser } from './browser';
import { freshWorker, retireFreshWorkers, type FreshWorker } from './fresh-worker';
import { adminCall, call, customerSignIn, payThroughCashier, slotStarts, type SlotAnswer } from './http';
import { randomPhone } from './api';
import { acceptOrder } from './order-api';
import { raiseSos } from './sos-api';
import { uploadPhoto, useSession } from './steps/reviews';

const baseUrl = inject('baseUrl');
const ITEM = 'daily-cleaning';
let customer: Page;
let worker: FreshWorker;
let customerToken = '';
let order = { id: '', orderNo: '' };
let claimId = '';

/** A new customer books the file's worker with the optional accident insurance, pays; the worker accepts. */
async function insuredOrder(): Promise<void> {
  const city = await call<{ districts: { code: string; name: string; center: [number, number] }[] }>(baseUrl, null, 'GET', '/api/geo/city');
  const district = city.districts[city.districts.length - 1]!;
  worker = await freshWorker(baseUrl, district, [ITEM]);
  customerToken = await customerSignIn(baseUrl);
  const { id: addressId } = await call<{ id: string }>(baseUrl, customerToken, 'POST', '/api/me/addresses', {
    label: '家', contactName: '赵女士', contactPhone: randomPhone(), districtCode: worker.districtCode, detail: '锦绣路 88 弄 3 号 501 室', lat: worker.homeLat + 0.003, lng: worker.homeLng + 0.002,
  });
  const draft = await call<{ id: string }>(baseUrl, customerToken, 'POST', '/api/catalog/quotes', { itemCode: ITEM, options: {}, scheduledStart: new Date(Date.now() + 2 * 86_400_000).toISOString() });
  const slots = await call<SlotAnswer>(baseUrl, customerToken, 'GET', `/api/booking/slots?quoteId=${draft.id}&addressId=${addressId}&workerId=${worker.id}`);
  const start = slotStarts(slots).find((s) => new Date(s).getTime() >= Date.now() + 24 * 3600_000)!;
  const quote = await call<{ id: string }>(baseUrl, customerToken, 'POST', '/api/catalog/quotes', { itemCode: ITEM, options: {}, scheduledStart: start });
  const created = await call<{ id: string; orderNo: string }>(baseUrl, customerToken, 'POST', '/api/orders', { quoteId: quote.id, addressId, workerId: worker.id, insurance: true });
  await payThroughCashier(baseUrl, customerToken, created.id, 'wechat');
  await acceptOrder(baseUrl, worker.token, created.id);
  order = { id: created.id, orderNo: created.orderNo };
}

const browser = useBrowser(async (b) => {
  const context: BrowserContext = await newMobileContext(b, baseUrl);
  customer = await context.newPage();
  await insuredOrder();
  // SOS on the order (then resolved, so no other journey sees an open incident of ours).
  const incident = await raiseSos(baseUrl, customerToken, 'customer', { orderId: order.id, note: '师傅搬动衣柜时柜门砸到了我的手' });
  await adminCall(baseUrl, 'POST', `/api/admin/incidents/${incident.id}/resolve`, { resolution: '已联系客户，建议就医并申请理赔' });
  await useSession(context, baseUrl, customerToken);
  pageErrors.length = 0;
});

afterAll(async () => {
  await retireFreshWorkers();
});

describe('insurance claim: filed by the customer → reviewed by ops → paid by finance → seen on both sides', () => {
  it('the customer files a claim from the order page with the incident, an amount and a photo', async () => {
    await customer.goto(`/orders/${order.id}`);
    const card = customer.getByTestId('order-claims');
    await card.waitFor();
    expect(await card.innerText()).toContain('¥50,000');
    await card.getByTestId('claim-apply').click();
    const sheet = customer.getByTestId('claim-sheet');
    await sheet.waitFor();
    await sheet.locator('#claim-amount').fill('60000');
    await sheet.locator('#claim-description').fill('右手被柜门砸伤，医院拍片和药费，附票据照片');
    await uploadPhoto(customer, 'claim-photos', 'receipt.png', [230, 230, 210]);
    await sheet.getByTestId('claim-submit').click();
    // Above the cover: the API's field error shows under the amount, nothing is filed.
    await expect.poll(() => sheet.innerText(), { timeout: 15_000 }).toContain('不能超过保额余额');
    await sheet.locator('#claim-amount').fill('860.50');
    await sheet.getByTestId('claim-submit').click();
    const filed = customer.locator('[data-testid="order-claim"][data-status="submitted"]');
    await filed.waitFor();
    expect(await filed.innerText()).toContain('¥860.50');
    const claims = await call<{ items: { id: string; status: string; documentUrls: string[] }[] }>(baseUrl, customerToken, 'GET', `/api/orders/${order.id}/claims`);
    expect(claims.items).toHaveLength(1);
    expect(claims.items[0].documentUrls).toHaveLength(1);
    claimId = claims.items[0].id;
  });

  it('ops start the review and finance pays it in the console (a ledger payout)', async () => {
    const ops = await signInConsole(browser(), baseUrl, 'ops');
    await ops.goto('/admin/claims');
    const row = ops.locator(`[data-testid="claim-row"][data-claim-id="${claimId}"]`);
    await row.waitFor();
    expect(await row.getByTestId('claim-documents').getAttribute('data-count')).toBe('1');
    await row.getByTestId('claim-review').click();
    await row.locator('[data-testid="claim-status"][data-status="reviewing"]').waitFor();
    expect(await row.getByTestId('claim-pay').count()).toBe(0); // ops may not decide
    await ops.context().close();

    const finance = await signInConsole(browser(), baseUrl, 'finance');
    await finance.goto('/admin/claims');
    const frow = finance.locator(`[data-testid="claim-row"][data-claim-id="${claimId}"]`);
    await frow.getByTestId('claim-pay').click();
    await finance.locator('#claim-reason').fill('医院票据齐全，按实际医疗费用赔付');
    await finance.locator('#claim-decide-ok').click();
    await finance.getByTestId('claims-filter').click();
    await finance.locator('.ant-select-item-option').filter({ hasText: '全部' }).click();
    const paid = finance.locator(`[data-testid="claim-row"][data-claim-id="${claimId}"]`);
    await paid.locator('[data-testid="claim-status"][data-status="paid"]').waitFor();
    expect(await paid.getByTestId('claim-payout').innerText()).toContain(`claim-payout:${claimId}`);
    await screenshot(finance, 'claim-console.png');
    const tb = await adminCall<{ totalFen: number; mismatches: string[] }>(baseUrl, 'GET', '/api/admin/finance/trial-balance');
    expect(tb.totalFen).toBe(0);
    expect(tb.mismatches).toEqual([]);
    await finance.context().close();
  });

  it('the customer sees it paid with the ledger entry; the worker sees the status', async () => {
    await customer.goto(`/orders/${order.id}`);
    const paid = customer.locator('[data-testid="order-claim"][data-status="paid"]');
    await paid.waitFor();
    const payout = await paid.getByTestId('claim-payout').innerText();
    expect(payout).toContain('¥860.50');
    expect(payout).toContain(`claim-payout:${claimId}`);
    expect(await paid.getByTestId('claim-reason').innerText()).toBe('医院票据齐全，按实际医疗费用赔付');
    await paid.scrollIntoViewIfNeeded();
    await screenshot(customer, 'claim-customer.png');
    const journal = await call<{ items: { id: string; status: string; payout: { lines: { account: string; amountFen: number }[] } }[] }>(baseUrl, customerToken, 'GET', `/api/orders/${order.id}/claims`);
    expect(journal.items[0].payout.lines).toEqual([{ account: 'insurance_premiums', amountFen: -86_050 }, { account: 'payouts', amountFen: 86_050 }]);
    const workerView = await call<{ items: { status: string; amountFen: number }[] }>(baseUrl, worker.token, 'GET', `/api/worker/orders/${order.id}/claims`);
    expect(workerView.items[0]).toMatchObject({ status: 'paid', amountFen: 86_050 });
    const workerContext = await newMobileContext(browser(), baseUrl);
    await useSession(workerContext, baseUrl, worker.token);
    const workerPage = await workerContext.newPage();
    await workerPage.goto(`/worker/orders/${order.id}`);
    const status = workerPage.locator('[data-testid="worker-claim"][data-status="paid"]');
    await status.waitFor();
    expect(await status.innerText()).toContain('¥860.50');
    await status.scrollIntoViewIfNeeded();
    await screenshot(workerPage, 'claim-worker.png');
    await workerContext.close();
    expect(pageErrors).toEqual([]);
  });
});
