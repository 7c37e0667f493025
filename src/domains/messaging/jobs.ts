import type { AppContext } from '../../platform/app-context.js';
import { deliverCopy } from './notify-service.js';

/** Messaging's durable jobs: the SMS / e-mail copy of a notification, at the time the delivery rules chose. */
export function registerMessagingJobs(ctx: AppContext) {
  ctx.jobs.register('notify.deliver', (trx, job) => deliverCopy(ctx, trx, job));
}
