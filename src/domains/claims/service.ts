/**
 * 保险理赔: a claim against an order's accident cover, filed by ops or by the customer from an SOS incident of the
 * order or from its after-sales dispute, with documents and an amount (integer fen, ≤ the cover not yet paid out).
 * 提交 (submitted) → 审核 (reviewing) → 赔付 (paid: a ledger payout from the insurance account to the customer) /
 * 驳回 (rejected), each decision with a written reason, audited, and told to both sides of the order.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../db/types.js';
import type { ClaimSource, ClaimStatus, InsuranceClaimsTable } from '../../db/types-claims.js';
import type { AppContext } from '../../platform/app-context.js';
import { writeAudit } from '../../platform/audit.js';
import { AppError, type FieldErrorSpec } from '../../platform/errors.js';
import { userContact } from '../accounts/index.js';
import { findOrder, findOrderByNo, orderWasDisputed, snapshotItem, type OrderRow } from '../booking/index.js';
import { notify } from '../messaging/index.js';
import { ledgerEntryByKey, payInsuranceClaim } from '../payments/index.js';
import { incidentsOfOrder } from '../safety/index.js';

type Db = Kysely<DB>;
type ClaimRow = Selectable<InsuranceClaimsTable>;
export interface Filer { kind: 'customer' | 'admin'; id: string; name: string; ip: string }
export interface Admin { id: string; name: string; ip: string }

const OPEN: ClaimStatus[] = ['submitted', 'reviewing'];
const claimNo = () => `LP${new Date().toISOString().slice(0, 10).replace(/-/g, '')}${randomBytes(3).toString('hex').toUpperCase()}`;
const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;

function notAllowed(field: string, zh: string, en: string): AppError {
  return new AppError('CLAIM_NOT_ALLOWED', {}, [{ field, code: 'not_allowed', message: { zh, en } }]);
}

/** What an order offers for a claim: the cover, what is left of it, the incidents and whether it was disputed. */
export async function claimOptions(db: Db, o: OrderRow) {
  const [incidents, disputed, paid, open] = await Promise.all([
    incidentsOfOrder(db, o.id),
    orderWasDisputed(db, o.id),
    db.selectFrom('insurance_claims').select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_fen'), eb.val(0)).as('n')).where('order_id', '=', o.id).where('status', '=', 'paid').executeTakeFirstOrThrow(),
    db.selectFrom('insurance_claims').select('id').where('order_id', '=', o.id).where('status', 'in', OPEN).executeTakeFirst(),
  ]);
  const coverFen = o.insurance_cover_fen;
  const remainingFen = Math.max(0, coverFen - Number(paid.n));
  const reasons: string[] = [];
  if (!coverFen) reasons.push('no_cover');
  if (!o.paid_at) reasons.push('not_paid');
  if (open) reasons.push('open_claim');
  if (coverFen && !remainingFen) reasons.push('cover_used');
  if (!incidents.length && !disputed) reasons.push('no_incident_or_dispute');
  return {
    orderId: o.id, orderNo: o.order_no, itemName: snapshotItem(o).name, coverFen, remainingFen, disputed,
    incidents: incidents.map((i) => ({ id: i.id, incidentNo: i.incidentNo, role: i.role, status: i.status, note: i.note, createdAt: i.createdAt.toISOString() })),
    canFile: reasons.length === 0, reasons,
  };
}

export interface ClaimInput { source: ClaimSource; incidentId?: string; amountFen: number; description: string; documentFileIds?: string[] }

async function assertDocuments(db: Db, filer: Filer, ids: string[]) {
  if (!ids.length) return;
  const rows = await db.selectFrom('files').select('id').where('id', 'in', ids).where('owner_kind', '=', filer.kind === 'admin' ? 'admin' : 'user')
    .where('owner_id', '=', filer.id).where('purpose', '=', 'claim_document').execute();
  if (rows.length !== new Set(ids).size) throw new AppError('FILE_NOT_OWNED');
}

/** Files a claim (提交). A customer only for an order of theirs (404 otherwise). */
export async function fileClaim(ctx: AppContext, filer: Filer, o: OrderRow, input: ClaimInput, now = new Date()) {
  if (filer.kind === 'customer' && o.customer_id !== filer.id) throw new AppError('NOT_FOUND');
  const opts = await claimOptions(ctx.db, o);
  if (!opts.coverFen) throw notAllowed('orderId', '该订单未投保意外险', 'the order carries no accident insurance');
  if (!o.paid_at) throw notAllowed('orderId', '订单尚未支付，保险未生效', 'the order was never paid, so the cover never started');
  const errors: FieldErrorSpec[] = [];
  if (!Number.isSafeInteger(input.amountFen) || input.amountFen <= 0) {
    errors.push({ field: 'amountFen', code: 'range', message: { zh: '理赔金额须大于 0（单位：分）', en: 'the amount must be above 0 (in fen)' } });
  } else if (input.amountFen > opts.remainingFen) {
    errors.push({ field: 'amountFen', code: 'above_cover', message: { zh: `理赔金额不能超过保额余额 ${yuan(opts.remainingFen)}`, en: `the amount cannot exceed the cover left, ${yuan(opts.remainingFen)}` } });
  }
  const description = input.description.trim();
  if (description.length < 4) errors.push({ field: 'description', code: 'too_short', message: { zh: '请描述事故经过与损失（至少 4 个字）', en: 'describe what happened and the loss (at least 4 characters)' } });
  if (input.source === 'incident') {
    if (!input.incidentId) errors.push({ field: 'incidentId', code: 'required', message: { zh: '请选择本订单的紧急求助记录', en: 'choose an SOS incident of this order' } });
    else if (!opts.incidents.some((i) => i.id === input.incidentId)) errors.push({ field: 'incidentId', code: 'not_of_order', message: { zh: '该求助记录不属于本订单', en: 'that incident is not of this order' } });
  } else if (input.incidentId) {
    errors.push({ field: 'incidentId', code: 'unexpected', message: { zh: '售后纠纷理赔无需选择求助记录', en: 'a dispute claim takes no incident' } });
  }
  if (errors.length) throw new AppError('VALIDATION_FAILED', {}, errors);
  if (input.source === 'dispute' && !opts.disputed) throw notAllowed('source', '该订单没有售后纠纷记录', 'the order has no after-sales dispute');
  if (opts.reasons.includes('open_claim')) throw new AppError('CLAIM_OPEN');
  const docs = input.documentFileIds ?? [];
  await assertDocuments(ctx.db, filer, docs);

  const row = await ctx.db.transaction().execute(async (trx) => {
    const inserted = await trx.insertInto('insurance_claims').values({
      claim_no: claimNo(), order_id: o.id, customer_id: o.customer_id, worker_id: o.worker_id, source: input.source, incident_id: input.source === 'incident' ? input.incidentId! : null,
      amount_fen: input.amountFen, cover_fen: opts.coverFen, description, document_file_ids: docs, filed_by_kind: filer.kind, filed_by_id: filer.id, filed_by_name: filer.name,
      created_at: now, updated_at: now,
    }).returningAll().executeTakeFirstOrThrow().catch((error: unknown) => {
      // The partial unique index (one open claim per order) decides a race between two filings.
      if (/insurance_claims_one_open_idx/.test(String((error as Error)?.message)) || (error as { constraint?: string })?.constraint === 'insurance_claims_one_open_idx') throw new AppError('CLAIM_OPEN');
      throw error;
    });
    if (filer.kind === 'admin') {
      await writeAudit(trx, { actorKind: 'admin', actorId: filer.id, actorName: filer.name, action: 'claim.filed', targetType: 'claim', targetId: inserted.id, ip: filer.ip, detail: { orderNo: o.order_no, amountFen: input.amountFen, source: input.source } });
    }
    return inserted;
  });
  return present(ctx, row, filer.kind === 'admin' ? 'full' : 'customer');
}

export async function orderForCustomer(db: Db, customerId: string, orderId: string) {
  const o = await findOrder(db, orderId);
  if (!o || o.customer_id !== customerId) throw new AppError('NOT_FOUND');
  return o;
}

export async function orderForAdmin(db: Db, ref: { orderId?: string; orderNo?: string }) {
  const o = ref.orderId ? await findOrder(db, ref.orderId) : ref.orderNo ? await findOrderByNo(db, ref.orderNo.trim()) : undefined;
  if (!o) throw new AppError('NOT_FOUND');
  return o;
}

async function lockClaim(trx: Db, id: string) {
  const c = await trx.selectFrom('insurance_claims').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!c) throw new AppError('NOT_FOUND');
  return c;
}

/** 审核: ops take a submitted claim into review. */
export async function startReview(ctx: AppContext, admin: Admin, id: string, now = new Date()) {
  const row = await ctx.db.transaction().execute(async (trx) => {
    const c = await lockClaim(trx, id);
    if (c.status !== 'submitted') throw new AppError('CLAIM_STATE', { status: c.status }, [], { currentState: c.status });
    const r = await trx.updateTable('insurance_claims').set({ status: 'reviewing', reviewing_by_name: admin.name, reviewing_at: now, updated_at: now }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await writeAudit(trx, { actorKind: 'admin', actorId: admin.id, actorName: admin.name, action: 'claim.review_started', targetType: 'claim', targetId: id, ip: admin.ip, detail: { claimNo: c.claim_no } });
    return r;
  });
  return present(ctx, row, 'full');
}

/**
 * 赔付 / 驳回 with a written reason (from 审核). Paying posts the ledger payout once: paying a paid claim again answers
 * with the claim as it is and moves no money. Both sides are told; audited.
 */
export async function decideClaim(ctx: AppContext, admin: Admin, id: string, decision: 'pay' | 'reject', reason: string, now = new Date()) {
  const text = reason.trim();
  if (text.length < 2) throw new AppError('VALIDATION_FAILED', {}, [{ field: 'reason', code: 'required', message: { zh: '请写明理由', en: 'write the reason' } }]);
  const row = await ctx.db.transaction().execute(async (trx) => {
    const c = await lockClaim(trx, id);
    if (decision === 'pay' && c.status === 'paid') return c;
    if (c.status !== 'reviewing') throw new AppError('CLAIM_STATE', { status: c.status }, [], { currentState: c.status });
    const o = (await findOrder(trx, c.order_id))!;
    const service = snapshotItem(o).name;
    let payoutKey: string | null = null;
    if (decision === 'pay') {
      payoutKey = (await payInsuranceClaim(trx, { claimId: c.id, claimNo: c.claim_no, orderId: c.order_id, customerId: c.customer_id, amountFen: c.amount_fen })).entryKey;
    }
    const r = await trx.updateTable('insurance_claims').set({
      status: decision === 'pay' ? 'paid' : 'rejected', payout_entry_key: payoutKey, decided_by: admin.id, decided_by_name: admin.name, decided_at: now, decision_reason: text, updated_at: now,
    }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await writeAudit(trx, { actorKind: 'admin', actorId: admin.id, actorName: admin.name, action: decision === 'pay' ? 'claim.paid' : 'claim.rejected', targetType: 'claim', targetId: id, ip: admin.ip, detail: { claimNo: c.claim_no, amountFen: c.amount_fen, reason: text } });
    const vars = decision === 'pay'
      ? { decision: 'paid' as const, service, claimNo: c.claim_no, amount: yuan(c.amount_fen) }
      : { decision: 'rejected' as const, service, claimNo: c.claim_no, reason: text };
    await notify(trx, { type: 'claim_decided', to: { userId: c.customer_id, audience: 'customer' }, vars, linkId: c.order_id, dedupeKey: `claim:${c.id}` });
    if (c.worker_id) await notify(trx, { type: 'claim_decided', to: { userId: c.worker_id, audience: 'worker' }, vars, linkId: c.order_id, dedupeKey: `claim:${c.id}` });
    return r;
  });
  return present(ctx, row, 'full');
}

/** Claims on an order as its customer ('full' minus the filer's identity) or its worker ('party': no documents) sees them. */
export async function claimsOfOrder(ctx: AppContext, orderId: string, view: 'customer' | 'worker') {
  const rows = await ctx.db.selectFrom('insurance_claims').selectAll().where('order_id', '=', orderId).orderBy('created_at', 'desc').execute();
  return Promise.all(rows.map((r) => present(ctx, r, view === 'customer' ? 'customer' : 'worker')));
}

export async function claimById(ctx: AppContext, id: string) {
  const r = await ctx.db.selectFrom('insurance_claims').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw new AppError('NOT_FOUND');
  return present(ctx, r, 'full');
}

/** The console's list: open ones first (oldest first), then decided (newest first); optionally one status or order. */
export async function listClaims(ctx: AppContext, f: { status?: ClaimStatus; orderNo?: string; offset: number; limit: number }) {
  let q = ctx.db.selectFrom('insurance_claims');
  if (f.status) q = q.where('status', '=', f.status);
  if (f.orderNo) {
    const o = await findOrderByNo(ctx.db, f.orderNo.trim());
    q = q.where('order_id', '=', o?.id ?? '00000000-0000-0000-0000-000000000000');
  }
  const [rows, total] = await Promise.all([
    q.selectAll().orderBy((eb) => eb.case().when('status', 'in', OPEN).then(0).else(1).end()).orderBy('created_at', 'desc').offset(f.offset).limit(f.limit).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: await Promise.all(rows.map((r) => present(ctx, r, 'full'))), total: Number(total.n) };
}

/** Whether a claim's documents include the file (for serving it to the claim's customer or the console). */
export async function claimDocument(db: Db, claimId: string, fileId: string, customerId?: string) {
  let q = db.selectFrom('insurance_claims').select(['id', 'document_file_ids']).where('id', '=', claimId);
  if (customerId) q = q.where('customer_id', '=', customerId);
  const c = await q.executeTakeFirst();
  if (!c || !c.document_file_ids.includes(fileId)) throw new AppError('NOT_FOUND');
}

async function present(ctx: AppContext, r: ClaimRow, view: 'full' | 'customer' | 'worker') {
  const [o, payout] = await Promise.all([findOrder(ctx.db, r.order_id), r.payout_entry_key ? ledgerEntryByKey(ctx.db, r.payout_entry_key) : null]);
  const base = {
    id: r.id, claimNo: r.claim_no, orderId: r.order_id, orderNo: o?.order_no ?? '', itemName: o ? snapshotItem(o).name : '', source: r.source, incidentId: r.incident_id,
    amountFen: r.amount_fen, coverFen: r.cover_fen, status: r.status, description: r.description,
    filedBy: r.filed_by_kind, createdAt: r.created_at.toISOString(), reviewingAt: r.reviewing_at?.toISOString() ?? null,
    decidedAt: r.decided_at?.toISOString() ?? null, decisionReason: r.decision_reason,
    payout: payout ? { entryKey: payout.key, entryId: payout.id, postedAt: payout.createdAt, amountFen: r.amount_fen, lines: payout.lines } : null,
  };
  if (view === 'worker') return { ...base, description: '', documentUrls: [] as string[] };
  const prefix = view === 'full' ? `/api/admin/claims/${r.id}/documents/` : `/api/claims/${r.id}/documents/`;
  const documentUrls = r.document_file_ids.map((f) => `${prefix}${f}`);
  if (view === 'customer') return { ...base, documentUrls };
  const customer = await userContact(ctx, ctx.db, r.customer_id);
  return {
    ...base, documentUrls, customer: { id: r.customer_id, name: customer?.name ?? '', phoneMasked: customer?.phoneMasked ?? null },
    filedByName: r.filed_by_name, reviewingBy: r.reviewing_by_name, decidedBy: r.decided_by_name,
  };
}
