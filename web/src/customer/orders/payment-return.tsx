import { NoticeBar } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import type { PaymentView } from './bill-types';

const POLL_MS = 1000;
const POLL_ROUNDS = 20;

type Outcome = PaymentView['status'] | 'unknown';

/**
 * Back from the provider's cashier (`?payment=<id>`): asks for the payment every second (a pending one is
 * checked with the provider, so a lost callback still settles) for up to 20 s, then takes the parameter
 * off the address and reloads the order. Returns the outcome to show (null when not coming back from a cashier).
 */
export function usePaymentReturn(reload: () => void): Outcome | null {
  const [params, setParams] = useSearchParams();
  const [paymentId] = useState(() => params.get('payment'));
  const [outcome, setOutcome] = useState<Outcome | null>(paymentId ? 'pending' : null);

  useEffect(() => {
    if (!paymentId) return;
    let round = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (status: Outcome) => {
      setOutcome(status);
      setParams({}, { replace: true });
      reload();
    };
    const ask = async () => {
      round += 1;
      const payment = await api<PaymentView>(`/api/payments/${encodeURIComponent(paymentId)}`).catch(() => null);
      if (payment && payment.status !== 'pending') return finish(payment.status);
      if (round >= POLL_ROUNDS) return finish(payment ? 'pending' : 'unknown');
      timer = setTimeout(ask, POLL_MS);
    };
    void ask();
    return () => clearTimeout(timer);
  }, [paymentId]); // eslint-disable-line react-hooks/exhaustive-deps
  return outcome;
}

const COLORS = { paid: 'info', failed: 'error', closed: 'default', pending: 'default', unknown: 'alert' } as const;

/** 支付成功 / 支付失败 / 支付处理中 after the cashier. */
export function PaymentResult({ outcome }: { outcome: Outcome }) {
  const { t } = useI18n();
  return <NoticeBar className="m-notice" color={COLORS[outcome]} wrap content={t(`pay.result.${outcome}`)} data-testid="pay-result" data-status={outcome} />;
}
