/**
 * 理赔赔付: an approved insurance claim is paid through the ledger. The underwriter funds the claim into the
 * platform's insurance account (`insurer` → `insurance_premiums`), and the insurance account pays the customer
 * (`insurance_premiums` → `payouts`, money leaving the platform to the customer). Both entries are keyed by the claim,
 * so a retried or concurrent payout posts nothing more; the trial balance stays 0.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { accounts, post } from './ledger.js';

type Db = Kysely<DB>;

export interface ClaimPayout { claimId: string; claimNo: string; orderId: string; customerId: string; amountFen: number }

export const claimPayoutKey = (claimId: string) => `claim-payout:${claimId}`;

/** Posts the claim's funding and payout (in the caller's transaction); returns the payout entry's key and whether it was new. */
export async function payInsuranceClaim(trx: Db, c: ClaimPayout): Promise<{ entryKey: string; posted: boolean }> {
  if (!Number.isSafeInteger(c.amountFen) || c.amountFen <= 0) throw new RangeError(`claim payout of ${c.amountFen} fen`);
  await post(trx, { key: `claim-funding:${c.claimId}`, kind: 'claim_funding', orderId: c.orderId, memo: c.claimNo, moves: [{ from: accounts.insurer, to: accounts.insurance, amountFen: c.amountFen }] });
  const posted = await post(trx, { key: claimPayoutKey(c.claimId), kind: 'claim_payout', orderId: c.orderId, memo: c.claimNo, moves: [{ from: accounts.insurance, to: accounts.payouts, amountFen: c.amountFen }] });
  return { entryKey: claimPayoutKey(c.claimId), posted };
}

/** The ledger entry posted under a key, with its lines (what the customer and finance see of a payout). */
export async function ledgerEntryByKey(db: Db, key: string) {
  const e = await db.selectFrom('journal_entries').selectAll().where('key', '=', key).executeTakeFirst();
  if (!e) return null;
  const lines = await db.selectFrom('journal_lines').select(['account_code', 'amount_fen']).where('entry_id', '=', e.id).orderBy('account_code').execute();
  return {
    id: String(e.id), key: e.key, kind: e.kind, memo: e.memo, createdAt: e.created_at.toISOString(),
    lines: lines.map((l) => ({ account: l.account_code, amountFen: Number(l.amount_fen) })),
  };
}
