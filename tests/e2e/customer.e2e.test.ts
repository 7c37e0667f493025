import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { randomPhone } from './api';
import { pageErrors, screenshot, useMobilePage } from './browser';
import { signInByPassword, signInBySms } from './mobile-steps';

const baseUrl = inject('baseUrl');
let page: Page;
useMobilePage(baseUrl, (opened) => (page = opened));

describe('customer H5', () => {
  const phone = randomPhone();
  const name = `测试用户${phone.slice(-4)}`;
  const password = `Daojia${phone.slice(-6)}`;

  it('signs up by SMS code and lands on the catalogue', async () => {
    await page.goto('/');
    await page.waitForURL('**/login');
    await page.locator('#sms-phone').waitFor();
    await screenshot(page, 'customer-login.png');

    await signInBySms(page, baseUrl, phone);
    await page.getByTestId('catalog').waitFor();
    expect(await page.getByTestId('catalog').innerText()).toContain('家庭保洁');
    await screenshot(page, 'customer-home.png');
  });

  it('edits the profile name', async () => {
    await page.getByTestId('tab-me').click();
    await page.getByTestId('me-profile').click();
    await page.locator('#profile-name').fill(name);
    await page.getByTestId('profile-save').click();
    await page.getByText('已保存').waitFor();
    await page.locator('.m-navbar .adm-nav-bar-back').click();
    await expect.poll(() => page.getByTestId('me-name').innerText()).toBe(name);
  });

  it('adds an address', async () => {
    await page.getByTestId('me-addresses').click();
    await page.getByTestId('address-add').click();
    await page.locator('#address-label').fill('家');
    await page.locator('#address-contact-name').fill(name);
    await page.locator('#address-contact-phone').fill(phone);
    await page.getByTestId('address-district').click();
    await page.locator('.adm-picker-header-button', { hasText: '确定' }).click();
    await page.locator('#address-detail').fill('漕溪北路 88 号 3 号楼 1201');
    await page.getByTestId('address-save').click();
    await page.getByTestId('address-list').waitFor();
    expect(await page.getByTestId('address-list').innerText()).toContain('漕溪北路 88 号');
  });

  it('sets a password, signs out and signs in again with it; name and address are kept', async () => {
    await page.locator('.m-navbar .adm-nav-bar-back').click();
    await page.getByTestId('me-password').click();
    await page.locator('#password-new').fill(password);
    await page.locator('#password-confirm').fill(password);
    await page.getByTestId('password-save').click();
    await page.getByTestId('me-name').waitFor();
    await screenshot(page, 'customer-me.png');

    await page.getByTestId('sign-out').click();
    await page.locator('.adm-dialog-button', { hasText: '退出登录' }).click();
    await page.waitForURL('**/login');

    await signInByPassword(page, phone, password);
    await page.getByTestId('catalog').waitFor();
    expect(await page.getByTestId('home-greeting').innerText()).toContain(name);

    await page.getByTestId('tab-me').click();
    expect(await page.getByTestId('me-name').innerText()).toBe(name);
    await page.getByTestId('me-addresses').click();
    await page.getByTestId('address-list').waitFor();
    expect(await page.getByTestId('address-list').innerText()).toContain('漕溪北路 88 号');
  });

  it('deletes the account (注销) with the password; the password no longer signs in', async () => {
    await page.locator('.m-navbar .adm-nav-bar-back').click();
    await page.getByTestId('me-delete').click();
    await page.locator('#delete-password').fill(password);
    await page.getByTestId('delete-submit').click();
    await page.locator('.adm-dialog-button', { hasText: '注销账号' }).click();
    await page.waitForURL('**/login');

    await signInByPassword(page, phone, password);
    await page.getByText('账号或密码错误').waitFor();
  });

  it('raised no uncaught errors in the pages', () => {
    expect(pageErrors).toEqual([]);
  });
});
