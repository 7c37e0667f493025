// Console steps for 紧急求助 (the SOS desk) and the SOS banner above every console page, reusable in cross-portal
// journeys. Every step starts from any console page of a signed-in admin (see signInConsole in ../browser).
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

export type IncidentFilter = 'active' | 'open' | 'acknowledged' | 'resolved' | 'all';

/** 紧急求助 through the side menu, with the status filter `filter` (未处理完毕 by default). */
export async function openIncidentDesk(page: Page, filter: IncidentFilter = 'active'): Promise<Locator> {
  await page.getByTestId('admin-menu').getByText('紧急求助', { exact: true }).click();
  const table = page.getByTestId('incidents-table');
  await table.waitFor();
  if (filter !== 'active') await page.getByTestId(`incidents-filter-${filter}`).click();
  return table;
}

/** The incident's row on the desk. */
export function incidentRow(page: Page, incidentNo: string): Locator {
  return page.getByTestId(`incident-${incidentNo}`);
}

/** The banner's counts (waiting, being handled), or null while it is not shown. */
export async function sosBanner(page: Page): Promise<{ open: number; acknowledged: number } | null> {
  const banner = page.getByTestId('sos-banner');
  if ((await banner.count()) === 0) return null;
  return { open: Number(await banner.getAttribute('data-open')), acknowledged: Number(await banner.getAttribute('data-acknowledged')) };
}

/** 确认 on the incident's row; waits until it shows 处理中. */
export async function acknowledgeIncident(page: Page, incidentNo: string): Promise<void> {
  await page.getByTestId(`incident-ack-${incidentNo}`).click();
  await expect.poll(() => incidentRow(page, incidentNo).getAttribute('data-status')).toBe('acknowledged');
}

/** Opens 处理完毕 on the incident's row; resolves with the dialog. */
export async function startResolving(page: Page, incidentNo: string): Promise<Locator> {
  await page.getByTestId(`incident-resolve-${incidentNo}`).click();
  const dialog = page.locator('.ant-modal', { has: page.locator('#incident-resolution') });
  await dialog.waitFor();
  return dialog;
}

/** Fills what was done in the open 处理完毕 dialog and submits it; waits for the dialog to close. */
export async function submitResolution(page: Page, resolution: string): Promise<void> {
  await page.locator('#incident-resolution').fill(resolution);
  await page.locator('#incident-resolve-ok').click();
  await page.locator('#incident-resolution').waitFor({ state: 'detached' });
}
