import { Alert, App, Descriptions, Form, Input, Modal } from 'antd';
import { api, ApiError } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { useFormModal } from '../../use-form-modal';
import { formatLocation, type DeskIncident } from './incident-types';

interface Props {
  incident: DeskIncident;
  /** `true` once resolved. */
  onClose: (done: boolean) => void;
  /** The incident moved meanwhile (409 INCIDENT_STATE): explained and the list reloaded. */
  onRefused: (error: unknown) => void;
}

/** 处理完毕: what was done (required, ≤ 500 characters; audited) → POST /api/admin/incidents/:id/resolve. */
export function ResolveIncidentModal({ incident, onClose, onRefused }: Props) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ resolution: string }>();
  const props = useFormModal(
    form,
    ['resolution'],
    () => onClose(false),
    async (values) => {
      await api<DeskIncident>(`/api/admin/incidents/${incident.id}/resolve`, { body: { resolution: values.resolution.trim() } });
      message.success(t('incident.resolved'));
      onClose(true);
    },
    (error) => {
      if (!(error instanceof ApiError && error.code === 'INCIDENT_STATE')) return false;
      onRefused(error);
      onClose(false);
      return true;
    },
  );
  return (
    <Modal title={t('incident.resolveTitle', { no: incident.incidentNo })} {...props} okText={t('incident.resolve')} okButtonProps={{ id: 'incident-resolve-ok' }}>
      <Descriptions
        size="small"
        column={1}
        className="a-toolbar"
        items={[
          { key: 'who', label: t('incident.col.who'), children: `${incident.userName || t('incident.unnamed')}（${t(`incident.role.${incident.role}`)}）${incident.userPhone ?? ''}` },
          { key: 'time', label: t('incident.col.time'), children: formatDateTime(incident.createdAt, lang) },
          { key: 'where', label: t('incident.col.location'), children: formatLocation(incident.location) ?? t('incident.noLocation') },
          ...(incident.note ? [{ key: 'note', label: t('incident.col.note'), children: incident.note }] : []),
        ]}
      />
      <Alert type="info" showIcon title={t('incident.resolveHint')} className="a-toolbar" />
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item name="resolution" label={t('incident.resolution')} rules={[{ required: true, whitespace: true, message: t('incident.resolutionRequired') }]}>
          <Input.TextArea id="incident-resolution" rows={4} maxLength={500} showCount placeholder={t('incident.resolutionPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
