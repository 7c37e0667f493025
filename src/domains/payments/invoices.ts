/**
 * 发票 and 收据: a customer asks for an invoice of a completed order (personal or company title with a tax
 * number), finance issues it with the number from the tax system or refuses it with a note; any paid order
 * has a printable receipt of what was charged and refunded.
 */
import type { AppContext } from '../../platform/app-context.js';
import { AppError } from '../../platform/errors.js';
import { getCustomerOrder } from '../booking/index.js';
import { orderBill } from './pay-service.js';

const INVOICEABLE = new Set(['completed', 'closed']);

export interface InvoiceInput { titleKind: 'personal' | 'company'; title: string; taxNo?: string; email: string }

type Row = { id: string; order_id: string; title_kind: string; title: string; tax_no: string | null; email: string; amount_fen: number; status: string; invoice_no: string | null; note: string; decided_at: Date | null; created_at: Date };
const present = (r: Row) => ({
  id: r.id, orderId: r.order_id, titleKind: r.title_kind, title: r.title, taxNo: r.tax_no, email: r.email, amountFen: r.amount_fen, status: r.status,
  invoiceNo: r.invoice_no, note: r.note, decidedAt: r.decided_at?.toISOString() ?? null, createdAt: r.created_at.toISOString(),
});

/** The invoiced amount: what the customer paid and kept paid (refunds deducted). */
async function invoiceableFen(ctx: AppContext, customerId: string, orderId: string) {
  const order = await getCustomerOrder(ctx, customerId, orderId);
  if (!INVOICEABLE.has(order.status)) throw new AppError('INVOICE_NOT_ALLOWED');
  const bill = await orderBill(ctx, order);
  return bill.paidFen - bill.refundedFen;
}

export async function requestInvoice(ctx: AppContext, customerId: string, orderId: string, i: InvoiceInput) {
  if (i.titleKind === 'company' && !/^[0-9A-Z]{15,20}$/.test(i.taxNo ?? '')) {
    throw new AppError('VALIDATION_FAILED', {}, [{ field: 'taxNo', code: 'invalid', message: { zh: '请填写正确的纳税人识别号（15–20 位数字或大写字母）', en: 'Enter the taxpayer ID (15–20 digits or capital letters)' } }]);
  }
  const amountFen = await invoiceableFen(ctx, customerId, orderId);
  if (amountFen <= 0) throw new AppError('INVOICE_NOT_ALLOWED');
  const open = await ctx.db.selectFrom('invoice_requests').select('id').where('order_id', '=', orderId).where('status', '!=', 'rejected').executeTakeFirst();
  if (open) throw new AppError('INVOICE_NOT_ALLOWED');
  const row = await ctx.db.insertInto('invoice_requests').values({
    order_id: orderId, customer_id: customerId, title_kind: i.titleKind, title: i.title.trim(), tax_no: i.titleKind === 'company' ? i.taxNo! : null, email: i.email.trim(), amount_fen: amountFen,
  }).returningAll().executeTakeFirstOrThrow();
  return present(row);
}

export async function invoicesOfOrder(ctx: AppContext, customerId: string, orderId: string) {
  await getCustomerOrder(ctx, customerId, orderId);
  const rows = await ctx.db.selectFrom('invoice_requests').selectAll().where('order_id', '=', orderId).where('customer_id', '=', customerId).orderBy('created_at', 'desc').execute();
  return { items: rows.map(present) };
}

/** Finance: requests, oldest open first. */
export async function listInvoiceRequests(ctx: AppContext, status?: string) {
  let q = ctx.db.selectFrom('invoice_requests as i').innerJoin('orders as o', 'o.id', 'i.order_id').selectAll('i').select('o.order_no');
  if (status) q = q.where('i.status', '=', status as never);
  const rows = await q.orderBy('i.created_at').limit(200).execute();
  return { items: rows.map((r) => ({ ...present(r), orderNo: r.order_no })) };
}

/** Finance issues (with the invoice number) or refuses (with a note) one open request. */
export async function decideInvoice(ctx: AppContext, id: string, d: { issue: true; invoiceNo: string } | { issue: false; note: string }, by: string) {
  const row = await ctx.db.updateTable('invoice_requests')
    .set(d.issue ? { status: 'issued', invoice_no: d.invoiceNo.trim(), decided_by: by, decided_at: new Date() } : { status: 'rejected', note: d.note.trim(), decided_by: by, decided_at: new Date() })
    .where('id', '=', id).where('status', '=', 'requested').returningAll().executeTakeFirst();
  if (!row) {
    const exists = await ctx.db.selectFrom('invoice_requests').select('id').where('id', '=', id).executeTakeFirst();
    throw new AppError(exists ? 'INVOICE_STATE' : 'NOT_FOUND');
  }
  return present(row);
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;

/** 电子收据: a printable page of what a paid order charged and refunded (not a tax invoice). */
export async function receiptHtml(ctx: AppContext, customerId: string, orderId: string) {
  const order = await getCustomerOrder(ctx, customerId, orderId);
  if (!order.paidAt) throw new AppError('PAYMENT_NOT_DUE');
  const bill = await orderBill(ctx, order);
  const lines = (bill.lines as { label: { zh: string }; amountFen: number }[]).map((l) => `<tr><td>${esc(l.label.zh)}</td><td class="n">${yuan(l.amountFen)}</td></tr>`).join('');
  const paid = [
    ...bill.payments.filter((p) => p.status === 'paid').map((p) => `<tr><td>${esc(p.method)} · ${esc(p.paidAt ?? '')}</td><td class="n">${yuan(p.amountFen)}</td></tr>`),
    ...(bill.serviceCard ? [`<tr><td>次卡 ${esc(bill.serviceCard.cardNo)}</td><td class="n">${yuan(bill.serviceCard.amountFen)}</td></tr>`] : []),
  ].join('');
  const refunds = bill.refunds.map((r) => `<tr><td>退款 · ${esc(r.reason)} · ${r.status === 'succeeded' ? '已退回' : '处理中'}</td><td class="n">-${yuan(r.amountFen)}</td></tr>`).join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>收据 ${esc(order.orderNo)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:640px;margin:24px auto;padding:0 16px}table{width:100%;border-collapse:collapse}td{padding:6px 0;border-bottom:1px solid #eee}.n{text-align:right}h1{font-size:20px}small{color:#888}</style></head>
<body><h1>到家 · 电子收据</h1><p>订单号 ${esc(order.orderNo)}<br>服务 ${esc(order.itemName)}<br>预约时间 ${esc(order.scheduledStart)}</p>
<table>${lines}<tr><td><b>应付</b></td><td class="n"><b>${yuan(bill.totalFen)}</b></td></tr>${paid}${refunds}
<tr><td><b>实付（扣除退款）</b></td><td class="n"><b>${yuan(bill.paidFen - bill.refundedFen)}</b></td></tr></table>
${bill.insuranceFen ? `<p>含意外险保费 ${yuan(bill.insuranceFen)}，保额 ${yuan(bill.insuranceCoverFen)}</p>` : ''}
<p><small>本收据记录平台收付款项，不作为税务发票；如需发票请在订单页申请。Receipt of payments, not a tax invoice.</small></p></body></html>`;
}
