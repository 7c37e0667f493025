import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
export const SCREENSHOT_DIR = join(root, 'docs', 'screenshots');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

/**
 * One Chromium for the test file: launched before its tests (then `ready` runs), closed after them.
 * Returns a getter for use inside the tests.
 */
export function useBrowser(ready?: (browser: Browser) => Promise<void>): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    await ready?.(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('useBrowser: the browser is not launched yet');
    return browser;
  };
}

/** One phone-sized page for the whole test file (its journeys run in order on it); `opened` receives it. */
export function useMobilePage(baseUrl: string, opened: (page: Page) => void): void {
  useBrowser(async (browser) => opened(await (await newMobileContext(browser, baseUrl)).newPage()));
}

/** Uncaught exceptions and CSP violations of every page opened through these helpers; journeys expect none. */
export const pageErrors: string[] = [];

function recordErrors(context: BrowserContext): BrowserContext {
  context.on('weberror', (error) => pageErrors.push(`${error.page()?.url() ?? ''}: ${error.error().message}`));
  // A script, style or image the Content-Security-Policy blocked is a broken page too.
  context.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) pageErrors.push(`${message.location().url}: ${message.text()}`);
  });
  return context;
}

let deviceCounter = 0;

/**
 * A fresh browser profile. Each gets its own client address (the server trusts X-Forwarded-For),
 * as separate phones would: SMS codes are limited to one a minute per IP.
 */
function clientAddress(): string {
  deviceCounter += 1;
  return `10.${process.pid % 250}.${Math.floor(Math.random() * 250)}.${deviceCounter % 250}`;
}

export async function newMobileContext(browser: Browser, baseUrl: string): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    extraHTTPHeaders: { 'X-Forwarded-For': clientAddress() },
  });
  return recordErrors(context);
}

export async function newDesktopContext(browser: Browser, baseUrl: string): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 1366, height: 800 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    extraHTTPHeaders: { 'X-Forwarded-For': clientAddress() },
  });
  return recordErrors(context);
}

const TRANSIENT = '.adm-toast-mask, .ant-message-notice, .ant-spin-spinning';

/** Saves a README screenshot once toasts, spinners and transitions have finished. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.waitForLoadState('networkidle');
  await page.locator(TRANSIENT).first().waitFor({ state: 'detached', timeout: 10_000 });
  await page.waitForTimeout(400); // let menu and tab transitions settle
  await page.screenshot({ path: join(SCREENSHOT_DIR, name), animations: 'disabled' });
}

/** Signs an admin into the console (demo password) in a fresh desktop context. */
export async function signInConsole(browser: Browser, baseUrl: string, username: string): Promise<Page> {
  const page = await (await newDesktopContext(browser, baseUrl)).newPage();
  await page.goto('/admin/');
  await page.waitForURL('**/admin/login');
  await page.locator('#admin-username').fill(username);
  await page.locator('#admin-password').fill('daojia2026');
  await page.getByTestId('admin-login-submit').click();
  await page.getByTestId('admin-menu').waitFor();
  return page;
}
