/**
 * 上门报价 for booking: a worker's itemised proposal priced by the engine (`priceOnSiteProposal`) against the deposit
 * quote an order was booked with — its signature checked first — with the city's current reference range and time
 * rules. The item is read even if it was unpublished since the order was booked.
 */
import type { AppContext } from '../../platform/app-context.js';
import { AppError } from '../../platform/errors.js';
import { priceOnSiteProposal, type Quote, type QuoteResult, type ServiceItem } from './pricing/index.js';
import { findItemByCode } from './queries.js';
import { quoteIntact } from './quote-service.js';
import { cityPricing, engineItem } from './service.js';

export interface OnSitePricingInput {
  /** The deposit quote from the order's snapshot, and the stored quote it was booked with (for the signature). */
  depositQuote: Quote;
  quoteId: string | null;
  /** The worker's proposal as sent: `{lines, outOfRangeReason?}` (the engine checks every part). */
  proposal: unknown;
  cityCode: string;
  now: Date;
}

/**
 * Prices an on-site proposal for an order. Throws QUOTE_TAMPERED when the order's copy of the deposit quote is not
 * the one that was signed, ITEM_NOT_FOUND when the item is gone; the engine's refusals come back as `errors`.
 */
export async function priceOnSiteForOrder(ctx: AppContext, db: AppContext['db'], input: OnSitePricingInput): Promise<QuoteResult> {
  if (!input.quoteId || !(await quoteIntact(ctx, db, input.quoteId, input.depositQuote))) throw new AppError('QUOTE_TAMPERED');
  const item = await findItemForPricing(db, input.depositQuote.itemCode);
  if (!item) throw new AppError('ITEM_NOT_FOUND');
  const { city, timeRules } = await cityPricing(db, input.cityCode);
  return priceOnSiteProposal(item, input.depositQuote, input.proposal, { now: input.now, city, timeRules });
}

/** A catalogue item as the engine prices it (published or not: orders outlive a listing); null when there is none. */
export async function findItemForPricing(db: AppContext['db'], code: string): Promise<ServiceItem | null> {
  const row = await findItemByCode(db, code);
  return row?.pricing ? engineItem(row) : null;
}
