import { Alert, App, Form, InputNumber, Modal, Spin } from 'antd';
import { api, errorText } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { useLoad } from '../../../shared/use-load';
import { useFormModal } from '../../use-form-modal';
import type { ComplaintSettings } from './complaint-types';

const FIELDS: (keyof ComplaintSettings)[] = ['firstResponseHours', 'resolutionHours', 'safetyFirstResponseHours', 'safetyResolutionHours', 'windowDays'];

/** SLA settings of the served city: read for the desk, saved with `orders:write` (field errors under each field). */
export function SettingsModal({ editable, onClose }: { editable: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ComplaintSettings>();
  const loaded = useLoad((signal) => api<ComplaintSettings>('/api/admin/complaints/settings', { signal }), []);
  const props = useFormModal(form, FIELDS, onClose, async (values) => {
    await api('/api/admin/complaints/settings', { method: 'PUT', body: values });
    message.success(t('common.saved'));
    onClose();
  });
  return (
    <Modal title={t('complaints.settings')} {...props} okButtonProps={{ disabled: !editable, id: 'complaint-settings-ok' }}>
      {loaded.error !== undefined && <Alert type="error" showIcon title={errorText(loaded.error, t('common.loadFailed'))} />}
      {!loaded.data && !loaded.error && <Spin />}
      {loaded.data && (
        <Form form={form} layout="vertical" initialValues={loaded.data} disabled={!editable} data-testid="complaint-settings-form">
          <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('complaints.settings.hint')} />
          {FIELDS.map((f) => (
            <Form.Item key={f} name={f} label={t(`complaints.settings.${f}`)} rules={[{ required: true, message: t('complaints.required') }]}>
              <InputNumber min={1} max={f === 'windowDays' ? 180 : 720} precision={0} id={`complaint-settings-${f}`} />
            </Form.Item>
          ))}
        </Form>
      )}
    </Modal>
  );
}
