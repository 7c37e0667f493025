import { App, Button, Popconfirm, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api, errorText } from '../../shared/api';
import { formatDateTime } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import type { AdminRole, AdminRow } from '../../shared/types';
import { useLoad } from '../../shared/use-load';
import { useAdminSession } from '../session';
import { AdminFormModal } from './admin-form-modal';
import { ResetPasswordModal } from './reset-password-modal';

type Dialog = { kind: 'create' } | { kind: 'edit'; row: AdminRow } | { kind: 'password'; row: AdminRow } | null;

/** Console accounts: create, change roles, disable / enable, reset password. */
export function AdminsPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { admin: me } = useAdminSession();
  const loaded = useLoad((signal) => api<AdminRow[]>('/api/admin/admins', { signal }), []);
  const [dialog, setDialog] = useState<Dialog>(null);

  async function setDisabled(row: AdminRow, disabled: boolean) {
    try {
      await api(`/api/admin/admins/${row.id}`, { method: 'PATCH', body: { disabled } });
      message.success(t('common.saved'));
      loaded.reload();
    } catch (error) {
      message.error(errorText(error, t('common.failed')));
    }
  }

  function closeDialog(changed: boolean) {
    setDialog(null);
    if (changed) loaded.reload();
  }

  const columns: TableColumnsType<AdminRow> = [
    { title: t('admins.username'), dataIndex: 'username', render: (username: string, row) => (row.id === me?.id ? `${username}${t('admins.self')}` : username) },
    { title: t('admins.name'), dataIndex: 'name' },
    { title: t('admins.roles'), dataIndex: 'roles', render: (roles: AdminRole[]) => roles.map((role) => <Tag key={role} color={role === 'super_admin' ? 'red' : 'orange'}>{t(`role.${role}`)}</Tag>) },
    { title: t('admins.status'), dataIndex: 'disabled', render: (disabled: boolean) => (disabled ? <Tag>{t('admins.disabled')}</Tag> : <Tag color="green">{t('admins.enabled')}</Tag>) },
    { title: t('admins.lastLogin'), dataIndex: 'lastLoginAt', render: (value: string | null) => formatDateTime(value, lang) },
    { title: t('common.createdAt'), dataIndex: 'createdAt', render: (value: string) => formatDateTime(value, lang) },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_value, row) => (
        <Space size={0} wrap>
          <Button type="link" onClick={() => setDialog({ kind: 'edit', row })}>
            {t('admins.edit')}
          </Button>
          <Button type="link" onClick={() => setDialog({ kind: 'password', row })}>
            {t('admins.resetPassword')}
          </Button>
          {row.id !== me?.id && (
            <Popconfirm
              title={t(row.disabled ? 'admins.enableConfirm' : 'admins.disableConfirm')}
              okText={t(row.disabled ? 'admins.enable' : 'admins.disable')}
              cancelText={t('common.cancel')}
              onConfirm={() => setDisabled(row, !row.disabled)}
            >
              <Button type="link" danger={!row.disabled}>
                {t(row.disabled ? 'admins.enable' : 'admins.disable')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <div className="a-toolbar">
        <span className="a-toolbar-spacer" />
        <Button type="primary" onClick={() => setDialog({ kind: 'create' })} data-testid="admins-create">
          {t('admins.create')}
        </Button>
      </div>
      <Table<AdminRow> rowKey="id" data-testid="admins-table" columns={columns} dataSource={loaded.data ?? []} loading={loaded.loading} pagination={false} scroll={{ x: 'max-content' }} />
      {(dialog?.kind === 'create' || dialog?.kind === 'edit') && <AdminFormModal row={dialog.kind === 'edit' ? dialog.row : undefined} onClose={closeDialog} />}
      {dialog?.kind === 'password' && <ResetPasswordModal row={dialog.row} onClose={closeDialog} />}
    </>
  );
}
