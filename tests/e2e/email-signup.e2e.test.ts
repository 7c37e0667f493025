import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { readVerificationLink } from './api';
import { pageErrors, screenshot, useMobilePage } from './browser';
import { signInByPassword } from './mobile-steps';

const baseUrl = inject('baseUrl');
let page: Page;
useMobilePage(baseUrl, (opened) => (page = opened));

describe('e-mail sign-up', () => {
  const email = `e2e-${Date.now()}@example.com`;
  const password = 'Welcome2026';

  it('registers, verifies through the mailed link, then signs in with the password', async () => {
    await page.goto('/login');
    await page.getByTestId('to-signup').click();
    await page.locator('#signup-email').fill(email);
    await page.locator('#signup-password').fill(password);
    await page.locator('#signup-name').fill('邮箱用户');
    // Not without agreeing to the privacy policy, which opens from the form.
    await page.getByTestId('signup-submit').click();
    await page.getByText('请阅读并同意《隐私政策》').waitFor();
    await page.getByTestId('policy-open').click();
    const policy = page.getByTestId('policy-text');
    await policy.waitFor();
    expect(await policy.innerText()).toContain('位置轨迹保存 30 天');
    await screenshot(page, 'customer-privacy-policy.png');
    await policy.getByRole('button', { name: '我知道了' }).click();
    await page.getByTestId('accept-policy').click();
    await page.getByTestId('signup-submit').click();
    await page.getByTestId('signup-sent').waitFor();
    expect(await page.getByTestId('signup-sent').innerText()).toContain(email);

    await page.goto(await readVerificationLink(baseUrl, email));
    await page.getByText('邮箱已验证，请登录').waitFor();
    await page.waitForURL('**/login');

    await signInByPassword(page, email, password);
    await page.getByTestId('catalog').waitFor();
    expect(await page.getByTestId('home-greeting').innerText()).toContain('邮箱用户');
  });

  it('raised no uncaught errors in the pages', () => {
    expect(pageErrors).toEqual([]);
  });
});
