import { formatDateTime } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import type { OrderView } from '../../shared/order-types';

/**
 * Before the visit: when set off and check-in open, and where an earlier-visit request stands. Coming earlier
 * than the window needs the customer's yes in the app (申请提前上门 in the action bar).
 */
export function VisitWindowCard({ order }: { order: OrderView }) {
  const { t, lang } = useI18n();
  if (!['assigned', 'on_the_way'].includes(order.status)) return null;
  const { departOpensAt, checkInOpensAt } = order.windows;
  const now = Date.now();
  const departLater = order.status === 'assigned' && departOpensAt && Date.parse(departOpensAt) > now;
  const checkInLater = checkInOpensAt && Date.parse(checkInOpensAt) > now;
  const early = order.earlyVisit;
  if (!departLater && !checkInLater && !early) return null;
  return (
    <section className="m-visit-window" data-testid="visit-window">
      {departLater && <div>{t('window.depart', { time: formatDateTime(departOpensAt, lang) })}</div>}
      {checkInLater && <div>{t('window.checkIn', { time: formatDateTime(checkInOpensAt, lang) })}</div>}
      {early && (
        <div className="m-visit-window-early" data-testid="early-visit-state" data-status={early.status}>
          {t(`window.early.${early.status}`, { time: formatDateTime(early.at, lang) })}
        </div>
      )}
    </section>
  );
}
