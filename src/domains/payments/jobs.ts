/** Payment timers and provider calls as durable jobs. */
import type { AppContext } from '../../platform/app-context.js';
import { purgeNotificationNonces } from './pay-service.js';
import { sendRefund } from './refund-service.js';
import { releaseShare } from './settlement.js';
import { sendPayout } from './withdrawal-service.js';

export function registerPaymentJobs(ctx: AppContext) {
  ctx.jobs.register('payments.release', (trx, job, now) => releaseShare(trx, String(job.payload.orderId), job.payload.kind as 'completion' | 'compensation', now));
  ctx.jobs.registerExternal('payments.refund', (job) => sendRefund(ctx, job));
  ctx.jobs.registerExternal('payments.payout', (job) => sendPayout(ctx, String(job.payload.withdrawalId)));
  ctx.jobs.every(3_600_000, () => purgeNotificationNonces(ctx.db).then(() => undefined));
}
