/**
 * 证据包: everything arbitration needs about one order, assembled when the desk opens it — the after-sales case with
 * both parties' statements, the timeline, the check-in against the booked start and the address, the location
 * trail, service records and photos, extra work and price changes (on-site quotes included), the chat (with the consultation before it) and
 * the relay number with its call records. Read across booking, tracking, calls and support, so it lives above them. Every view is audited.
 */
import { Type } from 'typebox';
import type { Api, AppContext } from '../platform/app-context.js';
import { writeAudit } from '../platform/audit.js';
import { haversineKm } from '../platform/providers/map.js';
import { disputeCase, forStaff, getAdminOrder, loadSettings, orderOr404, presentProposal, proposalsOf, type OrderRow } from '../domains/booking/index.js';
import { orderCalls } from '../domains/calls/index.js';
import { chatForSupport } from '../domains/support/index.js';
import { orderTrail, type TrailPoint } from '../domains/tracking/index.js';

interface CheckInRecord { lat: number; lng: number; distanceM?: number; farReason?: string | null }

/** The check-in as evidence: when against the booked start, where against the address, and the reason given if far. */
function checkInEvidence(o: OrderRow) {
  if (!o.started_at || !o.check_in) return null;
  const c = o.check_in as CheckInRecord;
  const distanceM = c.distanceM ?? Math.round(haversineKm({ lat: c.lat, lng: c.lng }, { lat: o.lat, lng: o.lng }) * 1000);
  return {
    at: o.started_at.toISOString(), scheduledStart: o.scheduled_start.toISOString(),
    minutesAfterStart: Math.round((o.started_at.getTime() - o.scheduled_start.getTime()) / 60_000),
    point: { lat: c.lat, lng: c.lng }, distanceM, farReason: c.farReason ?? null, lateFlagged: o.late_flagged_at !== null,
  };
}

/** How far the trail came to the address, and when it started and ended. */
function trailSummary(points: TrailPoint[], address: { lat: number; lng: number }) {
  if (!points.length) return { points: 0, firstAt: null, lastAt: null, closestM: null };
  const closestKm = Math.min(...points.map((p) => haversineKm(p, address)));
  return { points: points.length, firstAt: points[0]!.recordedAt, lastAt: points.at(-1)!.recordedAt, closestM: Math.round(closestKm * 1000) };
}

export async function evidencePack(ctx: AppContext, orderId: string, permissions: readonly string[]) {
  const o = await orderOr404(ctx.db, orderId);
  const settings = await loadSettings(ctx.db, ctx.config.cityCode);
  const [order, dispute, trail, chat, calls, proposals] = await Promise.all([
    getAdminOrder(ctx, orderId).then((view) => forStaff(view, permissions)), disputeCase(ctx.db, o, settings.disputeStatementHours), orderTrail(ctx.db, orderId), chatForSupport(ctx.db, orderId), orderCalls(ctx.db, orderId),
    proposalsOf(ctx.db, orderId),
  ]);
  const address = { lat: o.lat, lng: o.lng };
  return {
    generatedAt: new Date().toISOString(), orderId: o.id, orderNo: o.order_no, status: o.status,
    case: dispute,
    parties: { customerName: order.customerName, customerPhoneMasked: order.customerPhoneMasked, worker: order.worker },
    price: order.price, address: { ...address, districtName: order.address.districtName, detail: order.address.detail },
    timeline: order.timeline, checkIn: checkInEvidence(o),
    trail: { summary: trailSummary(trail, address), points: trail },
    records: order.records, extras: order.extras,
    // 上门报价: every proposal (replaced, declined, accepted) with its lines, the price before and the settlement.
    onSiteQuotes: proposals.map(presentProposal),
    chat: { earlier: chat.earlier, items: chat.items },
    relay: { number: o.relay_number, calls },
  };
}

export async function evidencePackRoutes(app: Api, ctx: AppContext) {
  app.get('/api/admin/orders/:id/evidence', {
    preHandler: ctx.guards.admin('orders:read'),
    schema: {
      tags: ['admin-orders'], params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
      summary: '证据包: the after-sales case and statements, timeline, check-in vs start and address, location trail, service records, extra work and price changes, chat, relay number and its call records (each view audited)',
    },
  }, async (request) => {
    const pack = await evidencePack(ctx, request.params.id, request.admin!.permissions);
    await writeAudit(ctx.db, { actorKind: 'admin', actorId: request.admin!.id, actorName: request.admin!.name, action: 'order.evidence_viewed', targetType: 'order', targetId: pack.orderId, ip: request.ip, detail: { statements: pack.case?.statements.length ?? 0, trailPoints: pack.trail.points.length } });
    return pack;
  });
}
