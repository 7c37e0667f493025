import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { randomPhone } from './api';
import { pageErrors, screenshot, useMobilePage } from './browser';
import { signInBySms } from './mobile-steps';

const baseUrl = inject('baseUrl');
let page: Page;
useMobilePage(baseUrl, (opened) => (page = opened));

describe('worker H5', () => {
  it('signs up by SMS code and sees the onboarding status', async () => {
    await page.goto('/worker/');
    await page.waitForURL('**/worker/login');
    await signInBySms(page, baseUrl, randomPhone());
    await page.getByTestId('worker-status').waitFor();
    expect(await page.getByTestId('worker-status').innerText()).toBe('尚未提交实名认证');
    await screenshot(page, 'worker-home.png');
  });

  it('has the shared "me" page without customer-only entries', async () => {
    await page.getByTestId('tab-me').click();
    await page.getByTestId('me-devices').waitFor();
    expect(await page.getByTestId('me-addresses').count()).toBe(0);
    await page.getByTestId('me-devices').click();
    await page.getByTestId('device-list').waitFor();
    expect(await page.getByTestId('device-list').innerText()).toContain('本机');
  });

  it('raised no uncaught errors in the pages', () => {
    expect(pageErrors).toEqual([]);
  });
});
