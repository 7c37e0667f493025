import { DisputeCard } from '../../mobile/disputes/dispute-card';
import './orders.css';
import { ErrorBlock } from 'antd-mobile';
import { useEffect } from 'react';
import { useLocation, useParams } from 'react-router';
import { api, ApiError } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import type { OrderView } from '../../shared/order-types';
import { useLoad } from '../../shared/use-load';
import { LoadState } from '../../mobile/layout/load-state';
import { SubPage } from '../../mobile/layout/sub-page';
import { ChatEntry } from '../../mobile/chat/chat-entry';
import { SosPanel } from '../../mobile/safety/sos-panel';
import { sosOnOrder } from '../../mobile/safety/sos-api';
import { useOrderLive } from '../../mobile/use-order-live';
import { BillCard } from './bill-card';
import { EarlyFinishCard, EarlyVisitCard } from './early-visit-card';
import { ExtrasCard } from './extras-card';
import { OnSiteQuoteCard } from './onsite-quote-card';
import { InvoiceCard } from './invoice-card';
import { ClaimsCard } from './claims-card';
import { OrderActions } from './order-actions';
import { OrderHero } from './order-hero';
import { OrderInfo } from './order-info';
import { OrderNotes, OrderRecords } from './order-media';
import { OrderPrice } from './order-price';
import { OrderTimeline } from './order-timeline';
import { OrderWorker } from './order-worker';
import { PaymentResult, usePaymentReturn } from './payment-return';
import { RescheduleCard } from './reschedule-card';
import { ServiceCode } from './service-code';
import { TrackingCard } from './tracking-card';
import { useOrderAction } from './use-order-action';
import { ReviewCard } from '../reviews/review-card';
import { ComplaintCard } from '../../mobile/complaints/complaint-card';

/** Extra work and on-site quotes arrive with a live event; look again now and then while in service too (a lost event). */
const IN_SERVICE_POLL_MS = 15_000;

/** `/orders/:id`: where the order stands, the code, the worker, money, records, the timeline and what I can do now. */
export function OrderPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const state = useLocation().state as { from?: string; justBooked?: boolean } | null;
  const loaded = useLoad((signal) => api<OrderView>(`/api/orders/${encodeURIComponent(id)}`, { signal }), [id]);
  const status = loaded.data?.status;

  const payment = usePaymentReturn(() => loaded.reload(true));

  // Follow the order live (the worker accepts, sets off, finishes…): no reload, no polling.
  useOrderLive(id, () => loaded.reload(true));
  useEffect(() => {
    if (status !== 'in_service') return;
    const timer = setInterval(() => loaded.reload(true), IN_SERVICE_POLL_MS);
    return () => clearInterval(timer);
  }, [status, loaded.reload]);

  const notFound = loaded.error instanceof ApiError && loaded.error.status === 404;
  return (
    <SubPage title={t('order.title')} back={state?.from ?? '/orders'}>
      {notFound ? (
        <ErrorBlock status="empty" title={t('order.notFound')} description="" />
      ) : (
        <>
          {payment && <PaymentResult outcome={payment} />}
          <LoadState loaded={loaded}>{(order) => <OrderContent order={order} reload={() => loaded.reload(true)} openPay={Boolean(state?.justBooked)} />}</LoadState>
        </>
      )}
    </SubPage>
  );
}

/** A pending request always shows; an answered one only while the visit is still ahead. */
function showReschedule(order: OrderView): boolean {
  const pending = ['pending_ops', 'pending_customer', 'pending_worker'].includes(order.reschedule!.status);
  return pending || ['created', 'paid', 'assigned', 'on_the_way'].includes(order.status);
}

function OrderContent({ order, reload, openPay }: { order: OrderView; reload: () => void; openPay: boolean }) {
  const { busy, run } = useOrderAction(reload);
  return (
    <div className="m-order" data-testid="order" data-order-id={order.id} data-status={order.status}>
      <OrderHero order={order} />
      {order.serviceCode && <ServiceCode code={order.serviceCode} />}
      {sosOnOrder(order.status) && <SosPanel orderId={order.id} inHeader />}
      {order.reschedule && showReschedule(order) && <RescheduleCard orderId={order.id} request={order.reschedule} run={run} busy={busy} />}
      <EarlyVisitCard order={order} run={run} busy={busy} />
      <EarlyFinishCard order={order} />
      <DisputeCard orderPath={`/api/orders/${order.id}`} party="customer" photoEndpoint="/api/orders/photos" version={`${order.status}:${order.timeline.length}`} />
      <OnSiteQuoteCard order={order} run={run} busy={busy} />
      <ExtrasCard orderId={order.id} extras={order.extras} run={run} busy={busy} />
      {order.status === 'on_the_way' && <TrackingCard orderId={order.id} />}
      <OrderWorker order={order} />
      {order.worker && <ChatEntry orderId={order.id} from={`/orders/${order.id}`} />}
      {order.worker && (order.status === 'completed' || order.status === 'closed') && <ReviewCard orderId={order.id} />}
      {order.worker && <ComplaintCard orderId={order.id} party="customer" />}
      <OrderInfo order={order} />
      <OrderPrice order={order} />
      {order.paidAt && <ClaimsCard orderId={order.id} version={`${order.status}:${order.timeline.length}`} />}
      <BillCard order={order} />
      <InvoiceCard order={order} />
      <OrderNotes order={order} />
      <OrderRecords records={order.records} />
      <OrderTimeline events={order.timeline} />
      <OrderActions order={order} reload={reload} run={run} busy={busy} openPay={openPay} />
    </div>
  );
}
