// H5 steps for SOS (一键求助) in either portal: the button on an active order page or in 我的, its confirmation and
// the banner with the incident's state. Every step starts from a page that shows the SOS button.
import type { Locator, Page } from 'playwright-core';

/** The SOS confirmation dialog's body (its text and buttons). */
export function sosDialog(page: Page): Locator {
  return page.locator('.adm-dialog-body', { has: page.getByTestId('sos-confirm') });
}

/** Presses SOS; resolves with the open confirmation. */
export async function openSos(page: Page): Promise<Locator> {
  await page.getByTestId('sos-button').click();
  const dialog = sosDialog(page);
  await dialog.waitFor();
  return dialog;
}

/** 立即求助 in the open confirmation; resolves once the dialog is gone. */
export async function confirmSos(page: Page): Promise<void> {
  await sosDialog(page).locator('.adm-dialog-button', { hasText: '立即求助' }).click();
  await sosDialog(page).waitFor({ state: 'detached' });
}

/** The banner once it shows `status` (open, acknowledged, resolved). */
export async function sosBannerIn(page: Page, status: string, timeout = 10_000): Promise<Locator> {
  const banner = page.locator(`[data-testid="sos-banner"][data-status="${status}"]`);
  await banner.waitFor({ timeout });
  return banner;
}
