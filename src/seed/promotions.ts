/** Demo promotions: coupon campaigns in the 领券中心 and service cards on sale; the demo customer holds a 新人券. */
import type { AppContext } from '../platform/app-context.js';
import { claimCoupon, createCampaign } from '../domains/promotions/coupons.js';
import { createCardProduct } from '../domains/payments/service-cards.js';

const DAY = 86_400_000;
const CLEANING = ['daily-cleaning', 'deep-cleaning', 'move-in-cleaning', 'window-cleaning', 'mite-removal'];
const APPLIANCES = ['ac-cleaning', 'hood-cleaning', 'washer-cleaning', 'fridge-cleaning'];

export async function seedPromotions(ctx: AppContext, demoCustomerId: string) {
  const now = Date.now();
  const window = { startsAt: new Date(now - DAY).toISOString(), endsAt: new Date(now + 90 * DAY).toISOString() };
  const newcomer = await createCampaign(ctx, { name: '新人首单立减', nameEn: 'New customer: first order', kind: 'new_customer', offFen: 2_000, validDays: 30, ...window }, 'seed');
  await createCampaign(ctx, { name: '保洁满 200 减 30', nameEn: 'Cleaning: ¥30 off ¥200', kind: 'spend_threshold', thresholdFen: 20_000, offFen: 3_000, itemCodes: CLEANING, totalQuantity: 1_000, validDays: 30, ...window }, 'seed');
  await createCampaign(ctx, { name: '家电清洗 9 折', nameEn: 'Appliance cleaning 10 % off', kind: 'percent_off', offBp: 1_000, capFen: 5_000, itemCodes: APPLIANCES, totalQuantity: 500, perCustomer: 2, ...window }, 'seed');
  await claimCoupon(ctx, demoCustomerId, newcomer.id);
  await createCardProduct(ctx, { code: 'daily-clean-2h-x4', name: '日常保洁 2 小时 · 4 次卡', nameEn: 'Daily cleaning 2 h × 4', itemCode: 'daily-cleaning', quantity: 2, visits: 4, priceFen: 36_000, listPriceFen: 40_000, validDays: 180 }, true);
  await createCardProduct(ctx, { code: 'daily-clean-3h-x10', name: '日常保洁 3 小时 · 10 次卡', nameEn: 'Daily cleaning 3 h × 10', itemCode: 'daily-cleaning', quantity: 3, visits: 10, priceFen: 128_000, listPriceFen: 150_000, validDays: 365 }, true);
}
