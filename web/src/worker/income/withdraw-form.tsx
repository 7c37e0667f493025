import { Button, Input, List, Selector, Toast } from 'antd-mobile';
import { useState } from 'react';
import { api } from '../../shared/api';
import { formatFen, yuanToFen } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useIdempotencyKey } from '../../shared/idempotency';
import { useFailureToast } from '../../mobile/use-form-submit';
import type { BankCard, Withdrawal, WithdrawalQuote } from './income-types';
import { useWithdrawalQuote } from './use-withdrawal-quote';

/** The amount (yuan) with its live quote, the card to pay to, and 确认提现 under one Idempotency-Key per attempt. */
export function WithdrawForm({ availableFen, cards, onDone }: { availableFen: number; cards: BankCard[]; onDone: () => void }) {
  const { t } = useI18n();
  const showFailure = useFailureToast();
  const idempotency = useIdempotencyKey();
  const [yuan, setYuan] = useState('');
  const [picked, setPicked] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [busy, setBusy] = useState(false);
  const amountFen = yuanToFen(yuan.trim() || null);
  const quote = useWithdrawalQuote(amountFen, version);
  const cardId = picked && cards.some((c) => c.id === picked) ? picked : cards[0]?.id;

  async function submit() {
    const body = { amountFen, cardId };
    setBusy(true);
    try {
      await api<Withdrawal>('/api/worker/withdrawals', { body, headers: idempotency.headersFor(body) });
      idempotency.settle();
      Toast.show({ icon: 'success', content: t('withdraw.submitted') });
      setYuan('');
      setVersion((v) => v + 1);
      onDone();
    } catch (error) {
      idempotency.settle(error);
      showFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <List mode="card" header={t('withdraw.availableNow', { amount: formatFen(availableFen) })} data-testid="withdraw-form">
      <List.Item
        extra={
          <Button size="mini" fill="none" color="primary" onClick={() => setYuan(String(availableFen / 100))} data-testid="withdraw-all">
            {t('withdraw.all')}
          </Button>
        }
      >
        <Input id="withdraw-amount" type="number" inputMode="decimal" placeholder={t('withdraw.amount')} value={yuan} onChange={setYuan} clearable />
      </List.Item>
      <QuoteLine quote={quote} />
      {cards.length > 0 && (
        <List.Item title={t('withdraw.pickCard')}>
          <Selector
            columns={1}
            value={cardId ? [cardId] : []}
            onChange={(value) => value[0] && setPicked(value[0])}
            options={cards.map((card) => ({ value: card.id, label: `${card.bankName} ${card.cardMasked}` }))}
            data-testid="withdraw-card"
          />
        </List.Item>
      )}
      <List.Item>
        <Button block color="primary" loading={busy} disabled={!quote?.ok || !cardId} onClick={submit} data-testid="withdraw-submit">
          {t('withdraw.submit')}
        </Button>
      </List.Item>
    </List>
  );
}

function QuoteLine({ quote }: { quote: WithdrawalQuote | null }) {
  const { t, lang } = useI18n();
  if (!quote) return null;
  if (!quote.ok) {
    return (
      <div className="m-withdraw-quote m-danger-text" data-testid="withdraw-quote" data-ok="no" data-code={quote.code}>
        {lang === 'en' && quote.messageEn ? quote.messageEn : quote.message}
      </div>
    );
  }
  return (
    <div className="m-withdraw-quote" data-testid="withdraw-quote" data-ok="yes" data-review={quote.needsReview ? 'yes' : 'no'} data-fee={quote.feeFen} data-net={quote.netFen}>
      <div>
        {t('withdraw.fee')} {formatFen(quote.feeFen)} · {t('withdraw.netAmount')} <strong>{formatFen(quote.netFen)}</strong>
      </div>
      <div>{t(quote.needsReview ? 'withdraw.needsReview' : 'withdraw.instant')}</div>
    </div>
  );
}
