import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { readSmsCode } from './api';

/** Signs in (or up) on an H5 portal's sign-in page with an SMS code read from the outbox. */
export async function signInBySms(page: Page, baseUrl: string, phone: string): Promise<void> {
  await page.locator('#sms-phone').fill(phone);
  await page.getByTestId('sms-code-send').click();
  await expect.poll(() => page.getByTestId('sms-code-send').textContent()).toMatch(/秒后重发/);
  await page.locator('#sms-code').fill(await readSmsCode(baseUrl, phone));
  await page.getByTestId('accept-policy').click();
  await page.getByTestId('sms-login-submit').click();
}

/** Signs in on an H5 portal's sign-in page under 密码登录 with a phone or e-mail and its password. */
export async function signInByPassword(page: Page, identifier: string, password: string): Promise<void> {
  await page.getByRole('tab', { name: '密码登录' }).click();
  await page.locator('#login-identifier').fill(identifier);
  await page.locator('#login-password').fill(password);
  await page.getByTestId('password-login-submit').click();
}

/** The visible text of the page body. */
export function bodyText(page: Page): Promise<string> {
  return page.locator('body').innerText();
}
