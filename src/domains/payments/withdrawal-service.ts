/**
 * The worker's money: income (from the ledger and the per-order shares), bank cards, and withdrawals —
 * held in flight on request, reviewed by finance above the threshold, paid out by a durable job through the
 * payout provider (retried up to `maxAttempts`), and returned to available when rejected or finally failed.
 */
import dayjs from 'dayjs';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { AppContext } from '../../platform/app-context.js';
import type { DB } from '../../db/types.js';
import { notify } from '../messaging/index.js';
import { AppError } from '../../platform/errors.js';
import { scheduleJob } from '../../platform/jobs.js';
import { cityTimeZone } from '../geo/index.js';
import { accounts, balances, post } from './ledger.js';
import { paymentSettings } from './settings.js';
import { withdrawalQuote } from './withdrawal-rules.js';
import { incomeStates, type WithdrawalRow as WithdrawalFact } from './income-state.js';

type Db = Kysely<DB>;

export const cardMasked = (last4: string) => `**** **** **** ${last4}`;

/** Luhn check on 12–19 digits (spaces allowed). */
export function validCardNumber(raw: string): string | null {
  const digits = raw.replace(/\s+/g, '');
  if (!/^\d{12,19}$/.test(digits)) return null;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) { d *= 2; if (d > 9) d -= 9; }
    sum += d;
  }
  return sum % 10 === 0 ? digits : null;
}

async function moneyOf(db: Db, workerId: string) {
  const b = await balances(db, [accounts.workerPending(workerId), accounts.workerAvailable(workerId), accounts.withdrawalsInFlight(workerId)]);
  return { pendingFen: b.get(accounts.workerPending(workerId))!, availableFen: b.get(accounts.workerAvailable(workerId))!, inFlightFen: b.get(accounts.withdrawalsInFlight(workerId))! };
}

export async function workerIncome(ctx: AppContext, workerId: string) {
  const zone = await cityTimeZone(ctx.db, ctx.config.cityCode);
  const settings = await paymentSettings(ctx.db, ctx.config.cityCode);
  const today = dayjs().tz(zone).startOf('day');
  const from = today.subtract(29, 'day');
  const [money, shares, daily, totals, withdrawals] = await Promise.all([
    moneyOf(ctx.db, workerId),
    ctx.db.selectFrom('order_settlements').selectAll().where('worker_id', '=', workerId).orderBy('settled_at', 'desc').limit(100).execute(),
    ctx.db.selectFrom('order_settlements').select([sql<string>`to_char((settled_at at time zone ${zone})::date, 'YYYY-MM-DD')`.as('day'), sql<number>`sum(net_fen)::bigint`.as('net')])
      .where('worker_id', '=', workerId).where('settled_at', '>=', from.toDate()).groupBy('day').execute(),
    ctx.db.selectFrom('order_settlements').select([
      sql<number>`coalesce(sum(net_fen), 0)::bigint`.as('total'),
      sql<number>`coalesce(sum(net_fen) filter (where settled_at >= ${today.startOf('month').toDate()}), 0)::bigint`.as('month'),
      sql<number>`coalesce(sum(net_fen) filter (where settled_at >= ${today.toDate()}), 0)::bigint`.as('today'),
    ]).where('worker_id', '=', workerId).executeTakeFirstOrThrow(),
    ctx.db.selectFrom('withdrawals').select(['amount_fen', 'status', 'created_at']).where('worker_id', '=', workerId).execute(),
  ]);
  const byDate = new Map(daily.map((d) => [d.day, Number(d.net)]));
  // Where each share's money is now: released shares feed the withdrawals oldest first (all of them, not only the 100 listed).
  const allShares = await ctx.db.selectFrom('order_settlements').select(['order_id', 'kind', 'net_fen', 'clawback_fen', 'released_at', 'available_at']).where('worker_id', '=', workerId).execute();
  const places = incomeStates(
    allShares.map((s) => ({ key: `${s.order_id}:${s.kind}`, netFen: s.net_fen, clawbackFen: s.clawback_fen, releasedAt: s.released_at, availableAt: s.available_at })),
    withdrawals.map((w) => ({ amountFen: w.amount_fen, status: w.status as WithdrawalFact['status'], createdAt: w.created_at })),
  );
  return {
    todayFen: Number(totals.today), monthFen: Number(totals.month), totalFen: Number(totals.total), ...money, settlementDelayDays: settings.settlementDelayDays,
    byDay: Array.from({ length: 30 }, (_, i) => { const date = from.add(i, 'day').format('YYYY-MM-DD'); return { date, netFen: byDate.get(date) ?? 0 }; }),
    orders: shares.map((s) => ({
      orderId: s.order_id, orderNo: s.order_no, itemName: s.item_name, kind: s.kind, completedAt: s.settled_at.toISOString(), grossFen: s.gross_fen, commissionFen: s.commission_fen,
      commissionReason: (s.rule as { reason?: { zh: string; en: string } } | null)?.reason ?? null, compensationFen: s.kind === 'compensation' ? s.net_fen : 0, netFen: s.net_fen, clawbackFen: s.clawback_fen,
      state: places.get(`${s.order_id}:${s.kind}`)?.state ?? (s.released_at ? 'available' : 'pending'), parts: places.get(`${s.order_id}:${s.kind}`)?.parts ?? [],
      availableAt: s.available_at.toISOString(),
    })),
  };
}

// ── Bank cards ────────────────────────────────────────────────────────────────────────────

const presentCard = (c: { id: string; bank_name: string; holder_name: string; card_last4: string; created_at: Date }) =>
  ({ id: c.id, bankName: c.bank_name, holderName: c.holder_name, cardMasked: cardMasked(c.card_last4), createdAt: c.created_at.toISOString() });

export async function listCards(ctx: AppContext, workerId: string) {
  const rows = await ctx.db.selectFrom('worker_bank_cards').selectAll().where('worker_id', '=', workerId).where('removed_at', 'is', null).orderBy('created_at').execute();
  return rows.map(presentCard);
}

export async function addCard(ctx: AppContext, workerId: string, input: { bankName: string; holderName: string; cardNo: string }) {
  const digits = validCardNumber(input.cardNo);
  if (!digits) throw new AppError('CARD_INVALID', {}, [{ field: 'cardNo', code: 'invalid', message: { zh: '请输入正确的银行卡号', en: 'Enter a valid card number' } }]);
  const row = await ctx.db.insertInto('worker_bank_cards').values({
    worker_id: workerId, bank_name: input.bankName.trim(), holder_name: input.holderName.trim(), card_no_enc: ctx.pii.encrypt(digits), card_last4: digits.slice(-4), created_at: new Date(),
  }).returningAll().executeTakeFirstOrThrow();
  return presentCard(row);
}

export async function removeCard(ctx: AppContext, workerId: string, cardId: string) {
  const done = await ctx.db.updateTable('worker_bank_cards').set({ removed_at: new Date() }).where('id', '=', cardId).where('worker_id', '=', workerId).where('removed_at', 'is', null).returning('id').executeTakeFirst();
  if (!done) throw new AppError('NOT_FOUND');
}

// ── Withdrawals ───────────────────────────────────────────────────────────────────────────

type WithdrawalRow = Awaited<ReturnType<ReturnType<typeof withdrawalsQuery>['execute']>>[number];
export const presentWithdrawal = (w: Pick<WithdrawalRow, 'id' | 'worker_id' | 'amount_fen' | 'fee_fen' | 'net_fen' | 'status' | 'attempts' | 'failure_reason' | 'review_note' | 'created_at' | 'paid_at' | 'card_last4'> & { display_name?: string | null }) => ({
  id: w.id, workerId: w.worker_id, workerName: w.display_name ?? '', amountFen: w.amount_fen, feeFen: w.fee_fen, netFen: w.net_fen, cardMasked: cardMasked(w.card_last4), status: w.status,
  attempts: w.attempts, failureReason: w.failure_reason, reviewNote: w.review_note, createdAt: w.created_at.toISOString(), paidAt: w.paid_at?.toISOString() ?? null,
});

export function withdrawalsQuery(db: Db) {
  return db.selectFrom('withdrawals as w').innerJoin('worker_bank_cards as c', 'c.id', 'w.card_id').leftJoin('worker_profiles as p', 'p.user_id', 'w.worker_id')
    .selectAll('w').select(['c.card_last4', 'p.display_name']);
}

async function withdrawnToday(db: Db, workerId: string, zone: string) {
  const start = dayjs().tz(zone).startOf('day').toDate();
  const row = await db.selectFrom('withdrawals').select(sql<number>`coalesce(sum(amount_fen), 0)::bigint`.as('n'))
    .where('worker_id', '=', workerId).where('created_at', '>=', start).where('status', 'not in', ['rejected', 'failed']).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function quoteWithdrawal(ctx: AppContext, workerId: string, amountFen: number, db: Db = ctx.db) {
  const [settings, zone] = await Promise.all([paymentSettings(db, ctx.config.cityCode), cityTimeZone(db, ctx.config.cityCode)]);
  const { availableFen } = await moneyOf(db, workerId);
  const q = withdrawalQuote({ amountFen, availableFen, withdrawnTodayFen: await withdrawnToday(db, workerId, zone), rules: settings.withdrawal });
  return q.ok ? { ok: true as const, feeFen: q.feeFen, netFen: q.netFen, needsReview: q.needsReview } : { ok: false as const, code: q.code, message: q.message.zh, messageEn: q.message.en };
}

export async function requestWithdrawal(ctx: AppContext, workerId: string, input: { amountFen: number; cardId: string }) {
  const id = await ctx.db.transaction().execute(async (trx) => {
    // One withdrawal at a time per worker: the row lock on the available account serialises double clicks.
    await trx.insertInto('ledger_accounts').values({ code: accounts.workerAvailable(workerId), kind: 'worker_available', owner_id: workerId }).onConflict((oc) => oc.column('code').doNothing()).execute();
    await trx.selectFrom('ledger_accounts').select('code').where('code', '=', accounts.workerAvailable(workerId)).forUpdate().execute();
    const card = await trx.selectFrom('worker_bank_cards').select('id').where('id', '=', input.cardId).where('worker_id', '=', workerId).where('removed_at', 'is', null).executeTakeFirst();
    if (!card) throw new AppError('NOT_FOUND');
    const q = await quoteWithdrawal(ctx, workerId, input.amountFen, trx);
    if (!q.ok) throw new AppError('WITHDRAWAL_REFUSED', { message: q.message, messageEn: q.messageEn }, [], { reasonCode: q.code });
    const now = new Date();
    const row = await trx.insertInto('withdrawals').values({
      worker_id: workerId, card_id: card.id, amount_fen: input.amountFen, fee_fen: q.feeFen, net_fen: q.netFen, status: q.needsReview ? 'pending_review' : 'paying', created_at: now, updated_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    await post(trx, { key: `withdraw:${row.id}`, kind: 'withdrawal', workerId, memo: row.id, moves: [{ from: accounts.workerAvailable(workerId), to: accounts.withdrawalsInFlight(workerId), amountFen: input.amountFen }] });
    if (!q.needsReview) await schedulePayout(trx, row.id);
    return row.id;
  });
  return withdrawalOf(ctx.db, id);
}

/** Attempt `attempt` of the payout; `round` (the review time) keeps a finance retry's attempts apart from the earlier ones. */
const schedulePayout = (trx: Db, id: string, attempt = 0, round = 0) => scheduleJob(trx, { kind: 'payments.payout', key: round ? `payout:${id}:${round}:${attempt}` : `payout:${id}:${attempt}`, runAt: new Date(Date.now() + attempt * 60_000), payload: { withdrawalId: id } });

export async function withdrawalOf(db: Db, id: string) {
  const w = await withdrawalsQuery(db).where('w.id', '=', id).executeTakeFirst();
  if (!w) throw new AppError('NOT_FOUND');
  return presentWithdrawal(w);
}

export async function listWorkerWithdrawals(ctx: AppContext, workerId: string) {
  return (await withdrawalsQuery(ctx.db).where('w.worker_id', '=', workerId).orderBy('w.created_at', 'desc').limit(100).execute()).map(presentWithdrawal);
}

/** 提现通知: approved, refused (with finance's reason) or paid out. */
async function noticeWithdrawal(trx: Db, w: { id: string; worker_id: string; amount_fen: number }, outcome: { decision: 'approved' | 'paid' } | { decision: 'rejected'; reason: string }, step: string) {
  await notify(trx, { type: 'withdrawal_decided', to: { userId: w.worker_id, audience: 'worker' }, vars: { amount: `¥${(w.amount_fen / 100).toFixed(2)}`, ...outcome }, linkId: w.id, dedupeKey: `withdrawal:${w.id}:${step}` });
}

/** Money back to available (rejected, or the payout failed for good). */
async function returnToAvailable(trx: Db, w: { id: string; worker_id: string; amount_fen: number }, why: string) {
  await post(trx, { key: `withdraw-back:${w.id}:${why}`, kind: 'withdrawal_returned', workerId: w.worker_id, memo: why, moves: [{ from: accounts.withdrawalsInFlight(w.worker_id), to: accounts.workerAvailable(w.worker_id), amountFen: w.amount_fen }] });
}

/** Finance decision on a withdrawal under review; a retry re-sends a failed one. */
export async function decideWithdrawal(ctx: AppContext, id: string, decision: 'approve' | 'reject' | 'retry', note: string, adminName: string) {
  await ctx.db.transaction().execute(async (trx) => {
    const w = await trx.selectFrom('withdrawals').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!w) throw new AppError('NOT_FOUND');
    const from = decision === 'retry' ? 'failed' : 'pending_review';
    if (w.status !== from) throw new AppError('WITHDRAWAL_STATE', {}, [], { currentState: w.status });
    const now = new Date();
    const status = decision === 'reject' ? 'rejected' : 'paying';
    await trx.updateTable('withdrawals').set({ status, review_note: note, reviewed_by: adminName, reviewed_at: now, updated_at: now, ...(decision === 'retry' ? { attempts: 0, failure_reason: '' } : {}) }).where('id', '=', id).execute();
    if (decision === 'reject') await returnToAvailable(trx, w, 'rejected');
    if (decision !== 'retry') await noticeWithdrawal(trx, w, decision === 'reject' ? { decision: 'rejected', reason: note || '—' } : { decision: 'approved' }, `${decision}:${now.getTime()}`);
    if (decision === 'retry') {
      await post(trx, { key: `withdraw-retry:${w.id}:${now.getTime()}`, kind: 'withdrawal', workerId: w.worker_id, memo: 'retry', moves: [{ from: accounts.workerAvailable(w.worker_id), to: accounts.withdrawalsInFlight(w.worker_id), amountFen: w.amount_fen }] });
    }
    if (status === 'paying') await schedulePayout(trx, id, 0, now.getTime());
  });
  return withdrawalOf(ctx.db, id);
}

/** Job `payments.payout`: one attempt at the payout provider (idempotent by its reference), then the ledger. */
export async function sendPayout(ctx: AppContext, id: string): Promise<void> {
  const w = await ctx.db.selectFrom('withdrawals as w').innerJoin('worker_bank_cards as c', 'c.id', 'w.card_id').selectAll('w').select(['c.card_no_enc', 'c.holder_name', 'c.bank_name'])
    .where('w.id', '=', id).executeTakeFirst();
  if (!w || w.status !== 'paying') return;
  const ref = `PO-${w.id}-${w.attempts + 1}-${w.reviewed_at?.getTime() ?? 0}`;
  const result = await ctx.pay.payouts.payout({ ref, cardNo: ctx.pii.decrypt(w.card_no_enc), holderName: w.holder_name, bankName: w.bank_name, amountFen: w.net_fen });
  const { withdrawal: rules } = await paymentSettings(ctx.db, ctx.config.cityCode);
  await ctx.db.transaction().execute(async (trx) => {
    const live = await trx.selectFrom('withdrawals').selectAll().where('id', '=', id).where('status', '=', 'paying').forUpdate().executeTakeFirst();
    if (!live) return;
    const now = new Date();
    if (result.ok) {
      await trx.updateTable('withdrawals').set({ status: 'paid', payout_ref: result.ref, paid_at: now, attempts: live.attempts + 1, updated_at: now }).where('id', '=', id).execute();
      await post(trx, { key: `paid-out:${id}`, kind: 'payout', workerId: live.worker_id, memo: result.ref, moves: [
        { from: accounts.withdrawalsInFlight(live.worker_id), to: accounts.payouts, amountFen: live.net_fen },
        { from: accounts.withdrawalsInFlight(live.worker_id), to: accounts.fees, amountFen: live.fee_fen },
      ] });
      await noticeWithdrawal(trx, live, { decision: 'paid' }, 'paid');
      return;
    }
    const attempts = live.attempts + 1;
    const final = attempts >= rules.maxAttempts;
    await trx.updateTable('withdrawals').set({ attempts, failure_reason: result.reason, updated_at: now, ...(final ? { status: 'failed' } : {}) }).where('id', '=', id).execute();
    if (final) await returnToAvailable(trx, live, `failed-${now.getTime()}`);
    else await schedulePayout(trx, id, attempts, live.reviewed_at?.getTime() ?? 0);
  });
}
