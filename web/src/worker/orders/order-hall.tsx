import './hall.css';
import { PullToRefresh, Toast } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../shared/i18n';
import { useLiveEvent } from '../../shared/live-events';
import { useLoad } from '../../shared/use-load';
import { LoadState } from '../../mobile/layout/load-state';
import { workerHall, type HallItem } from './hall-api';
import { HallCard } from './hall-card';
import { useGrab } from './use-grab';
import { usePolling } from './use-polling';

const HALL_POLL_MS = 15_000;

/**
 * 抢单大厅: the offers pushed to me that I am still free for, best fit first (polled every 15 s while visible).
 * A lost grab (taken, window closed, schedule conflict …) removes its card at once; a won one opens the order.
 */
export function OrderHall() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const grab = useGrab();
  const loaded = useLoad((signal) => workerHall.list(signal), []);
  usePolling(() => loaded.reload(true), HALL_POLL_MS, true);
  // A new offer shows at once (a grab by someone else is still found by the polling).
  useLiveEvent('notification', (data) => (data.type === 'order_offered' || data.type === 'order_assigned') && loaded.reload(true));
  useLiveEvent('reconnect', () => loaded.reload(true));
  const [gone, setGone] = useState<ReadonlySet<string>>(new Set());
  const [grabbing, setGrabbing] = useState<string | null>(null);

  const drop = (id: string) => setGone((previous) => new Set(previous).add(id));
  // Forget removed cards the hall no longer lists, so an order offered to me again later shows again.
  useEffect(() => {
    const listed = new Set(loaded.data?.items.map((item) => item.id) ?? []);
    setGone((previous) => ([...previous].every((id) => listed.has(id)) ? previous : new Set([...previous].filter((id) => listed.has(id)))));
  }, [loaded.data]);

  async function onGrab(item: HallItem) {
    setGrabbing(item.id);
    const outcome = await grab(item.id);
    setGrabbing(null);
    if (outcome.won) {
      Toast.show({ icon: 'success', content: t(item.mode === 'grab' ? 'grab.won' : 'action.accepted') });
      navigate(`/orders/${item.id}`, { state: { from: '/orders?view=upcoming' } });
      return;
    }
    if (outcome.gone) drop(item.id);
    loaded.reload(true);
  }

  function onExpired(item: HallItem) {
    drop(item.id);
    // The next round may already have offered it elsewhere; look again shortly.
    setTimeout(() => loaded.reload(true), 1_000);
  }

  return (
    <PullToRefresh onRefresh={async () => loaded.reload(true)}>
      <LoadState loaded={loaded}>
        {({ items }) => {
          const shown = items.filter((item) => !gone.has(item.id));
          return (
            <div className="m-order-list" data-testid="orders-offers" data-count={shown.length}>
              {shown.length === 0 && <p className="m-empty">{t('orders.empty.offers')}</p>}
              {shown.map((item) => (
                <HallCard
                  key={item.id}
                  item={item}
                  from="/orders"
                  grabbing={grabbing === item.id}
                  disabled={grabbing !== null}
                  onGrab={onGrab}
                  onExpired={onExpired}
                />
              ))}
              {shown.length > 0 && <p className="m-note">{t('orders.offersHint')}</p>}
            </div>
          );
        }}
      </LoadState>
    </PullToRefresh>
  );
}
