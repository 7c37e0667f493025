// The worker's side of custom requests (docs/api-requests.md, "Worker").
import { api } from '../../shared/api';
import type { Answer, AnswerBody, WorkerRequest } from '../../shared/request-types';

const path = (id: string) => `/api/worker/requests/${encodeURIComponent(id)}`;

export const workerRequests = {
  list: (signal?: AbortSignal) => api<{ items: WorkerRequest[] }>('/api/worker/requests', { signal }),
  get: (id: string, signal?: AbortSignal) => api<WorkerRequest>(path(id), { signal }),
  answer: (id: string, body: AnswerBody) => api<Answer>(`${path(id)}/answer`, { method: 'PUT', body }),
  withdraw: (id: string) => api(`${path(id)}/answer`, { method: 'DELETE' }),
};

/** A quote line's amount: quantity × unit price, rounded half away from zero (as the pricing engine does). */
export function lineAmountFen(quantity: number, unitPriceFen: number): number {
  const exact = quantity * unitPriceFen;
  return Math.sign(exact) * Math.round(Math.abs(exact));
}
