import { Button } from 'antd-mobile';
import { api } from '../../shared/api';
import { formatDateTime } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import type { OrderView } from '../../shared/order-types';

/**
 * 提前上门: the worker asked to come earlier than booked. Only the customer's yes here opens set off and
 * check-in before the usual window (and lets the ETA fall before the booked start).
 */
export function EarlyVisitCard({ order, run, busy }: {
  order: OrderView;
  run: (name: string, call: () => Promise<unknown>, done?: string) => Promise<boolean>;
  busy: string | null;
}) {
  const { t, lang } = useI18n();
  const early = order.earlyVisit;
  if (!early || !['assigned', 'on_the_way'].includes(order.status)) return null;
  if (early.status === 'declined') return null;
  const time = formatDateTime(early.at, lang);
  if (early.status === 'agreed') {
    return (
      <section className="m-order-notice" data-testid="early-visit" data-status="agreed">
        <div>{t('early.agreedNote', { time })}</div>
      </section>
    );
  }
  const answer = (agree: boolean) =>
    run(agree ? 'early-agree' : 'early-decline', () => api(`/api/orders/${encodeURIComponent(order.id)}/early-visit`, { body: { agree } }), t(agree ? 'early.agreed' : 'early.declined'));
  return (
    <section className="m-order-notice m-order-notice-warn" data-testid="early-visit" data-status="requested">
      <div className="m-order-notice-title">{t('early.title')}</div>
      <div>{t('early.body', { time, booked: formatDateTime(order.scheduledStart, lang) })}</div>
      <div className="m-order-notice-actions">
        <Button size="small" color="primary" loading={busy === 'early-agree'} onClick={() => void answer(true)} data-testid="early-visit-agree">
          {t('early.agree')}
        </Button>
        <Button size="small" loading={busy === 'early-decline'} onClick={() => void answer(false)} data-testid="early-visit-decline">
          {t('early.decline')}
        </Button>
      </div>
    </section>
  );
}

/** The worker finished well before the booked duration: their reason, where the customer decides to accept. */
export function EarlyFinishCard({ order }: { order: OrderView }) {
  const { t } = useI18n();
  if (!order.earlyFinishReason) return null;
  return (
    <section className="m-order-notice m-order-notice-warn" data-testid="early-finish">
      <div className="m-order-notice-title">{t('earlyFinish.title')}</div>
      <div data-testid="early-finish-reason">{t('earlyFinish.reason', { reason: order.earlyFinishReason })}</div>
      {order.status === 'awaiting_confirmation' && <div className="m-order-muted">{t('earlyFinish.hint')}</div>}
    </section>
  );
}
