import { Alert, Button, Input, Table, Tabs, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api, errorText } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import type { City } from '../../../shared/types';
import { useLoad } from '../../../shared/use-load';
import type { ReviewRow } from '../../../shared/worker-types';
import { ExpiringCertificates } from './expiring-certificates';
import { WorkerFileDrawer } from './worker-file-drawer';

type Tab = 'submitted' | 'rejected' | 'approved' | 'expiring';
const PAGE_SIZE = 20;
const TABS: Tab[] = ['submitted', 'rejected', 'approved', 'expiring'];

/** 师傅审核: applications by review status, a worker's file in a drawer with the review actions. */
export function WorkerReviewsPage() {
  const { t } = useI18n();
  const [tab, setTab] = useState<Tab>('submitted');
  const [open, setOpen] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const city = useLoad((signal) => api<City>('/api/geo/city', { signal }), []);
  const rows = useLoad(
    (signal) => (tab === 'expiring'
      ? Promise.resolve({ items: [], total: 0 })
      : api<{ items: ReviewRow[]; total: number }>('/api/admin/worker-reviews', { query: { status: tab, q: q || undefined, page, pageSize: PAGE_SIZE }, signal })),
    [tab, q, page],
  );

  return (
    <div data-testid="worker-reviews">
      <Tabs
        activeKey={tab}
        onChange={(key) => { setTab(key as Tab); setPage(1); }}
        items={TABS.map((key) => ({ key, label: <span data-testid={`review-tab-${key}`}>{t(`review.tab.${key}`)}</span> }))}
      />
      {tab === 'expiring' ? (
        <ExpiringCertificates onOpen={setOpen} />
      ) : (
        <>
          <div className="a-toolbar">
            <Input.Search allowClear placeholder={t('review.search')} onSearch={(value) => { setQ(value.trim()); setPage(1); }} style={{ width: 320 }} data-testid="review-search" />
          </div>
          <ReviewTable rows={rows.data?.items ?? []} total={rows.data?.total ?? 0} page={page} onPage={setPage} loading={rows.loading} error={rows.error} onRetry={() => rows.reload()} onOpen={setOpen} />
        </>
      )}
      {open && (
        <WorkerFileDrawer
          workerId={open}
          city={city.data}
          onClose={(changed) => {
            setOpen(null);
            if (changed) rows.reload(true);
          }}
        />
      )}
    </div>
  );
}

interface ReviewTableProps {
  rows: ReviewRow[];
  total: number;
  page: number;
  onPage: (page: number) => void;
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  onOpen: (workerId: string) => void;
}

function ReviewTable({ rows, total, page, onPage, loading, error, onRetry, onOpen }: ReviewTableProps) {
  const { t, lang } = useI18n();
  const columns: TableColumnsType<ReviewRow> = [
    { title: t('review.displayName'), dataIndex: 'displayName', render: (name: string) => name || t('users.unnamed') },
    { title: t('review.workerType'), dataIndex: 'workerType', render: (type: string) => <Tag>{t(`review.workerType.${type}`)}</Tag> },
    { title: t('workers.experience'), dataIndex: 'experienceYears', render: (years: number) => t('workers.years', { years }) },
    { title: t('workers.district'), dataIndex: 'districtName', render: (value: string | null) => value ?? '—' },
    { title: t('users.phone'), dataIndex: 'phoneMasked', render: (value: string | null) => value ?? '—' },
    { title: t('review.submittedAt'), dataIndex: 'submittedAt', render: (value: string | null) => formatDateTime(value, lang) },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_value, row) => (
        <Button type="link" onClick={() => onOpen(row.workerId)} data-testid={`review-open-${row.workerId}`}>
          {t('review.open')}
        </Button>
      ),
    },
  ];
  return (
    <>
      {error !== undefined && (
        <Alert type="error" showIcon className="a-toolbar" title={t('common.loadFailed')} description={errorText(error, '')} action={<Button onClick={onRetry}>{t('common.retry')}</Button>} />
      )}
      <Table<ReviewRow>
        rowKey="workerId"
        data-testid="review-table"
        columns={columns}
        dataSource={rows}
        loading={loading}
        pagination={{ current: page, total, pageSize: PAGE_SIZE, onChange: onPage, showSizeChanger: false, showTotal: (count) => t('common.total', { total: count }) }}
        onRow={(row) => ({ onDoubleClick: () => onOpen(row.workerId) })}
      />
    </>
  );
}
