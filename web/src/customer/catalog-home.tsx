import './catalog-home.css';
import { List, Popup, SideBar } from 'antd-mobile';
import { useState } from 'react';
import { api } from '../shared/api';
import { unitLabel } from '../shared/catalog-units';
import { formatFenRange } from '../shared/format';
import { localName, useI18n } from '../shared/i18n';
import type { CatalogCategory, CatalogItem, City } from '../shared/types';
import { useLoad } from '../shared/use-load';
import { HomeHeader } from '../mobile/layout/home-header';
import { LoadState } from '../mobile/layout/load-state';
import { useDuration } from './use-duration';
import { ItemDetail } from './item-detail';

/** Customer home: the service catalogue of the city, browsed by category. */
export function CatalogHome() {
  const { t, lang } = useI18n();
  const loaded = useLoad(
    async (signal) => {
      const [city, categories] = await Promise.all([
        api<City>('/api/geo/city', { signal }),
        api<CatalogCategory[]>('/api/catalog/categories', { signal }),
      ]);
      return { city, categories };
    },
    [],
  );

  return (
    <div className="m-home">
      <HomeHeader greeting={['home.greeting', 'home.greetingAnonymous']}>
        {loaded.data && <div className="m-home-city">{t('home.city', { city: localName(lang, loaded.data.city) })}</div>}
      </HomeHeader>
      <LoadState loaded={loaded}>
        {({ categories }) =>
          categories.length === 0 ? <p className="m-empty">{t('home.catalogEmpty')}</p> : <Catalogue categories={categories} />
        }
      </LoadState>
    </div>
  );
}

function Catalogue({ categories }: { categories: CatalogCategory[] }) {
  const { t, lang } = useI18n();
  const duration = useDuration();
  const [activeId, setActiveId] = useState(categories[0].id);
  const [openItem, setOpenItem] = useState<CatalogItem | null>(null);
  const active = categories.find((category) => category.id === activeId) ?? categories[0];

  return (
    <div className="m-catalog" data-testid="catalog">
      <SideBar activeKey={active.id} onChange={setActiveId} className="m-catalog-side">
        {categories.map((category) => (
          <SideBar.Item
            key={category.id}
            title={
              <span className="m-catalog-tab">
                <span className="m-catalog-icon" aria-hidden="true">
                  {category.icon}
                </span>
                {localName(lang, category)}
              </span>
            }
          />
        ))}
      </SideBar>
      <div className="m-catalog-items">
        <List header={localName(lang, active)}>
          {active.items.map((item) => (
            <List.Item
              key={item.id}
              onClick={() => setOpenItem(item)}
              description={t('item.duration', { duration: duration(item.durationMinutes) })}
              extra={<span className="m-price">{t('item.perUnit', { price: formatFenRange(item.referenceMinFen, item.referenceMaxFen), unit: unitLabel(t, item.unit) })}</span>}
            >
              {localName(lang, item)}
            </List.Item>
          ))}
        </List>
      </div>
      <Popup visible={openItem !== null} onMaskClick={() => setOpenItem(null)} onClose={() => setOpenItem(null)} bodyClassName="m-popup">
        {openItem && <ItemDetail item={openItem} category={active} />}
      </Popup>
    </div>
  );
}
