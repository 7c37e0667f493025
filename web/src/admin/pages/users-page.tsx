import { Input, Select, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { formatDateTime } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import type { AdminUserRow, UserRole } from '../../shared/types';
import { PagedTable } from '../paged-table';
import { usePaged } from '../use-paged';

export function UsersPage() {
  const { t, lang } = useI18n();
  const [q, setQ] = useState('');
  const [role, setRole] = useState<UserRole | ''>('');
  const paged = usePaged<AdminUserRow>('/api/admin/users', { q, role });

  const columns: TableColumnsType<AdminUserRow> = [
    { title: t('users.name'), dataIndex: 'name', render: (name: string) => name || t('users.unnamed') },
    {
      title: t('users.roles'),
      dataIndex: 'roles',
      render: (roles: UserRole[]) => roles.map((item) => <Tag key={item} color={item === 'worker' ? 'blue' : 'orange'}>{t(`role.${item}`)}</Tag>),
    },
    { title: t('users.phone'), dataIndex: 'phoneMasked', render: (value: string | null) => value ?? '—' },
    { title: t('users.email'), dataIndex: 'email', render: (value: string | null) => value ?? '—' },
    { title: t('common.createdAt'), dataIndex: 'createdAt', render: (value: string) => formatDateTime(value, lang) },
    {
      title: t('users.status'),
      dataIndex: 'deletedAt',
      render: (value: string | null) => (value ? <Tag>{t('users.deleted')}</Tag> : <Tag color="green">{t('users.active')}</Tag>),
    },
  ];

  return (
    <>
      <div className="a-toolbar">
        <Input.Search
          allowClear
          placeholder={t('users.searchPlaceholder')}
          enterButton={t('common.search')}
          onSearch={(value) => setQ(value.trim())}
          style={{ width: 320 }}
          data-testid="users-search"
        />
        <Select<UserRole | ''>
          value={role}
          onChange={setRole}
          style={{ width: 140 }}
          options={[
            { value: '', label: t('common.all') },
            { value: 'customer', label: t('role.customer') },
            { value: 'worker', label: t('role.worker') },
          ]}
        />
      </div>
      <PagedTable paged={paged} columns={columns} testId="users-table" />
    </>
  );
}
