import { Button, DotLoading } from 'antd-mobile';
import { useState } from 'react';
import { api, errorText } from '../../shared/api';
import { formatDateTime, formatFen } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import type { CancellationPreview, OrderView } from '../../shared/order-types';
import { useLoad } from '../../shared/use-load';
import { Sheet } from '../../mobile/sheet';
import { useFailureToast } from '../../mobile/use-form-submit';
import { useIdempotencyKey } from '../../shared/idempotency';
import { NO_REASON, ReasonPicker, reasonText, type ReasonValue } from './reason-picker';

const PRESETS = ['cancel.reason.plans', 'cancel.reason.time', 'cancel.reason.duplicate', 'cancel.reason.price', 'cancel.reason.other'];

/** 取消订单: the fee and refund from `GET …/cancellation` first, a reason, then `POST …/cancel`. */
export function CancelSheet({ order, visible, onClose, onCancelled }: { order: OrderView; visible: boolean; onClose: () => void; onCancelled: (order: OrderView) => void }) {
  return (
    <Sheet visible={visible} onClose={onClose}>
      <CancelForm order={order} onCancelled={onCancelled} onClose={onClose} />
    </Sheet>
  );
}

function CancelForm({ order, onCancelled, onClose }: { order: OrderView; onCancelled: (order: OrderView) => void; onClose: () => void }) {
  const { t, lang } = useI18n();
  const showFailure = useFailureToast();
  const idempotency = useIdempotencyKey();
  const preview = useLoad((signal) => api<CancellationPreview>(`/api/orders/${order.id}/cancellation`, { signal }), [order.id]);
  const [reason, setReason] = useState<ReasonValue>(NO_REASON);
  const [cancelling, setCancelling] = useState(false);
  const text = reasonText(t, reason);

  async function cancel() {
    const body = { reason: text };
    setCancelling(true);
    try {
      const answer = await api<OrderView>(`/api/orders/${order.id}/cancel`, { body, headers: idempotency.headersFor(body) });
      idempotency.settle();
      onCancelled(answer);
    } catch (error) {
      idempotency.settle(error);
      showFailure(error);
      preview.reload();
    } finally {
      setCancelling(false);
    }
  }

  const data = preview.data;
  return (
    <div className="m-sheet" data-testid="cancel-sheet">
      <div className="m-sheet-title">{t('cancel.title')}</div>
      {preview.error && !data ? (
        <p className="m-order-alert">{errorText(preview.error, t('common.loadFailed'))}</p>
      ) : !data ? (
        <div className="m-center">
          <DotLoading color="primary" />
        </div>
      ) : (
        <div data-testid="cancel-preview" data-fee={data.feeFen} data-refund={data.refundFen}>
          <div className={data.feeFen > 0 ? 'm-order-notice m-order-notice-warn' : 'm-order-notice'} data-testid="cancel-policy">
            {order.price.paidFen === 0
              ? t('cancel.unpaid')
              : data.feeFen > 0
                ? t('cancel.withFee', { fee: formatFen(data.feeFen) })
                : data.freeUntil
                  ? t('cancel.freeUntil', { time: formatDateTime(data.freeUntil, lang) })
                  : t('cancel.free')}
          </div>
          {order.price.paidFen > 0 && (
            <dl className="m-order-rows">
              <div>
                <dt>{t('order.paid')}</dt>
                <dd>{formatFen(order.price.paidFen)}</dd>
              </div>
              <div>
                <dt>{t('cancel.fee')}</dt>
                <dd data-testid="cancel-fee">{formatFen(data.feeFen)}</dd>
              </div>
              <div className="m-order-strong">
                <dt>{t('cancel.refund')}</dt>
                <dd data-testid="cancel-refund">{formatFen(data.refundFen)}</dd>
              </div>
            </dl>
          )}
          {data.workerCompensationFen > 0 && <p className="m-order-muted">{t('cancel.workerShare', { amount: formatFen(data.workerCompensationFen) })}</p>}
        </div>
      )}
      <div className="m-sheet-label">{t('cancel.reason')}</div>
      <ReasonPicker presets={PRESETS} value={reason} onChange={setReason} testId="cancel-reason" placeholder={t('cancel.reasonPlaceholder')} />
      <div className="m-sheet-footer m-form-footer">
        <Button block color="danger" size="large" loading={cancelling} disabled={!data || !text} onClick={cancel} data-testid="cancel-confirm">
          {data && data.feeFen > 0 ? t('cancel.confirmFee', { fee: formatFen(data.feeFen) }) : t('cancel.confirm')}
        </Button>
        <Button block fill="none" onClick={onClose}>
          {t('cancel.keep')}
        </Button>
      </div>
    </div>
  );
}
