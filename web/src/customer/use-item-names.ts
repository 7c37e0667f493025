import { api } from '../shared/api';
import type { CategoryWithItems, ItemSummary } from '../shared/catalog-types';
import { unitLabel } from '../shared/catalog-units';
import { localName, useI18n } from '../shared/i18n';
import { useLoad } from '../shared/use-load';

export interface ItemNames {
  /** The item's name in the user's language (the code until the catalogue has loaded). */
  name: (code: string) => string;
  /** `2 小时` / `2 hours`: a quantity of the item in its unit. */
  quantity: (code: string, quantity: number) => string;
}

/** The catalogue's items by code, for coupons limited to some services and for 次卡 (one load per page). */
export function useItemNames(): ItemNames {
  const { t, lang } = useI18n();
  const loaded = useLoad((signal) => api<CategoryWithItems[]>('/api/catalog/categories', { signal }), []);
  const items = new Map<string, ItemSummary>((loaded.data ?? []).flatMap((category) => category.items.map((item) => [item.code, item] as const)));
  return {
    name: (code) => {
      const item = items.get(code);
      return item ? localName(lang, item) : code;
    },
    quantity: (code, quantity) => {
      const unit = items.get(code)?.unit;
      return unit ? `${quantity} ${unitLabel(t, unit)}` : String(quantity);
    },
  };
}
