import { useCallback, useEffect, useRef, useState } from 'react';

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** Loads again; `silent` keeps `loading` false (for polling). */
  reload: (silent?: boolean) => void;
}

/** Runs `load` on mount and whenever `deps` change; keeps the last data while reloading. */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const [round, setRound] = useState(0);
  const silentRound = useRef(false);
  const reload = useCallback((silent = false) => {
    silentRound.current = silent;
    setRound((value) => value + 1);
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    if (!silentRound.current) setLoading(true);
    silentRound.current = false;
    load(controller.signal)
      .then((value) => {
        setData(value);
        setError(undefined);
      })
      .catch((reason: unknown) => {
        if (!controller.signal.aborted) setError(reason);
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
    // `load` is a fresh closure each render; the caller lists what it depends on in `deps`.
  }, [...deps, round]);

  return { data, error, loading, reload };
}
