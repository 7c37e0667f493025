import { useMemo } from 'react';
import type { ChartOption } from '../../shared/echart';
import { LazyEChart } from '../../shared/lazy-echart';
import { formatFen } from '../../shared/format';
import { useI18n } from '../../shared/i18n';

/** Bars of the net income per local day (the API's 30 days, oldest first), in yuan. */
export function IncomeChart({ byDay }: { byDay: { date: string; netFen: number }[] }) {
  const { t } = useI18n();
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 40, right: 8, top: 12, bottom: 24 },
      tooltip: { trigger: 'axis', valueFormatter: (value) => formatFen(Math.round(Number(value) * 100)) },
      xAxis: { type: 'category', data: byDay.map((d) => d.date.slice(5)), axisLabel: { fontSize: 10 } },
      yAxis: { type: 'value', axisLabel: { fontSize: 10 } },
      series: [{ type: 'bar', name: t('income.net'), data: byDay.map((d) => d.netFen / 100), itemStyle: { color: '#1677ff' } }],
    }),
    [byDay, t],
  );
  return <LazyEChart option={option} height={180} testId="income-chart" />;
}
