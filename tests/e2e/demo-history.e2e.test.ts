/**
 * The demo city's past as people see it (src/seed/history.ts): a customer opens the demo worker and reads the
 * rating, count and orders done its history produced and real reviews; a worker with no history yet shows
 * 暂无评分 rather than 0.0 stars; the demo worker's 收入 holds the released shares of its past orders.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { newMobileContext, pageErrors, screenshot, useBrowser } from './browser';
import { call, DEMO_PASSWORD, DEMO_WORKER_PHONE } from './http';
import { useSession } from './steps/reviews';

const baseUrl = inject('baseUrl');
const DEMO_CUSTOMER_PHONE = '13800000001';
let customer: Page;
let workerPage: Page;
let customerToken = '';
let workerToken = '';
let workerId = '';

interface Profile { id: string; ratingAvg: number; ratingCount: number; ordersDone: number }

const login = (identifier: string, role: 'customer' | 'worker') =>
  call<{ token: string; user: { id: string } }>(baseUrl, null, 'POST', '/api/auth/password/login', { identifier, password: DEMO_PASSWORD, role });

useBrowser(async (b) => {
  ({ token: customerToken } = await login(DEMO_CUSTOMER_PHONE, 'customer'));
  ({ token: workerToken, user: { id: workerId } } = await login(DEMO_WORKER_PHONE, 'worker'));
  const customerContext: BrowserContext = await newMobileContext(b, baseUrl);
  await useSession(customerContext, baseUrl, customerToken);
  customer = await customerContext.newPage();
  const workerContext: BrowserContext = await newMobileContext(b, baseUrl);
  await useSession(workerContext, baseUrl, workerToken);
  workerPage = await workerContext.newPage();
});

beforeAll(() => {
  pageErrors.length = 0;
});

describe('demo city history: the figures people see are what the past orders and reviews produced', () => {
  it("a customer opens the demo worker: its rating, review count and orders done, and real reviews with replies and 追评", async () => {
    const profile = await call<Profile>(baseUrl, customerToken, 'GET', `/api/workers/${workerId}`);
    expect(profile.ratingCount).toBeGreaterThan(100);
    expect(profile.ordersDone).toBeGreaterThanOrEqual(150);
    await customer.goto(`/workers/${workerId}`);
    const stats = customer.locator('.m-worker-stats');
    await stats.waitFor();
    const text = await stats.innerText();
    expect(text).toContain(profile.ratingAvg.toFixed(1));
    expect(text).toContain(String(profile.ratingCount));
    expect(text).toContain(String(profile.ordersDone));
    // 口碑: the smoothed score over the real review count, the rates, and the latest visits (district only).
    const reputation = customer.getByTestId('worker-reputation');
    await reputation.waitFor();
    expect(await customer.getByTestId('reputation-score').innerText()).toContain(`${profile.ratingCount} 条评价平滑后`);
    expect(await customer.getByTestId('reputation-on-time').innerText()).toMatch(/\d+(\.\d)?%/);
    expect(await customer.getByTestId('reputation-recent').locator('div').count()).toBe(5);
    await screenshot(customer, 'demo-history-worker-profile-top.png');
    await reputation.scrollIntoViewIfNeeded();
    await screenshot(customer, 'demo-history-worker-reputation.png');
    const reviews = customer.getByTestId('worker-reviews');
    await reviews.waitFor();
    await expect.poll(async () => Number(await reviews.getAttribute('data-total'))).toBeGreaterThanOrEqual(profile.ratingCount);
    await expect.poll(async () => (await reviews.innerText()).length).toBeGreaterThan(100);
    await reviews.scrollIntoViewIfNeeded();
    await screenshot(customer, 'demo-history-worker-profile.png');
    // 追评: customers came back to some reviews.
    await customer.getByTestId('worker-review-filter-follow_up').click();
    await expect.poll(() => reviews.getAttribute('data-filter')).toBe('follow_up');
    await expect.poll(async () => Number(await reviews.getAttribute('data-total'))).toBeGreaterThan(0);
    await screenshot(customer, 'demo-history-worker-follow-ups.png');
    expect(pageErrors).toEqual([]);
  });

  it('a worker with no history yet shows 暂无评分 in the list and on the profile, not 0.0 stars', async () => {
    let fresh: Profile | undefined;
    for (let page = 1; page <= 5 && !fresh; page++) {
      const list = await call<{ items: Profile[] }>(baseUrl, customerToken, 'GET', `/api/workers?districtCode=310104&sort=orders&pageSize=50&page=${page}`);
      fresh = list.items.find((w) => w.ratingCount === 0 && w.ordersDone === 0);
    }
    expect(fresh, 'a worker without reviews in 徐汇区').toBeTruthy();
    await customer.goto(`/workers/${fresh!.id}`);
    const stats = customer.locator('.m-worker-stats');
    await stats.waitFor();
    const text = await stats.innerText();
    expect(text).toContain('暂无评分');
    expect(text).not.toContain('0.0');
    await customer.getByTestId('worker-reviews-empty').waitFor();
    await screenshot(customer, 'demo-history-new-worker.png');
  });

  it("the demo worker's 收入 shows what its past orders released, and the per-order settlements", async () => {
    const income = await call<{ availableFen: number; pendingFen: number }>(baseUrl, workerToken, 'GET', '/api/worker/income');
    expect(income.availableFen).toBeGreaterThan(0);
    await workerPage.goto('/worker/income');
    const view = workerPage.getByTestId('income');
    await view.waitFor();
    expect(Number(await view.getAttribute('data-available'))).toBe(income.availableFen);
    await workerPage.getByTestId('income-order').first().waitFor();
    await screenshot(workerPage, 'demo-history-worker-income.png');
    expect(pageErrors).toEqual([]);
  });
});
