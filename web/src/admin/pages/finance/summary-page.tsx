import { Alert, Button, Card, Col, DatePicker, Row, Space, Statistic, Table, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState, type HTMLAttributes } from 'react';
import { api, errorText } from '../../../shared/api';
import { addDays, cityDate } from '../../../shared/city-days';
import type { ChartOption } from '../../../shared/echart';
import { LazyEChart } from '../../../shared/lazy-echart';
import { formatFen } from '../../../shared/format';
import { useI18n, type Translate } from '../../../shared/i18n';
import { useLoad } from '../../../shared/use-load';
import type { FinanceSummary, PeriodFlows, SummaryTotals } from './finance-types';

const FLOWS: (keyof SummaryTotals)[] = ['revenueFen', 'gmvFen', 'paidFen', 'refundedFen', 'commissionFen', 'feesFen', 'insuranceFen', 'promotionsFen', 'payoutsFen'];
const HELD: (keyof SummaryTotals)[] = ['escrowFen', 'workerPendingFen', 'workerAvailableFen', 'cardPrepaidFen'];
const MONTH_COLUMNS = ['gmvFen', 'paidFen', 'refundedFen', 'revenueFen'] as const;
const SERIES = ['gmvFen', 'paidFen', 'refundedFen', 'commissionFen', 'payoutsFen'] as const;

/** 财务概览: the period's flows (revenue first) and today's balances as cards, the flows by local day as a chart and by month as a table. */
export function FinanceSummaryPage() {
  const { t } = useI18n();
  const today = cityDate(new Date());
  const [range, setRange] = useState<[string, string]>([addDays(today, -29), today]);
  const loaded = useLoad((signal) => api<FinanceSummary>('/api/admin/finance/summary', { query: { from: range[0], to: range[1] }, signal }), [range[0], range[1]]);
  const summary = loaded.data;
  return (
    <div data-testid="finance-summary">
      <Space className="a-toolbar">
        <Typography.Text>{t('fin.summary.range')}</Typography.Text>
        <DatePicker.RangePicker
          allowClear={false}
          value={[dayjs(range[0]), dayjs(range[1])]}
          onChange={(dates) => dates?.[0] && dates[1] && setRange([dates[0].format('YYYY-MM-DD'), dates[1].format('YYYY-MM-DD')])}
          data-testid="finance-range"
        />
      </Space>
      {loaded.error !== undefined && (
        <Alert type="error" showIcon className="a-toolbar" title={t('common.loadFailed')} description={errorText(loaded.error, '')} action={<Button onClick={() => loaded.reload()}>{t('common.retry')}</Button>} />
      )}
      <Figures t={t} title={t('fin.summary.flows')} keys={FLOWS} totals={summary?.totals} loading={loaded.loading} />
      <Figures t={t} title={t('fin.summary.held')} keys={HELD} totals={summary?.totals} loading={loaded.loading} />
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Card size="small" title={t('fin.summary.chart')} className="a-block">
            {summary && <SummaryChart summary={summary} />}
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card size="small" title={t('fin.summary.byMonth')} className="a-block">
            <MonthTable rows={summary?.byMonth ?? []} loading={loaded.loading} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}

function Figures({ t, title, keys, totals, loading }: { t: Translate; title: string; keys: (keyof SummaryTotals)[]; totals?: SummaryTotals; loading: boolean }) {
  return (
    <Card size="small" title={title} className="a-block" loading={loading && !totals}>
      <Row gutter={[16, 16]}>
        {keys.map((key) => (
          <Col span={6} key={key}>
            <Statistic title={t(`fin.totals.${key}`)} value={formatFen(totals?.[key] ?? 0)} data-testid={`finance-total-${key}`} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}

function MonthTable({ rows, loading }: { rows: FinanceSummary['byMonth']; loading: boolean }) {
  const { t } = useI18n();
  const money = (key: keyof PeriodFlows) => ({ title: t(`fin.totals.${key}`), dataIndex: key, align: 'right' as const, render: (fen: number) => formatFen(fen) });
  const columns: TableColumnsType<FinanceSummary['byMonth'][number]> = [{ title: t('fin.summary.month'), dataIndex: 'month' }, ...MONTH_COLUMNS.map(money)];
  return (
    <Table
      rowKey="month"
      size="small"
      data-testid="finance-months"
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      onRow={(row) => ({ 'data-month': row.month, 'data-revenue': row.revenueFen }) as HTMLAttributes<HTMLElement>}
    />
  );
}

function SummaryChart({ summary }: { summary: FinanceSummary }) {
  const { t } = useI18n();
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 60, right: 16, top: 40, bottom: 30 },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', valueFormatter: (value) => formatFen(Math.round(Number(value) * 100)) },
      xAxis: { type: 'category', data: summary.byDay.map((d) => d.date.slice(5)) },
      yAxis: { type: 'value' },
      series: SERIES.map((key) => ({
        name: t(`fin.totals.${key}`),
        type: key === 'gmvFen' ? 'line' : 'bar',
        data: summary.byDay.map((d) => d[key] / 100),
      })),
    }),
    [summary, t],
  );
  return <LazyEChart option={option} height={320} testId="finance-chart" />;
}
