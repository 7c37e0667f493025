// GET /api/worker/route (docs/api-dispatch.md, "Day planning"): my accepted jobs of a day with the ETA chain.
import { api } from '../../shared/api';
import type { OrderState } from '../../shared/order-types';

export interface RouteStop {
  orderId: string;
  orderNo: string;
  status: OrderState;
  itemName: string;
  itemNameEn: string;
  districtName: string;
  districtNameEn: string;
  leave: string;
  travelKm: number;
  travelMinutes: number;
  arrive: string;
  waitMinutes: number;
  start: string;
  end: string;
  lateMinutes: number;
}

export interface DayRoute {
  date: string;
  timeZone: string;
  hasHome: boolean;
  leaveHome: string | null;
  returnHome: string | null;
  travelKm: number;
  travelMinutes: number;
  workMinutes: number;
  stops: RouteStop[];
}

export const workerRoute = (date: string, signal?: AbortSignal) => api<DayRoute>('/api/worker/route', { query: { date }, signal });
