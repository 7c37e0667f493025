import { Alert, Button, Skeleton, Tabs } from 'antd';
import { api, errorText } from '../../shared/api';
import type { AdminCatalog } from '../../shared/catalog-types';
import { localName, useI18n } from '../../shared/i18n';
import { useLoad } from '../../shared/use-load';
import { useAdminSession } from '../session';
import { CategoriesTab } from './catalog/categories-tab';
import { HistoryTab } from './catalog/history';
import { ItemsTab } from './catalog/items-tab';
import { RulesTab } from './catalog/rules-tab';

/** 服务目录: items, categories, time rules and the change history; editing needs `catalog:write`. */
export function CatalogPage() {
  const { t, lang } = useI18n();
  const { can } = useAdminSession();
  const canWrite = can('catalog:write');
  const loaded = useLoad((signal) => api<AdminCatalog>('/api/admin/catalog', { signal }), []);

  if (loaded.error && !loaded.data) {
    return (
      <Alert
        type="error"
        showIcon
        title={t('common.loadFailed')}
        description={errorText(loaded.error, '')}
        action={<Button onClick={() => loaded.reload()}>{t('common.retry')}</Button>}
      />
    );
  }
  if (!loaded.data) return <Skeleton active />;
  const catalog = loaded.data;
  const reload = () => loaded.reload(true);
  const names = new Map<string, string>();
  for (const category of catalog.categories) {
    names.set(category.id, localName(lang, category));
    for (const item of category.items) names.set(item.id, localName(lang, item));
  }

  return (
    <div className="a-catalog" data-testid="catalog-page">
      {!canWrite && <Alert type="info" showIcon title={t('catalog.readOnly')} className="a-toolbar" />}
      <Tabs
        destroyOnHidden
        items={[
          { key: 'items', label: t('catalog.tab.items'), children: <ItemsTab catalog={catalog} canWrite={canWrite} reload={reload} /> },
          { key: 'categories', label: t('catalog.tab.categories'), children: <CategoriesTab catalog={catalog} canWrite={canWrite} reload={reload} /> },
          { key: 'rules', label: t('catalog.tab.rules'), children: <RulesTab canWrite={canWrite} /> },
          { key: 'history', label: t('catalog.tab.history'), children: <HistoryTab names={names} /> },
        ]}
      />
    </div>
  );
}
