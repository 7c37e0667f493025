import { Button, Popup } from 'antd-mobile';
import { CheckCircleFill } from 'antd-mobile-icons';
import { useState } from 'react';
import { api } from '../../shared/api';
import { formatFen } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import type { OrderView } from '../../shared/order-types';
import { useFailureToast } from '../../mobile/use-form-submit';
import { useIdempotencyKey } from '../../shared/idempotency';

type Method = 'wechat' | 'alipay' | 'card';
const METHODS: { key: Method; icon: string }[] = [
  { key: 'wechat', icon: '微' },
  { key: 'alipay', icon: '支' },
  { key: 'card', icon: '卡' },
];

/** 收银台: the amount, 微信支付 / 支付宝 / 银行卡; `POST /api/orders/:id/pay` (one Idempotency-Key per attempt) opens the provider's cashier. */
export function PaySheet({ order, visible, onClose }: { order: OrderView; visible: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const showFailure = useFailureToast();
  const idempotency = useIdempotencyKey();
  const [method, setMethod] = useState<Method>('wechat');
  const [paying, setPaying] = useState(false);
  const amount = order.price.dueFen - order.price.paidFen;

  async function pay() {
    const body = { method };
    setPaying(true);
    try {
      const charge = await api<{ cashierUrl: string }>(`/api/orders/${order.id}/pay`, { body, headers: idempotency.headersFor(body) });
      idempotency.settle();
      // The provider's cashier (the simulator's in the embedded default) comes back to this order page.
      window.location.assign(charge.cashierUrl);
    } catch (error) {
      idempotency.settle(error);
      showFailure(error);
    } finally {
      setPaying(false);
    }
  }

  return (
    <Popup visible={visible} onMaskClick={paying ? undefined : onClose} onClose={onClose}>
      <div className="m-sheet" data-testid="pay-sheet">
        <div className="m-sheet-title">{t('pay.title')}</div>
        <div className="m-sheet-amount" data-testid="pay-amount">
          {formatFen(amount)}
        </div>
        {METHODS.map(({ key, icon }) => (
          <button
            key={key}
            type="button"
            className={key === method ? 'm-pay-method m-pay-method-on' : 'm-pay-method'}
            aria-pressed={key === method}
            onClick={() => setMethod(key)}
            data-testid={`pay-method-${key}`}
          >
            <span className={`m-pay-method-icon m-pay-${key}`}>{icon}</span>
            <span>{t(`pay.method.${key}`)}</span>
            {key === method && <CheckCircleFill style={{ marginLeft: 'auto', color: 'var(--adm-color-primary)' }} />}
          </button>
        ))}
        <p className="m-order-muted">{t('pay.escrow')}</p>
        <div className="m-sheet-footer">
          <Button block color="primary" size="large" loading={paying} onClick={pay} data-testid="pay-submit">
            {t('pay.submit', { amount: formatFen(amount) })}
          </Button>
        </div>
      </div>
    </Popup>
  );
}
