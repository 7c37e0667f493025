import { useState } from 'react';
import { api, type Query } from '../shared/api';
import type { Page } from '../shared/types';
import { useLoad, type Loaded } from '../shared/use-load';

export const PAGE_SIZE = 20;

export interface Paged<T> extends Loaded<Page<T>> {
  page: number;
  setPage: (page: number) => void;
}

/** Loads one page of a list endpoint; changing the filters goes back to page 1. */
export function usePaged<T>(path: string, filters: Query): Paged<T> {
  const key = JSON.stringify(filters);
  const [state, setState] = useState({ key, page: 1 });
  const page = state.key === key ? state.page : 1;
  const loaded = useLoad(
    (signal) => api<Page<T>>(path, { query: { ...filters, page, pageSize: PAGE_SIZE }, signal }),
    [path, key, page],
  );
  return { ...loaded, page, setPage: (next) => setState({ key, page: next }) };
}
