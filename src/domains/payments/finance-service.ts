/** Finance console reads: summary by day, journal, charges, refunds; refunds by finance; reconciliation. */
import dayjs from 'dayjs';
import { sql } from 'kysely';
import type { AppContext } from '../../platform/app-context.js';
import type { PayProvider } from '../../db/types-payments.js';
import { AppError } from '../../platform/errors.js';
import { cityTimeZone } from '../geo/index.js';
import { refundOrderPart } from './refund-service.js';

const MAX_DAYS = 366;

/** Sum of the journal lines into account kinds, per local day, between two local dates (inclusive). */
export async function financeSummary(ctx: AppContext, from: string, to: string) {
  const zone = await cityTimeZone(ctx.db, ctx.config.cityCode);
  const start = dayjs.tz(from, zone);
  const end = dayjs.tz(to, zone).add(1, 'day');
  if (!start.isValid() || !end.isValid() || !start.isBefore(end) || end.diff(start, 'day') > MAX_DAYS) {
    throw new AppError('VALIDATION_FAILED', {}, [{ field: 'to', code: 'range', message: { zh: `日期范围须为 1–${MAX_DAYS} 天`, en: `The range must be 1 to ${MAX_DAYS} days` } }]);
  }
  const kind = sql<string>`split_part(l.account_code, ':', 1)`;
  const rows = await ctx.db.selectFrom('journal_lines as l').innerJoin('journal_entries as e', 'e.id', 'l.entry_id')
    .select([sql<string>`to_char((e.created_at at time zone ${zone})::date, 'YYYY-MM-DD')`.as('day'), 'e.kind as entry_kind', kind.as('account_kind'), sql<number>`sum(l.amount_fen)::bigint`.as('fen')])
    .where('e.created_at', '>=', start.toDate()).where('e.created_at', '<', end.toDate())
    .groupBy(['day', 'e.kind', kind]).execute();
  const days = new Map<string, { gmvFen: number; paidFen: number; refundedFen: number; commissionFen: number; feesFen: number; insuranceFen: number; promotionsFen: number; lossesFen: number; payoutsFen: number }>();
  const blank = () => ({ gmvFen: 0, paidFen: 0, refundedFen: 0, commissionFen: 0, feesFen: 0, insuranceFen: 0, promotionsFen: 0, lossesFen: 0, payoutsFen: 0 });
  for (let d = start; d.isBefore(end); d = d.add(1, 'day')) days.set(d.format('YYYY-MM-DD'), blank());
  for (const r of rows) {
    const day = days.get(r.day) ?? blank();
    const fen = Number(r.fen);
    if (r.account_kind === 'psp' && r.entry_kind === 'capture') day.paidFen -= fen;
    if (r.account_kind === 'psp' && r.entry_kind === 'refund_confirmed') day.refundedFen += fen;
    if (r.account_kind === 'platform_commission') day.commissionFen += fen;
    if (r.account_kind === 'platform_fees') day.feesFen += fen;
    if (r.account_kind === 'insurance_premiums') day.insuranceFen += fen;
    if (r.account_kind === 'promotions') day.promotionsFen -= fen;
    if (r.account_kind === 'platform_losses') day.lossesFen -= fen;
    if (r.account_kind === 'payouts') day.payoutsFen += fen;
    if (r.entry_kind === 'completion' && r.account_kind !== 'escrow') day.gmvFen += fen;
    days.set(r.day, day);
  }
  const byDay = [...days].map(([date, v]) => ({ date, ...v, revenueFen: v.commissionFen + v.feesFen - v.promotionsFen - v.lossesFen }));
  const months = new Map<string, ReturnType<typeof blank> & { revenueFen: number }>();
  for (const d of byDay) {
    const m = months.get(d.date.slice(0, 7)) ?? { ...blank(), revenueFen: 0 };
    for (const k of Object.keys(m) as (keyof typeof m)[]) m[k] += d[k];
    months.set(d.date.slice(0, 7), m);
  }
  const sum = (k: keyof ReturnType<typeof blank>) => byDay.reduce((s, d) => s + d[k], 0);
  const held = await ctx.db.selectFrom('ledger_accounts').select(['kind', sql<number>`sum(balance_fen)::bigint`.as('fen')]).where('kind', 'in', ['escrow', 'worker_pending', 'worker_available', 'card_prepaid']).groupBy('kind').execute();
  const heldOf = (k: string) => Number(held.find((h) => h.kind === k)?.fen ?? 0);
  return {
    from, to,
    totals: {
      gmvFen: sum('gmvFen'), paidFen: sum('paidFen'), refundedFen: sum('refundedFen'), commissionFen: sum('commissionFen'), feesFen: sum('feesFen'), insuranceFen: sum('insuranceFen'),
      promotionsFen: sum('promotionsFen'), payoutsFen: sum('payoutsFen'), lossesFen: sum('lossesFen'), revenueFen: sum('commissionFen') + sum('feesFen') - sum('promotionsFen') - sum('lossesFen'), escrowFen: heldOf('escrow'), workerPendingFen: heldOf('worker_pending'), workerAvailableFen: heldOf('worker_available'), cardPrepaidFen: heldOf('card_prepaid'),
    },
    byDay,
    byMonth: [...months].map(([month, v]) => ({ month, ...v })),
  };
}

export async function journal(ctx: AppContext, f: { offset: number; limit: number; orderId?: string; kind?: string }) {
  let q = ctx.db.selectFrom('journal_entries as e').leftJoin('orders as o', 'o.id', 'e.order_id');
  if (f.orderId) q = q.where('e.order_id', '=', f.orderId);
  if (f.kind) q = q.where('e.kind', '=', f.kind);
  const [rows, total] = await Promise.all([
    q.select(['e.id', 'e.kind', 'e.memo', 'e.order_id', 'o.order_no', 'e.created_at']).orderBy('e.id', 'desc').offset(f.offset).limit(f.limit).execute(),
    q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  const lines = rows.length ? await ctx.db.selectFrom('journal_lines').selectAll().where('entry_id', 'in', rows.map((r) => r.id)).execute() : [];
  return {
    total: total.n,
    items: rows.map((r) => ({
      id: r.id, kind: r.kind, memo: r.memo, orderId: r.order_id, orderNo: r.order_no, createdAt: r.created_at.toISOString(),
      lines: lines.filter((l) => l.entry_id === r.id).map((l) => ({ account: l.account_code, amountFen: l.amount_fen })),
    })),
  };
}

export async function listPayments(ctx: AppContext, f: { offset: number; limit: number; status?: string }) {
  let q = ctx.db.selectFrom('payments as p').leftJoin('orders as o', 'o.id', 'p.order_id').leftJoin('service_cards as c', 'c.id', 'p.service_card_id');
  if (f.status) q = q.where('p.status', '=', f.status as never);
  const [rows, total] = await Promise.all([
    q.selectAll('p').select(['o.order_no', 'c.card_no']).orderBy('p.created_at', 'desc').offset(f.offset).limit(f.limit).execute(),
    q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: total.n,
    items: rows.map((p) => ({ id: p.id, orderId: p.order_id, orderNo: p.order_no, serviceCardId: p.service_card_id, cardNo: p.card_no, method: p.provider, purpose: p.purpose, amountFen: p.amount_fen, status: p.status, outTradeNo: p.out_trade_no, providerTxnId: p.provider_txn_id, paidAt: p.paid_at?.toISOString() ?? null, createdAt: p.created_at.toISOString() })),
  };
}

export async function listRefunds(ctx: AppContext, f: { offset: number; limit: number; orderId?: string }) {
  let q = ctx.db.selectFrom('refunds as r').leftJoin('orders as o', 'o.id', 'r.order_id').leftJoin('service_cards as c', 'c.id', 'r.service_card_id');
  if (f.orderId) q = q.where('r.order_id', '=', f.orderId);
  const [rows, total] = await Promise.all([
    q.selectAll('r').select(['o.order_no', 'c.card_no']).orderBy('r.created_at', 'desc').offset(f.offset).limit(f.limit).execute(),
    q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { total: total.n, items: rows.map((r) => ({ id: r.id, orderId: r.order_id, orderNo: r.order_no, serviceCardId: r.service_card_id, cardNo: r.card_no, amountFen: r.amount_fen, status: r.status, kind: r.kind, reason: r.reason, createdAt: r.created_at.toISOString(), succeededAt: r.succeeded_at?.toISOString() ?? null })) };
}

export async function refundByFinance(ctx: AppContext, orderId: string, amountFen: number, reason: string, by: string) {
  const exists = await ctx.db.selectFrom('orders').select('id').where('id', '=', orderId).executeTakeFirst();
  if (!exists) throw new AppError('NOT_FOUND');
  const cause = `finance:${Date.now()}`;
  const ids = await ctx.db.transaction().execute((trx) => refundOrderPart(trx, { id: orderId }, amountFen, reason, by, cause));
  return listRefundsOf(ctx, ids);
}

async function listRefundsOf(ctx: AppContext, ids: string[]) {
  if (!ids.length) return [];
  const rows = await ctx.db.selectFrom('refunds').selectAll().where('id', 'in', ids).execute();
  return rows.map((r) => ({ id: r.id, amountFen: r.amount_fen, status: r.status, kind: r.kind, reason: r.reason }));
}

type Mismatch = { outTradeNo: string; kind: 'missing_here' | 'missing_there' | 'amount_differs' | 'status_differs'; ours: unknown; theirs: unknown };

/** Our charges decided that local day against the provider's statement of it. */
export async function reconcile(ctx: AppContext, provider: PayProvider, date: string) {
  const zone = await cityTimeZone(ctx.db, ctx.config.cityCode);
  const statement = await ctx.pay.provider(provider).statement(date, zone);
  const ours = await ctx.db.selectFrom('payments').selectAll().where('provider', '=', provider)
    .where((eb) => eb.or([eb('out_trade_no', 'in', statement.length ? statement.map((s) => s.outTradeNo) : ['']), sql<boolean>`(coalesce(paid_at, updated_at) at time zone ${zone})::date = ${date}::date and status in ('paid', 'failed')`]))
    .execute();
  const mine = new Map(ours.map((p) => [p.out_trade_no, p]));
  const mismatches: Mismatch[] = [];
  let matched = 0;
  for (const s of statement) {
    const p = mine.get(s.outTradeNo);
    mine.delete(s.outTradeNo);
    if (!p) { mismatches.push({ outTradeNo: s.outTradeNo, kind: 'missing_here', ours: null, theirs: s }); continue; }
    if (p.amount_fen !== s.amountFen) mismatches.push({ outTradeNo: s.outTradeNo, kind: 'amount_differs', ours: p.amount_fen, theirs: s.amountFen });
    else if ((p.status === 'paid') !== (s.status === 'paid')) mismatches.push({ outTradeNo: s.outTradeNo, kind: 'status_differs', ours: p.status, theirs: s.status });
    else matched += 1;
  }
  for (const p of mine.values()) mismatches.push({ outTradeNo: p.out_trade_no, kind: 'missing_there', ours: { amountFen: p.amount_fen, status: p.status }, theirs: null });
  return { provider, date, matched, mismatches };
}
