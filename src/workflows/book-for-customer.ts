/**
 * 代客下单 workflow: the caller's account (created when new, accounts) → their address (accounts) → a quote
 * (catalog) → the order (create-order workflow) → an SMS with the pay link, audited as booked by this admin.
 */
import type { Api, AppContext } from '../platform/app-context.js';
import { writeAudit } from '../platform/audit.js';
import { idempotent } from '../platform/idempotency.js';
import { withNestedTransactions } from '../platform/transactions.js';
import { addAddress, checkAddressInput, findOrCreatePhoneCustomer } from '../domains/accounts/index.js';
import type { AdminActor } from '../domains/admin/index.js';
import { BookingSchemas, forStaff, getAdminOrder } from '../domains/booking/index.js';
import { checkQuoteInput, createQuote } from '../domains/catalog/index.js';
import { createOrder } from './create-order.js';

export interface PhoneBookingInput {
  customerPhone: string; customerName: string; itemCode: string; quantity: number; options: Record<string, unknown>; scheduledStart: string;
  address: { districtCode: string; detail: string; contactName: string; contactPhone: string; label?: string }; notes: string; workerId?: string;
}

/**
 * 代客下单: the caller's account (created when new), their address, a quote and the order, recorded as
 * booked by this admin; the customer gets an SMS with a link to pay in the app.
 */
export async function bookForCustomer(root: AppContext, admin: AdminActor, input: PhoneBookingInput) {
  // Input the later steps would refuse is refused before anything is written.
  await checkAddressInput(root, input.address);
  await checkQuoteInput(root, { itemCode: input.itemCode, quantity: input.quantity, options: input.options, scheduledStart: input.scheduledStart });
  // One transaction (each step's own as a savepoint): a refusal by a later step (no worker free, the chosen worker not
  // qualified) leaves no account, address or quote behind.
  const { link, view } = await root.db.transaction().execute(async (trx) => {
    const ctx: AppContext = { ...root, db: withNestedTransactions(trx) };
    const customer = await findOrCreatePhoneCustomer(ctx, ctx.db, input.customerPhone, input.customerName);
    const address = await addAddress(ctx, customer.id, { label: input.address.label ?? '电话下单', contactName: input.address.contactName, contactPhone: input.address.contactPhone, districtCode: input.address.districtCode, detail: input.address.detail });
    const quote = await createQuote(ctx, customer.id, { itemCode: input.itemCode, quantity: input.quantity, options: input.options, scheduledStart: input.scheduledStart });
    const view = await createOrder(ctx, customer.id, { quoteId: quote.id, addressId: address.id, workerId: input.workerId, notes: input.notes }, { channel: 'phone', admin: { id: admin.id, name: admin.name } });
    const link = `${ctx.config.publicUrl}/orders/${view.id}`;
    await ctx.sms.send(ctx.db, customer.phone, `【到家】客服已为您预约${view.itemName}（订单 ${view.orderNo}），请在 15 分钟内完成支付：${link}`);
    await writeAudit(ctx.db, { actorKind: 'admin', actorId: admin.id, actorName: admin.name, action: 'order.book_for_customer', targetType: 'order', targetId: view.id, ip: admin.ip, detail: { customerCreated: customer.created } });
    return { link, view };
  });
  return { ...(await getAdminOrder(root, view.id)), payLink: link };
}

export async function bookForCustomerRoutes(app: Api, ctx: AppContext) {
  app.post('/api/admin/orders', { preHandler: ctx.guards.admin('orders:book'), schema: { tags: ['admin-orders'], summary: '代客下单: book for a customer who phoned in; they get an SMS pay link', body: BookingSchemas.PhoneBookingBody } },
    async (request, reply) => idempotent(ctx.db, request, reply, `admin:${request.admin!.id}`, async () => ({
      status: 201, body: forStaff(await bookForCustomer(ctx, { id: request.admin!.id, name: request.admin!.name, ip: request.ip }, request.body), request.admin!.permissions),
    })));
}
