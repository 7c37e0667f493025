import type { AppContext } from '../../platform/app-context.js';
import { scheduleJob } from '../../platform/jobs.js';
import { notify } from '../messaging/index.js';
import { announceChange, closeAnswers } from './customer-service.js';
import { expiryReason, inviteRound } from './matching.js';
import * as q from './queries.js';
import { requestSettings } from './settings.js';

/** The next matching round while too few answered, and the expiry of a request nobody was chosen for. */
export function registerRequestJobs(ctx: AppContext) {
  ctx.jobs.register('requests.round', async (trx, job, now) => {
    const r = await q.lockRequest(trx, String(job.payload.requestId));
    if (!r || r.status !== 'open') return;
    const s = await requestSettings(trx, r.city_code);
    if ((await q.countAnswers(trx, r.id)) >= s.targetAnswers || r.rounds >= s.maxRounds) return;
    await inviteRound(trx, r, now);
    if (r.rounds + 1 < s.maxRounds) {
      await scheduleJob(trx, { kind: 'requests.round', key: `request:${r.id}:round:${r.rounds + 2}`, runAt: new Date(now.getTime() + s.roundMinutes * 60_000), payload: { requestId: r.id } });
    }
  });

  ctx.jobs.register('requests.expire', async (trx, job, now) => {
    const r = await q.lockRequest(trx, String(job.payload.requestId));
    if (!r || r.status !== 'open') return;
    // A retried job never expires a request early (the runner keeps retries at or after run_at; belt and braces).
    if (r.expires_at && r.expires_at.getTime() > now.getTime()) return;
    const invitations = (await q.invitationsOf(trx, r.id)).length;
    const reason = await expiryReason(trx, r, await q.countAnswers(trx, r.id), invitations);
    const expired = await trx.updateTable('service_requests').set({ status: 'expired', closed_at: now, closed_reason: reason, version: r.version + 1, updated_at: now })
      .where('id', '=', r.id).returningAll().executeTakeFirstOrThrow();
    await closeAnswers(trx, expired, 'expired', now);
    await notify(trx, { type: 'request_expired', to: { userId: r.customer_id, audience: 'customer' }, vars: { requestNo: r.request_no, reason }, linkId: r.id, dedupeKey: `request-expired:${r.id}`, now });
    await announceChange(trx, expired, 'expired');
  });
}
