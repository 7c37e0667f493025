import './catalog-home.css';
import { SearchBar, SideBar } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../shared/api';
import type { CategoryWithItems, ItemSummary } from '../shared/catalog-types';
import { localName, useI18n } from '../shared/i18n';
import type { City } from '../shared/types';
import { useLoad } from '../shared/use-load';
import { HomeHeader } from '../mobile/layout/home-header';
import { LoadState } from '../mobile/layout/load-state';
import { CatalogFilterBar, filterQuery, NO_FILTERS, type CatalogFilters } from './catalog-filters';
import { ItemCard } from './item-card';
import { CategoryRequestEntry, RequestEntry } from './requests/request-entry';

const ALL = 'all';

/** Customer home: search (汉字, English, pinyin, initials), filters and sorting, and browsing by category. */
export function CatalogHome() {
  const { t, lang } = useI18n();
  const [text, setText] = useState('');
  const loaded = useLoad(
    async (signal) => {
      const [city, categories] = await Promise.all([
        api<City>('/api/geo/city', { signal }),
        api<CategoryWithItems[]>('/api/catalog/categories', { signal }),
      ]);
      return { city, categories };
    },
    [],
  );

  return (
    <div className="m-home">
      <HomeHeader greeting={['home.greeting', 'home.greetingAnonymous']}>
        {loaded.data && <div className="m-home-city">{t('home.city', { city: localName(lang, loaded.data.city) })}</div>}
        <SearchBar
          className="m-search"
          placeholder={t('search.placeholder')}
          value={text}
          onChange={setText}
          onClear={() => setText('')}
          data-testid="catalog-search"
        />
      </HomeHeader>
      <LoadState loaded={loaded}>
        {({ categories }) =>
          categories.length === 0 ? <p className="m-empty">{t('home.catalogEmpty')}</p> : <Catalogue categories={categories} text={text} />
        }
      </LoadState>
    </div>
  );
}

/** `value`, once it has stayed unchanged for `ms`. */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

function Catalogue({ categories, text }: { categories: CategoryWithItems[]; text: string }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [activeKey, setActiveKey] = useState(categories[0].code);
  const [filters, setFilters] = useState<CatalogFilters>(NO_FILTERS);
  const q = useDebounced(text.trim(), 250);
  // A keyword searches every category; clearing it goes back to browsing.
  useEffect(() => {
    if (q) setActiveKey(ALL);
  }, [q]);
  const category = activeKey === ALL ? undefined : activeKey;
  const items = useLoad(
    (signal) => api<ItemSummary[]>('/api/catalog/items', { query: { q, category, ...filterQuery(filters) }, signal }),
    [q, category, JSON.stringify(filters)],
  );
  const active = categories.find((entry) => entry.code === activeKey);
  const open = (item: ItemSummary) => navigate(`/item/${encodeURIComponent(item.code)}`);

  return (
    <>
      <CatalogFilterBar value={filters} onChange={setFilters} />
      <RequestEntry />
      <div className="m-catalog" data-testid="catalog">
        <SideBar activeKey={activeKey} onChange={setActiveKey} className="m-catalog-side">
          <SideBar.Item key={ALL} title={<span className="m-catalog-tab"><span className="m-catalog-icon" aria-hidden="true">🏠</span>{t('home.allCategories')}</span>} />
          {categories.map((entry) => (
            <SideBar.Item
              key={entry.code}
              title={
                <span className="m-catalog-tab">
                  <span className="m-catalog-icon" aria-hidden="true">
                    {entry.icon}
                  </span>
                  {localName(lang, entry)}
                </span>
              }
            />
          ))}
        </SideBar>
        <div className="m-catalog-items" data-testid="catalog-items" aria-busy={items.loading}>
          <div className="m-catalog-heading">
            <span>{active ? localName(lang, active) : t('home.allCategories')}</span>
            {items.data && <span className="m-catalog-count">{t('home.resultCount', { count: items.data.length })}</span>}
          </div>
          {active && <CategoryRequestEntry code={active.code} name={localName(lang, active)} />}
          <LoadState loaded={items}>
            {(list) =>
              list.length === 0 ? (
                <p className="m-empty" data-testid="catalog-no-results">
                  {t('home.noResults')}
                </p>
              ) : (
                list.map((item) => <ItemCard key={item.id} item={item} onOpen={open} />)
              )
            }
          </LoadState>
        </div>
      </div>
    </>
  );
}
