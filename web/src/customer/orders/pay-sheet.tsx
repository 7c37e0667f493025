import { useI18n } from '../../shared/i18n';
import type { OrderView } from '../../shared/order-types';
import { CashierSheet } from './cashier-sheet';

/** 收银台 of an order: what is due; `POST /api/orders/:id/pay` opens the provider's cashier, which comes back to this order page. */
export function PaySheet({ order, visible, onClose }: { order: OrderView; visible: boolean; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <CashierSheet
      visible={visible}
      onClose={onClose}
      amountFen={order.price.dueFen - order.price.paidFen}
      note={t('pay.escrow')}
      request={(method) => ({ path: `/api/orders/${order.id}/pay`, body: { method } })}
    />
  );
}
