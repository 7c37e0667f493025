import { useEffect, useState } from 'react';
import { api, type Query } from '../shared/api';

const PAGE_SIZE = 20;

interface PageAnswer<T> {
  total: number;
  items: T[];
}

/**
 * A list endpoint page by page for an H5 list with 加载更多: a new `query` starts again at page 1, `more` appends
 * the next page, `retry` loads the current one again. `answer` is the latest page as sent (for extra fields).
 */
export function useListPages<T, A extends PageAnswer<T> = PageAnswer<T>>(path: string, query: Query) {
  const key = `${path} ${JSON.stringify(query)}`;
  const [state, setState] = useState<{ key: string; items: T[]; answer: A; page: number }>();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>();
  const [page, setPage] = useState(1);
  const [round, setRound] = useState(0);

  useEffect(() => setPage(1), [key]);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    api<A>(path, { query: { ...query, page, pageSize: PAGE_SIZE }, signal: controller.signal })
      .then((answer) => {
        setError(undefined);
        setState((previous) => ({
          key,
          items: page > 1 && previous?.key === key ? [...previous.items, ...answer.items] : answer.items,
          answer,
          page,
        }));
      })
      .catch((reason: unknown) => !controller.signal.aborted && setError(reason))
      .finally(() => !controller.signal.aborted && setLoading(false));
    return () => controller.abort();
    // `key` stands for the path and the query.
  }, [key, page, round]);

  const current = state?.key === key ? state : undefined;
  return {
    items: current?.items,
    total: current?.answer.total ?? 0,
    answer: current?.answer,
    loading,
    error,
    hasMore: current ? current.items.length < current.answer.total : false,
    more: () => setPage((current?.page ?? 1) + 1),
    retry: () => setRound((value) => value + 1),
  };
}
