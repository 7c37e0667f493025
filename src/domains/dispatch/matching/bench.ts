/** A tiny in-process bench of `rankCandidates` on synthetic workers (no database). */
import { rankCandidates } from './rank';
import { NOW, makeOrder, syntheticWorkers } from './test-fixtures';

export interface MatchBenchResult {
  workers: number;
  runs: number;
  p50_ms: number;
  p99_ms: number;
  ranked: number;
}

/**
 * Ranks `workers` synthetic candidates `runs` times (after a warm-up) and reports the
 * median and p99 wall time in milliseconds.
 */
export function benchMatching(workers = 2000, runs = 50): MatchBenchResult {
  const order = makeOrder();
  const candidates = syntheticWorkers(workers, 7);
  const history = [{ workerId: candidates[0].id, orders: 3, avgRating: 4.9 }];
  let ranked = 0;
  for (let i = 0; i < 5; i++) ranked = rankCandidates(order, candidates, history, {}, NOW).ranked.length;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    rankCandidates(order, candidates, history, {}, NOW);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  return { workers, runs, p50_ms: +at(0.5).toFixed(3), p99_ms: +at(0.99).toFixed(3), ranked };
}
