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
import { CancelOrderModal, ForceStateModal, RescheduleDecisionModal } from './order-action-modals';
import type { OrderFilterValues } from './order-filters';
import { AnomalyTags, orderErrorText, StateTag } from './order-format';
import { BasicsSection, CustomerSection, TimesSection, WorkerSection } from './order-info-sections';
import { ExtrasSection, PriceSection } from './order-money-section';
import { OrderRefundsSection } from './order-refunds-section';
import { OrderTimeline } from './order-timeline';
import { RecordsSection, RescheduleSection } from './order-visit-sections';
import { RefundModal } from './refund-modal';

/** The state machine's `assign` leaves only from 待接单; a reassignment first gives the order back (change_worker). */
const ASSIGNABLE: OrderState[] = ['paid'];
const CANCELLABLE: OrderState[] = ['created', 'paid', 'assigned', 'on_the_way'];
/** Escrow holds the customer's money from payment until completion (or the dispute's outcome). */
const REFUNDABLE: OrderState[] = ['paid', 'assigned', 'on_the_way', 'in_service', 'awaiting_confirmation', 'disputed'];

type Dialog = 'assign' | 'cancel' | 'force' | 'refund' | { approve: boolean } | null;

interface Props {
  orderId: string;
  onClose: (changed: boolean) => void;
  /** Opens another order (rework links) in this drawer. */
  onOpenOrder?: (id: string) => void;
  /** Filters the order list (this customer's / worker's orders); default: go to 订单管理 with that filter. */
  onFilter?: (patch: Partial<OrderFilterValues>) => void;
}

/**
 * One order (`GET /api/admin/orders/:id`, PII masked) with 人工派单, 取消 and 强制变更状态 for `orders:write`,
 * 部分退款 for `finance:write` and the order's refunds for `finance:read`.
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
          <RescheduleSection request={order.reschedule} canDecide={mayWrite} onDecide={(approve) => setDialog({ approve })} />
          <PriceSection order={order} />
          {can('finance:read') && <OrderRefundsSection orderId={order.id} version={refundsVersion} />}
          <TimesSection {...sectionProps} />
          <ExtrasSection extras={order.extras} />
          <RecordsSection records={order.records} />
        </div>
      )}
      {order && dialog === 'assign' && <AssignModal order={order} onClose={updated} />}
      {order && dialog === 'cancel' && <CancelOrderModal order={order} onClose={updated} />}
      {order && dialog === 'force' && <ForceStateModal order={order} onClose={updated} />}
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
