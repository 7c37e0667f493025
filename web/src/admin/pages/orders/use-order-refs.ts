import { api } from '../../../shared/api';
import type { CategoryWithItems } from '../../../shared/catalog-types';
import type { City } from '../../../shared/types';
import { useLoad } from '../../../shared/use-load';

/** The city (districts) and the published catalogue, for filters and the booking form. */
export function useOrderRefs() {
  const city = useLoad((signal) => api<City>('/api/geo/city', { signal }), []);
  const categories = useLoad((signal) => api<CategoryWithItems[]>('/api/catalog/categories', { signal }), []);
  return { city, categories };
}
