import { formatFen } from '../../shared/format';
import { useI18n, type Translate } from '../../shared/i18n';
import type { WorkerBrief, WorkerRate } from '../../shared/worker-types';

/** `★ 4.8 · 接单 120` (no stars before the first review). */
export function workerMetaText(t: Translate, worker: WorkerBrief): string {
  return `${worker.ratingCount > 0 ? `★ ${worker.ratingAvg.toFixed(1)} · ` : ''}${t('workers.orders', { count: worker.ordersDone })}`;
}

/** 期望薪资, e.g. ¥60/小时 or ¥8,000/月. */
export function RateText({ rate }: { rate: WorkerRate | null }) {
  const { t } = useI18n();
  if (!rate) return null;
  return <span className="m-worker-rate" data-testid="worker-rate">{t(`workers.rate.${rate.unit}`, { price: formatFen(rate.fen) })}</span>;
}

/** Price bands of the filter sheet, encoded as `unit:min:max` (fen; empty = open). */
export const PRICE_BANDS = [
  'hour::6000', 'hour:6000:8000', 'hour:8000:',
  'day::25000', 'day:25000:',
  'month::800000', 'month:800000:1000000', 'month:1000000:',
] as const;

export function priceQuery(band: string) {
  if (!band) return {};
  const [unit, min, max] = band.split(':');
  return { priceUnit: unit, priceMinFen: min ? Number(min) : undefined, priceMaxFen: max ? Number(max) : undefined };
}

export function usePriceBandLabel() {
  const { t } = useI18n();
  return (band: string) => {
    const [unit, min, max] = band.split(':');
    const range = min && max ? `${formatFen(Number(min))}–${formatFen(Number(max))}` : min ? `≥ ${formatFen(Number(min))}` : `≤ ${formatFen(Number(max))}`;
    return t(`workers.rateBand.${unit}`, { range });
  };
}

/** 5★ … 1★ bars of a worker's reviews. */
export function RatingBreakdown({ rows }: { rows: { stars: number; count: number }[] }) {
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  if (total === 0) return null;
  return (
    <div className="m-rating-breakdown" data-testid="rating-breakdown">
      {rows.map((row) => (
        <div key={row.stars} className="m-rating-row">
          <span>{row.stars}★</span>
          <span className="m-rating-bar"><span style={{ width: `${Math.round((row.count / total) * 100)}%` }} /></span>
          <span className="m-rating-count">{row.count}</span>
        </div>
      ))}
    </div>
  );
}
