// GET /api/worker/route (docs/api-dispatch.md, "Day planning"): my accepted jobs of a day with the ETA chain.
import { api } from '../../shared/api';
import type { EtaStop, OrderState } from '../../shared/order-types';

export interface RouteStop extends EtaStop {
  status: OrderState;
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
