import { api } from '../shared/api';
import { useLoad, type Loaded } from '../shared/use-load';
import type { Application } from '../shared/worker-types';

/** The worker's own application (`GET /api/worker/application`, a draft is created on the first call). */
export function useApplication(): Loaded<Application> {
  return useLoad((signal) => api<Application>('/api/worker/application', { signal }), []);
}
