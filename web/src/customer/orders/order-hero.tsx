import { pick } from '../../shared/catalog-types';
import { formatDateTime, formatTime } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import type { OrderView } from '../../shared/order-types';

/** The band atop the order page: the state and what happens next. */
export function OrderHero({ order }: { order: OrderView }) {
  const { t, lang } = useI18n();
  return (
    <header className="m-order-hero" data-testid="order-hero">
      <div className="m-order-hero-status" data-testid="order-status" data-status={order.status}>
        {pick(lang, order.statusLabel)}
      </div>
      <div className="m-order-hero-hint" data-testid="order-hint">
        {hint(order, (key, vars) => t(key, vars), lang)}
      </div>
    </header>
  );
}

function hint(order: OrderView, t: (key: string, vars?: Record<string, string | number>) => string, lang: 'zh-CN' | 'en'): string {
  switch (order.status) {
    case 'created':
      return t('order.hint.created');
    case 'paid':
      return t(order.preferredWorkerId ? 'order.hint.paidPreferred' : 'order.hint.paid');
    case 'assigned':
      return order.lateFlagged ? t('order.hint.late') : t('order.hint.assigned', { time: formatDateTime(order.scheduledStart, lang) });
    case 'on_the_way':
      return order.etaAt ? t('order.hint.onTheWayEta', { time: formatTime(order.etaAt) }) : t('order.hint.onTheWay');
    case 'in_service':
      return t('order.hint.inService');
    case 'awaiting_confirmation':
      return order.autoConfirmAt ? t('order.hint.awaitingAuto', { time: formatDateTime(order.autoConfirmAt, lang) }) : t('order.hint.awaiting');
    case 'completed':
      return order.afterSalesEndsAt ? t('order.hint.completedUntil', { time: formatDateTime(order.afterSalesEndsAt, lang) }) : t('order.hint.completed');
    case 'closed':
      return t('order.hint.closed');
    case 'cancelled':
      return order.cancelReason ? t('order.hint.cancelledReason', { reason: order.cancelReason }) : t('order.hint.cancelled');
    case 'disputed':
      return t('order.hint.disputed');
    case 'refunded':
      return t('order.hint.refunded');
  }
}
