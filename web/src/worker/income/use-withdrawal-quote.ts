import { useEffect, useState } from 'react';
import { api } from '../../shared/api';
import type { WithdrawalQuote } from './income-types';

const DEBOUNCE_MS = 300;

/** The live quote of `amountFen` (`GET /api/worker/withdrawals/quote`), asked once typing pauses; null without an amount. */
export function useWithdrawalQuote(amountFen: number | null, version: number): WithdrawalQuote | null {
  const [quote, setQuote] = useState<WithdrawalQuote | null>(null);
  useEffect(() => {
    setQuote(null);
    if (!amountFen) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api<WithdrawalQuote>('/api/worker/withdrawals/quote', { query: { amountFen }, signal: controller.signal }).then(setQuote, () => undefined);
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [amountFen, version]);
  return quote;
}
