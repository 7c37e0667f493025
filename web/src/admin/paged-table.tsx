import { Alert, Button, Table, type TableColumnsType } from 'antd';
import { errorText } from '../shared/api';
import { useI18n } from '../shared/i18n';
import { PAGE_SIZE, type Paged } from './use-paged';

/** A server-paged table with a retry banner when loading failed. */
export function PagedTable<T extends { id: string | number }>({ paged, columns, testId }: { paged: Paged<T>; columns: TableColumnsType<T>; testId: string }) {
  const { t } = useI18n();
  return (
    <>
      {paged.error !== undefined && (
        <Alert
          type="error"
          showIcon
          className="a-toolbar"
          title={t('common.loadFailed')}
          description={errorText(paged.error, '')}
          action={<Button onClick={() => paged.reload()}>{t('common.retry')}</Button>}
        />
      )}
      <Table<T>
        rowKey="id"
        data-testid={testId}
        columns={columns}
        dataSource={paged.data?.items ?? []}
        loading={paged.loading}
        pagination={{
          current: paged.page,
          pageSize: PAGE_SIZE,
          total: paged.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t('common.total', { total }),
          onChange: paged.setPage,
        }}
      />
    </>
  );
}
