import './income.css';
import { Button, Grid, NavBar, NoticeBar, PullToRefresh } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { api } from '../../shared/api';
import { formatFen } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { useLoad } from '../../shared/use-load';
import { LoadState } from '../../mobile/layout/load-state';
import { IncomeChart } from './income-chart';
import { IncomeOrders } from './income-orders';
import type { WorkerIncome } from './income-types';

/** 收入: today / month / total, pending vs available (T+N), the last 30 days and the per-order breakdown. */
export function IncomeTab() {
  const { t } = useI18n();
  const loaded = useLoad((signal) => api<WorkerIncome>('/api/worker/income', { signal }), []);
  return (
    <div className="m-income">
      <NavBar className="m-navbar" backIcon={false}>
        {t('income.title')}
      </NavBar>
      <PullToRefresh onRefresh={async () => loaded.reload(true)}>
        <LoadState loaded={loaded}>{(income) => <IncomeView income={income} />}</LoadState>
      </PullToRefresh>
    </div>
  );
}

function IncomeView({ income }: { income: WorkerIncome }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const days = income.settlementDelayDays;
  return (
    <div data-testid="income" data-available={income.availableFen} data-pending={income.pendingFen}>
      <section className="m-section m-income-hero">
        <div className="m-income-label">{t('income.available')}</div>
        <div className="m-income-big" data-testid="income-available">
          {formatFen(income.availableFen)}
        </div>
        <Grid columns={3} gap={8} className="m-income-grid">
          <Figure label={t('income.pending')} fen={income.pendingFen} testId="income-pending" />
          <Figure label={t('income.inFlight')} fen={income.inFlightFen} testId="income-in-flight" />
          <Grid.Item>
            <Button size="small" color="primary" onClick={() => navigate('/income/withdraw')} data-testid="income-withdraw">
              {t('income.withdraw')}
            </Button>
          </Grid.Item>
        </Grid>
      </section>
      <NoticeBar className="m-notice" color="info" wrap content={days > 0 ? t('income.delayNote', { days }) : t('income.delayNoteNow')} data-testid="income-delay" />
      <section className="m-section">
        <Grid columns={3} gap={8}>
          <Figure label={t('income.today')} fen={income.todayFen} testId="income-today" />
          <Figure label={t('income.month')} fen={income.monthFen} testId="income-month" />
          <Figure label={t('income.total')} fen={income.totalFen} testId="income-total" />
        </Grid>
      </section>
      <section className="m-section">
        <div className="m-section-title">{t('income.chart')}</div>
        <IncomeChart byDay={income.byDay} />
      </section>
      <IncomeOrders orders={income.orders} />
    </div>
  );
}

function Figure({ label, fen, testId }: { label: string; fen: number; testId: string }) {
  return (
    <Grid.Item>
      <div className="m-income-label">{label}</div>
      <div className="m-income-figure" data-testid={testId} data-fen={fen}>
        {formatFen(fen)}
      </div>
    </Grid.Item>
  );
}
