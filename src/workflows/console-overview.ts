/** 概览: the console's counters, read across accounts, workers and the catalogue. */
import type { Api, AppContext } from '../platform/app-context.js';
import { countAccounts } from '../domains/accounts/index.js';
import { AdminSchemas } from '../domains/admin/index.js';
import { countCatalog } from '../domains/catalog/index.js';
import { countWorkers } from '../domains/workers/index.js';

/** Midnight today in Asia/Shanghai (UTC+8, no DST) as a UTC instant. */
function startOfCityDay(now = new Date()): Date {
  const offsetMs = 8 * 3600 * 1000;
  const local = new Date(now.getTime() + offsetMs);
  local.setUTCHours(0, 0, 0, 0);
  return new Date(local.getTime() - offsetMs);
}

export async function consoleOverviewRoutes(app: Api, ctx: AppContext) {
  app.get('/api/admin/overview', { preHandler: ctx.guards.admin('overview:read'), schema: { tags: ['admin'], response: { 200: AdminSchemas.Overview } } }, async () => {
    const since = startOfCityDay();
    const [accounts, workers, catalog, signIns, sms] = await Promise.all([
      countAccounts(ctx), countWorkers(ctx.db), countCatalog(ctx.db),
      ctx.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('action', 'in', ['auth.sign_in', 'admin.sign_in']).where('created_at', '>=', since).executeTakeFirstOrThrow(),
      ctx.db.selectFrom('outbox_messages').select((eb) => eb.fn.countAll<number>().as('n')).where('channel', '=', 'sms').where('created_at', '>=', since).executeTakeFirstOrThrow(),
    ]);
    return { customers: accounts.customers, workers: Math.max(workers, accounts.workers), ...catalog, signInsToday: Number(signIns.n), smsToday: Number(sms.n) };
  });
}
