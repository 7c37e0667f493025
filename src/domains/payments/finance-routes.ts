import { Type } from 'typebox';
import type { Api, AppContext } from '../../platform/app-context.js';
import { writeAudit } from '../../platform/audit.js';
import { idempotent } from '../../platform/idempotency.js';
import { pageOf } from '../../platform/paging.js';
import { PAY_PROVIDERS } from '../../platform/providers/payments/types.js';
import { financeSummary, journal, listPayments, listRefunds, reconcile, refundByFinance } from './finance-service.js';
import { trialBalance } from './ledger.js';
import { decideInvoice, listInvoiceRequests } from './invoices.js';
import { paymentSettings, savePaymentSettings, type PaymentSettings } from './settings.js';
import { decideWithdrawal, presentWithdrawal, withdrawalsQuery } from './withdrawal-service.js';

const Strict = { additionalProperties: false } as const;
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Page = { page: Type.Optional(Type.Integer({ minimum: 1 })), pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) };
const Note = Type.Object({ note: Type.Optional(Type.String({ maxLength: 500 })) }, Strict);
const RequiredNote = Type.Object({ note: Type.String({ minLength: 1, maxLength: 500 }) }, Strict);

/** 财务: summary, trial balance, journal, payments, refunds, withdrawals to review, reconciliation, settings. */
export async function financeRoutes(app: Api, ctx: AppContext) {
  const tags = ['finance'];
  const read = ctx.guards.admin('finance:read');
  const write = ctx.guards.admin('finance:write');
  const audit = (request: { admin?: { id: string; name: string }; ip: string }, action: string, targetId: string, detail: Record<string, unknown>) =>
    writeAudit(ctx.db, { actorKind: 'admin', actorId: request.admin!.id, actorName: request.admin!.name, action, targetType: 'withdrawal', targetId, ip: request.ip, detail });

  app.get('/api/admin/finance/summary', { preHandler: read, schema: { tags, summary: 'GMV, revenue, refunds, payouts, escrow, by local day', querystring: Type.Object({ from: Day, to: Day }) } },
    async (request) => financeSummary(ctx, request.query.from, request.query.to));
  app.get('/api/admin/finance/trial-balance', { preHandler: read, schema: { tags, summary: 'Every account, cached and derived; the total is zero' } }, async () => trialBalance(ctx.db));
  app.get('/api/admin/finance/journal', { preHandler: read, schema: { tags, summary: 'Journal entries with their lines, newest first', querystring: Type.Object({ ...Page, orderId: Type.Optional(Type.String({ format: 'uuid' })), kind: Type.Optional(Type.String({ maxLength: 40 })) }) } },
    async (request) => journal(ctx, { ...pageOf(request.query), orderId: request.query.orderId, kind: request.query.kind }));
  app.get('/api/admin/finance/payments', { preHandler: read, schema: { tags, summary: 'Charges', querystring: Type.Object({ ...Page, status: Type.Optional(Type.String({ maxLength: 20 })) }) } },
    async (request) => listPayments(ctx, { ...pageOf(request.query), status: request.query.status }));
  app.get('/api/admin/finance/refunds', { preHandler: read, schema: { tags, summary: 'Refunds (of one order with orderId)', querystring: Type.Object({ ...Page, orderId: Type.Optional(Type.String({ format: 'uuid' })) }) } }, async (request) => listRefunds(ctx, { ...pageOf(request.query), orderId: request.query.orderId }));
  app.get('/api/admin/finance/withdrawals', { preHandler: read, schema: { tags, summary: 'Withdrawals (to review: status=pending_review)', querystring: Type.Object({ status: Type.Optional(Type.String({ maxLength: 20 })) }) } }, async (request) => {
    let q = withdrawalsQuery(ctx.db);
    if (request.query.status) q = q.where('w.status', '=', request.query.status as never);
    const items = (await q.orderBy('w.created_at', 'desc').limit(200).execute()).map(presentWithdrawal);
    return { total: items.length, items };
  });
  for (const decision of ['approve', 'reject', 'retry'] as const) {
    app.post(`/api/admin/finance/withdrawals/:id/${decision}`, { preHandler: write, schema: { tags, summary: `${decision} a withdrawal (audited)`, params: Id, body: decision === 'reject' ? RequiredNote : Note } }, async (request) => {
      const note = (request.body as { note?: string }).note?.trim() ?? '';
      const w = await decideWithdrawal(ctx, request.params.id, decision, note, request.admin!.name);
      await audit(request, `withdrawal.${decision}`, w.id, { note, amountFen: w.amountFen });
      return w;
    });
  }
  app.post('/api/admin/orders/:id/refunds', { preHandler: write, schema: { tags, summary: 'Refund part or all of what escrow holds for an order (Idempotency-Key honoured; audited)', params: Id, body: Type.Object({ amountFen: Type.Integer({ minimum: 1 }), reason: Type.String({ minLength: 1, maxLength: 500 }) }, Strict) } },
    async (request, reply) => idempotent(ctx.db, request, reply, request.admin!.id, async () => {
      const refunds = await refundByFinance(ctx, request.params.id, request.body.amountFen, request.body.reason.trim(), request.admin!.name);
      await writeAudit(ctx.db, { actorKind: 'admin', actorId: request.admin!.id, actorName: request.admin!.name, action: 'order.refund', targetType: 'order', targetId: request.params.id, ip: request.ip, detail: { amountFen: request.body.amountFen, reason: request.body.reason } });
      return { status: 201, body: refunds };
    }));
  app.post('/api/admin/finance/reconciliation', { preHandler: write, schema: { tags, summary: 'Compare our charges with the provider\'s statement of a local day', body: Type.Object({ provider: Type.Union(PAY_PROVIDERS.map((p) => Type.Literal(p))), date: Day }, Strict) } },
    async (request) => reconcile(ctx, request.body.provider, request.body.date));
  app.get('/api/admin/finance/invoices', { preHandler: read, schema: { tags, summary: 'Invoice requests (status=requested: to issue)', querystring: Type.Object({ status: Type.Optional(Type.String({ maxLength: 20 })) }) } },
    async (request) => listInvoiceRequests(ctx, request.query.status));
  app.post('/api/admin/finance/invoices/:id/decide', { preHandler: write, schema: { tags, summary: 'Issue (with the invoice number) or refuse (with a note) an invoice request (audited)', params: Id, body: Type.Union([Type.Object({ issue: Type.Literal(true), invoiceNo: Type.String({ minLength: 6, maxLength: 40 }) }, Strict), Type.Object({ issue: Type.Literal(false), note: Type.String({ minLength: 1, maxLength: 500 }) }, Strict)]) } }, async (request) => {
    const invoice = await decideInvoice(ctx, request.params.id, request.body, request.admin!.name);
    await writeAudit(ctx.db, { actorKind: 'admin', actorId: request.admin!.id, actorName: request.admin!.name, action: `invoice.${request.body.issue ? 'issue' : 'reject'}`, targetType: 'invoice', targetId: invoice.id, ip: request.ip, detail: request.body });
    return invoice;
  });
  app.get('/api/admin/finance/settings', { preHandler: read, schema: { tags, summary: 'Settlement delay, commission rules, withdrawal rules, accident insurance per category' } }, async () => paymentSettings(ctx.db, ctx.config.cityCode));
  app.put('/api/admin/finance/settings', { preHandler: write, schema: { tags, summary: 'Change the money rules (validated, audited)', body: Type.Object({ settlementDelayDays: Type.Integer(), commissionRules: Type.Array(Type.Any(), { minItems: 1, maxItems: 50 }), withdrawal: Type.Any(), insurance: Type.Optional(Type.Any()) }, Strict) } }, async (request) => {
    const current = await paymentSettings(ctx.db, ctx.config.cityCode);
    const saved = await savePaymentSettings(ctx.db, ctx.config.cityCode, { ...current, ...request.body } as PaymentSettings);
    await writeAudit(ctx.db, { actorKind: 'admin', actorId: request.admin!.id, actorName: request.admin!.name, action: 'finance.settings', targetType: 'city', targetId: ctx.config.cityCode, ip: request.ip, detail: request.body as Record<string, unknown> });
    return saved;
  });
}
