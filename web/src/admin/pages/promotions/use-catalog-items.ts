import { useMemo } from 'react';
import { api } from '../../../shared/api';
import type { CategoryWithItems, ItemSummary } from '../../../shared/catalog-types';
import { localName, useI18n } from '../../../shared/i18n';
import { useLoad } from '../../../shared/use-load';

/** The published catalogue as grouped Select options, and each item by code (for names in tables). */
export function useCatalogItems() {
  const { lang } = useI18n();
  const loaded = useLoad((signal) => api<CategoryWithItems[]>('/api/catalog/categories', { signal }), []);
  return useMemo(() => {
    const categories = loaded.data ?? [];
    const byCode = new Map<string, ItemSummary>(categories.flatMap((category) => category.items.map((item) => [item.code, item] as const)));
    const options = categories.map((category) => ({
      label: `${category.icon} ${localName(lang, category)}`,
      title: category.code,
      options: category.items.map((item) => ({ value: item.code, label: localName(lang, item) })),
    }));
    /** The item's name, or its code when it is not in the published catalogue. */
    const itemName = (code: string) => {
      const item = byCode.get(code);
      return item ? localName(lang, item) : code;
    };
    return { categories, byCode, options, itemName, loading: loaded.loading };
  }, [loaded.data, loaded.loading, lang]);
}
