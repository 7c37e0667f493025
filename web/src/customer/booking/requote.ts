import { api } from '../../shared/api';
import type { Quote } from '../../shared/catalog-types';
import { cityIso, defaultVisit } from '../../shared/city-days';

/** A fresh quote with the same item, quantity and options for another visit time (the price may change with it), with one of my coupons priced in. */
export function requote(quote: Quote, scheduledStart: string, couponId: string | null = null): Promise<Quote> {
  return api<Quote>('/api/catalog/quotes', {
    body: { itemCode: quote.itemCode, quantity: quote.quantity, options: quote.options, scheduledStart, ...(couponId ? { couponId } : {}) },
  });
}

export function isExpired(quote: Quote, now = Date.now()): boolean {
  return now >= new Date(quote.expiresAt).getTime();
}

/** The quote to book from: the one given while usable, else a fresh one (its time, or tomorrow 10:00 once that has passed). */
export async function usableQuote(quote: Quote): Promise<Quote> {
  if (!quote.used && !isExpired(quote, Date.now() + 60_000)) return quote;
  const start = new Date(quote.scheduledStart).getTime() > Date.now() + 3600_000 ? quote.scheduledStart : cityIso(...defaultVisit(new Date()));
  return requote(quote, start);
}

export function sameInstant(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && new Date(a).getTime() === new Date(b).getTime();
}
