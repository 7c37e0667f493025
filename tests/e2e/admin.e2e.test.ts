import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { randomPhone } from './api';
import { newDesktopContext, pageErrors, screenshot, signInConsole, useBrowser } from './browser';

const baseUrl = inject('baseUrl');
const FINANCE = ['财务概览', '提现审核', '发票申请', '交易流水', '试算平衡', '对账', '结算设置'];
const MARKETING = ['营销', '优惠券活动', '次卡'];
const ALL_PAGES = ['概览', '订单管理', '紧急求助', '派单队列', '需求单', '改约审批', '日程规划', '代客下单', '客服工单', '评价申诉', '投诉处理', '抽检回访', '保险理赔', '用户', '师傅', '师傅审核', '服务目录', ...MARKETING, '预约设置', '派单设置', ...FINANCE, '数据保留', '消息外发', '审计日志', '管理员'];
const browser = useBrowser();

const signIn = (username: string): Promise<Page> => signInConsole(browser(), baseUrl, username);

async function menuLabels(page: Page): Promise<string[]> {
  return page.getByTestId('admin-menu').locator('.ant-menu-title-content').allInnerTexts();
}

describe('admin console', () => {
  it('super admin sees every page', async () => {
    const page = await signIn('super');
    expect(await menuLabels(page)).toEqual(ALL_PAGES);
    await page.getByTestId('overview').locator('.ant-statistic-content-value').first().waitFor();
    await screenshot(page, 'admin-overview.png');

    // Something to show in the outbox: a sign-in code sent from another client.
    const send = await fetch(`${baseUrl}/api/auth/sms/send`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.250.0.1' },
      body: JSON.stringify({ phone: randomPhone(), purpose: 'login' }),
    });
    expect(send.status).toBe(200);
    await page.getByTestId('admin-menu').getByText('消息外发').click();
    await page.getByTestId('outbox-sms').locator('tbody tr').filter({ hasText: '验证码' }).first().waitFor();
    await screenshot(page, 'admin-outbox.png');
    await page.context().close();
  });

  it('finance sees neither users nor admins, and /admin/admins answers 403', async () => {
    const page = await signIn('finance');
    const labels = await menuLabels(page);
    expect(labels).toEqual(['概览', '订单管理', '紧急求助', '派单队列', '需求单', '改约审批', '抽检回访', '保险理赔', ...MARKETING, '预约设置', '派单设置', ...FINANCE, '数据保留', '审计日志']);
    await page.goto('/admin/admins');
    await page.getByTestId('forbidden').waitFor();
    expect(await page.getByTestId('forbidden').innerText()).toContain('403');
    await page.context().close();
  });

  it('support sees the outbox but not admins', async () => {
    const page = await signIn('support');
    const labels = await menuLabels(page);
    expect(labels).toContain('消息外发');
    expect(labels).toContain('客服工单');
    expect(labels).toContain('评价申诉');
    expect(labels).not.toContain('管理员');
    await page.context().close();
  });

  it('the API docs (/docs) render under the Content-Security-Policy', async () => {
    const page = await (await newDesktopContext(browser(), baseUrl)).newPage();
    await page.goto('/docs');
    // Swagger UI draws the operations as they scroll into view: the first sections prove its scripts ran.
    await page.locator('.opblock-summary-path', { hasText: '/api/auth/sms/send' }).waitFor({ timeout: 20_000 });
    expect(await page.locator('.info .title').innerText()).toContain('daojia 到家 API');
    await page.context().close();
  });

  it('raised no uncaught errors in the pages (and no Content-Security-Policy violations)', () => {
    expect(pageErrors).toEqual([]);
  });
});
