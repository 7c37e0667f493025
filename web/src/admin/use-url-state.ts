import { useSearchParams } from 'react-router';

/**
 * A console page's state kept in the URL (filters, the open row), so a link or a reload shows the same view:
 * `update({ key: value })` sets keys (an empty value removes one) without adding a history entry.
 */
export function useUrlState() {
  const [params, setParams] = useSearchParams();
  function update(patch: Record<string, string>) {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  }
  const reset = () => setParams(new URLSearchParams(), { replace: true });
  return { params, update, reset };
}
