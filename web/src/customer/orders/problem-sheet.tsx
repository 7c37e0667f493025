import { Button, Selector } from 'antd-mobile';
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

type Kind = 'rework' | 'other';
const PRESETS = ['problem.reason.incomplete', 'problem.reason.quality', 'problem.reason.damage', 'problem.reason.other'];

/** 申请售后: a free rework at a new time with the same worker, or another problem with a reason → `POST …/problem`. */
export function ProblemSheet({ order, visible, onClose, onDone }: { order: OrderView; visible: boolean; onClose: () => void; onDone: (order: OrderView) => void }) {
  return (
    <Sheet visible={visible} onClose={onClose}>
      <ProblemForm order={order} onDone={onDone} />
    </Sheet>
  );
}

function ProblemForm({ order, onDone }: { order: OrderView; onDone: (order: OrderView) => void }) {
  const { t, lang } = useI18n();
  const showFailure = useFailureToast();
  const [kind, setKind] = useState<Kind>('rework');
  const slots = useOrderSlots(order, kind === 'rework');
  const [start, setStart] = useState<string | null>(null);
  const [reason, setReason] = useState<ReasonValue>(NO_REASON);
  const [sending, setSending] = useState(false);
  const text = reasonText(t, reason);
  const ready = Boolean(text) && (kind === 'other' || start !== null);

  async function send() {
    setSending(true);
    try {
      const body = kind === 'rework' ? { kind, reason: text, reworkStart: start } : { kind, reason: text };
      onDone(await api<OrderView>(`/api/orders/${order.id}/problem`, { body }));
    } catch (error) {
      showFailure(error);
    } finally {
      setSending(false);
    }
  }

  return (
    <div className="m-sheet" data-testid="problem-sheet">
      <div className="m-sheet-title">{t('problem.title')}</div>
      {order.afterSalesEndsAt && <p className="m-order-muted">{t('problem.window', { time: formatDateTime(order.afterSalesEndsAt, lang) })}</p>}
      <Selector<Kind>
        columns={2}
        showCheckMark={false}
        value={[kind]}
        onChange={(values) => values[0] && setKind(values[0])}
        options={[
          { label: t('problem.kind.rework'), value: 'rework', description: t('problem.kind.reworkHint') },
          { label: t('problem.kind.other'), value: 'other', description: t('problem.kind.otherHint') },
        ]}
        data-testid="problem-kind"
      />
      {kind === 'rework' && (
        <>
          <div className="m-sheet-label">{t('problem.reworkTime')}</div>
          <SlotsBlock loaded={slots} value={start} onChange={setStart} waiting={t('common.loadFailed')} />
        </>
      )}
      <div className="m-sheet-label">{t('problem.reason')}</div>
      <ReasonPicker presets={PRESETS} value={reason} onChange={setReason} testId="problem-reason" placeholder={t('problem.reasonPlaceholder')} />
      <div className="m-sheet-footer">
        <Button block color="primary" size="large" loading={sending} disabled={!ready} onClick={send} data-testid="problem-submit">
          {t(kind === 'rework' ? 'problem.submitRework' : 'problem.submit')}
        </Button>
      </div>
    </div>
  );
}
