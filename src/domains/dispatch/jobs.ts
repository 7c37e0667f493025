import type { AppContext } from '../../platform/app-context.js';
import { lockOrder } from '../booking/index.js';
import { closeRound } from './service.js';

/** A dispatch round's window (grab) or accept timeout (direct assignment) ran out. */
export function registerDispatchJobs(ctx: AppContext) {
  ctx.jobs.register('dispatch.window', async (trx, job, now) => {
    const o = await lockOrder(trx, String(job.payload.orderId));
    if (o) await closeRound(trx, o, Number(job.payload.round), now);
  });
}
