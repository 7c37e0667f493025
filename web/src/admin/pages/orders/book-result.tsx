import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { itemNameOf } from '../../../shared/catalog-types';
import { formatDateTime, formatFen } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import type { AdminOrderView } from '../../../shared/order-types';
import { useAdminSession } from '../../session';

/** What 代客下单 created: the order, and that the customer was texted a pay link (visible in 消息外发). */
export function BookResult({ order, phone, onAnother }: { order: AdminOrderView; phone: string; onAnother: () => void }) {
  const { t, lang } = useI18n();
  const { can } = useAdminSession();
  const navigate = useNavigate();
  return (
    <Result
      status="success"
      data-testid="book-result"
      data-order-id={order.id}
      data-order-no={order.orderNo}
      title={t('book.created')}
      subTitle={
        <>
          <div data-testid="book-result-order">
            {t('book.createdDetail', { orderNo: order.orderNo, item: itemNameOf(lang, order), time: formatDateTime(order.scheduledStart, lang), price: formatFen(order.price.totalFen) })}
          </div>
          <div data-testid="book-result-sms">{t('book.smsSent', { phone })}</div>
        </>
      }
      extra={[
        can('orders:read') && (
          <Button type="primary" key="open" onClick={() => navigate(`/orders?open=${order.id}`)} data-testid="book-open-order">
            {t('book.openOrder')}
          </Button>
        ),
        can('outbox:read') && (
          <Button key="outbox" onClick={() => navigate('/outbox')} data-testid="book-open-outbox">
            {t('book.openOutbox')}
          </Button>
        ),
        <Button key="again" onClick={onAnother} data-testid="book-another">
          {t('book.another')}
        </Button>,
      ]}
    />
  );
}
