import { Form, Input, InputNumber, Modal, Radio } from 'antd';
import { api } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import type { PenaltyKind } from '../../../shared/worker-types';
import { useFormModal } from '../../use-form-modal';

/** 驳回 with a reason the worker sees. */
export function RejectModal({ workerId, onClose }: { workerId: string; onClose: (done: boolean) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  const props = useFormModal(form, ['reason'], onClose, async (values) => {
    await api(`/api/admin/workers/${workerId}/reject`, { body: { reason: values.reason.trim() } });
    onClose(true);
  });
  return (
    <Modal title={t('review.rejectTitle')} {...props} okText={t('review.reject')} okButtonProps={{ danger: true, id: 'reject-ok' }}>
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item name="reason" label={t('review.reason')} extra={t('review.rejectHint')} rules={[{ required: true, whitespace: true, min: 2, message: t('review.reasonRequired') }]}>
          <Input.TextArea id="reject-reason" rows={3} maxLength={300} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface PenaltyValues {
  kind: PenaltyKind;
  days?: number;
  reason: string;
}

/** 处罚: a warning, a suspension for N days, or permanent removal — with a reason the worker sees. */
export function PenaltyModal({ workerId, onClose }: { workerId: string; onClose: (done: boolean) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<PenaltyValues>();
  const kind = Form.useWatch('kind', form);
  const props = useFormModal(form, ['kind', 'days', 'reason'], onClose, async (values) => {
    await api(`/api/admin/workers/${workerId}/penalties`, {
      body: { kind: values.kind, reason: values.reason.trim(), ...(values.kind === 'suspension' ? { days: values.days } : {}) },
    });
    onClose(true);
  });
  return (
    <Modal title={t('review.penaltyTitle')} {...props} okText={t('review.penalize')} okButtonProps={{ danger: true }}>
      <Form form={form} layout="vertical" requiredMark={false} initialValues={{ kind: 'warning', days: 7 }}>
        <Form.Item name="kind" label={t('review.penaltyKind')}>
          <Radio.Group optionType="button" options={(['warning', 'suspension', 'removal'] as const).map((value) => ({ value, label: t(`review.penalty.${value}`) }))} />
        </Form.Item>
        {kind === 'suspension' && (
          <Form.Item name="days" label={t('review.penaltyDays')} rules={[{ required: true, message: t('review.penaltyDaysRequired') }]}>
            <InputNumber min={1} max={365} precision={0} addonAfter={t('review.daysUnit')} />
          </Form.Item>
        )}
        <Form.Item name="reason" label={t('review.reason')} rules={[{ required: true, whitespace: true, min: 2, message: t('review.reasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={300} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The decision on a worker's appeal: upheld (the penalty stays) or revoked, with a note. */
export function AppealDecisionModal({ penaltyId, outcome, onClose }: { penaltyId: string; outcome: 'upheld' | 'revoked'; onClose: (done: boolean) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ note: string }>();
  const props = useFormModal(form, ['note', 'outcome'], onClose, async (values) => {
    await api(`/api/admin/penalties/${penaltyId}/appeal-decision`, { body: { outcome, note: (values.note ?? '').trim() } });
    onClose(true);
  });
  return (
    <Modal title={t(`review.appeal.${outcome}Title`)} {...props} okText={t(`review.appeal.${outcome}`)}>
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item name="note" label={t('review.appealNote')}>
          <Input.TextArea rows={3} maxLength={300} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
