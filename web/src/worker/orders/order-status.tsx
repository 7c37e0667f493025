import { Tag } from 'antd-mobile';
import { itemNameOf, pick } from '../../shared/catalog-types';
import { useI18n } from '../../shared/i18n';
import type { LocalText, OrderState } from '../../shared/order-types';

/** antd-mobile Tag colours of the order states. */
const STATE_COLORS: Record<OrderState, string> = {
  created: 'default',
  paid: 'warning',
  assigned: 'primary',
  on_the_way: 'primary',
  in_service: 'success',
  awaiting_confirmation: 'success',
  completed: 'default',
  closed: 'default',
  cancelled: 'default',
  disputed: 'danger',
  refunded: 'default',
};

/** The service name, tagged 返工 on a rework order: the title of an order card and of the order page. */
export function OrderTitle({ order, testId }: { order: { itemName: string; itemNameEn: string; kind: string }; testId?: string }) {
  const { t, lang } = useI18n();
  return (
    <span className="m-order-card-title" data-testid={testId}>
      {itemNameOf(lang, order)}
      {order.kind === 'rework' && (
        <Tag color="danger" fill="outline">
          {t('orders.rework')}
        </Tag>
      )}
    </span>
  );
}

/** The order's state as a coloured tag with the API's label. */
export function StateTag({ order, testId }: { order: { status: OrderState; statusLabel: LocalText }; testId: string }) {
  const { lang } = useI18n();
  return (
    <Tag color={STATE_COLORS[order.status]} data-testid={testId} data-status={order.status}>
      {pick(lang, order.statusLabel)}
    </Tag>
  );
}
