import type { EtaStop } from '../../../shared/order-types';
// Shapes of /api/admin/dispatch/plans (docs/api-dispatch.md, "Day planning").
export interface LatLng {
  lat: number;
  lng: number;
}

export interface PlanStop extends EtaStop {
  location: LatLng;
  fixed: boolean;
}

export interface PlanRoute {
  workerId: string;
  workerName: string;
  home: LatLng;
  leaveHome: string;
  returnHome: string;
  travelKm: number;
  travelMinutes: number;
  workMinutes: number;
  planned: number;
  stops: PlanStop[];
}

export type UnassignedReason = 'no_eligible_worker' | 'outside_working_hours' | 'conflicts_with_existing' | 'workers_fully_booked' | 'start_passed';

export interface PlanUnassigned {
  orderId: string;
  orderNo: string;
  itemName: string;
  itemNameEn: string;
  districtName: string;
  districtNameEn: string;
  location: LatLng;
  start: string;
  reason: UnassignedReason;
  eligibleWorkers: number;
}

export interface ApplyResult {
  orderId: string;
  orderNo: string;
  workerId: string;
  workerName: string;
  start: string;
  outcome: 'assigned' | 'conflict';
  code: string | null;
  message: { zh: string; en: string } | null;
}

export interface PlanTotals {
  orders: number;
  planned: number;
  fixed: number;
  unassigned: number;
  workersUsed: number;
  travelKm: number;
  travelMinutes: number;
}

export interface PlanSummary {
  id: string;
  date: string;
  categoryCode: string | null;
  status: 'proposed' | 'applied' | 'discarded';
  createdAt: string;
  createdByName: string;
  appliedAt: string | null;
  appliedByName: string | null;
  totals: PlanTotals;
  stats: { buildMs?: number; solveMs?: number; iterations?: number; workersConsidered?: number };
  applyResults: ApplyResult[] | null;
}

export interface DayPlan extends PlanSummary {
  routes: PlanRoute[];
  unassigned: PlanUnassigned[];
}
