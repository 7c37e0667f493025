// The worker's order endpoints (docs/api-booking.md, "Worker portal").
import { api } from '../../shared/api';
import type { CalendarEntry, ChecklistEntry, ExtraWork, OrderView, ServiceRecord, WorkerOrderSummary } from '../../shared/order-types';

export type WorkerOrderView = 'offers' | 'upcoming' | 'history';

export interface Position {
  lat: number;
  lng: number;
}

export interface RecordBody {
  note: string;
  photosBefore: string[];
  photosAfter: string[];
  checklist: ChecklistEntry[];
}

const base = (id: string) => `/api/worker/orders/${encodeURIComponent(id)}`;

export const workerOrders = {
  list: (view: WorkerOrderView, signal?: AbortSignal) => api<{ items: WorkerOrderSummary[] }>('/api/worker/orders', { query: { view }, signal }),
  get: (id: string, signal?: AbortSignal) => api<OrderView>(base(id), { signal }),
  calendar: (from: string, to: string, signal?: AbortSignal) =>
    api<{ timeZone: string; items: CalendarEntry[] }>('/api/worker/calendar', { query: { from, to }, signal }),

  accept: (id: string) => api<OrderView>(`${base(id)}/accept`, { body: {} }),
  /** 204 for an offer; the order (back to `paid`) when giving back an accepted one. */
  decline: (id: string, reason: string) => api<OrderView | undefined>(`${base(id)}/decline`, { body: { reason } }),
  depart: (id: string, position: Position | null) => api<OrderView>(`${base(id)}/depart`, { body: position ?? {} }),
  checkIn: (id: string, body: Position & { serviceCode: string; farReason?: string }) => api<OrderView>(`${base(id)}/check-in`, { body }),
  record: (id: string, body: RecordBody) => api<ServiceRecord>(`${base(id)}/records`, { body }),
  uploadPhoto: (body: FormData) => api<{ id: string; url: string }>('/api/worker/orders/photos', { body }),
  proposeExtra: (id: string, body: { title: string; amountFen: number; reason: string }) => api<ExtraWork>(`${base(id)}/extras`, { body }),
  finish: (id: string, reason?: string) => api<OrderView>(`${base(id)}/finish`, { body: reason ? { reason } : {} }),
  requestEarlyVisit: (id: string, at?: string) => api<OrderView>(`${base(id)}/early-visit`, { body: at ? { at } : {} }),
  reschedule: (id: string, body: { start: string; reason: string }) => api<OrderView>(`${base(id)}/reschedule`, { body }),
  decideReschedule: (id: string, requestId: string, approve: boolean) =>
    api<OrderView>(`${base(id)}/reschedule/${encodeURIComponent(requestId)}/decision`, { body: { approve } }),
};
