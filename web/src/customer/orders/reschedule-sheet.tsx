import { Button } from 'antd-mobile';
import { useState } from 'react';
import { api } from '../../shared/api';
import { formatDateTime } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import type { OrderView } from '../../shared/order-types';
import { Sheet } from '../../mobile/sheet';
import { useFailureToast } from '../../mobile/use-form-submit';
import { SlotsBlock } from '../booking/slots-block';
import { useOrderSlots } from './order-slots';
import { NO_REASON, ReasonPicker, reasonText, type ReasonValue } from './reason-picker';

const PRESETS = ['reschedule.reason.busy', 'reschedule.reason.away', 'reschedule.reason.earlier', 'reschedule.reason.other'];

/** 改约: a new start from the same calendar and a reason → `POST …/reschedule` (moved at once, or a request to the worker). */
export function RescheduleSheet({ order, visible, onClose, onDone }: { order: OrderView; visible: boolean; onClose: () => void; onDone: (order: OrderView) => void }) {
  return (
    <Sheet visible={visible} onClose={onClose}>
      <RescheduleForm order={order} onDone={onDone} />
    </Sheet>
  );
}

function RescheduleForm({ order, onDone }: { order: OrderView; onDone: (order: OrderView) => void }) {
  const { t, lang } = useI18n();
  const showFailure = useFailureToast();
  const slots = useOrderSlots(order, true);
  const [start, setStart] = useState<string | null>(null);
  const [reason, setReason] = useState<ReasonValue>(NO_REASON);
  const [sending, setSending] = useState(false);
  const text = reasonText(t, reason);

  async function send() {
    if (!start) return;
    setSending(true);
    try {
      onDone(await api<OrderView>(`/api/orders/${order.id}/reschedule`, { body: { start, reason: text } }));
    } catch (error) {
      showFailure(error);
      slots.reload();
    } finally {
      setSending(false);
    }
  }

  return (
    <div className="m-sheet" data-testid="reschedule-sheet">
      <div className="m-sheet-title">{t('reschedule.title')}</div>
      <p className="m-order-muted">
        {t('reschedule.current', { time: formatDateTime(order.scheduledStart, lang) })}
        {order.worker ? ` · ${t('reschedule.needsWorker')}` : ` · ${t('reschedule.immediate')}`}
      </p>
      <SlotsBlock loaded={slots} value={start} onChange={setStart} waiting={t('common.loadFailed')} />
      <div className="m-sheet-label">{t('reschedule.reason')}</div>
      <ReasonPicker presets={PRESETS} value={reason} onChange={setReason} testId="reschedule-reason" placeholder={t('reschedule.reasonPlaceholder')} />
      <div className="m-sheet-footer">
        <Button block color="primary" size="large" loading={sending} disabled={!start || !text} onClick={send} data-testid="reschedule-submit">
          {start ? t('reschedule.submitAt', { time: formatDateTime(start, lang) }) : t('reschedule.pick')}
        </Button>
      </div>
    </div>
  );
}
