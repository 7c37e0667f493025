/**
 * 上门报价 as the order page shows it: whether the order is priced on site (booked at a deposit for an on_site_quote
 * item), the deposit, the city's reference range, and the worker's proposals newest first with the customer's answers.
 */
import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../db/types.js';
import { cityPricing, findItemForPricing, referenceRangeFor, type Quote, type QuoteLine } from '../catalog/index.js';
import type { OrderRow } from './queries.js';

type Db = Kysely<DB>;
export type ProposalRow = Selectable<DB['onsite_proposals']>;

/** The deposit quote an order was booked with, when it is priced on site; null for every other order (and a rework visit). */
export function depositQuoteOf(o: OrderRow): Quote | null {
  if (o.kind === 'rework') return null;
  const quote = (o.quote_snapshot as { quote?: Quote } | null)?.quote;
  return quote && quote.kind === 'deposit' && quote.model === 'on_site_quote' ? quote : null;
}

export function proposalsOf(db: Db, orderId: string) {
  return db.selectFrom('onsite_proposals').selectAll().where('order_id', '=', orderId).orderBy('created_at', 'desc').orderBy('id').execute();
}

/** Whether a proposal waits for the customer's answer (finishing the visit waits for it). */
export async function hasLiveProposal(db: Db, orderId: string): Promise<boolean> {
  return !!(await db.selectFrom('onsite_proposals').select('id').where('order_id', '=', orderId).where('status', '=', 'proposed').executeTakeFirst());
}

export interface ProposalItem { kind: string; description: string; quantity: number; unitPriceFen: number }

export function presentProposal(p: ProposalRow) {
  const quote = p.quote as Quote;
  return {
    id: p.id, status: p.status,
    /** The lines the worker entered (to edit a replacement from). */
    items: p.lines as ProposalItem[],
    /** The priced lines: one ONSITE_ITEM per entered line, then any time surcharge of the booked start. */
    lines: quote.lines.map((l: QuoteLine) => ({ ...l, kind: l.rule.id.startsWith('onsite.') ? l.rule.id.slice(7) : null })),
    subtotalFen: quote.subtotalFen, totalFen: p.total_fen, depositFen: p.deposit_fen, balanceDueFen: p.balance_due_fen, refundDueFen: p.refund_due_fen,
    referenceRange: quote.referenceRange ?? null, outOfRangeReason: p.out_of_range_reason, flagged: (quote.flags ?? []).length > 0,
    previousPriceFen: p.previous_price_fen, createdAt: p.created_at.toISOString(), decidedAt: p.decided_at?.toISOString() ?? null,
  };
}

/** The on-site quote section of an order view; null when the order is not priced on site. */
export async function onSiteQuoteOf(db: Db, o: OrderRow) {
  const deposit = depositQuoteOf(o);
  if (!deposit) return null;
  const [rows, item, pricing] = await Promise.all([proposalsOf(db, o.id), findItemForPricing(db, deposit.itemCode), cityPricing(db, o.city_code)]);
  return {
    depositFen: deposit.totalFen,
    referenceRange: item ? referenceRangeFor(item, pricing.city) ?? null : deposit.referenceRange ?? null,
    proposals: rows.map(presentProposal),
  };
}
