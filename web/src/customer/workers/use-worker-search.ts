import { useEffect, useState } from 'react';
import { api, type Query } from '../../shared/api';
import type { WorkerCard } from '../../shared/worker-types';

const PAGE_SIZE = 20;

interface SearchAnswer {
  total: number;
  totalCapped?: boolean;
  items: WorkerCard[];
}

/** `GET /api/workers` page by page: a new query starts again at page 1; `more` appends the next page. */
export function useWorkerSearch(query: Query) {
  const key = JSON.stringify(query);
  const [state, setState] = useState<{ key: string; items: WorkerCard[]; total: number; capped: boolean; page: number }>();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>();
  const [page, setPage] = useState(1);
  const [round, setRound] = useState(0);

  useEffect(() => setPage(1), [key]);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    api<SearchAnswer>('/api/workers', { query: { ...query, page, pageSize: PAGE_SIZE }, signal: controller.signal })
      .then((answer) => {
        setError(undefined);
        setState((previous) => ({
          key,
          items: page > 1 && previous?.key === key ? [...previous.items, ...answer.items] : answer.items,
          total: answer.total,
          capped: Boolean(answer.totalCapped),
          page,
        }));
      })
      .catch((reason: unknown) => !controller.signal.aborted && setError(reason))
      .finally(() => !controller.signal.aborted && setLoading(false));
    return () => controller.abort();
    // `key` stands for the query.
  }, [key, page, round]);

  const current = state?.key === key ? state : undefined;
  return {
    items: current?.items,
    total: current?.total ?? 0,
    capped: current?.capped ?? false,
    loading,
    error,
    hasMore: current ? current.items.length < current.total : false,
    more: () => setPage((current?.page ?? 1) + 1),
    retry: () => setRound((value) => value + 1),
  };
}
