import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { randomPhone } from './api';
import { pageErrors, screenshot, useMobilePage } from './browser';
import { signInBySms } from './mobile-steps';

const baseUrl = inject('baseUrl');
let page: Page;
useMobilePage(baseUrl, (opened) => (page = opened));
let workerName = '';

describe('customer finds a worker', () => {
  // The demo city (fixed seed) has online 日常保洁 workers rated 4.5+ in 静安区 (none in 徐汇区).
  it('opens 找师傅 and filters by skill, rating and district', async () => {
    await page.goto('/');
    await page.waitForURL('**/login');
    await signInBySms(page, baseUrl, randomPhone());
    await page.getByTestId('home-greeting').waitFor();
    await page.getByTestId('tab-workers').click();
    await page.getByTestId('worker-card').first().waitFor();
    const before = await page.getByTestId('workers-count').innerText();

    await page.getByTestId('workers-filter-toggle').click();
    await page.getByTestId('filter-skill').click();
    await page.locator('.m-skill-popup').getByText('日常保洁', { exact: true }).click();
    await page.getByTestId('filter-skill-confirm').click();
    await page.getByTestId('filter-rating').getByText('4.5 分以上').click();
    // A district that has such a worker in the demo city (asked through the API with the page's session).
    const match = await (await page.request.get(`${baseUrl}/api/workers?skill=daily-cleaning&ratingMin=4.5&pageSize=1`)).json();
    const city = await (await page.request.get(`${baseUrl}/api/geo/city`)).json();
    const district = city.districts.find((d: { code: string }) => d.code === match.items[0].districtCode).name;
    await page.getByTestId('filter-district').getByText(district, { exact: true }).click();
    await page.getByTestId('filter-apply').click();
    await expect.poll(() => page.getByTestId('workers-count').innerText()).not.toBe(before);
    await page.getByTestId('worker-card').first().waitFor();
    for (const rating of await page.getByTestId('worker-card-rating').allInnerTexts()) expect(Number(rating.trim())).toBeGreaterThanOrEqual(4.5);
    for (const name of await page.getByTestId('worker-card-name').allInnerTexts()) expect(name).toMatch(/^.师傅$/);
    expect(await page.getByTestId('workers-filter-toggle').innerText()).toContain('3');
    await screenshot(page, 'customer-workers.png');
  });

  it('opens a profile and saves the worker (收藏)', async () => {
    await page.getByTestId('worker-card').first().click();
    await page.getByTestId('worker-profile').waitFor();
    workerName = await page.getByTestId('worker-profile-name').innerText();
    // Demo workers have reviews and an asking rate: the breakdown and 期望薪资 show on the profile.
    await page.getByTestId('rating-breakdown').waitFor();
    expect(await page.getByTestId('worker-rate').first().innerText()).toMatch(/期望 ¥[\d,]+\/(小时|天|月)/);
    expect(await page.getByTestId('worker-verified').innerText()).toContain('已实名认证');
    expect(await page.getByTestId('worker-favourite').innerText()).toContain('收藏');
    await page.getByTestId('worker-favourite').click();
    await page.locator('[data-testid="worker-favourite"][data-favourite="yes"]').waitFor();
    expect(await page.getByTestId('worker-favourite').innerText()).toContain('已收藏');
    await page.locator('.adm-toast-mask').waitFor(); // the screenshot waits until the "saved" toast is gone
    await screenshot(page, 'customer-worker-profile.png');
  });

  it('finds the worker under 我的 → 常用师傅', async () => {
    await page.locator('.adm-nav-bar-back').click();
    await page.getByTestId('tab-me').click();
    await page.getByTestId('me-favourite-workers').click();
    await page.getByTestId('favourite-worker').first().waitFor();
    expect(await page.getByTestId('favourite-workers').innerText()).toContain(workerName.trim());
  });

  it('raised no uncaught errors in the pages', () => {
    expect(pageErrors).toEqual([]);
  });
});
