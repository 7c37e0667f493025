/** The stored / answered shape of a day plan: the solver's result with order facts, ISO times and rounded figures. */
import type { PlanningOrder } from '../../booking/index.js';
import type { BuiltProblem } from './build-problem.js';
import type { DayPlan, PlannedStop, UnassignedReason } from './types.js';

const iso = (ms: number) => new Date(Math.round(ms)).toISOString();
const km1 = (km: number) => Math.round(km * 10) / 10;
const min0 = (m: number) => Math.round(m);
/** Map positions to ~100 m: enough to draw routes, not an address. */
const coarse = (p: { lat: number; lng: number }) => ({ lat: Math.round(p.lat * 1000) / 1000, lng: Math.round(p.lng * 1000) / 1000 });

export type StoredReason = UnassignedReason | 'start_passed';

export interface StoredStop {
  orderId: string; orderNo: string; itemName: string; itemNameEn: string; districtName: string; districtNameEn: string; location: { lat: number; lng: number };
  fixed: boolean; leave: string; travelKm: number; travelMinutes: number; arrive: string; waitMinutes: number; start: string; end: string; lateMinutes: number;
}
export interface StoredRoute {
  workerId: string; workerName: string; home: { lat: number; lng: number }; leaveHome: string; returnHome: string;
  travelKm: number; travelMinutes: number; workMinutes: number; planned: number; stops: StoredStop[];
}
export interface StoredUnassigned {
  orderId: string; orderNo: string; itemName: string; itemNameEn: string; districtName: string; districtNameEn: string; location: { lat: number; lng: number };
  start: string; reason: StoredReason; eligibleWorkers: number;
}
export interface StoredTotals { orders: number; planned: number; fixed: number; unassigned: number; workersUsed: number; travelKm: number; travelMinutes: number }

function orderFacts(o: PlanningOrder) {
  return { orderId: o.id, orderNo: o.orderNo, itemName: o.itemName, itemNameEn: o.itemNameEn, districtName: o.districtName, districtNameEn: o.districtNameEn, location: coarse(o) };
}

export function stopOf(s: PlannedStop, o: PlanningOrder): StoredStop {
  return {
    ...orderFacts(o), fixed: s.fixed, leave: iso(s.leave), travelKm: km1(s.travelKm), travelMinutes: min0(s.travelMinutes), arrive: iso(s.arrive),
    waitMinutes: min0(s.waitMinutes), start: iso(s.start), end: iso(s.finish), lateMinutes: min0(s.lateMinutes),
  };
}

export function presentPlan(plan: DayPlan, built: BuiltProblem) {
  const routes: StoredRoute[] = plan.routes.map((r) => {
    const w = built.workers.get(r.workerId)!;
    return {
      workerId: r.workerId, workerName: w.name, home: coarse(w.home), leaveHome: iso(r.leaveHome), returnHome: iso(r.returnHome),
      travelKm: km1(r.travelKm), travelMinutes: min0(r.travelMinutes), workMinutes: min0(r.workMinutes), planned: r.stops.filter((s) => !s.fixed).length,
      stops: r.stops.map((s) => stopOf(s, built.orders.get(s.jobId)!)),
    };
  });
  const unassigned: StoredUnassigned[] = [
    ...built.startPassed.map((o) => ({ ...orderFacts(o), start: o.start.toISOString(), reason: 'start_passed' as const, eligibleWorkers: 0 })),
    ...plan.unassigned.map((u) => {
      const o = built.orders.get(u.jobId)!;
      return { ...orderFacts(o), start: o.start.toISOString(), reason: u.reason, eligibleWorkers: u.eligibleWorkers };
    }),
  ].sort((a, b) => a.start.localeCompare(b.start));
  const totals: StoredTotals = {
    orders: plan.totals.jobs + built.startPassed.length, planned: plan.totals.planned, fixed: plan.totals.fixed, unassigned: unassigned.length,
    workersUsed: plan.totals.workersUsed, travelKm: km1(plan.totals.travelKm), travelMinutes: min0(plan.totals.travelMinutes),
  };
  return { routes, unassigned, totals };
}
