import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { api, errorText } from '../../shared/api';
import { applyFieldErrors } from '../../shared/form-errors';
import { useI18n } from '../../shared/i18n';
import type { AdminRow } from '../../shared/types';

/** Sets a new password for another admin (`PATCH /api/admin/admins/:id {password}`). */
export function ResetPasswordModal({ row, onClose }: { row: AdminRow; onClose: (changed: boolean) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const [saving, setSaving] = useState(false);

  async function save() {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const { password } = values;
    setSaving(true);
    try {
      await api(`/api/admin/admins/${row.id}`, { method: 'PATCH', body: { password } });
      message.success(t('admins.passwordReset'));
      onClose(true);
    } catch (error) {
      if (!applyFieldErrors(form, error, ['password'])) message.error(errorText(error, t('common.failed')));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      title={`${t('admins.resetPassword')} · ${row.username}`}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={save}
      onCancel={() => onClose(false)}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item name="password" label={t('admins.newPassword')} extra={t('admins.passwordHint')} rules={[{ required: true, min: 8, message: t('admins.passwordTooShort') }]}>
          <Input.Password id="reset-admin-password" autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
