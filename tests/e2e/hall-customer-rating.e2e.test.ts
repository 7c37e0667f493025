/**
 * Two-way reviews reach the order hall: the demo customer, whom workers rated on past orders of the demo city's
 * history, books a visit; the demo worker's hall shows that customer's aggregate (never a single rating).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { bookPaidOrder, type BookedOrder } from './admin-order-api';
import { newMobileContext, pageErrors, screenshot, useBrowser } from './browser';
import { adminCall, call, DEMO_PASSWORD, demoWorker, type DemoWorker } from './http';
import { signInDemoWorker } from './steps/worker-orders';

const baseUrl = inject('baseUrl');
const DEMO_CUSTOMER_PHONE = '13800000001';
interface HallItem { id: string; customerRating: { count: number; punctuality: number; communication: number; environment: number; accuracy: number } | null }

let mobile: Page;
let worker: DemoWorker;
let booked: BookedOrder | undefined;
let offer: HallItem | undefined;

useBrowser(async (opened) => {
  mobile = await (await newMobileContext(opened, baseUrl)).newPage();
});

beforeAll(async () => {
  pageErrors.length = 0;
  worker = await demoWorker(baseUrl);
  // By password: other journeys sign the demo customer in too, and SMS codes to one phone are one a minute.
  const { token } = await call<{ token: string }>(baseUrl, null, 'POST', '/api/auth/password/login', { identifier: DEMO_CUSTOMER_PHONE, password: DEMO_PASSWORD, role: 'customer' });
  const home = (await call<{ id: string; isDefault: boolean }[]>(baseUrl, token, 'GET', '/api/me/addresses')).find((a) => a.isDefault)!;
  // The order is pushed to the best workers near the customer's home; the demo worker lives 1.4 km away.
  for (let skip = 0; skip < 40 && !offer; skip += 4) {
    const order = await bookPaidOrder(baseUrl, worker, { phone: DEMO_CUSTOMER_PHONE, token, addressId: home.id, skip });
    const hall = (await call<{ items: HallItem[] }>(baseUrl, worker.token, 'GET', '/api/worker/hall')).items;
    offer = hall.find((item) => item.id === order.order.id);
    if (offer) booked = order;
    else await adminCall(baseUrl, 'POST', `/api/admin/orders/${order.order.id}/cancel`, { reason: 'e2e 清理', cause: 'platform' });
  }
  expect(offer, 'the demo worker was not among the workers the order was pushed to').toBeTruthy();
});

afterAll(async () => {
  if (booked) await adminCall(baseUrl, 'POST', `/api/admin/orders/${booked.order.id}/cancel`, { reason: 'e2e 清理', cause: 'platform' }).catch(() => undefined);
});

describe('order hall: the customer aggregate from workers\' ratings', () => {
  it('the hall answer carries the aggregate of at least 3 ratings, every dimension 1–5', () => {
    const rating = offer!.customerRating!;
    expect(rating.count).toBeGreaterThanOrEqual(3);
    for (const value of [rating.punctuality, rating.communication, rating.environment, rating.accuracy]) {
      expect(value).toBeGreaterThanOrEqual(1);
      expect(value).toBeLessThanOrEqual(5);
    }
  });

  it('the demo worker sees it on the offer card', async () => {
    await signInDemoWorker(mobile);
    await mobile.getByTestId('tab-orders').click();
    await mobile.getByTestId('orders-offers').waitFor();
    const card = mobile.locator(`[data-testid="worker-order-card"][data-order-no="${booked!.order.orderNo}"]`);
    await card.waitFor();
    const text = await card.getByTestId('hall-customer-rating').innerText();
    expect(text).toContain(`（${offer!.customerRating!.count} 次评价）`);
    expect(text).toContain(`守时 ${offer!.customerRating!.punctuality}`);
    await card.scrollIntoViewIfNeeded();
    await screenshot(mobile, 'worker-hall-customer-rating.png');
  });

  it('raised no uncaught errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
