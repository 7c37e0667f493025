import { Alert, App, Form, InputNumber, Modal, Spin } from 'antd';
import { api, errorText } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import type { RequestSettings } from '../../../shared/request-types';
import { useLoad } from '../../../shared/use-load';
import { useFormModal } from '../../use-form-modal';

const LIMITS: Record<keyof RequestSettings, [number, number]> = {
  expiryHours: [1, 168],
  roundSize: [1, 20],
  targetAnswers: [1, 10],
  roundMinutes: [5, 240],
  maxRounds: [1, 10],
};
const FIELDS = Object.keys(LIMITS) as (keyof RequestSettings)[];

/** This city's request settings (`GET/PUT /api/admin/requests/settings`): read with `orders:read`, saved with `orders:write`. */
export function RequestSettingsModal({ editable, onClose }: { editable: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<RequestSettings>();
  const loaded = useLoad((signal) => api<RequestSettings>('/api/admin/requests/settings', { signal }), []);
  const props = useFormModal(form, FIELDS, onClose, async (values) => {
    await api('/api/admin/requests/settings', { method: 'PUT', body: values });
    message.success(t('common.saved'));
    onClose();
  });
  return (
    <Modal title={t('areq.settings')} {...props} okButtonProps={{ disabled: !editable || !loaded.data, id: 'areq-settings-ok' }}>
      {loaded.error !== undefined && <Alert type="error" showIcon title={errorText(loaded.error, t('common.loadFailed'))} />}
      {!loaded.data && !loaded.error && <Spin />}
      {loaded.data && (
        <Form form={form} layout="vertical" initialValues={loaded.data} disabled={!editable} data-testid="areq-settings-form">
          <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('areq.settings.hint')} />
          {FIELDS.map((f) => (
            <Form.Item key={f} name={f} label={t(`areq.settings.${f}`)} rules={[{ required: true, message: t('areq.required') }]}>
              <InputNumber min={LIMITS[f][0]} max={LIMITS[f][1]} precision={0} id={`areq-settings-${f}`} />
            </Form.Item>
          ))}
        </Form>
      )}
    </Modal>
  );
}
