import { Alert, App, Button, Form, Input, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../../shared/api';
import { formatFen } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { useIdempotencyKey } from '../../../shared/idempotency';
import type { AdminOrderView } from '../../../shared/order-types';
import { mappedFieldErrors } from '../../field-errors';
import { useFormModal } from '../../use-form-modal';

interface RefundValues {
  amountYuan: number;
  reason: string;
}

/** One refund row as `POST /api/admin/orders/:id/refunds` answers (one per paid charge it spans). */
export interface RefundAnswer {
  id: string;
  amountFen: number;
  status: string;
  kind: string;
  reason: string;
}

/**
 * The most that could be refunded, from a REFUND_TOO_LARGE refusal: a `maxFen` member when the API sends one,
 * else the number in its title (`…（最多 12345 分）` / `…at most 12345 fen`), where the API puts it today.
 */
export function refusedMaxFen(error: unknown): number | null {
  if (!(error instanceof ApiError) || error.code !== 'REFUND_TOO_LARGE') return null;
  if (typeof error.problem.maxFen === 'number') return error.problem.maxFen;
  const match = /(\d+)/.exec(error.title);
  return match ? Number(match[1]) : null;
}

/**
 * 部分退款: part (or all) of what escrow still holds for the order goes back to the customer through the provider.
 * One Idempotency-Key per submitted form: a double click or a retry after a lost answer refunds once.
 */
export function RefundModal({ order, onClose }: { order: AdminOrderView; onClose: (done: boolean) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<RefundValues>();
  const idempotency = useIdempotencyKey();
  const [maxFen, setMaxFen] = useState<number | null>(null);
  const fieldErrors = mappedFieldErrors(form, { amountFen: 'amountYuan', reason: 'reason' });
  const props = useFormModal(
    form,
    [],
    onClose,
    async (values) => {
      const body = { amountFen: Math.round(values.amountYuan * 100), reason: values.reason.trim() };
      try {
        const refunds = await api<RefundAnswer[]>(`/api/admin/orders/${order.id}/refunds`, { body, headers: idempotency.headersFor(body) });
        idempotency.settle();
        message.success(t('order.refund.done', { amount: formatFen(refunds.reduce((sum, r) => sum + r.amountFen, 0)) }));
        onClose(true);
      } catch (error) {
        idempotency.settle(error);
        throw error;
      }
    },
    (error) => {
      const max = refusedMaxFen(error);
      if (max === null) return fieldErrors(error);
      setMaxFen(max);
      form.setFields([{ name: 'amountYuan', errors: [max > 0 ? t('order.refund.tooLarge', { max: formatFen(max) }) : t('order.refund.nothingHeld')] }]);
      return true;
    },
  );

  return (
    <Modal title={t('order.refund.title', { orderNo: order.orderNo })} {...props} okText={t('order.refund.submit')} okButtonProps={{ danger: true, id: 'order-refund-ok' }}>
      <Alert type="info" showIcon className="a-toolbar" title={t('order.refund.hint', { paid: formatFen(order.price.paidFen) })} />
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item
          name="amountYuan"
          label={t('order.refund.amount')}
          rules={[{ required: true, message: t('order.refund.amountRequired') }]}
          extra={
            maxFen !== null && maxFen > 0 ? (
              <Button type="link" size="small" style={{ padding: 0 }} onClick={() => form.setFieldsValue({ amountYuan: maxFen / 100 })} data-testid="order-refund-max">
                {t('order.refund.useMax', { max: formatFen(maxFen) })}
              </Button>
            ) : undefined
          }
        >
          <InputNumber id="order-refund-amount" min={0.01} max={1_000_000} precision={2} prefix="¥" style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="reason" label={t('order.reason')} extra={t('order.refund.reasonHint')} rules={[{ required: true, whitespace: true, message: t('order.reasonRequired') }]}>
          <Input.TextArea id="order-refund-reason" rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
