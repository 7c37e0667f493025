/**
 * The workflow layer: flows that span domains, above them all (docs/architecture.md). `wireWorkflows` installs the
 * ports the domains offer (order steps, personal-data holders) once per process; `workflowRoutes` are the HTTP entry
 * points of the flows.
 */
import { bookForCustomerRoutes } from './book-for-customer.js';
import { chooseAnswerRoutes } from './choose-answer.js';
import { consoleOverviewRoutes } from './console-overview.js';
import { createOrderRoutes } from './create-order.js';
import { evidencePackRoutes } from './evidence-pack.js';
import { installOrderLifecycle } from './order-lifecycle.js';
import { onSiteQuoteRoutes } from './onsite-quote.js';
import { registerPersonalDataHolders } from './privacy.js';
import { quoteRoutes } from './quote.js';
import { workerReputationRoutes } from './worker-reputation.js';

export function wireWorkflows(): void {
  installOrderLifecycle();
  registerPersonalDataHolders();
}

export const workflowRoutes = [quoteRoutes, createOrderRoutes, chooseAnswerRoutes, bookForCustomerRoutes, consoleOverviewRoutes, evidencePackRoutes, workerReputationRoutes, onSiteQuoteRoutes];

export { createOrder } from './create-order.js';
export { bookForCustomer } from './book-for-customer.js';
export { quoteWithCoupon } from './quote.js';
