import { App, Form, Input, Modal } from 'antd';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import type { AdminRow } from '../../shared/types';
import { useFormModal } from '../use-form-modal';

/** Sets a new password for another admin (`PATCH /api/admin/admins/:id {password}`). */
export function ResetPasswordModal({ row, onClose }: { row: AdminRow; onClose: (changed: boolean) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const modalProps = useFormModal(form, ['password'], onClose, async ({ password }) => {
    await api(`/api/admin/admins/${row.id}`, { method: 'PATCH', body: { password } });
    message.success(t('admins.passwordReset'));
    onClose(true);
  });

  return (
    <Modal title={`${t('admins.resetPassword')} · ${row.username}`} {...modalProps}>
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item name="password" label={t('admins.newPassword')} extra={t('admins.passwordHint')} rules={[{ required: true, min: 8, message: t('admins.passwordTooShort') }]}>
          <Input.Password id="reset-admin-password" autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
