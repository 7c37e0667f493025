/**
 * Where each order's income is now (收入明细), derived from the settlement rows and the worker's withdrawals.
 * Pure. A worker's withdrawable balance is one pool, so withdrawals take released shares first in, first out
 * (oldest release first); a failed or refused withdrawal took nothing (its money went back to the balance).
 *
 * States: 待结算 `pending` (not released yet), 可提现 `available`, 提现中 `withdrawing` (in a withdrawal under review
 * or being paid), 已提现 `withdrawn` (paid out), 已退回 `returned` (taken back by an after-sales refund).
 */
export type IncomeState = 'pending' | 'available' | 'withdrawing' | 'withdrawn' | 'returned';

export interface ShareRow { key: string; netFen: number; clawbackFen: number; releasedAt: Date | null; availableAt: Date }
export interface WithdrawalRow { amountFen: number; status: 'pending_review' | 'paying' | 'paid' | 'failed' | 'rejected'; createdAt: Date }
export interface IncomePlace { state: IncomeState; fen: number }
export interface ShareState { state: IncomeState; parts: IncomePlace[] }

const STAGE: Record<WithdrawalRow['status'], IncomeState | null> = { pending_review: 'withdrawing', paying: 'withdrawing', paid: 'withdrawn', failed: null, rejected: null };

/** Each share's state (the one holding most of its money; on a tie the later stage) and its parts by state. */
export function incomeStates(shares: readonly ShareRow[], withdrawals: readonly WithdrawalRow[]): Map<string, ShareState> {
  const out = new Map<string, ShareState>();
  const queue = withdrawals.filter((w) => STAGE[w.status]).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
    .map((w) => ({ state: STAGE[w.status]!, left: w.amountFen }));
  const released = shares.filter((s) => s.releasedAt && s.netFen > 0)
    .sort((a, b) => a.releasedAt!.getTime() - b.releasedAt!.getTime() || a.availableAt.getTime() - b.availableAt.getTime() || a.key.localeCompare(b.key));
  for (const s of released) {
    const parts = new Map<IncomeState, number>();
    let left = s.netFen;
    while (left > 0 && queue.length) {
      const w = queue[0]!;
      const take = Math.min(left, w.left);
      parts.set(w.state, (parts.get(w.state) ?? 0) + take);
      left -= take;
      w.left -= take;
      if (w.left === 0) queue.shift();
    }
    if (left > 0) parts.set('available', (parts.get('available') ?? 0) + left);
    out.set(s.key, summarize(parts));
  }
  for (const s of shares) {
    if (out.has(s.key)) continue;
    if (s.netFen <= 0 && s.clawbackFen > 0) out.set(s.key, { state: 'returned', parts: [{ state: 'returned', fen: s.clawbackFen }] });
    else out.set(s.key, { state: s.releasedAt ? 'available' : 'pending', parts: [{ state: s.releasedAt ? 'available' : 'pending', fen: Math.max(0, s.netFen) }] });
  }
  return out;
}

const ORDER: IncomeState[] = ['pending', 'available', 'withdrawing', 'withdrawn', 'returned'];

function summarize(parts: Map<IncomeState, number>): ShareState {
  const list = ORDER.filter((st) => (parts.get(st) ?? 0) > 0).map((st) => ({ state: st, fen: parts.get(st)! }));
  const top = list.reduce((best, p) => (p.fen > best.fen || (p.fen === best.fen && ORDER.indexOf(p.state) > ORDER.indexOf(best.state)) ? p : best), list[0]!);
  return { state: top.state, parts: list };
}
