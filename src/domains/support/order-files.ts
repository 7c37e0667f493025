/** Order photos open only for the order's parties: its customer, a worker it was offered to or who holds it, and admins with orders:read. */
import type { Api, AppContext } from '../../platform/app-context.js';
import { tokenFrom } from '../../platform/auth.js';
import { AppError } from '../../platform/errors.js';
import { findFile, redirectToSignedFile } from '../../platform/files.js';
import { resolveSession } from '../../platform/sessions.js';
import { BookingSchemas as S, findOrder, offerOf, orderPhotoIds } from '../booking/index.js';
import { chatFileIds } from './chat-service.js';

async function isParty(ctx: AppContext, orderId: string, userId: string) {
  const o = await findOrder(ctx.db, orderId);
  if (!o) return null;
  if (o.customer_id === userId || o.worker_id === userId) return o;
  return (await offerOf(ctx.db, orderId, userId)) ? o : null;
}

export async function orderFileRoute(app: Api, ctx: AppContext) {
  app.get('/api/orders/:id/files/:fileId', { schema: { tags: ['booking'], summary: "A photo of an order (its parties only): a redirect to its short-lived signed link", params: S.OrderFileParams } }, async (request, reply) => {
    const token = tokenFrom(request, 'user');
    const session = token ? await resolveSession(ctx.db, token) : null;
    let order = session?.principalKind === 'user' ? await isParty(ctx, request.params.id, session.principalId) : null;
    if (!order) {
      const admin = await ctx.guards.admin('orders:read')(request, reply).then(() => request.admin, () => null);
      if (admin) order = (await findOrder(ctx.db, request.params.id)) ?? null;
    }
    if (!order) throw new AppError('NOT_FOUND');
    const ids = new Set([...await orderPhotoIds(ctx.db, order), ...await chatFileIds(ctx.db, order.id)]);
    if (!ids.has(request.params.fileId)) throw new AppError('NOT_FOUND');
    if (!(await findFile(ctx.db, request.params.fileId))) throw new AppError('NOT_FOUND');
    return redirectToSignedFile(reply, ctx.config.appSecret, request.params.fileId);
  });
}
