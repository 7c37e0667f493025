// Quality sampling (抽检回访) journey: ops draw last week's sample of the demo city's completed orders, support calls a
// customer from the console (查看号码 audited), records the questionnaire as 合格; the worker's QA pass rate on the
// customer portal's profile is the figure those rows give.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { newMobileContext, pageErrors, screenshot, signInConsole, useBrowser } from './browser';
import { adminCall, call, customerSignIn } from './http';
import { useSession } from './steps/reviews';

const baseUrl = inject('baseUrl');
let week = '';
let sample: { id: string; orderNo: string; worker: { id: string; name: string }; customer: { phoneMasked: string } };

const browser = useBrowser(async () => {
  pageErrors.length = 0;
});

interface WeekPage { week: string; items: (typeof sample & { status: string })[] }

describe('抽检回访: last week drawn → a call recorded in the console → the pass rate on the worker profile', () => {
  it('ops draw last week (once: a second draw returns the first)', async () => {
    const page = await adminCall<WeekPage>(baseUrl, 'GET', '/api/admin/quality/samples', undefined, 'ops');
    week = page.week;
    const first = await adminCall<{ created: boolean; sampled: number; ordersInWeek: number }>(baseUrl, 'POST', '/api/admin/quality/draws', { week }, 'ops');
    const again = await adminCall<{ created: boolean; sampled: number }>(baseUrl, 'POST', '/api/admin/quality/draws', { week }, 'ops');
    expect(again).toMatchObject({ created: false, sampled: first.sampled });
    expect(first.sampled).toBeGreaterThan(0); // the demo city's past orders include last week's
    const drawn = await adminCall<WeekPage>(baseUrl, 'GET', `/api/admin/quality/samples?week=${week}`, undefined, 'support');
    // One whose worker customers can see now (some demo workers are offline: their profile answers 404).
    const token = await customerSignIn(baseUrl);
    for (const s of drawn.items.filter((item) => item.status === 'pending')) {
      const visible = await call(baseUrl, token, 'GET', `/api/workers/${s.worker.id}`).then(() => true, () => false);
      if (visible) { sample = s; break; }
    }
    expect(sample, 'no pending sample of a visible worker').toBeTruthy();
  });

  it('support reveals the number (audited), records the call as 合格 with the questionnaire', async () => {
    const console = await signInConsole(browser(), baseUrl, 'support');
    await console.goto(`/admin/quality?week=${week}`);
    const row = console.locator(`[data-testid="qa-row"][data-sample-id="${sample.id}"]`);
    await row.waitFor();
    expect(await row.getByTestId('qa-phone').innerText()).toBe(sample.customer.phoneMasked);
    await row.getByTestId('qa-reveal').click();
    await expect.poll(() => row.getByTestId('qa-phone').innerText(), { timeout: 15_000 }).toMatch(/^1\d{10}$/);
    await row.getByTestId('qa-record').click();
    const modal = console.locator('.ant-modal');
    await modal.waitFor();
    // OK without the answers: the form asks for them.
    await console.locator('#qa-record-ok').click();
    await expect.poll(() => modal.locator('.ant-form-item-explain-error').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await modal.locator('#qa-onTime').getByText('是').click();
    await modal.locator('#qa-asDescribed').getByText('是').click();
    await modal.locator('#qa-attitude li').nth(4).click();
    await modal.locator('#qa-extraCharges').getByText('否').click();
    await modal.locator('#qa-satisfaction li').nth(4).click();
    await modal.locator('#qa-notes').fill('客户表示师傅准时、干活细致');
    await console.locator('#qa-record-ok').click();
    await row.locator('[data-testid="qa-result"][data-status="pass"]').waitFor();
    expect(await row.getByTestId('qa-result').innerText()).toContain('满意度 5 星');
    await screenshot(console, 'qa-console.png');
    const audit = await adminCall<{ items: { action: string; targetId: string }[] }>(baseUrl, 'GET', '/api/admin/audit?action=qa.phone_revealed');
    expect(audit.items.some((a) => a.targetId === sample.id)).toBe(true);
    await console.context().close();
  });

  it("the customer portal shows the worker's QA pass rate from the recorded calls", async () => {
    const token = await customerSignIn(baseUrl);
    const figure = await call<{ passed: number; checked: number; rate: number }>(baseUrl, token, 'GET', `/api/workers/${sample.worker.id}/quality`);
    expect(figure.passed).toBeGreaterThanOrEqual(1);
    const context = await newMobileContext(browser(), baseUrl);
    await useSession(context, baseUrl, token);
    const page: Page = await context.newPage();
    await page.goto(`/workers/${sample.worker.id}`);
    const card = page.getByTestId('worker-qa');
    await card.waitFor();
    const shown = `${(figure.rate * 100).toFixed(figure.rate * 1000 % 10 === 0 ? 0 : 1)}%`;
    expect(await card.getByTestId('worker-qa-rate').innerText()).toBe(shown);
    expect(await card.getByTestId('worker-qa-basis').innerText()).toContain(`回访 ${figure.checked} 单，合格 ${figure.passed} 单`);
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'qa-worker-profile.png');
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
