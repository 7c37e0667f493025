import './workers.css';
import { Button, CapsuleTabs, DotLoading, ErrorBlock, SearchBar, Toast } from 'antd-mobile';
import { FilterOutline } from 'antd-mobile-icons';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { api, errorText } from '../../shared/api';
import type { CategoryWithItems } from '../../shared/catalog-types';
import { useI18n } from '../../shared/i18n';
import type { Address, City } from '../../shared/types';
import { useLoad } from '../../shared/use-load';
import { LoadState } from '../../mobile/layout/load-state';
import { WorkerCard } from './worker-card';
import { activeFilterCount, NO_WORKER_FILTERS, WorkerFilterSheet, workerFilterQuery, type FilterSources, type WorkerFilters } from './worker-filters';
import { useWorkerSearch } from './use-worker-search';

type Sort = 'rating' | 'distance' | 'orders';
const SORTS: Sort[] = ['rating', 'distance', 'orders'];

/** 找师傅: search approved, online workers by name, filter and sort them. */
export function WorkersPage() {
  const loaded = useLoad(async (signal) => {
    const [city, categories, addresses] = await Promise.all([
      api<City>('/api/geo/city', { signal }),
      api<CategoryWithItems[]>('/api/catalog/categories', { signal }),
      api<Address[]>('/api/me/addresses', { signal }),
    ]);
    return { city, categories, addresses };
  }, []);
  return <LoadState loaded={loaded}>{(sources) => <WorkerSearch sources={sources} />}</LoadState>;
}

function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

function WorkerSearch({ sources }: { sources: FilterSources }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [sort, setSort] = useState<Sort>('rating');
  const [filters, setFilters] = useState<WorkerFilters>(NO_WORKER_FILTERS);
  const [sheetOpen, setSheetOpen] = useState(false);
  const q = useDebounced(text.trim(), 300);
  const search = useWorkerSearch({ q, sort, ...workerFilterQuery(filters) });
  const skillNames = useMemo(() => new Map(sources.categories.flatMap((c) => c.items.map((item) => [item.code, item] as const))), [sources.categories]);
  const count = activeFilterCount(filters);

  function changeSort(key: string) {
    if (key === 'distance' && !filters.addressId) {
      Toast.show({ content: t('workers.distanceNeedsAddress'), duration: 2500 });
      setSheetOpen(true);
      return;
    }
    setSort(key as Sort);
  }

  return (
    <div className="m-workers">
      <header className="m-workers-header">
        <div className="m-workers-title">{t('workers.title')}</div>
        <div className="m-workers-subtitle">{t('workers.subtitle')}</div>
        <SearchBar className="m-search" placeholder={t('workers.searchPlaceholder')} value={text} onChange={setText} onClear={() => setText('')} data-testid="workers-search" />
      </header>
      <div className="m-workers-toolbar">
        <CapsuleTabs activeKey={sort} onChange={changeSort} className="m-workers-sort" data-testid="workers-sort">
          {SORTS.map((key) => (
            <CapsuleTabs.Tab key={key} title={t(`workers.sort.${key}`)} />
          ))}
        </CapsuleTabs>
        <Button size="small" fill="none" className={count ? 'm-filter-active' : undefined} onClick={() => setSheetOpen(true)} data-testid="workers-filter-toggle">
          <FilterOutline /> {count ? t('workers.filterCount', { count }) : t('workers.filter')}
        </Button>
      </div>
      <div className="m-workers-count" data-testid="workers-count">
        {search.items && (search.capped ? t('workers.countCapped', { count: search.total }) : t('workers.count', { count: search.total }))}
      </div>
      <div className="m-workers-list" data-testid="workers-list" aria-busy={search.loading}>
        {search.items?.map((worker) => <WorkerCard key={worker.id} worker={worker} skillNames={skillNames} onOpen={() => navigate(`/workers/${worker.id}`)} />)}
        {search.items?.length === 0 && (
          <p className="m-empty" data-testid="workers-empty">
            {t('workers.empty')}
          </p>
        )}
        {search.error !== undefined && !search.loading && (
          <ErrorBlock status="default" title={t('common.loadFailed')} description={errorText(search.error, '')}>
            <Button size="small" color="primary" onClick={search.retry}>
              {t('common.retry')}
            </Button>
          </ErrorBlock>
        )}
        {search.loading && (
          <div className="m-center">
            <DotLoading color="primary" />
          </div>
        )}
        {!search.loading && search.hasMore && (
          <Button block fill="none" onClick={search.more} data-testid="workers-more">
            {t('workers.loadMore')}
          </Button>
        )}
      </div>
      <WorkerFilterSheet
        open={sheetOpen}
        value={filters}
        sources={sources}
        onClose={() => setSheetOpen(false)}
        onApply={(next) => {
          setFilters(next);
          if (!next.addressId && sort === 'distance') setSort('rating');
          setSheetOpen(false);
        }}
      />
    </div>
  );
}
