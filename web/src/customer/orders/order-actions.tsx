import { Button, Dialog, Toast } from 'antd-mobile';
import { useState } from 'react';
import { api } from '../../shared/api';
import { formatFen } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import type { OrderView } from '../../shared/order-types';
import { CancelSheet } from './cancel-sheet';
import { PaySheet } from './pay-sheet';
import { ProblemSheet } from './problem-sheet';
import { RescheduleSheet } from './reschedule-sheet';

type Sheet = 'pay' | 'cancel' | 'reschedule' | 'report_problem';

/** Customer actions the API lists, secondary first; `pay` and `confirm` are the primary ones. */
const ORDER: string[] = ['no_show', 'change_worker', 'cancel', 'reschedule', 'report_problem', 'confirm', 'pay'];
const PRIMARY = new Set(['pay', 'confirm']);

/** The action bar: the buttons for `order.actions`, their sheets and confirmations; every success reloads the order. */
export function OrderActions({ order, reload, run, busy, openPay }: {
  order: OrderView;
  reload: () => void;
  run: (name: string, call: () => Promise<unknown>, done?: string) => Promise<boolean>;
  busy: string | null;
  /** Open the cashier at once (right after booking). */
  openPay: boolean;
}) {
  const { t } = useI18n();
  const [sheet, setSheet] = useState<Sheet | null>(openPay && order.actions.includes('pay') ? 'pay' : null);
  const actions = ORDER.filter((action) => order.actions.includes(action));
  const close = () => setSheet(null);
  const finished = (message: string) => () => {
    setSheet(null);
    Toast.show({ icon: 'success', content: message });
    reload();
  };

  async function confirmThen(name: string, content: string, confirmText: string, path: string, done: string) {
    const sure = await Dialog.confirm({ content, confirmText, cancelText: t('common.cancel') });
    if (sure) await run(name, () => api(`/api/orders/${order.id}/${path}`, { body: {} }), done);
  }

  function press(action: string) {
    switch (action) {
      case 'pay':
      case 'cancel':
      case 'reschedule':
      case 'report_problem':
        return setSheet(action);
      case 'confirm':
        return confirmThen('confirm', t('action.confirmAsk'), t('action.confirm'), 'confirm', t('action.confirmed'));
      case 'change_worker':
        return confirmThen('change_worker', t('action.changeWorkerAsk'), t('action.change_worker'), 'change-worker', t('action.changedWorker'));
      case 'no_show':
        return confirmThen('no_show', t('action.noShowAsk'), t('action.no_show'), 'no-show', t('action.noShowDone'));
    }
  }

  if (actions.length === 0) return null;
  return (
    <>
      <div className="m-bottom-bar m-order-actions" data-testid="order-actions">
        {actions.map((action) => (
          <Button
            key={action}
            size="middle"
            color={PRIMARY.has(action) ? 'primary' : action === 'cancel' ? 'default' : 'primary'}
            fill={PRIMARY.has(action) ? 'solid' : 'outline'}
            loading={busy === action}
            onClick={() => press(action)}
            data-testid={`order-action-${action}`}
          >
            {action === 'pay' ? t('action.payAmount', { amount: formatFen(order.price.dueFen - order.price.paidFen) }) : t(`action.${action}`)}
          </Button>
        ))}
      </div>
      <PaySheet order={order} visible={sheet === 'pay'} onClose={close} />
      <CancelSheet
        order={order}
        visible={sheet === 'cancel'}
        onClose={close}
        onCancelled={(answer) => finished(answer.price.refundFen > 0 ? t('cancel.doneRefund', { amount: formatFen(answer.price.refundFen) }) : t('cancel.done'))()}
      />
      <RescheduleSheet
        order={order}
        visible={sheet === 'reschedule'}
        onClose={close}
        onDone={(answer) => finished(answer.reschedule && answer.reschedule.status !== 'approved' ? t('reschedule.sent') : t('reschedule.moved'))()}
      />
      <ProblemSheet
        order={order}
        visible={sheet === 'report_problem'}
        onClose={close}
        onDone={(answer) => finished(answer.reworkOrderId ? t('problem.reworkBooked') : t('problem.sent'))()}
      />
    </>
  );
}
