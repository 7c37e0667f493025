import { Alert, App, Form, Input, InputNumber, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../../shared/api';
import { formatFen } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { useIdempotencyKey } from '../../../shared/idempotency';
import type { AdminOrderView } from '../../../shared/order-types';
import { mappedFieldErrors } from '../../field-errors';
import { useFormModal } from '../../use-form-modal';
import { orderErrorText } from './order-format';

type Outcome = 'completed' | 'refund_full' | 'refund_partial';
const OUTCOMES: Outcome[] = ['completed', 'refund_full', 'refund_partial'];

function ReasonItem({ id, hint }: { id: string; hint: string }) {
  const { t } = useI18n();
  return (
    <Form.Item name="reason" label={t('order.reason')} extra={hint} rules={[{ required: true, whitespace: true, min: 2, message: t('order.reasonRequired') }]}>
      <Input.TextArea id={id} rows={3} maxLength={300} showCount />
    </Form.Item>
  );
}

/** A refusal shown inside the dialog: the API's own text (in the console's language) and, for known codes, what to do. */
function Refusal({ error, testId }: { error: unknown; testId: string }) {
  const { t } = useI18n();
  if (error === undefined) return null;
  const hintKey = error instanceof ApiError ? `order.dispute.hint.${error.code}` : '';
  const hint = hintKey ? t(hintKey) : '';
  return (
    <Alert
      type="error"
      showIcon
      className="a-toolbar"
      title={orderErrorText(t, error)}
      description={hint && hint !== hintKey ? hint : undefined}
      data-testid={testId}
      data-code={error instanceof ApiError ? error.code : ''}
    />
  );
}

/** 介入: operations opens a dispute on an open order with a reason (`POST /api/admin/orders/:id/dispute`); money stays in escrow. */
export function DisputeModal({ order, onClose }: { order: AdminOrderView; onClose: (updated: AdminOrderView | null) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [refusal, setRefusal] = useState<unknown>(undefined);
  const fieldErrors = mappedFieldErrors(form, { reason: 'reason' });
  const props = useFormModal(
    form,
    [],
    () => onClose(null),
    async (values) => {
      setRefusal(undefined);
      const updated = await api<AdminOrderView>(`/api/admin/orders/${order.id}/dispute`, { body: { reason: values.reason.trim() } });
      message.success(t('order.dispute.opened'));
      onClose(updated);
    },
    (error) => {
      if (!fieldErrors(error)) setRefusal(error);
      return true;
    },
  );
  return (
    <Modal title={t('order.dispute.title', { orderNo: order.orderNo })} {...props} okText={t('order.action.dispute')} okButtonProps={{ danger: true, id: 'order-dispute-ok' }}>
      <Alert type="info" showIcon className="a-toolbar" title={t('order.dispute.hint')} />
      <Refusal error={refusal} testId="order-dispute-error" />
      <Form form={form} layout="vertical" requiredMark={false}>
        <ReasonItem id="order-dispute-reason" hint={t('order.reasonAudited')} />
      </Form>
    </Modal>
  );
}

interface ArbitrateValues {
  outcome: Outcome;
  amountYuan?: number;
  reason: string;
}

interface ArbitrateProps {
  order: AdminOrderView;
  /** What has been refunded on the order already: undefined while loading, null when unknown (then only the amount paid bounds the refund). */
  refundedFen: number | null | undefined;
  onClose: (updated: AdminOrderView | null) => void;
  /** A refusal may mean the refunds changed meanwhile: load them again. */
  onRefundsStale: () => void;
}

/**
 * 仲裁 of a disputed order (`POST /api/admin/orders/:id/arbitrate`, Idempotency-Key): 判定完成 (escrow goes to the
 * worker), 全额退款, or 部分退款 of an amount in yuan (sent as integer fen) less than what is still refundable, with
 * a reason. One key per submitted form: a double click or a retry after a lost answer rules once.
 */
export function ArbitrateModal({ order, refundedFen, onClose, onRefundsStale }: ArbitrateProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ArbitrateValues>();
  const outcome = Form.useWatch('outcome', form);
  const idempotency = useIdempotencyKey();
  const [refusal, setRefusal] = useState<unknown>(undefined);
  const paid = order.price.paidFen;
  const refundable = refundedFen === null || refundedFen === undefined ? null : Math.max(0, paid - refundedFen);
  const bound = refundable ?? paid;
  const fieldErrors = mappedFieldErrors(form, { refundFen: 'amountYuan', reason: 'reason', outcome: 'outcome' });

  const props = useFormModal(
    form,
    [],
    () => onClose(null),
    async (values) => {
      setRefusal(undefined);
      const body = {
        outcome: values.outcome,
        reason: values.reason.trim(),
        ...(values.outcome === 'refund_partial' ? { refundFen: Math.round((values.amountYuan ?? 0) * 100) } : {}),
      };
      try {
        const updated = await api<AdminOrderView>(`/api/admin/orders/${order.id}/arbitrate`, { body, headers: idempotency.headersFor(body) });
        idempotency.settle();
        message.success(t(`order.arbitrate.done.${values.outcome}`, { amount: body.refundFen !== undefined ? formatFen(body.refundFen) : '' }));
        onClose(updated);
      } catch (error) {
        idempotency.settle(error);
        throw error;
      }
    },
    (error) => {
      if (!fieldErrors(error)) setRefusal(error);
      onRefundsStale();
      return true;
    },
  );

  return (
    <Modal title={t('order.arbitrate.title', { orderNo: order.orderNo })} {...props} okText={t('order.action.arbitrate')} okButtonProps={{ danger: true, id: 'order-arbitrate-ok' }} width={560}>
      <Alert
        type="info"
        showIcon
        className="a-toolbar"
        title={
          refundedFen === undefined
            ? t('order.arbitrate.loadingRefunds', { paid: formatFen(paid) })
            : refundable === null
            ? t('order.arbitrate.paidOnly', { paid: formatFen(paid) })
            : t('order.arbitrate.refundable', { paid: formatFen(paid), refunded: formatFen(refundedFen ?? 0), refundable: formatFen(refundable) })
        }
        data-testid="order-arbitrate-refundable"
        data-fen={refundable ?? ''}
      />
      <Refusal error={refusal} testId="order-arbitrate-error" />
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item name="outcome" label={t('order.arbitrate.outcome')} rules={[{ required: true, message: t('order.arbitrate.outcomeRequired') }]}>
          <Radio.Group orientation="vertical" data-testid="order-arbitrate-outcome">
            {OUTCOMES.map((value) => (
              <Radio key={value} value={value}>
                <span data-testid={`order-arbitrate-${value}`}>{t(`order.arbitrate.${value}`)}</span>
                <Typography.Text type="secondary" className="a-small a-arbitrate-note">
                  {t(`order.arbitrate.${value}.hint`)}
                </Typography.Text>
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        {outcome === 'refund_partial' && (
          <Form.Item
            name="amountYuan"
            label={t('order.arbitrate.amount')}
            extra={t('order.arbitrate.amountHint', { max: formatFen(bound) })}
            dependencies={['outcome']}
            rules={[
              { required: true, message: t('order.refund.amountRequired') },
              {
                validator: async (_rule, value: number | null | undefined) => {
                  if (value === null || value === undefined) return;
                  const fen = Math.round(value * 100);
                  if (fen <= 0) throw new Error(t('order.refund.amountRequired'));
                  if (fen >= bound) throw new Error(t('order.arbitrate.tooMuch', { max: formatFen(bound) }));
                },
              },
            ]}
          >
            <InputNumber id="order-arbitrate-amount" min={0.01} max={1_000_000} precision={2} prefix="¥" style={{ width: 220 }} />
          </Form.Item>
        )}
        <ReasonItem id="order-arbitrate-reason" hint={t('order.arbitrate.reasonHint')} />
      </Form>
    </Modal>
  );
}
