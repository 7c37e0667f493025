import './income.css';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { useLoad } from '../../shared/use-load';
import { LoadState } from '../../mobile/layout/load-state';
import { SubPage } from '../../mobile/layout/sub-page';
import { BankCards } from './bank-cards';
import type { BankCard, Withdrawal, WorkerIncome } from './income-types';
import { WithdrawForm } from './withdraw-form';
import { WithdrawalHistory } from './withdrawal-history';

/** 提现: bound bank cards, the amount with its live quote, and the withdrawal history. */
export function WithdrawPage() {
  const { t } = useI18n();
  const income = useLoad((signal) => api<WorkerIncome>('/api/worker/income', { signal }), []);
  const cards = useLoad((signal) => api<BankCard[]>('/api/worker/bank-cards', { signal }), []);
  const history = useLoad((signal) => api<Withdrawal[]>('/api/worker/withdrawals', { signal }), []);
  const withdrawn = () => {
    income.reload(true);
    history.reload(true);
  };
  return (
    <SubPage title={t('withdraw.title')} back="/income">
      <div data-testid="withdraw">
        <LoadState loaded={cards}>{(list) => <BankCards cards={list} onChanged={() => cards.reload(true)} />}</LoadState>
        {income.data && cards.data && <WithdrawForm availableFen={income.data.availableFen} cards={cards.data} onDone={withdrawn} />}
        <LoadState loaded={history}>{(list) => <WithdrawalHistory items={list} />}</LoadState>
      </div>
    </SubPage>
  );
}
