// Privacy in the browser (issue 16): a customer from before the current privacy policy agrees to it before going
// on (declining signs out); private photos open only through short-lived signed links; ops set how long trails and
// chat photos are kept on the console's 数据保留 page.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { newMobileContext, screenshot, signInConsole, useBrowser } from './browser';
import { adminCall, call, DEMO_PASSWORD } from './http';
import { useSession } from './steps/reviews';

const baseUrl = inject('baseUrl');
/** The seeded customer who signed up under the earlier policy (src/seed/demo.ts). */
const EARLIER_POLICY_CUSTOMER = '13800000002';
const browser = useBrowser();

const passwordSignIn = async () => (await call<{ token: string }>(baseUrl, null, 'POST', '/api/auth/password/login', { identifier: EARLIER_POLICY_CUSTOMER, password: DEMO_PASSWORD, role: 'customer' })).token;
const consents = (token: string) => call<{ current: string; items: { version: string }[] }>(baseUrl, token, 'GET', '/api/me/consents');

async function customerPage(token: string): Promise<Page> {
  const context = await newMobileContext(browser(), baseUrl);
  await useSession(context, baseUrl, token);
  return context.newPage();
}

describe('privacy policy update', () => {
  it('a customer who agreed only to the earlier policy reads the current one on sign-in; declining signs out and records nothing', async () => {
    const token = await passwordSignIn();
    const page = await customerPage(token);
    await page.goto('/me');
    const gate = page.getByTestId('policy-update');
    await gate.waitFor();
    const { current, items } = await consents(token);
    expect(items.map((i) => i.version)).not.toContain(current);
    expect(await gate.getAttribute('data-version')).toBe(current);
    expect(await gate.innerText()).toContain('隐私政策');
    await screenshot(page, 'privacy-policy-update.png');

    await page.getByTestId('policy-update-decline').click();
    await gate.waitFor({ state: 'detached' });
    await expect.poll(() => page.context().cookies().then((c) => c.some((x) => x.name === 'dj_session'))).toBe(false);
    await expect(call(baseUrl, token, 'GET', '/api/me')).rejects.toMatchObject({ status: 401 });
  });

  it('agreeing records the current version once; the next visit goes straight on', async () => {
    const token = await passwordSignIn();
    const page = await customerPage(token);
    await page.goto('/me');
    await page.getByTestId('policy-update-agree').click();
    await page.getByTestId('policy-update').waitFor({ state: 'detached' });
    const { current, items } = await consents(token);
    expect(items.filter((i) => i.version === current)).toHaveLength(1);
    await page.reload();
    await page.waitForLoadState('networkidle');
    expect(await page.getByTestId('policy-update').count()).toBe(0);
  });
});

describe('private files through signed links', () => {
  it('a photo the customer uploaded opens in the browser by a redirect to a signed link, which a stranger\'s browser cannot use once it expires', async () => {
    const token = (await call<{ token: string }>(baseUrl, null, 'POST', '/api/auth/password/login', { identifier: '13800000001', password: DEMO_PASSWORD, role: 'customer' })).token;
    const form = new FormData();
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC', 'base64');
    form.append('file', new Blob([png], { type: 'image/png' }), 'p.png');
    const uploaded = await fetch(`${baseUrl}/api/orders/photos`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } }).then((r) => r.json()) as { url: string };
    const page = await customerPage(token);
    const opened = await page.goto(uploaded.url);
    expect(opened?.status()).toBe(200);
    expect(opened?.url()).toMatch(/\?expires=\d+&signature=/);
    expect(await opened?.headerValue('content-type')).toBe('image/png');

    const stranger = await (await newMobileContext(browser(), baseUrl)).newPage();
    expect((await stranger.goto(uploaded.url))?.status()).toBe(404);
  });
});

describe('数据保留 in the console', () => {
  it('ops change how long chat photos are kept; support can only read it', async () => {
    const ops = await signInConsole(browser(), baseUrl, 'ops');
    await ops.goto('/admin/retention');
    const chat = ops.getByTestId('retention-chat');
    await chat.waitFor();
    const before = await adminCall<{ chatImageRetentionDays: number }>(baseUrl, 'GET', '/api/admin/support/settings');
    expect(await chat.locator('input').inputValue()).toBe(String(before.chatImageRetentionDays));
    expect(await ops.getByTestId('retention-trail').locator('input').inputValue()).toMatch(/^\d+$/);
    await screenshot(ops, 'console-retention.png');
    try {
      await chat.locator('input').fill('90');
      await ops.getByTestId('retention-chat-save').click();
      await expect.poll(() => adminCall<{ chatImageRetentionDays: number }>(baseUrl, 'GET', '/api/admin/support/settings')).toEqual({ chatImageRetentionDays: 90 });
    } finally {
      await adminCall(baseUrl, 'PUT', '/api/admin/support/settings', before);
    }

    const support = await signInConsole(browser(), baseUrl, 'support');
    await support.goto('/admin/retention');
    await support.getByTestId('retention-chat').waitFor();
    expect(await support.getByTestId('retention-chat-save').count()).toBe(0);
    expect(await support.getByTestId('retention-chat').locator('input').isDisabled()).toBe(true);
  });
});
