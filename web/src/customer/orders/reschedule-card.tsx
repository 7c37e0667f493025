import { Button, Dialog } from 'antd-mobile';
import { api } from '../../shared/api';
import { formatDateTime } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import type { RescheduleRequest } from '../../shared/order-types';

const PENDING: RescheduleRequest['status'][] = ['pending_ops', 'pending_customer', 'pending_worker'];

/**
 * The latest 改约 request: while pending, who it waits for (the customer answers a worker's request
 * here, or withdraws their own); once answered, the outcome.
 */
export function RescheduleCard({ orderId, request, run, busy }: {
  orderId: string;
  request: RescheduleRequest;
  run: (name: string, call: () => Promise<unknown>, done?: string) => Promise<boolean>;
  busy: string | null;
}) {
  const { t, lang } = useI18n();
  const pending = PENDING.includes(request.status);
  const mine = request.requestedBy === 'customer';
  const toAnswer = request.status === 'pending_customer' && !mine;
  const base = `/api/orders/${orderId}/reschedule/${request.id}`;

  async function decide(approve: boolean) {
    if (!approve) {
      const sure = await Dialog.confirm({ content: t('reschedule.refuseConfirm'), confirmText: t('reschedule.refuse'), cancelText: t('common.cancel') });
      if (!sure) return;
    }
    await run(approve ? 'reschedule-approve' : 'reschedule-refuse', () => api(`${base}/decision`, { body: { approve } }), t(approve ? 'reschedule.approved' : 'reschedule.refused'));
  }

  return (
    <section className={toAnswer ? 'm-order-notice m-order-notice-warn' : 'm-order-notice'} data-testid="order-reschedule" data-status={request.status}>
      <div className="m-order-notice-title">{t(mine ? 'reschedule.mine' : 'reschedule.byWorker')}</div>
      <div data-testid="order-reschedule-times">
        {t('reschedule.fromTo', { from: formatDateTime(request.previousStart, lang), to: formatDateTime(request.proposedStart, lang) })}
      </div>
      {request.reason && <div>{t('reschedule.reasonIs', { reason: request.reason })}</div>}
      <div className="m-order-muted" data-testid="order-reschedule-state">
        {t(`reschedule.status.${request.status}`)}
        {request.decisionNote ? ` · ${request.decisionNote}` : ''}
      </div>
      {pending && (toAnswer || mine) && (
        <div className="m-order-notice-actions">
          {toAnswer ? (
            <>
              <Button size="small" color="primary" loading={busy === 'reschedule-approve'} onClick={() => decide(true)} data-testid="reschedule-approve">
                {t('reschedule.approve')}
              </Button>
              <Button size="small" loading={busy === 'reschedule-refuse'} onClick={() => decide(false)} data-testid="reschedule-refuse">
                {t('reschedule.refuse')}
              </Button>
            </>
          ) : (
            <Button size="small" loading={busy === 'reschedule-withdraw'} onClick={() => void run('reschedule-withdraw', () => api(`${base}/withdraw`, { body: {} }), t('reschedule.withdrawn'))} data-testid="reschedule-withdraw">
              {t('reschedule.withdraw')}
            </Button>
          )}
        </div>
      )}
    </section>
  );
}
