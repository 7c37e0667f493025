import { Alert, Table, type TableColumnsType } from 'antd';
import { api, errorText } from '../../shared/api';
import { unitLabel } from '../../shared/catalog-units';
import { formatFenRange } from '../../shared/format';
import { localName, useI18n } from '../../shared/i18n';
import type { CatalogCategory, CatalogItem } from '../../shared/types';
import { useLoad } from '../../shared/use-load';

/** The service catalogue, read-only: categories with their items. */
export function CatalogPage() {
  const { t, lang } = useI18n();
  const loaded = useLoad((signal) => api<CatalogCategory[]>('/api/catalog/categories', { signal }), []);

  const itemColumns: TableColumnsType<CatalogItem> = [
    { title: t('catalog.item'), key: 'name', render: (_value, item) => localName(lang, item) },
    { title: t('catalog.code'), dataIndex: 'code' },
    { title: t('catalog.price'), key: 'price', render: (_value, item) => formatFenRange(item.referenceMinFen, item.referenceMaxFen) },
    { title: t('catalog.unit'), dataIndex: 'unit', render: (unit: string) => unitLabel(t, unit) },
    { title: t('catalog.duration'), dataIndex: 'durationMinutes', render: (minutes: number) => t('catalog.minutes', { minutes }) },
  ];
  const categoryColumns: TableColumnsType<CatalogCategory> = [
    { title: t('catalog.category'), key: 'name', render: (_value, category) => `${category.icon ?? ''} ${localName(lang, category)}`.trim() },
    { title: t('catalog.code'), dataIndex: 'code' },
    { title: t('catalog.itemCount'), key: 'count', render: (_value, category) => category.items.length },
  ];

  if (loaded.error) return <Alert type="error" showIcon title={t('common.loadFailed')} description={errorText(loaded.error, '')} />;
  return (
    <Table<CatalogCategory>
      key={loaded.data ? 'loaded' : 'loading'}
      rowKey="id"
      data-testid="catalog-table"
      loading={loaded.loading}
      columns={categoryColumns}
      dataSource={loaded.data ?? []}
      pagination={false}
      expandable={{
        defaultExpandAllRows: true,
        expandedRowRender: (category) => (
          <Table<CatalogItem> rowKey="id" size="small" columns={itemColumns} dataSource={category.items} pagination={false} />
        ),
      }}
    />
  );
}
