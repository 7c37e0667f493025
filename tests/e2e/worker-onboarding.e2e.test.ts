import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { randomPhone } from './api';
import { newMobileContext, pageErrors, screenshot, signInConsole, useBrowser } from './browser';
import { bodyText, signInBySms } from './mobile-steps';
import { pngFile, randomIdNumber } from './worker-fixtures';

const baseUrl = inject('baseUrl');
const browser = useBrowser();
const displayName = `王师傅${Math.floor(Math.random() * 1e4)}`;
const idNumber = randomIdNumber();
const reason = '身份证照片模糊，请重新拍摄上传';
let worker: Page;
let ops: Page;

// The approved worker goes offline at the end (through its own session), so later files' dispatch rounds never
// reach it: it has 日常保洁 in the default district.
afterAll(async () => {
  await worker?.request.put(`${baseUrl}/api/worker/online`, { data: { online: false } }).catch(() => undefined);
});

async function status(page: Page): Promise<string> {
  await page.getByTestId('worker-status').waitFor();
  return page.getByTestId('worker-status').innerText();
}

async function back(page: Page): Promise<void> {
  await page.locator('.adm-nav-bar-back').click();
  await page.getByTestId('worker-checklist').waitFor();
}

/** Fills the real-name form with three different photos (the KYC simulator rejects a selfie equal to an ID photo). */
async function verifyIdentity(page: Page, shade: number): Promise<void> {
  await page.locator('#real-name').fill('王建国');
  await page.locator('#id-number').fill(idNumber);
  const photos = { id_front: [shade, 20, 20], id_back: [20, shade, 20], selfie: [20, 20, shade] } as const;
  for (const [purpose, rgb] of Object.entries(photos)) {
    await page.getByTestId(`upload-${purpose}-input`).setInputFiles(pngFile(`${purpose}.png`, [...rgb]));
    await page.locator(`[data-testid="upload-${purpose}"][data-uploaded="yes"]`).waitFor();
  }
  await page.getByTestId('identity-consent').click();
  await page.getByTestId('identity-save').click();
  await page.getByTestId('identity-result').waitFor();
}

async function openFile(page: Page): Promise<void> {
  await page.getByTestId('admin-menu').getByText('师傅审核').click();
  await page.getByTestId('review-tab-submitted').click();
  const row = page.getByTestId('review-table').locator('tbody tr', { hasText: displayName });
  await row.getByRole('button').click();
  await page.getByTestId('review-identity').waitFor();
}

describe('worker onboarding and review', () => {
  it('a new worker completes 基本资料, 实名认证 and 服务时间 and submits', async () => {
    worker = await (await newMobileContext(browser(), baseUrl)).newPage();
    await worker.goto('/worker/');
    await worker.waitForURL('**/worker/login');
    await signInBySms(worker, baseUrl, randomPhone());
    expect(await status(worker)).toBe('尚未提交实名认证');
    expect(await worker.getByTestId('worker-submit').count()).toBe(0);

    await worker.getByTestId('step-profile').click();
    await worker.locator('#display-name').fill(displayName);
    await worker.getByTestId('skills-picker').click();
    await worker.locator('.m-skill-popup').getByText('日常保洁', { exact: true }).click();
    await worker.getByTestId('skills-picker-confirm').click();
    await worker.getByTestId('district-picker').click();
    await worker.locator('.adm-picker-header-button').last().click();
    await worker.locator('#intro').fill('8 年家政经验，擅长日常保洁与收纳整理。');
    await worker.getByTestId('profile-step-save').click();
    await worker.locator('[data-testid="step-profile"][data-done="yes"]').waitFor();

    await worker.getByTestId('step-identity').click();
    await verifyIdentity(worker, 200);
    expect(await worker.getByTestId('identity-number-masked').innerText()).toMatch(/^\d{4}\*+[\dX]{4}$/);
    await back(worker);

    await worker.getByTestId('step-schedule').click();
    await worker.getByTestId('schedule-save').click();
    await worker.locator('[data-testid="step-schedule"][data-done="yes"]').waitFor();
    expect(await status(worker)).toBe('待提交审核');
    await screenshot(worker, 'worker-onboarding.png');

    await worker.getByTestId('worker-submit').click();
    await expect.poll(() => status(worker)).toBe('审核中');
  });

  it('ops rejects with a reason; the worker sees it, re-uploads the ID photos and is back in review', async () => {
    ops = await signInConsole(browser(), baseUrl, 'ops');
    await openFile(ops);
    await ops.getByTestId('review-pii-notice').waitFor();
    expect(await ops.getByTestId('review-id-number').innerText()).toBe(idNumber);
    await ops.getByTestId('review-reject').click();
    await ops.locator('#reject-reason').fill(reason);
    await ops.locator('#reject-ok').click();
    await expect.poll(() => ops.getByTestId('review-status').innerText()).toBe('已驳回');
    await ops.locator('.ant-drawer-close').click();

    await worker.reload();
    expect(await status(worker)).toBe('未通过');
    expect(await worker.getByTestId('worker-review-note').innerText()).toContain(reason);
    await worker.getByTestId('step-identity').click();
    await worker.getByTestId('identity-redo').click();
    await verifyIdentity(worker, 120);
    await back(worker);
    expect(await status(worker)).toBe('审核中');
  });

  it('ops approves; the worker sees 已通过 and goes online', async () => {
    await ops.reload();
    await ops.getByTestId('admin-menu').waitFor();
    await openFile(ops);
    expect(await ops.getByTestId('review-decisions').innerText()).toContain(reason);
    await ops.locator('.ant-drawer-body').evaluate((el) => el.scrollTo(0, 0));
    await screenshot(ops, 'admin-worker-review.png');
    await ops.getByTestId('review-approve').click();
    await ops.locator('.ant-popconfirm .ant-btn-primary').click();
    await expect.poll(() => ops.getByTestId('review-status').innerText()).toBe('已通过');

    await worker.reload();
    expect(await status(worker)).toBe('已通过');
    await worker.getByTestId('worker-online').click();
    await expect.poll(() => worker.getByTestId('worker-online').getAttribute('aria-checked')).toBe('true');
    expect(await bodyText(worker)).toContain('接单中');
    await worker.reload();
    expect(await worker.getByTestId('worker-online').getAttribute('aria-checked')).toBe('true');
  });

  it('raised no uncaught errors in the pages', () => {
    expect(pageErrors).toEqual([]);
  });
});
