/** Service card rows the capture and settlement paths read and flip (no payment or refund calls here). */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';

type Db = Kysely<DB>;
const DAY = 86_400_000;

/** In the capture transaction: an unpaid card becomes active (false when it cannot take the money). */
export async function activateCard(trx: Db, cardId: string, amountFen: number, at: Date): Promise<boolean> {
  const c = await trx.selectFrom('service_cards as c').innerJoin('service_card_products as p', 'p.id', 'c.product_id').select(['c.status', 'c.price_fen', 'p.valid_days'])
    .where('c.id', '=', cardId).forUpdate().executeTakeFirst();
  if (!c || c.status !== 'unpaid' || c.price_fen !== amountFen) return false;
  await trx.updateTable('service_cards').set({ status: 'active', paid_at: at, expires_at: new Date(at.getTime() + c.valid_days * DAY), updated_at: at }).where('id', '=', cardId).execute();
  return true;
}

/** The card that paid an order, if one did (for the bill and for cancellations). */
export async function cardOfOrder(db: Db, orderId: string) {
  return db.selectFrom('service_card_redemptions as r').innerJoin('service_cards as c', 'c.id', 'r.card_id')
    .select(['r.card_id', 'r.amount_fen', 'r.status', 'c.card_no', 'c.name', 'c.status as card_status']).where('r.order_id', '=', orderId).executeTakeFirst();
}
