import type { Query } from '../../shared/api';
import type { WorkerCard } from '../../shared/worker-types';
import { useListPages } from '../../mobile/use-list-pages';

interface SearchAnswer {
  total: number;
  totalCapped?: boolean;
  items: WorkerCard[];
}

/** `GET /api/workers` page by page: a new query starts again at page 1; `more` appends the next page. */
export function useWorkerSearch(query: Query) {
  const search = useListPages<WorkerCard, SearchAnswer>('/api/workers', query);
  return { ...search, capped: Boolean(search.answer?.totalCapped) };
}
