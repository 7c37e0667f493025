import { useEffect, useState } from 'react';
import { api } from '../../shared/api';
import type { OrderSummary, OrderTab } from '../../shared/order-types';

const PAGE_SIZE = 20;

/** `GET /api/orders?tab=` page by page (newest first): a new tab starts at page 1; `more` appends the next page. */
export function useOrders(tab: OrderTab | null) {
  const key = tab ?? '';
  const [state, setState] = useState<{ key: string; items: OrderSummary[]; total: number; page: number }>();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>();
  const [page, setPage] = useState(1);
  const [round, setRound] = useState(0);

  useEffect(() => setPage(1), [key]);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    api<{ total: number; items: OrderSummary[] }>('/api/orders', { query: { tab, page, pageSize: PAGE_SIZE }, signal: controller.signal })
      .then((answer) => {
        setError(undefined);
        setState((previous) => ({
          key,
          items: page > 1 && previous?.key === key ? [...previous.items, ...answer.items] : answer.items,
          total: answer.total,
          page,
        }));
      })
      .catch((reason: unknown) => !controller.signal.aborted && setError(reason))
      .finally(() => !controller.signal.aborted && setLoading(false));
    return () => controller.abort();
    // `key` stands for the tab.
  }, [key, page, round]);

  const current = state?.key === key ? state : undefined;
  return {
    items: current?.items,
    total: current?.total ?? 0,
    loading,
    error,
    hasMore: current ? current.items.length < current.total : false,
    more: () => setPage((current?.page ?? 1) + 1),
    retry: () => setRound((value) => value + 1),
  };
}
