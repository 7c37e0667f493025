import { CheckList, DotLoading } from 'antd-mobile';
import { RightOutline } from 'antd-mobile-icons';
import { useState } from 'react';
import { formatDateTime } from '../../shared/format';
import { localName, useI18n } from '../../shared/i18n';
import type { OrderSummary } from '../../shared/order-types';
import { useLoad } from '../../shared/use-load';
import { usePortal } from '../portal';
import { Sheet } from '../sheet';

const NONE = '';

/** A form field: one of my recent orders (or none), picked from a sheet. `value` is the order id or undefined. */
export function OrderChoice({ value, onChange }: { value?: string; onChange?: (id: string | undefined) => void }) {
  const { t, lang } = useI18n();
  const { recentOrders } = usePortal();
  const [open, setOpen] = useState(false);
  const orders = useLoad((signal) => recentOrders(signal), []);
  const label = (order: OrderSummary) => `${localName(lang, { name: order.itemName, nameEn: order.itemNameEn })} · ${formatDateTime(order.scheduledStart, lang)}`;
  const chosen = orders.data?.find((order) => order.id === value);

  return (
    <>
      <button type="button" className="m-order-choice" onClick={() => setOpen(true)} data-testid="ticket-order" data-order-id={value ?? ''}>
        <span className={chosen ? undefined : 'm-placeholder'}>{chosen ? label(chosen) : t('support.orderNone')}</span>
        {chosen && <span className="m-order-choice-no">{chosen.orderNo}</span>}
        <RightOutline className="m-order-choice-arrow" />
      </button>
      <Sheet visible={open} onClose={() => setOpen(false)}>
        <div className="m-support-sheet-title">{t('support.orderPick')}</div>
        {!orders.data ? (
          <div className="m-center">
            <DotLoading color="primary" />
          </div>
        ) : (
          <CheckList
            value={[value ?? NONE]}
            onChange={(picked) => {
              const id = String(picked[0] ?? NONE);
              onChange?.(id === NONE ? undefined : id);
              setOpen(false);
            }}
            data-testid="ticket-order-options"
          >
            <CheckList.Item value={NONE}>{t('support.orderNone')}</CheckList.Item>
            {orders.data.map((order) => (
              <CheckList.Item key={order.id} value={order.id} description={order.orderNo} data-testid="ticket-order-option" data-order-id={order.id}>
                {label(order)}
              </CheckList.Item>
            ))}
          </CheckList>
        )}
      </Sheet>
    </>
  );
}
