import { Alert, Button, Drawer, Skeleton, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import type { AdminOrderView, OrderState } from '../../../shared/order-types';
import { useLoad } from '../../../shared/use-load';
import { useAdminSession } from '../../session';
import { AssignModal } from './assign-modal';
import { DispatchSection } from './dispatch-section';
import { ArbitrateModal, DisputeModal } from './dispute-modals';
import { CancelOrderModal, ForceStateModal, RescheduleDecisionModal } from './order-action-modals';
import type { OrderFilterValues } from './order-filters';
import { AnomalyTags, orderErrorText, StateTag } from './order-format';
import { BasicsSection, CustomerSection, TimesSection, WorkerSection } from './order-info-sections';
import { ExtrasSection, PriceSection } from './order-money-section';
import { OnSiteQuoteSection } from './onsite-quote-section';
import { OrderChatSection } from './order-chat-section';
import { OrderRefundsSection, useRefundedFen } from './order-refunds-section';
import { OrderTimeline } from './order-timeline';
import { RecordsSection, RescheduleSection } from './order-visit-sections';
import { RefundModal } from './refund-modal';
import { TrailSection } from './trail-section';
import { EvidenceSection, hasCase } from './evidence-section';

/** The state machine's `assign` leaves only from 待接单; a reassignment first gives the order back (change_worker). */
const ASSIGNABLE: OrderState[] = ['paid'];
const CANCELLABLE: OrderState[] = ['created', 'paid', 'assigned', 'on_the_way'];
/** Escrow holds the customer's money from payment until completion (or the dispute's outcome). */
const REFUNDABLE: OrderState[] = ['paid', 'assigned', 'on_the_way', 'in_service', 'awaiting_confirmation', 'disputed'];
/** 介入 opens a dispute on an open order (a completed one within its after-sales window); 仲裁 ends it. */
const DISPUTABLE: OrderState[] = ['paid', 'assigned', 'on_the_way', 'in_service', 'awaiting_confirmation', 'completed'];

type Dialog = 'assign' | 'cancel' | 'force' | 'refund' | 'dispute' | 'arbitrate' | { approve: boolean } | null;

interface Props {
  orderId: string;
  onClose: (changed: boolean) => void;
  /** Opens another order (rework links) in this drawer. */
  onOpenOrder?: (id: string) => void;
  /** Filters the order list (this customer's / worker's orders); default: go to 订单管理 with that filter. */
  onFilter?: (patch: Partial<OrderFilterValues>) => void;
}

/**
 * One order (`GET /api/admin/orders/:id`, PII masked) with its 聊天记录, 人工派单, 取消, 介入 / 仲裁 and 强制变更状态
 * for `orders:write`, 部分退款 for `finance:write` and the order's refunds for `finance:read`.
 */
export function OrderDrawer({ orderId, onClose, onOpenOrder, onFilter }: Props) {
  const { t } = useI18n();
  const { can } = useAdminSession();
  const navigate = useNavigate();
  const mayWrite = can('orders:write');
  const mayRefund = can('finance:write');
  const [refundsVersion, setRefundsVersion] = useState(0);
  const loaded = useLoad((signal) => api<AdminOrderView>(`/api/admin/orders/${orderId}`, { signal }), [orderId]);
  const [fresh, setFresh] = useState<AdminOrderView | null>(null);
  const [changed, setChanged] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const order = fresh && fresh.id === orderId ? fresh : loaded.data;
  const refundedFen = useRefundedFen(orderId, can('finance:read') && dialog === 'arbitrate', refundsVersion);

  function updated(next: AdminOrderView | null) {
    setDialog(null);
    if (!next) return;
    setFresh(next);
    setChanged(true);
  }

  const refundable = Boolean(order && mayRefund && order.paidAt && REFUNDABLE.includes(order.status));
  const footer =
    order && (mayWrite || refundable) ? (
      <Space wrap>
        {mayWrite && ASSIGNABLE.includes(order.status) && (
          <Button type="primary" onClick={() => setDialog('assign')} data-testid="order-assign">
            {order.worker ? t('order.action.reassign') : t('order.action.assign')}
          </Button>
        )}
        {mayWrite && CANCELLABLE.includes(order.status) && (
          <Button danger onClick={() => setDialog('cancel')} data-testid="order-cancel">
            {t('order.action.cancel')}
          </Button>
        )}
        {mayWrite && DISPUTABLE.includes(order.status) && (
          <Button onClick={() => setDialog('dispute')} data-testid="order-dispute">
            {t('order.action.dispute')}
          </Button>
        )}
        {mayWrite && order.status === 'disputed' && (
          <Button type="primary" danger onClick={() => setDialog('arbitrate')} data-testid="order-arbitrate">
            {t('order.action.arbitrate')}
          </Button>
        )}
        {mayWrite && (
          <Tooltip title={t('order.forceWarning')}>
            <Button onClick={() => setDialog('force')} data-testid="order-force">
              {t('order.action.force')}
            </Button>
          </Tooltip>
        )}
        {refundable && (
          <Button onClick={() => setDialog('refund')} data-testid="order-refund">
            {t('order.refund.action')}
          </Button>
        )}
      </Space>
    ) : order ? (
      <Alert type="info" showIcon title={t('order.action.readOnly')} />
    ) : null;

  const sectionProps = order && { order, onOpenOrder: onOpenOrder ?? (() => undefined), onFilter: onFilter ?? ((patch: Partial<OrderFilterValues>) => navigate(`/orders?${new URLSearchParams(patch as Record<string, string>)}`)) };
  return (
    <Drawer
      open
      size={900}
      title={
        order ? (
          <Space wrap>
            <span data-testid="order-drawer-title">{t('order.title', { orderNo: order.orderNo })}</span>
            <StateTag state={order.status} testId="order-drawer-status" />
            {order.kind === 'rework' && <Tag color="purple">{t('orders.rework')}</Tag>}
            <AnomalyTags anomalies={order.anomalies} testId="order-drawer-anomalies" />
          </Space>
        ) : (
          t('order.loading')
        )
      }
      onClose={() => onClose(changed || Boolean(fresh))}
      footer={footer}
      data-testid="order-drawer"
    >
      {loaded.error !== undefined && !order && (
        <Alert type="error" showIcon title={t('common.loadFailed')} description={orderErrorText(t, loaded.error)} action={<Button onClick={() => loaded.reload()}>{t('common.retry')}</Button>} />
      )}
      {!order && loaded.error === undefined && <Skeleton active />}
      {order && sectionProps && (
        <div className="a-order" data-testid="order-detail" data-order-id={order.id} data-status={order.status}>
          <BasicsSection {...sectionProps} />
          <CustomerSection {...sectionProps} />
          <WorkerSection {...sectionProps} />
          <DispatchSection order={order} />
          <section>
            <Typography.Title level={5}>{t('order.section.timeline')}</Typography.Title>
            <OrderTimeline events={order.timeline} />
          </section>
          {hasCase(order) && <EvidenceSection order={order} />}
          <OrderChatSection orderId={order.id} />
          <TrailSection orderId={order.id} />
          <RescheduleSection request={order.reschedule} canDecide={mayWrite} onDecide={(approve) => setDialog({ approve })} />
          <PriceSection order={order} />
          {can('finance:read') && <OrderRefundsSection orderId={order.id} version={refundsVersion} />}
          <TimesSection {...sectionProps} />
          <OnSiteQuoteSection quote={order.onSiteQuote} />
          <ExtrasSection extras={order.extras} />
          <RecordsSection records={order.records} />
        </div>
      )}
      {order && dialog === 'assign' && <AssignModal order={order} onClose={updated} />}
      {order && dialog === 'cancel' && <CancelOrderModal order={order} onClose={updated} />}
      {order && dialog === 'force' && <ForceStateModal order={order} onClose={updated} />}
      {order && dialog === 'dispute' && <DisputeModal order={order} onClose={updated} />}
      {order && dialog === 'arbitrate' && (
        <ArbitrateModal
          order={order}
          refundedFen={refundedFen}
          onRefundsStale={() => setRefundsVersion((v) => v + 1)}
          onClose={(next) => {
            updated(next);
            if (next) setRefundsVersion((v) => v + 1);
          }}
        />
      )}
      {order && dialog === 'refund' && (
        <RefundModal
          order={order}
          onClose={(done) => {
            setDialog(null);
            if (!done) return;
            setChanged(true);
            setRefundsVersion((v) => v + 1);
          }}
        />
      )}
      {order?.reschedule && dialog && typeof dialog === 'object' && (
        <RescheduleDecisionModal
          requestId={order.reschedule.id}
          approve={dialog.approve}
          onClose={(done) => {
            setDialog(null);
            if (done) {
              setChanged(true);
              setFresh(null);
              loaded.reload(true);
            }
          }}
        />
      )}
    </Drawer>
  );
}
