// The customer's custom requests (docs/api-requests.md, "Customer").
import { api } from '../../shared/api';
import type { ChooseResult, CustomerRequest, RequestBody, RequestStatus } from '../../shared/request-types';

const path = (id: string) => `/api/requests/${encodeURIComponent(id)}`;

export const requestsApi = {
  list: (status: RequestStatus | undefined, signal?: AbortSignal) => api<{ items: CustomerRequest[] }>('/api/requests', { query: { status }, signal }),
  get: (id: string, signal?: AbortSignal) => api<CustomerRequest>(path(id), { signal }),
  /** A draft, or published at once with `publish`. */
  create: (body: RequestBody & { publish?: boolean }) => api<CustomerRequest>('/api/requests', { body }),
  update: (id: string, body: Partial<RequestBody>) => api<CustomerRequest>(path(id), { method: 'PATCH', body }),
  publish: (id: string) => api<CustomerRequest>(`${path(id)}/publish`, { body: {} }),
  cancel: (id: string) => api<CustomerRequest>(`${path(id)}/cancel`, { body: {} }),
  choose: (id: string, answerId: string, headers: Record<string, string>) => api<ChooseResult>(`${path(id)}/choose`, { body: { answerId }, headers }),
};

/** The file id of a request's photo URL `/api/requests/:id/files/<fileId>` (a draft's photos are kept by id when edited again). */
export function fileIdOf(url: string): string | null {
  return /\/files\/([^/?#]+)$/.exec(url)?.[1] ?? null;
}
