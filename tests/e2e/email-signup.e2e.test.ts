import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { readVerificationLink } from './api';
import { pageErrors, useMobilePage } from './browser';
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
