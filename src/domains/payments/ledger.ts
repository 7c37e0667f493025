/**
 * The double-entry ledger: every money movement is one balanced, append-only journal entry, posted in the
 * transaction of the state change that causes it. Balances of accounts that must not go negative are cached
 * on the account row and guarded by a CHECK in the same UPDATE; clearing accounts (money outside the
 * platform: providers, payouts, promotions) may go negative and are derived from their lines instead, so
 * the busiest rows are never locked by every payment.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { AppError } from '../../platform/errors.js';

type Db = Kysely<DB>;

export const ACCOUNT_KINDS = [
  'psp', 'escrow', 'refunds_payable', 'worker_pending', 'worker_available', 'withdrawals_in_flight', 'payouts',
  'platform_commission', 'platform_fees', 'insurance_premiums', 'promotions', 'card_prepaid', 'platform_losses', 'insurer',
] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];
const CLEARING: ReadonlySet<string> = new Set<AccountKind>(['psp', 'payouts', 'promotions', 'platform_losses', 'insurer']);

export const accounts = {
  psp: (provider: string) => `psp:${provider}`,
  escrow: (orderId: string) => `escrow:${orderId}`,
  /** Money owed back to a customer, per order or per service card, until the provider confirms the refund. */
  refundsPayable: (ownerId: string) => `refunds_payable:${ownerId}`,
  /** What a customer prepaid on a service card (次卡) and has not yet spent on visits. */
  cardPrepaid: (cardId: string) => `card_prepaid:${cardId}`,
  workerPending: (workerId: string) => `worker_pending:${workerId}`,
  workerAvailable: (workerId: string) => `worker_available:${workerId}`,
  withdrawalsInFlight: (workerId: string) => `withdrawals_in_flight:${workerId}`,
  payouts: 'payouts',
  commission: 'platform_commission',
  fees: 'platform_fees',
  insurance: 'insurance_premiums',
  /** The underwriter outside the platform: it funds each approved claim into the insurance account (clearing). */
  insurer: 'insurer',
  promotions: 'promotions',
  /** What the platform bears when money cannot be taken back (a refund of a share the worker already withdrew). */
  losses: 'platform_losses',
} as const;

export const kindOf = (code: string) => code.split(':')[0] as AccountKind;
export const isClearing = (code: string) => CLEARING.has(kindOf(code));

export interface Move { from: string; to: string; amountFen: number }

export interface EntryInput {
  /** One entry per cause (`capture:<paymentId>`, `complete:<orderId>`…): posting the same key again does nothing. */
  key: string;
  kind: string;
  orderId?: string | null;
  workerId?: string | null;
  memo?: string;
  moves: readonly Move[];
}

/** Net amount per account of a set of moves (zero nets dropped), in a stable order so concurrent posts lock alike. */
export function netLines(moves: readonly Move[]): { account: string; amountFen: number }[] {
  const net = new Map<string, number>();
  for (const m of moves) {
    if (!Number.isSafeInteger(m.amountFen) || m.amountFen < 0) throw new RangeError(`ledger move of ${m.amountFen} fen`);
    if (m.amountFen === 0) continue;
    net.set(m.from, (net.get(m.from) ?? 0) - m.amountFen);
    net.set(m.to, (net.get(m.to) ?? 0) + m.amountFen);
  }
  return [...net].filter(([, v]) => v !== 0).sort(([a], [b]) => (a < b ? -1 : 1)).map(([account, amountFen]) => ({ account, amountFen }));
}

const ownerOf = (code: string) => {
  const id = code.split(':')[1];
  return id && /^[0-9a-f-]{36}$/i.test(id) ? id : null;
};

/**
 * Posts one entry; returns false when its key was posted before (a retry). Throws 409 `INSUFFICIENT_FUNDS`
 * (and the caller's transaction is void) when a guarded account would go below zero.
 */
export async function post(trx: Db, input: EntryInput): Promise<boolean> {
  const lines = netLines(input.moves);
  if (!lines.length) return false;
  const entry = await trx.insertInto('journal_entries')
    .values({ key: input.key, kind: input.kind, order_id: input.orderId ?? null, worker_id: input.workerId ?? null, memo: input.memo ?? '', created_at: new Date() })
    .onConflict((oc) => oc.column('key').doNothing()).returning('id').executeTakeFirst();
  if (!entry) return false;
  await trx.insertInto('ledger_accounts')
    .values(lines.map((l) => ({ code: l.account, kind: kindOf(l.account), owner_id: ownerOf(l.account), may_go_negative: isClearing(l.account) })))
    .onConflict((oc) => oc.column('code').doNothing()).execute();
  await trx.insertInto('journal_lines').values(lines.map((l) => ({ entry_id: entry.id, account_code: l.account, amount_fen: l.amountFen }))).execute();
  for (const l of lines) {
    if (isClearing(l.account)) continue;
    try {
      await trx.updateTable('ledger_accounts').set({ balance_fen: sql`balance_fen + ${l.amountFen}` }).where('code', '=', l.account).execute();
    } catch (error) {
      if ((error as { constraint?: string }).constraint === 'ledger_accounts_not_negative' || /ledger_accounts_not_negative/.test(String((error as Error).message))) {
        throw new AppError('INSUFFICIENT_FUNDS', { account: l.account });
      }
      throw error;
    }
  }
  return true;
}

/** Balances of guarded accounts (cached) and clearing accounts (derived); unknown accounts are 0. */
export async function balances(db: Db, codes: readonly string[]): Promise<Map<string, number>> {
  const out = new Map(codes.map((c) => [c, 0]));
  const cached = codes.filter((c) => !isClearing(c));
  const derived = codes.filter(isClearing);
  if (cached.length) {
    for (const r of await db.selectFrom('ledger_accounts').select(['code', 'balance_fen']).where('code', 'in', cached).execute()) out.set(r.code, r.balance_fen);
  }
  if (derived.length) {
    const rows = await db.selectFrom('journal_lines').select(['account_code', sql<number>`sum(amount_fen)::bigint`.as('total')]).where('account_code', 'in', derived).groupBy('account_code').execute();
    for (const r of rows) out.set(r.account_code, Number(r.total));
  }
  return out;
}

export async function balanceOf(db: Db, code: string): Promise<number> {
  return (await balances(db, [code])).get(code) ?? 0;
}

/** Every account with its cached and derived balance; the total of all derived balances is zero. */
export async function trialBalance(db: Db) {
  const rows = await db.selectFrom('ledger_accounts as a').leftJoin('journal_lines as l', 'l.account_code', 'a.code')
    .select(['a.code', 'a.kind', 'a.balance_fen', sql<number>`coalesce(sum(l.amount_fen), 0)::bigint`.as('derived')])
    .groupBy(['a.code', 'a.kind', 'a.balance_fen']).orderBy('a.code').execute();
  const list = rows.map((r) => ({ code: r.code, kind: r.kind, derivedFen: Number(r.derived), balanceFen: isClearing(r.code) ? Number(r.derived) : r.balance_fen }));
  const byKind = new Map<string, number>();
  for (const a of list) byKind.set(a.kind, (byKind.get(a.kind) ?? 0) + a.derivedFen);
  return {
    accounts: list,
    byKind: [...byKind].map(([kind, balanceFen]) => ({ kind, balanceFen })),
    totalFen: list.reduce((s, a) => s + a.derivedFen, 0),
    mismatches: list.filter((a) => a.balanceFen !== a.derivedFen).map((a) => a.code),
    negative: list.filter((a) => !isClearing(a.code) && a.derivedFen < 0).map((a) => a.code),
  };
}

/**
 * Posts many entries at once (imports of past orders, like the demo city's history): the same balanced,
 * append-only entries as {@link post} — a key posted before is skipped, accounts are opened as needed, guarded
 * balances move by the net of the batch under the same CHECK — in a few multi-row statements. `at` dates an entry
 * in the past. Returns how many entries were new. Call inside a transaction.
 */
export async function postMany(trx: Db, inputs: readonly (EntryInput & { at?: Date })[]): Promise<number> {
  const batch = inputs.map((input) => ({ input, lines: netLines(input.moves) })).filter((b) => b.lines.length);
  let posted = 0;
  const delta = new Map<string, number>();
  for (let i = 0; i < batch.length; i += 2000) {
    const chunk = batch.slice(i, i + 2000);
    const entries = await trx.insertInto('journal_entries')
      .values(chunk.map(({ input }) => ({ key: input.key, kind: input.kind, order_id: input.orderId ?? null, worker_id: input.workerId ?? null, memo: input.memo ?? '', created_at: input.at ?? new Date() })))
      .onConflict((oc) => oc.column('key').doNothing()).returning(['id', 'key']).execute();
    const idOf = new Map(entries.map((e) => [e.key, e.id]));
    const fresh = chunk.filter((b) => idOf.has(b.input.key));
    posted += fresh.length;
    const codes = [...new Set(fresh.flatMap((b) => b.lines.map((l) => l.account)))];
    for (let j = 0; j < codes.length; j += 4000) {
      await trx.insertInto('ledger_accounts')
        .values(codes.slice(j, j + 4000).map((code) => ({ code, kind: kindOf(code), owner_id: ownerOf(code), may_go_negative: isClearing(code) })))
        .onConflict((oc) => oc.column('code').doNothing()).execute();
    }
    const lines = fresh.flatMap((b) => b.lines.map((l) => ({ entry_id: idOf.get(b.input.key)!, account_code: l.account, amount_fen: l.amountFen })));
    for (let j = 0; j < lines.length; j += 5000) await trx.insertInto('journal_lines').values(lines.slice(j, j + 5000)).execute();
    for (const l of lines) if (!isClearing(l.account_code)) delta.set(l.account_code, (delta.get(l.account_code) ?? 0) + l.amount_fen);
  }
  const moved = [...delta].filter(([, v]) => v !== 0).sort(([a], [b]) => (a < b ? -1 : 1));
  for (let i = 0; i < moved.length; i += 2000) {
    const values = sql.join(moved.slice(i, i + 2000).map(([code, fen]) => sql`(${code}::text, ${fen}::bigint)`));
    try {
      await sql`update ledger_accounts a set balance_fen = a.balance_fen + v.fen from (values ${values}) as v(code, fen) where a.code = v.code`.execute(trx);
    } catch (error) {
      if (/ledger_accounts_not_negative/.test(String((error as Error).message)) || (error as { constraint?: string }).constraint === 'ledger_accounts_not_negative') {
        throw new AppError('INSUFFICIENT_FUNDS', { account: 'batch' });
      }
      throw error;
    }
  }
  return posted;
}
