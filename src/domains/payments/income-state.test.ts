import { describe, expect, it } from 'vitest';
import { incomeStates, type ShareRow, type WithdrawalRow } from './income-state.js';

const t = (day: number) => new Date(Date.UTC(2026, 11, day, 2));
const share = (key: string, netFen: number, released: number | null, over: Partial<ShareRow> = {}): ShareRow =>
  ({ key, netFen, clawbackFen: 0, releasedAt: released === null ? null : t(released), availableAt: t(released ?? 20), ...over });
const wd = (amountFen: number, status: WithdrawalRow['status'], day: number): WithdrawalRow => ({ amountFen, status, createdAt: t(day) });

describe('income states (收入明细: where each order\'s money is now)', () => {
  it('pending until released; released and untouched is withdrawable', () => {
    const s = incomeStates([share('a', 8000, null), share('b', 5000, 2)], []);
    expect(s.get('a')).toEqual({ state: 'pending', parts: [{ state: 'pending', fen: 8000 }] });
    expect(s.get('b')?.state).toBe('available');
  });

  it('a paid withdrawal takes the oldest released shares first: those say 已提现, not 可提现', () => {
    const s = incomeStates([share('old', 8000, 1), share('new', 5000, 3)], [wd(8000, 'paid', 4)]);
    expect(s.get('old')?.state).toBe('withdrawn');
    expect(s.get('new')?.state).toBe('available');
  });

  it('a withdrawal under review or being paid is 提现中; a refused or failed one took nothing', () => {
    const s = incomeStates([share('a', 8000, 1), share('b', 5000, 2)], [wd(8000, 'rejected', 3), wd(5000, 'failed', 3), wd(8000, 'paying', 4)]);
    expect(s.get('a')?.state).toBe('withdrawing');
    expect(s.get('b')?.state).toBe('available');
  });

  it('a share split by a withdrawal lists both parts and shows the larger', () => {
    const s = incomeStates([share('a', 10000, 1)], [wd(3000, 'paid', 2)]);
    expect(s.get('a')).toEqual({ state: 'available', parts: [{ state: 'available', fen: 7000 }, { state: 'withdrawn', fen: 3000 }] });
    expect(incomeStates([share('a', 10000, 1)], [wd(7000, 'paid', 2), wd(3000, 'pending_review', 3)]).get('a')).toEqual({
      state: 'withdrawn', parts: [{ state: 'withdrawing', fen: 3000 }, { state: 'withdrawn', fen: 7000 }],
    });
  });

  it('a share taken back by an after-sales refund is 已退回', () => {
    expect(incomeStates([share('a', 0, null, { clawbackFen: 8000 })], []).get('a')?.state).toBe('returned');
  });
});
