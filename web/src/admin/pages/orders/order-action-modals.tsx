import { Alert, App, Form, Input, Modal, Radio, Select } from 'antd';
import { api } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import type { AdminOrderView, OrderState } from '../../../shared/order-types';
import { useFormModal } from '../../use-form-modal';
import { ORDER_STATES } from './order-format';

interface ActionProps {
  order: AdminOrderView;
  onClose: (updated: AdminOrderView | null) => void;
}

function ReasonField({ id }: { id: string }) {
  const { t } = useI18n();
  return (
    <Form.Item name="reason" label={t('order.reason')} extra={t('order.reasonAudited')} rules={[{ required: true, whitespace: true, min: 2, message: t('order.reasonRequired') }]}>
      <Input.TextArea id={id} rows={3} maxLength={300} showCount />
    </Form.Item>
  );
}

/** 取消订单 with a reason (refund and fees follow the cancellation policy). */
export function CancelOrderModal({ order, onClose }: ActionProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string; cause: 'platform' | 'customer' }>();
  const props = useFormModal(form, ['reason', 'cause'], () => onClose(null), async (values) => {
    const updated = await api<AdminOrderView>(`/api/admin/orders/${order.id}/cancel`, { body: { reason: values.reason.trim(), cause: values.cause } });
    message.success(t('order.cancelled'));
    onClose(updated);
  });
  return (
    <Modal title={t('order.cancelTitle')} {...props} okText={t('order.action.cancel')} okButtonProps={{ danger: true, id: 'order-cancel-ok' }}>
      <Alert type="info" showIcon title={t('order.cancelHint')} className="a-toolbar" />
      <Form form={form} layout="vertical" requiredMark={false} initialValues={{ cause: 'platform' }}>
        <Form.Item name="cause" label={t('order.cancelCause')}>
          <Radio.Group
            data-testid="order-cancel-cause"
            options={(['platform', 'customer'] as const).map((cause) => ({ value: cause, label: t(`order.cancelCause.${cause}`) }))}
          />
        </Form.Item>
        <ReasonField id="order-cancel-reason" />
      </Form>
    </Modal>
  );
}

/** 强制变更状态: any other state, with a reason; it moves no money and no schedule (the API only writes the status and audits it). */
export function ForceStateModal({ order, onClose }: ActionProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ target: OrderState; reason: string }>();
  const props = useFormModal(form, ['target', 'reason'], () => onClose(null), async (values) => {
    const updated = await api<AdminOrderView>(`/api/admin/orders/${order.id}/force`, { body: { target: values.target, reason: values.reason.trim() } });
    message.success(t('order.forced'));
    onClose(updated);
  });
  return (
    <Modal title={t('order.forceTitle')} {...props} okText={t('order.action.force')} okButtonProps={{ danger: true, id: 'order-force-ok' }}>
      <Alert type="warning" showIcon title={t('order.forceWarning')} className="a-toolbar" data-testid="order-force-warning" />
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item label={t('order.forceTarget')} extra={t('order.forceCurrent', { state: t(`state.${order.status}`) })} name="target" rules={[{ required: true, message: t('order.forceTargetRequired') }]}>
          <Select<OrderState>
            id="order-force-target"
            data-testid="order-force-target"
            showSearch={{ optionFilterProp: 'label' }}
            options={ORDER_STATES.filter((state) => state !== order.status).map((state) => ({ value: state, label: t(`state.${state}`) }))}
          />
        </Form.Item>
        <ReasonField id="order-force-reason" />
      </Form>
    </Modal>
  );
}

/** 同意 / 拒绝 a worker's reschedule request (`POST /api/admin/reschedules/:rid/decision`); rejecting needs a note. */
export function RescheduleDecisionModal({ requestId, approve, onClose }: { requestId: string; approve: boolean; onClose: (done: boolean) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note?: string }>();
  const props = useFormModal(form, ['note'], onClose, async (values) => {
    await api(`/api/admin/reschedules/${requestId}/decision`, { body: { approve, note: (values.note ?? '').trim() } });
    message.success(t(approve ? 'reschedules.approved' : 'reschedules.rejected'));
    onClose(true);
  });
  return (
    <Modal
      title={t(approve ? 'reschedules.approveTitle' : 'reschedules.rejectTitle')}
      {...props}
      okText={t(approve ? 'reschedules.approve' : 'reschedules.reject')}
      okButtonProps={{ danger: !approve, id: 'reschedule-decision-ok' }}
    >
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item
          name="note"
          label={t('reschedules.note')}
          extra={t('reschedules.noteHint')}
          rules={approve ? [] : [{ required: true, whitespace: true, message: t('reschedules.noteRequired') }]}
        >
          <Input.TextArea id="reschedule-decision-note" rows={3} maxLength={300} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
