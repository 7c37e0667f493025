import { Button, Popup } from 'antd-mobile';
import { CheckCircleFill } from 'antd-mobile-icons';
import { useState } from 'react';
import { api } from '../../shared/api';
import { formatFen } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useIdempotencyKey } from '../../shared/idempotency';
import { useFailureToast } from '../../mobile/use-form-submit';

export type PayMethod = 'wechat' | 'alipay' | 'card';
const METHODS: { key: PayMethod; icon: string }[] = [
  { key: 'wechat', icon: '微' },
  { key: 'alipay', icon: '支' },
  { key: 'card', icon: '卡' },
];

interface CashierSheetProps {
  visible: boolean;
  onClose: () => void;
  amountFen: number;
  /** A line under the methods (e.g. the escrow promise). */
  note?: string;
  /** The call that opens the charge for a method: it answers the provider's cashier to go to. */
  request: (method: PayMethod) => { path: string; body: Record<string, unknown> };
}

/**
 * 收银台: the amount, 微信支付 / 支付宝 / 银行卡; the call (one Idempotency-Key per attempt) opens a charge and
 * the page goes to the provider's cashier, which comes back with `?payment=<id>` (see payment-return.tsx).
 */
export function CashierSheet({ visible, onClose, amountFen, note, request }: CashierSheetProps) {
  const { t } = useI18n();
  const showFailure = useFailureToast();
  const idempotency = useIdempotencyKey();
  const [method, setMethod] = useState<PayMethod>('wechat');
  const [paying, setPaying] = useState(false);

  async function pay() {
    const { path, body } = request(method);
    setPaying(true);
    try {
      const charge = await api<{ cashierUrl: string }>(path, { body, headers: idempotency.headersFor(body) });
      idempotency.settle();
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
          {formatFen(amountFen)}
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
        {note && <p className="m-order-muted">{note}</p>}
        <div className="m-sheet-footer">
          <Button block color="primary" size="large" loading={paying} onClick={pay} data-testid="pay-submit">
            {t('pay.submit', { amount: formatFen(amountFen) })}
          </Button>
        </div>
      </div>
    </Popup>
  );
}
