// Money steps across the portals: the worker's 收入 and 提现 pages, the console's 提现审核, and the finance
// settings a journey shortens (T+0, a low review threshold) through the API.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { adminCall } from '../http';
import { openMenu } from './admin-orders';

export interface FinanceSettings {
  settlementDelayDays: number;
  commissionRules: unknown[];
  withdrawal: { feeBp: number; minFeeFen: number; minAmountFen: number; dailyLimitFen: number; reviewAboveFen: number; maxAttempts: number };
}

/** Changes the finance settings through the console API (as super); returns the previous ones to put back. */
export async function patchFinanceSettings(baseUrl: string, patch: { settlementDelayDays?: number; withdrawal?: Partial<FinanceSettings['withdrawal']> }): Promise<FinanceSettings> {
  const before = await adminCall<FinanceSettings>(baseUrl, 'GET', '/api/admin/finance/settings');
  await adminCall(baseUrl, 'PUT', '/api/admin/finance/settings', { ...before, ...patch, withdrawal: { ...before.withdrawal, ...patch.withdrawal } });
  return before;
}

export function putFinanceSettings(baseUrl: string, settings: FinanceSettings): Promise<unknown> {
  return adminCall(baseUrl, 'PUT', '/api/admin/finance/settings', settings);
}

/** 收入 tab until `orderNo` is listed as `state` (the T+N release is a job: reloads while it runs); returns the withdrawable fen. */
export async function openIncome(page: Page, orderNo: string, state: 'pending' | 'available'): Promise<number> {
  await page.goto('/worker/income');
  const row = page.locator(`[data-testid="income-order"][data-order-no="${orderNo}"][data-state="${state}"]`);
  await expect
    .poll(async () => {
      if (await row.isVisible()) return true;
      await page.reload();
      await page.getByTestId('income').waitFor();
      return row.isVisible();
    }, { timeout: 30_000, interval: 1_000 })
    .toBe(true);
  return Number(await page.getByTestId('income').getAttribute('data-available'));
}

/** 收入 → 去提现 → 添加银行卡; resolves once the card is listed. */
export async function bindBankCard(page: Page, card: { bank: string; holder: string; number: string }): Promise<void> {
  await page.getByTestId('income-withdraw').click();
  await page.getByTestId('withdraw').waitFor();
  await page.getByTestId('bank-card-add').click();
  await page.locator('#card-bank').fill(card.bank);
  await page.locator('#card-holder').fill(card.holder);
  await page.locator('#card-no').fill(card.number);
  await page.getByTestId('bank-card-save').click();
  await page.getByTestId('bank-card').filter({ hasText: card.number.slice(-4) }).waitFor();
}

/** On 提现: types `yuan`, waits for the live quote and submits; returns the quote shown and the new withdrawal's id. */
export async function withdraw(page: Page, yuan: string): Promise<{ review: boolean; feeFen: number; netFen: number; id: string }> {
  const before = await page.getByTestId('withdrawal').count();
  await page.locator('#withdraw-amount').fill(yuan);
  const quote = page.locator('[data-testid="withdraw-quote"][data-ok="yes"]');
  await quote.waitFor();
  const shown = { review: (await quote.getAttribute('data-review')) === 'yes', feeFen: Number(await quote.getAttribute('data-fee')), netFen: Number(await quote.getAttribute('data-net')) };
  await page.getByTestId('withdraw-submit').click();
  await expect.poll(() => page.getByTestId('withdrawal').count()).toBe(before + 1);
  return { ...shown, id: (await page.getByTestId('withdrawal').first().getAttribute('data-withdrawal-id'))! };
}

/** Reloads 提现 until the withdrawal `id` shows `status`. */
export async function expectWithdrawalStatus(page: Page, id: string, status: string): Promise<void> {
  const row = page.locator(`[data-testid="withdrawal"][data-withdrawal-id="${id}"][data-status="${status}"]`);
  await expect
    .poll(async () => {
      if (await row.isVisible()) return true;
      await page.reload();
      await page.getByTestId('withdrawals').waitFor();
      return row.isVisible();
    }, { timeout: 20_000, interval: 1_000 })
    .toBe(true);
}

/** Console 提现审核 (待审核): 通过 the withdrawal `id` with `note`; resolves once the list shows it paid (the payout job ran). */
export async function approveWithdrawal(page: Page, id: string, note: string): Promise<void> {
  await openMenu(page, '提现审核');
  await page.getByTestId(`withdrawal-approve-${id}`).click();
  await page.locator('#withdrawal-note').fill(note);
  await page.locator('#withdrawal-decision-ok').click();
  await page.getByTestId(`withdrawal-approve-${id}`).waitFor({ state: 'detached' });
  await page.getByTestId('withdrawals-status-all').click();
  const paid = page.locator(`[data-testid="withdrawal-status-${id}"][data-status="paid"]`);
  await expect
    .poll(async () => {
      if (await paid.isVisible()) return true;
      await page.getByTestId('withdrawals-refresh').click();
      return paid.isVisible();
    }, { timeout: 20_000, interval: 1_000 })
    .toBe(true);
}
