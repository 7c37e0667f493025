/**
 * 口碑: a worker's reputation as customers see it on the profile, every figure derived from rows by the reviews
 * domain's rules — reviews (Bayesian-smoothed rating, dimensions, histogram), the worker's orders (on-time,
 * completion, repeat customers), complaints and 抽检回访 results. Read across booking, reviews, complaints and
 * quality, so it lives above them.
 */
import { Type } from 'typebox';
import type { Api, AppContext } from '../platform/app-context.js';
import { AppError } from '../platform/errors.js';
import { districtNames, loadSettings as bookingSettings, recentJobs, workerOrderRecord } from '../domains/booking/index.js';
import { complaintRowsAbout } from '../domains/complaints/index.js';
import { qaPassRates } from '../domains/quality/index.js';
import { CUSTOMER_DIMENSIONS, CUSTOMER_DIMENSION_LABELS, starsOfOrders, workerReputation, workerReviewRows } from '../domains/reviews/index.js';
import { workerAvailability } from '../domains/workers/index.js';

/** Orders older than this say nothing about how the worker works today. */
export const REPUTATION_WINDOW_DAYS = 180;
const DAY = 86_400_000;

export async function reputationOf(ctx: AppContext, workerId: string, now = new Date()) {
  if ((await workerAvailability(ctx.db, workerId)) === 'not_approved') throw new AppError('NOT_FOUND');
  const since = new Date(now.getTime() - REPUTATION_WINDOW_DAYS * DAY);
  const [reviews, orders, complaints, qa, settings, recent, districts] = await Promise.all([
    workerReviewRows(ctx.db, workerId), workerOrderRecord(ctx.db, workerId, since), complaintRowsAbout(ctx.db, workerId, since),
    qaPassRates(ctx.db, [workerId]), bookingSettings(ctx.db, ctx.config.cityCode), recentJobs(ctx.db, workerId), districtNames(ctx.db),
  ]);
  const stars = await starsOfOrders(ctx.db, recent.map((j) => j.orderId));
  const r = workerReputation({ reviews, orders, complaints, qaSamples: [] }, { onTimeGraceMinutes: settings.lateGraceMinutes });
  const pass = qa.get(workerId)!;
  return {
    workerId, windowDays: REPUTATION_WINDOW_DAYS,
    rating: {
      average: r.reviews.average, score: r.reviews.rating, count: r.reviews.ratedCount, defaultCount: r.reviews.defaultCount,
      positiveRateBp: r.reviews.positiveRateBp, histogram: ([5, 4, 3, 2, 1] as const).map((stars) => ({ stars, count: r.reviews.histogram[stars] })),
    },
    dimensions: CUSTOMER_DIMENSIONS.map((key) => ({ key, label: CUSTOMER_DIMENSION_LABELS[key], ...r.reviews.dimensions[key] })),
    onTime: r.onTime, completion: r.completion, repeatCustomers: r.repeatCustomers, complaints: r.complaints,
    recentJobs: recent.map((j) => ({
      item: { code: j.itemCode, name: j.itemName, nameEn: j.itemNameEn }, district: districts.get(j.districtCode) ?? { name: '', nameEn: '' },
      completedAt: j.completedAt, stars: stars.get(j.orderId) ?? null,
    })),
    qa: { checked: pass.checked, passed: pass.passed, unreachable: pass.unreachable, rateBp: pass.checked ? Math.round((pass.passed * 10_000) / pass.checked) : null },
  };
}

const Rate = { rateBp: Type.Union([Type.Integer(), Type.Null()]) };
const Reputation = Type.Object({
  workerId: Type.String(), windowDays: Type.Integer(),
  rating: Type.Object({
    average: Type.Union([Type.Number(), Type.Null()]), score: Type.Number(), count: Type.Integer(), defaultCount: Type.Integer(), positiveRateBp: Rate.rateBp,
    histogram: Type.Array(Type.Object({ stars: Type.Integer(), count: Type.Integer() })),
  }),
  dimensions: Type.Array(Type.Object({ key: Type.String(), label: Type.Object({ zh: Type.String(), en: Type.String() }), average: Type.Union([Type.Number(), Type.Null()]), count: Type.Integer() })),
  onTime: Type.Object({ checkedIn: Type.Integer(), onTime: Type.Integer(), late: Type.Integer(), withoutCheckIn: Type.Integer(), ...Rate }),
  completion: Type.Object({ completed: Type.Integer(), failed: Type.Integer(), ...Rate }),
  repeatCustomers: Type.Object({ customers: Type.Integer(), repeatCustomers: Type.Integer(), ...Rate }),
  complaints: Type.Object({ complainedOrders: Type.Integer(), completed: Type.Integer(), ...Rate }),
  qa: Type.Object({ checked: Type.Integer(), passed: Type.Integer(), unreachable: Type.Integer(), ...Rate }),
  recentJobs: Type.Array(Type.Object({
    item: Type.Object({ code: Type.String(), name: Type.String(), nameEn: Type.String() }), district: Type.Object({ name: Type.String(), nameEn: Type.String() }),
    completedAt: Type.String(), stars: Type.Union([Type.Integer(), Type.Null()]),
  })),
});

export async function workerReputationRoutes(app: Api, ctx: AppContext) {
  app.get('/api/workers/:id/reputation', {
    preHandler: ctx.guards.user(),
    schema: {
      tags: ['workers'], summary: `口碑: rating (Bayesian-smoothed), dimensions, histogram, on-time, completion, repeat-customer, complaint and QA rates (orders of the last ${REPUTATION_WINDOW_DAYS} days), recent jobs (item, district, date, stars)`,
      params: Type.Object({ id: Type.String({ format: 'uuid' }) }), response: { 200: Reputation },
    },
  }, async (request) => reputationOf(ctx, request.params.id));
}
