/** Hard filters: who may take the order at all, with every failed rule as a reason. */
import type { MatchConfig } from './config';
import { rejection } from './messages';
import { etaMinutes, haversineKm } from './travel';
import type { MatchCandidate, MatchOrder, RejectionReason } from './types';

/** Per-order values computed once per ranking. */
export interface OrderContext {
  order: MatchOrder;
  config: MatchConfig;
  startMs: number;
  endMs: number;
  nowMs: number;
}

/** Parses the order window once; throws on an unparseable start or a bad duration. */
export function orderContext(order: MatchOrder, config: MatchConfig, now: Date): OrderContext {
  const startMs = Date.parse(order.start);
  if (!Number.isFinite(startMs)) throw new RangeError(`order ${order.id}: invalid start ${order.start}`);
  if (!(order.durationMinutes >= 0)) throw new RangeError(`order ${order.id}: invalid duration ${order.durationMinutes}`);
  return { order, config, startMs, endMs: startMs + order.durationMinutes * 60_000, nowMs: now.getTime() };
}

/** Effective service radius: the worker's own, capped by the platform limit if configured. */
export function effectiveRadiusKm(candidate: MatchCandidate, config: MatchConfig): number {
  return config.maxRadiusKm === null ? candidate.serviceRadiusKm : Math.min(candidate.serviceRadiusKm, config.maxRadiusKm);
}

/**
 * Checks every hard rule and returns all failures (empty when eligible): status, online,
 * skill, certificate valid past the service end, home base within the radius, free for the
 * window, and able to travel from the previous job in time (ETA + buffer).
 */
export function checkEligibility(ctx: OrderContext, c: MatchCandidate): RejectionReason[] {
  const { order, config } = ctx;
  const reasons: RejectionReason[] = [];
  if (c.status === 'suspended') reasons.push(rejection('suspended'));
  else if (c.status !== 'approved') reasons.push(rejection('not_approved', { status: c.status }));
  if (config.requireOnline && !c.online) reasons.push(rejection('offline'));
  if (!c.skills.includes(order.itemCode)) reasons.push(rejection('missing_skill', { itemCode: order.itemCode }));

  const required = order.requiredCertificate;
  if (required) {
    let held = false;
    let latest: string | null = '';
    let valid = false;
    for (const cert of c.certificates) {
      if (cert.kind !== required) continue;
      held = true;
      if (cert.expiresAt === null || Date.parse(cert.expiresAt) > ctx.endMs) { valid = true; break; }
      latest = cert.expiresAt;
    }
    if (!held) reasons.push(rejection('missing_certificate', { certificate: required }));
    else if (!valid) reasons.push(rejection('certificate_expired', { certificate: required, expiresAt: latest }));
  }

  const radiusKm = effectiveRadiusKm(c, config);
  const distanceKm = haversineKm(c.homeLocation, order.location);
  if (!(distanceKm <= radiusKm)) reasons.push(rejection('outside_radius', { distanceKm, radiusKm }));

  if (!c.isFreeForWindow) reasons.push(rejection('not_free'));

  const prev = c.previousJobEnd;
  if (prev) {
    const needed = etaMinutes(prev.location, order.location, config.travel) + config.travel.bufferMinutes;
    const slackMinutes = (ctx.startMs - Date.parse(prev.end)) / 60_000 - needed;
    if (!(slackMinutes >= 0)) reasons.push(rejection('previous_job_too_far', { etaMinutes: needed, slackMinutes }));
  }
  return reasons;
}
