import { Button, Card, Dialog, Tag, Toast } from 'antd-mobile';
import { useState } from 'react';
import { formatDateTime } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import type { OrderView, RescheduleRequest } from '../../shared/order-types';
import { useFailureToast } from '../../mobile/use-form-submit';
import { workerOrders } from './order-api';

const STATUS_COLORS: Record<RescheduleRequest['status'], string> = {
  pending_ops: 'warning',
  pending_customer: 'warning',
  pending_worker: 'danger',
  approved: 'success',
  rejected: 'default',
  withdrawn: 'default',
};

/** The latest reschedule request on the order; a customer's request waiting for me can be approved or refused here. */
export function RescheduleCard({ order, onChanged }: { order: OrderView; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const showFailure = useFailureToast();
  const [busy, setBusy] = useState<'approve' | 'refuse' | null>(null);
  const request = order.reschedule;
  if (!request) return null;
  const mine = request.requestedBy === 'worker';
  const waitingForMe = request.status === 'pending_worker' && !mine;

  async function decide(approve: boolean) {
    const confirmed = await Dialog.confirm({
      content: t(approve ? 'reschedule.approveConfirm' : 'reschedule.refuseConfirm', { time: formatDateTime(request!.proposedStart, lang) }),
      confirmText: t(approve ? 'reschedule.approve' : 'reschedule.refuse'),
      cancelText: t('common.cancel'),
    });
    if (!confirmed) return;
    setBusy(approve ? 'approve' : 'refuse');
    try {
      await workerOrders.decideReschedule(order.id, request!.id, approve);
      Toast.show({ icon: 'success', content: t(approve ? 'reschedule.approved' : 'reschedule.refused') });
      onChanged();
    } catch (error) {
      showFailure(error);
    } finally {
      setBusy(null);
    }
  }

  return (
    <Card
      className="m-order-section"
      title={t(mine ? 'reschedule.mine' : 'reschedule.customers')}
      extra={
        <Tag color={STATUS_COLORS[request.status]} data-testid="reschedule-status" data-status={request.status}>
          {t(`reschedule.status.${request.status}`)}
        </Tag>
      }
      data-testid="reschedule-card"
    >
      <dl className="m-order-facts">
        <div>
          <dt>{t('reschedule.from')}</dt>
          <dd>{formatDateTime(request.previousStart, lang)}</dd>
        </div>
        <div>
          <dt>{t('reschedule.to')}</dt>
          <dd data-testid="reschedule-proposed">{formatDateTime(request.proposedStart, lang)}</dd>
        </div>
        <div>
          <dt>{t('reschedule.reason')}</dt>
          <dd>{request.reason || t('common.none')}</dd>
        </div>
        {request.decisionNote && (
          <div>
            <dt>{t('reschedule.decisionNote')}</dt>
            <dd>{request.decisionNote}</dd>
          </div>
        )}
      </dl>
      {waitingForMe && (
        <div className="m-popup-buttons">
          <Button block color="danger" fill="outline" loading={busy === 'refuse'} disabled={busy !== null} onClick={() => decide(false)} data-testid="reschedule-refuse">
            {t('reschedule.refuse')}
          </Button>
          <Button block color="primary" loading={busy === 'approve'} disabled={busy !== null} onClick={() => decide(true)} data-testid="reschedule-approve">
            {t('reschedule.approve')}
          </Button>
        </div>
      )}
    </Card>
  );
}
