import { App, Checkbox, Form, Input, Modal } from 'antd';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import type { AdminRole, AdminRow } from '../../shared/types';
import { useFormModal } from '../use-form-modal';

const ROLES: AdminRole[] = ['super_admin', 'operations', 'finance', 'support'];

interface AdminValues {
  username: string;
  name: string;
  password: string;
  roles: AdminRole[];
}

/** Creates an admin (no `row`) or edits an admin's name and roles. */
export function AdminFormModal({ row, onClose }: { row?: AdminRow; onClose: (changed: boolean) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<AdminValues>();
  const modalProps = useFormModal(form, ['username', 'name', 'password', 'roles'], onClose, async (values) => {
    if (row) {
      await api(`/api/admin/admins/${row.id}`, { method: 'PATCH', body: { name: values.name.trim(), roles: values.roles } });
      message.success(t('common.saved'));
    } else {
      await api('/api/admin/admins', { body: { username: values.username.trim(), name: values.name.trim(), password: values.password, roles: values.roles } });
      message.success(t('admins.created'));
    }
    onClose(true);
  });

  const required = (field: string) => [{ required: true, whitespace: true, message: t('login.required', { field: t(field) }) }];
  return (
    <Modal title={row ? t('admins.editTitle') : t('admins.create')} {...modalProps}>
      <Form form={form} layout="vertical" initialValues={row ? { name: row.name, roles: row.roles } : { roles: [] }} requiredMark={false}>
        {!row && (
          <Form.Item name="username" label={t('admins.username')} rules={required('admins.username')}>
            <Input id="new-admin-username" autoComplete="off" maxLength={40} />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('admins.name')} rules={required('admins.name')}>
          <Input id="admin-name" maxLength={40} />
        </Form.Item>
        {!row && (
          <Form.Item name="password" label={t('admins.password')} extra={t('admins.passwordHint')} rules={[{ required: true, min: 8, message: t('admins.passwordTooShort') }]}>
            <Input.Password id="new-admin-password" autoComplete="new-password" />
          </Form.Item>
        )}
        <Form.Item name="roles" label={t('admins.roles')} rules={[{ required: true, type: 'array', min: 1, message: t('admins.rolesRequired') }]}>
          <Checkbox.Group options={ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
