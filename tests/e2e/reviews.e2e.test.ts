import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { pageErrors, screenshot, signInConsole } from './browser';
import type { FreshWorker } from './fresh-worker';
import { call } from './http';
import { bodyText } from './mobile-steps';
import { rate, uploadPhoto, useCompletedOrderParties } from './steps/reviews';
import type { Booking } from './worker-order-api';

const baseUrl = inject('baseUrl');
let customer: Page;
let workerPage: Page;
let booking: Booking;
let worker: FreshWorker;
let reviewId = '';

const { browser, parties } = useCompletedOrderParties(baseUrl);
beforeAll(async () => {
  ({ customer, workerPage, booking, worker } = parties());
});

const orderUrl = () => `/orders/${booking.order.id}`;

describe('reviews: review with a photo → reply → appeal → support hides it; 追评; the worker rates the customer', () => {
  it('the customer finds the order under 待评价 and reviews it with dimensions, tags, text, a photo and 匿名', async () => {
    await customer.goto('/orders?tab=to_review');
    await expect.poll(() => customer.getByTestId('orders-tab-to_review').getAttribute('data-count')).toBe('1');
    await customer.locator(`[data-testid="to-review-item"][data-order-id="${booking.order.id}"]`).getByTestId('to-review-open').click();
    const form = customer.getByTestId('review-form');
    await form.waitFor();
    await rate(form.locator('.m-review-dim-row').first(), 2);
    for (const [dimension, stars] of [['attitude', 3], ['skill', 2], ['efficiency', 2], ['punctuality', 1]] as const) {
      await rate(customer.getByTestId(`review-dim-${dimension}`), stars);
    }
    // 2 stars: criticism tags are offered, praise is not.
    const tags = await customer.getByTestId('review-tags').innerText();
    expect(tags).toContain('迟到');
    expect(tags).not.toContain('态度好');
    await customer.getByTestId('review-tags').getByText('迟到').click();
    await customer.getByTestId('review-tags').getByText('不细致').click();
    await customer.getByTestId('review-text').locator('textarea').fill('师傅晚到了四十分钟，厨房台面没擦干净。有事打我电话 13812345678');
    expect(await customer.getByTestId('review-text').innerText()).toMatch(/\d+\/500/);
    await uploadPhoto(customer, 'review-photo-upload', 'kitchen.png', [200, 120, 40]);
    await customer.getByTestId('review-anonymous').click();
    await customer.getByTestId('review-submit').click();

    const card = customer.locator('[data-testid="review-card"][data-state="reviewed"]');
    await card.waitFor();
    const item = card.getByTestId('review-item');
    reviewId = (await item.getAttribute('data-review-id'))!;
    expect(await item.getAttribute('data-stars')).toBe('2');
    const text = await card.innerText();
    expect(text).toContain('匿名用户');
    expect(text).toContain('迟到');
    expect(text).not.toContain('13812345678'); // masked like chat
    expect(await card.getByTestId('review-photos').getAttribute('data-count')).toBe('1');

    await customer.goto('/orders?tab=to_review');
    await customer.getByTestId('to-review-empty').waitFor();
    expect(await customer.getByTestId('orders-tab-to_review').getAttribute('data-count')).toBe('0');
  });

  it("the worker's profile lists it under 全部, 有图 and 差评, not under 追评", async () => {
    await customer.goto(`/workers/${worker.id}`);
    const section = customer.getByTestId('worker-reviews');
    await expect.poll(() => section.getAttribute('data-total')).toBe('1');
    for (const [filter, total] of [['photos', '1'], ['follow_up', '0'], ['negative', '1']] as const) {
      await customer.getByTestId(`worker-review-filter-${filter}`).click();
      await expect.poll(async () => `${await section.getAttribute('data-filter')} ${await section.getAttribute('data-total')}`).toBe(`${filter} ${total}`);
    }
    expect(await section.getByTestId('review-report').count()).toBe(1);
  });

  it('the worker opens 我的评价 from 我的 and replies once', async () => {
    await workerPage.goto('/worker/');
    await workerPage.getByTestId('tab-me').click();
    await workerPage.getByTestId('me-reviews').click();
    const item = workerPage.locator(`[data-testid="review-item"][data-review-id="${reviewId}"]`);
    await item.waitFor();
    await item.getByTestId('my-review-reply').click();
    await workerPage.getByTestId('my-review-reply-text').locator('textarea').fill('抱歉让您久等了，台面我下次一定擦干净。');
    await workerPage.getByTestId('my-review-reply-submit').click();
    await item.getByTestId('review-reply').waitFor();
    expect(await item.getByTestId('my-review-reply').count()).toBe(0); // once
  });

  it('the customer sees the reply and adds a 追评 with a photo', async () => {
    await customer.goto(orderUrl());
    const card = customer.getByTestId('review-card');
    await card.getByTestId('review-reply').waitFor();
    expect(await card.getByTestId('review-reply').innerText()).toContain('抱歉让您久等了');
    await card.getByTestId('review-follow-up-open').click();
    await customer.getByTestId('review-follow-up-text').locator('textarea').fill('第二天师傅回来把台面补擦干净了，态度还可以。');
    await uploadPhoto(customer, 'review-follow-up-photo-upload', 'after.png', [60, 160, 90]);
    await customer.getByTestId('review-follow-up-submit').click();
    await card.getByTestId('review-follow-up').waitFor();
    expect(await card.getByTestId('review-follow-up-photos').getAttribute('data-count')).toBe('1');
    expect(await card.getByTestId('review-follow-up-open').count()).toBe(0); // once
    // The card's title just below the fixed nav bar.
    await customer.evaluate(() => {
      const el = document.querySelector<HTMLElement>('[data-testid="review-card"]');
      if (el) el.style.scrollMarginTop = '56px';
      el?.scrollIntoView({ block: 'start' });
    });
    await screenshot(customer, 'customer-review.png');
  });

  it('the worker appeals with a reason and an evidence photo; the appeal shows 待处理', async () => {
    await workerPage.reload();
    const item = workerPage.locator(`[data-testid="review-item"][data-review-id="${reviewId}"]`);
    await item.getByTestId('my-review-appeal-open').click();
    await workerPage.getByTestId('my-review-appeal-reason').locator('textarea').fill('当天因暴雨地铁停运，已提前在聊天里告知客户；台面第二天已补做，见照片。');
    await uploadPhoto(workerPage, 'my-review-appeal-photos', 'evidence.png', [40, 90, 200]);
    await workerPage.getByTestId('my-review-appeal-submit').click();
    const appeal = item.getByTestId('my-review-appeal');
    await appeal.waitFor();
    expect(await appeal.getAttribute('data-status')).toBe('pending');
    expect(await appeal.innerText()).toContain('待处理');
    expect(await item.getByTestId('my-review-appeal-open').count()).toBe(0); // once
    await screenshot(workerPage, 'worker-reviews.png');
  });

  it('support sees the appeal with the review, photos, reason and evidence in 评价申诉 and hides the review with a reason', async () => {
    const desk = await signInConsole(browser(), baseUrl, 'support');
    await desk.setViewportSize({ width: 1440, height: 900 });
    await desk.getByTestId('admin-menu').getByText('评价申诉').click();
    const row = desk.locator(`[data-testid="appeal-row"][data-review-id="${reviewId}"]`);
    await row.waitFor();
    expect(await row.getByTestId('appeal-review-photos').getAttribute('data-count')).toBe('1');
    expect(await row.getByTestId('appeal-evidence').getAttribute('data-count')).toBe('1');
    expect(await row.getByTestId('appeal-reason').innerText()).toContain('暴雨');
    expect(await row.getByTestId('appeal-review').innerText()).toContain('台面');
    await screenshot(desk, 'admin-review-appeals.png');

    await row.getByTestId('appeal-hide').click();
    await desk.locator('#appeal-decide-ok').click();
    await desk.getByText('请填写处理说明').waitFor(); // the reason is required
    await desk.locator('#appeal-note').fill('迟到系天气原因且已提前告知，台面已补做，隐藏该评价');
    await desk.locator('#appeal-decide-ok').click();
    await row.waitFor({ state: 'detached' });
    await desk.getByTestId('appeals-tab-decided').click();
    const decided = desk.locator(`[data-testid="appeal-row"][data-review-id="${reviewId}"]`);
    await decided.waitFor();
    expect(await decided.getByTestId('appeal-outcome').getAttribute('data-status')).toBe('hidden');
    expect(await decided.getByTestId('appeal-outcome').innerText()).toContain('已隐藏');
    await desk.context().close();
  });

  it('both portals show the outcome: 已隐藏 for the worker, hidden for the customer, gone from the profile', async () => {
    await workerPage.reload();
    const item = workerPage.locator(`[data-testid="review-item"][data-review-id="${reviewId}"]`);
    await expect.poll(() => item.getByTestId('my-review-appeal').getAttribute('data-status')).toBe('hidden');
    expect(await item.getByTestId('my-review-status').innerText()).toBe('已隐藏');
    expect(await item.innerText()).toContain('隐藏该评价');

    await customer.goto(orderUrl());
    expect(await customer.getByTestId('review-moderated').innerText()).toContain('已隐藏');
    await customer.goto(`/workers/${worker.id}`);
    await expect.poll(() => customer.getByTestId('worker-reviews').getAttribute('data-total')).toBe('0');
    await customer.getByTestId('worker-reviews-empty').waitFor();
  });

  it('the worker rates the customer on the completed order, once', async () => {
    await workerPage.goto(`/worker/orders/${booking.order.id}`);
    const card = workerPage.locator('[data-testid="customer-rating"][data-state="open"]');
    await card.waitFor();
    for (const [dimension, stars] of [['punctuality', 5], ['communication', 4], ['environment', 5], ['accuracy', 4]] as const) {
      await rate(workerPage.getByTestId(`customer-rating-${dimension}`), stars);
    }
    await workerPage.getByTestId('customer-rating-text').locator('textarea').fill('客户提前准备好了工具，沟通顺畅');
    await workerPage.getByTestId('customer-rating-submit').click();
    await workerPage.locator('[data-testid="customer-rating"][data-state="rated"]').waitFor();
    expect(await bodyText(workerPage)).toContain('客户提前准备好了工具');
    const answer = await call<{ rating: { punctuality: number; accuracy: number } | null; canRate: boolean }>(baseUrl, worker.token, 'GET', `/api/worker/orders/${booking.order.id}/customer-rating`);
    expect(answer).toMatchObject({ rating: { punctuality: 5, accuracy: 4 }, canRate: false });
    expect(pageErrors).toEqual([]);
  });
});
