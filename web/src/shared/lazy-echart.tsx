import { lazy, Suspense, type ComponentProps } from 'react';
import type { EChart } from './echart';

// ECharts is half a megabyte: it loads with the first chart, not with the portal.
const Chart = lazy(() => import('./echart').then((module) => ({ default: module.EChart })));

/** `EChart`, loaded on first use; an empty box of the same height meanwhile. */
export function LazyEChart(props: ComponentProps<typeof EChart>) {
  return (
    <Suspense fallback={<div style={{ height: props.height }} />}>
      <Chart {...props} />
    </Suspense>
  );
}
