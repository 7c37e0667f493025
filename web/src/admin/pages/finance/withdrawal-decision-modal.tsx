import { App, Form, Input, Modal } from 'antd';
import { api } from '../../../shared/api';
import { formatFen } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { useFormModal } from '../../use-form-modal';
import type { AdminWithdrawal } from './finance-types';

/** 通过 (optional note) or 驳回 (note required) a withdrawal under review. */
export function WithdrawalDecisionModal({ withdrawal, approve, onClose }: { withdrawal: AdminWithdrawal; approve: boolean; onClose: (done: boolean) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note?: string }>();
  const props = useFormModal(form, ['note'], () => onClose(false), async (values) => {
    const note = values.note?.trim() ?? '';
    await api(`/api/admin/finance/withdrawals/${withdrawal.id}/${approve ? 'approve' : 'reject'}`, { body: approve && !note ? {} : { note } });
    message.success(t(approve ? 'fin.wd.approved' : 'fin.wd.rejected'));
    onClose(true);
  });
  return (
    <Modal
      title={`${t(approve ? 'fin.wd.approveTitle' : 'fin.wd.rejectTitle')} · ${withdrawal.workerName} ${formatFen(withdrawal.amountFen)}`}
      {...props}
      okText={t(approve ? 'fin.wd.approve' : 'fin.wd.reject')}
      okButtonProps={{ danger: !approve, id: 'withdrawal-decision-ok' }}
    >
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item name="note" label={t('fin.wd.noteLabel')} rules={approve ? [] : [{ required: true, whitespace: true, message: t('fin.wd.noteRequired') }]}>
          <Input.TextArea id="withdrawal-note" rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
