import { Badge, Input, Select, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api';
import { localName, useI18n } from '../../shared/i18n';
import type { AdminWorkerRow, City, Gender, WorkerStatus } from '../../shared/types';
import { useLoad } from '../../shared/use-load';
import { PagedTable } from '../paged-table';
import { usePaged } from '../use-paged';

const STATUS_COLORS: Record<WorkerStatus, string> = { draft: 'default', submitted: 'gold', approved: 'green', rejected: 'red', removed: 'default' };

export function WorkersPage() {
  const { t, lang } = useI18n();
  const [q, setQ] = useState('');
  const [districtCode, setDistrictCode] = useState('');
  const city = useLoad((signal) => api<City>('/api/geo/city', { signal }), []);
  const paged = usePaged<AdminWorkerRow>('/api/admin/workers', { q, districtCode });

  const columns: TableColumnsType<AdminWorkerRow> = [
    { title: t('users.name'), dataIndex: 'name' },
    { title: t('workers.gender'), dataIndex: 'gender', render: (gender: Gender) => t(`gender.${gender}`) },
    {
      title: t('workers.status'),
      key: 'status',
      render: (_value, row) => (
        <>
          <Tag color={STATUS_COLORS[row.status]}>{t(`workers.status.${row.status}`)}</Tag>
          {row.suspendedUntil && <Tag color="orange">{t('workers.status.suspended')}</Tag>}
          <Badge status={row.online ? 'success' : 'default'} text={t(row.online ? 'workers.online' : 'workers.offline')} />
        </>
      ),
    },
    { title: t('workers.district'), dataIndex: 'districtName', render: (value: string | null) => value ?? '—' },
    {
      title: t('workers.skills'),
      dataIndex: 'skills',
      render: (skills: string[]) => skills.map((skill) => <Tag key={skill}>{skill}</Tag>),
    },
    {
      title: t('workers.rating'),
      key: 'rating',
      render: (_value, row) => (row.ratingAvg === null || !row.ratingCount ? '—' : t('workers.ratingValue', { avg: row.ratingAvg.toFixed(1), count: row.ratingCount })),
    },
    { title: t('workers.ordersDone'), dataIndex: 'ordersDone', align: 'right' },
    { title: t('workers.experience'), dataIndex: 'experienceYears', render: (years: number) => t('workers.years', { years }) },
  ];

  return (
    <>
      <div className="a-toolbar">
        <Input.Search
          allowClear
          placeholder={t('workers.searchPlaceholder')}
          enterButton={t('common.search')}
          onSearch={(value) => setQ(value.trim())}
          style={{ width: 300 }}
          data-testid="workers-search"
        />
        <Select<string>
          value={districtCode}
          onChange={setDistrictCode}
          style={{ width: 180 }}
          loading={city.loading}
          data-testid="workers-district"
          options={[
            { value: '', label: t('workers.allDistricts') },
            ...(city.data?.districts ?? []).map((district) => ({ value: district.code, label: localName(lang, district) })),
          ]}
        />
      </div>
      <PagedTable paged={paged} columns={columns} testId="workers-table" />
    </>
  );
}
