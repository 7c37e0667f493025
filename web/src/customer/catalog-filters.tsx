import { Button, CheckList, Dropdown, Selector, type DropdownRef } from 'antd-mobile';
import { useRef, useState } from 'react';
import type { SortKey } from '../shared/catalog-types';
import { useI18n, type Translate } from '../shared/i18n';
import type { Query } from '../shared/api';

export interface CatalogFilters {
  sort: SortKey;
  /** A price bucket in yuan `min-max` (either side may be empty), '' for any. */
  price: string;
  /** Longest duration in minutes, '' for any. */
  duration: string;
}

export const NO_FILTERS: CatalogFilters = { sort: '', price: '', duration: '' };

const SORTS: SortKey[] = ['', 'price_asc', 'price_desc', 'popularity', 'rating'];
const PRICE_BUCKETS = ['-50', '50-100', '100-300', '300-'];
const DURATIONS = ['60', '120', '240'];

/** The search query parameters of the filters (`priceMinFen`, `priceMaxFen`, `durationMaxMinutes`, `sort`). */
export function filterQuery(filters: CatalogFilters): Query {
  const [min, max] = filters.price ? filters.price.split('-') : ['', ''];
  return {
    sort: filters.sort || undefined,
    priceMinFen: min ? Number(min) * 100 : undefined,
    priceMaxFen: max ? Number(max) * 100 : undefined,
    durationMaxMinutes: filters.duration || undefined,
  };
}

function priceLabel(t: Translate, bucket: string): string {
  const [min, max] = bucket.split('-');
  if (!min) return t('filter.priceUpTo', { max });
  if (!max) return t('filter.priceFrom', { min });
  return t('filter.priceBetween', { min, max });
}

/** 排序 (综合 / 价格↑ / 价格↓ / 人气 / 好评) and 筛选 (starting price, duration) drop-downs. */
export function CatalogFilterBar({ value, onChange }: { value: CatalogFilters; onChange: (next: CatalogFilters) => void }) {
  const { t } = useI18n();
  const ref = useRef<DropdownRef>(null);
  const [draft, setDraft] = useState(value);
  const filtered = value.price !== '' || value.duration !== '';
  const sortTitle = t(`sort.${value.sort || 'none'}`);

  function apply(next: CatalogFilters) {
    onChange(next);
    ref.current?.close();
  }

  return (
    <Dropdown ref={ref} className="m-filter-bar" data-testid="catalog-filters" onChange={(key) => key === 'filter' && setDraft(value)}>
      <Dropdown.Item key="sort" title={<span data-testid="sort-toggle">{sortTitle}</span>}>
        <CheckList value={[value.sort || 'none']} onChange={(keys) => apply({ ...value, sort: (keys[0] === 'none' ? '' : keys[0]) as SortKey })} data-testid="sort-list">
          {SORTS.map((sort) => (
            <CheckList.Item key={sort || 'none'} value={sort || 'none'}>
              {t(`sort.${sort || 'none'}`)}
            </CheckList.Item>
          ))}
        </CheckList>
      </Dropdown.Item>
      <Dropdown.Item key="filter" title={<span className={filtered ? 'm-filter-active' : undefined} data-testid="filter-toggle">{t('filter.title')}</span>}>
        <div className="m-filter-panel">
          <div className="m-filter-label">{t('filter.price')}</div>
          <Selector
            columns={3}
            value={[draft.price]}
            onChange={(values) => setDraft({ ...draft, price: values[0] ?? '' })}
            options={[{ label: t('filter.any'), value: '' }, ...PRICE_BUCKETS.map((bucket) => ({ label: priceLabel(t, bucket), value: bucket }))]}
            data-testid="filter-price"
          />
          <div className="m-filter-label">{t('filter.duration')}</div>
          <Selector
            columns={3}
            value={[draft.duration]}
            onChange={(values) => setDraft({ ...draft, duration: values[0] ?? '' })}
            options={[{ label: t('filter.any'), value: '' }, ...DURATIONS.map((minutes) => ({ label: t('filter.durationUpTo', { hours: Number(minutes) / 60 }), value: minutes }))]}
            data-testid="filter-duration"
          />
          <div className="m-filter-actions">
            <Button block onClick={() => apply({ ...value, price: '', duration: '' })}>
              {t('filter.reset')}
            </Button>
            <Button block color="primary" onClick={() => apply({ ...value, price: draft.price, duration: draft.duration })} data-testid="filter-apply">
              {t('filter.apply')}
            </Button>
          </div>
        </div>
      </Dropdown.Item>
    </Dropdown>
  );
}
