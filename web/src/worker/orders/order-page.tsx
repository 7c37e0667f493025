import './orders.css';
import { PullToRefresh, Toast } from 'antd-mobile';
import { useLocation, useNavigate, useParams } from 'react-router';
import { useI18n } from '../../shared/i18n';
import type { OrderView } from '../../shared/order-types';
import { useLoad } from '../../shared/use-load';
import { LoadState } from '../../mobile/layout/load-state';
import { SubPage } from '../../mobile/layout/sub-page';
import { ChatEntry } from '../../mobile/chat/chat-entry';
import { useUser } from '../../mobile/session';
import { SosPanel } from '../../mobile/safety/sos-panel';
import { sosOnOrder } from '../../mobile/safety/sos-api';
import { useOrderLive } from '../../mobile/use-order-live';
import { ExtraWorkList } from './extra-work-list';
import { WorkerOnSiteQuoteCard } from './onsite-quote-card';
import { workerHall, type HallItem } from './hall-api';
import { OfferBanner } from './offer-banner';
import { workerOrders } from './order-api';
import { OrderActionBar } from './order-action-bar';
import { OrderContact } from './order-contact';
import { OrderFacts } from './order-facts';
import { OrderRecords } from './order-records';
import { OrderTimeline } from './order-timeline';
import { RescheduleCard } from './reschedule-card';
import { VisitWindowCard } from './visit-window-card';
import { DisputeCard } from '../../mobile/disputes/dispute-card';
import { TrailSharingNote } from './trail-reporter';
import { usePolling } from './use-polling';
import { CustomerRatingCard } from '../reviews/customer-rating-card';
import { ComplaintCard } from '../../mobile/complaints/complaint-card';
import { WorkerClaimsStatus } from './claims-status';

const WAITING_POLL_MS = 15_000;

interface Loaded {
  order: OrderView;
  /** An offer to me: its 抢单大厅 entry (mode, fit, distance, deadline); null once mine or when the hall no longer lists it. */
  offer: HallItem | null;
}

async function loadOrder(id: string, signal: AbortSignal): Promise<Loaded> {
  const order = await workerOrders.get(id, signal);
  if (!order.actions.includes('accept')) return { order, offer: null };
  const hall = await workerHall.list(signal).catch(() => ({ items: [] as HallItem[] }));
  return { order, offer: hall.items.find((item) => item.id === id) ?? null };
}

/** States in which the worker may ask the platform to step in (completed only within the after-sales window: the API says). */
const WORKER_DISPUTABLE = ['assigned', 'on_the_way', 'in_service', 'awaiting_confirmation', 'completed'];

/** Something is waiting for the customer or ops: look again now and then. */
function waitsForOthers(order: OrderView): boolean {
  return order.extras.some((extra) => extra.status === 'proposed') || (order.onSiteQuote?.proposals.some((p) => p.status === 'proposed') ?? false)
    || (order.reschedule?.status.startsWith('pending_') ?? false) || order.earlyVisit?.status === 'requested';
}

/** `/orders/:id`: one order as the worker sees it, with the flow buttons the API allows. */
export function WorkerOrderPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from ?? '/orders';
  const loaded = useLoad((signal) => loadOrder(id, signal), [id]);
  const me = useUser();
  // Moves of the order and notices about it arrive live; extra-work answers raise no event, so those are still polled.
  useOrderLive(id, () => loaded.reload(true));
  usePolling(() => loaded.reload(true), WAITING_POLL_MS, loaded.data ? waitsForOthers(loaded.data.order) : false);

  function gone(message: string) {
    if (message) Toast.show({ icon: 'success', content: message });
    navigate(from, { replace: true });
  }

  return (
    <SubPage title={t('order.title')} back={from}>
      <LoadState loaded={loaded}>
        {({ order, offer }) => (
          <div className="m-order-page" data-testid="worker-order" data-order-no={order.orderNo} data-status={order.status}>
            <PullToRefresh onRefresh={async () => loaded.reload(true)}>
              {offer && <OfferBanner offer={offer} />}
              <OrderFacts order={order} distanceKm={offer?.distanceKm ?? order.distanceKm ?? null} />
              <OrderContact order={order} />
              {order.worker?.id === me.id && <TrailSharingNote status={order.status} />}
              <VisitWindowCard order={order} />
              {order.worker?.id === me.id && <WorkerOnSiteQuoteCard order={order} onChanged={() => loaded.reload(true)} />}
              {order.worker?.id === me.id && sosOnOrder(order.status) && <SosPanel orderId={order.id} inHeader />}
              {order.worker?.id === me.id && <ChatEntry orderId={order.id} from={`/orders/${order.id}`} />}
              <RescheduleCard order={order} onChanged={() => loaded.reload(true)} />
              {order.worker?.id === me.id && (
                <DisputeCard orderPath={`/api/worker/orders/${order.id}`} party="worker" photoEndpoint="/api/worker/orders/photos" canRequest={WORKER_DISPUTABLE.includes(order.status)}
                  version={`${order.status}:${order.timeline.length}`} onChanged={() => loaded.reload(true)} />
              )}
              {order.worker?.id === me.id && (order.status === 'completed' || order.status === 'closed') && <CustomerRatingCard orderId={order.id} />}
              {order.worker?.id === me.id && <ComplaintCard orderId={order.id} party="worker" />}
              {order.worker?.id === me.id && <WorkerClaimsStatus orderId={order.id} version={`${order.status}:${order.timeline.length}`} />}
              <ExtraWorkList extras={order.extras} />
              <OrderRecords records={order.records} />
              <OrderTimeline events={order.timeline} />
            </PullToRefresh>
            <OrderActionBar order={order} offerMode={offer?.mode ?? null} onChanged={() => loaded.reload(true)} onGone={gone} />
          </div>
        )}
      </LoadState>
    </SubPage>
  );
}
