/**
 * The authorization matrix: for every route of the OpenAPI document, who may call it and which objects its ids may name.
 * It is declared here, entry by entry, apart from the routes it describes (their guards are what it checks), so
 * `tests/security/access-matrix.test.ts` reads the OpenAPI document, fails on any route missing here (or any entry that is
 * no route), and calls every route as every actor — anonymous, a customer, a worker, one console account per admin role
 * of rbac.ts — and as another customer or worker with the ids of the first one's objects, expecting exactly what the
 * policy says. A new route without an entry fails the suite; so does a removed guard.
 *
 * Admin access is declared as the permission the route's guard asks for; which roles hold it comes from rbac.ts
 * (`allowedActors`), so a change of the role table changes the expectation without an edit here.
 * Platform code: it names no domain, only paths, permissions and the kinds of objects.
 */
import { ADMIN_ROLES, can, type AdminRole, type Permission, type UserRole } from './rbac.js';

export const ACTORS = ['anonymous', 'customer', 'worker', ...ADMIN_ROLES] as const;
export type Actor = (typeof ACTORS)[number];

/**
 * What the route's ids (path parameters) may name for a customer or worker caller:
 * - `none`: the route names no object (or only the caller's own account implicitly);
 * - `any`: public objects (a worker's profile, a review, a campaign) — any signed-in caller may name any of them;
 * - `own`: the caller's own object (address, quote, order of a customer, ticket, bank card, notification, session …);
 *   another user's id answers 404 or 403, never 2xx, and tells nothing about the object;
 * - `assigned`: an order offered to or taken by the calling worker (and what hangs off it);
 * - `party`: an order of which the caller is the customer or the assigned worker.
 * For console routes objects are `any` within the permission (admins see every order …), except `own` for an
 * admin's own notifications.
 */
export type ObjectScope = 'none' | 'any' | 'own' | 'assigned' | 'party';

export interface Policy {
  /** No session needed: `true` for public data; `credentials` for sign-in and sign-up (a wrong secret answers 400/401 to everyone alike); `session` for sign-out. */
  anyone?: true | 'credentials' | 'session';
  /** Signed-in users of these roles (the `ctx.guards.user(role)` guard). */
  users?: readonly UserRole[];
  /** Console accounts holding this permission (all of them when a list), or any console account (`any`). */
  admin?: Permission | readonly Permission[] | 'any';
  objects: ObjectScope;
  /** Query or body fields (`query.x`, `body.x`) naming objects that must be the caller's own: another user's id is refused. */
  refs?: readonly string[];
  /** A provider's signed callback: no session makes it succeed, an unsigned or badly signed call is refused (400/401). */
  provider?: true;
  /** Registered only while a local simulator stands in for the provider (development and demos). */
  simulator?: true;
  /** Refuses by answering 404 (the object's existence is not told) instead of 401/403. */
  hidden?: true;
  note?: string;
}

const USERS: readonly UserRole[] = ['customer', 'worker'];
const anyone = (): Policy => ({ anyone: true, objects: 'any' });
const signIn = (): Policy => ({ anyone: 'credentials', objects: 'none' });
const signOut = (): Policy => ({ anyone: 'session', objects: 'none', note: 'ends the session it is called with, if any' });
const user = (objects: ObjectScope = 'none', refs?: readonly string[]): Policy => ({ users: USERS, objects, ...(refs ? { refs } : {}) });
const customer = (objects: ObjectScope, refs?: readonly string[]): Policy => ({ users: ['customer'], objects, ...(refs ? { refs } : {}) });
const worker = (objects: ObjectScope, refs?: readonly string[]): Policy => ({ users: ['worker'], objects, ...(refs ? { refs } : {}) });
const admin = (permission: Permission | readonly Permission[] | 'any' = 'any', objects: ObjectScope = 'any'): Policy => ({ admin: permission, objects });
const provider = (note: string): Policy => ({ provider: true, objects: 'none', note });

/** Every route of the OpenAPI document, `METHOD /path` with OpenAPI's `{param}` spelling. */
export const ACCESS_MATRIX: Readonly<Record<string, Policy>> = {
  'GET /health': anyone(),
  'POST /api/auth/sms/send': signIn(),
  'POST /api/auth/sms/login': signIn(),
  'POST /api/auth/email/register': signIn(),
  'GET /api/auth/email/verify': signIn(),
  'POST /api/auth/password/login': signIn(),
  'POST /api/auth/logout': signOut(),
  'GET /api/me': user('none'),
  'GET /api/me/consents': user('none'),
  'POST /api/me/consents': user('none'),
  'GET /api/legal/privacy': anyone(),
  'PATCH /api/me': user('none'),
  'POST /api/me/avatar': user('none'),
  'POST /api/me/password': user('none'),
  'GET /api/me/emergency-contact': user('none'),
  'PUT /api/me/emergency-contact': user('none'),
  'GET /api/me/addresses': user('none'),
  'POST /api/me/addresses': user('none'),
  'PATCH /api/me/addresses/{id}': user('own'),
  'DELETE /api/me/addresses/{id}': user('own'),
  'GET /api/me/sessions': user('none'),
  'DELETE /api/me/sessions/{id}': user('own'),
  'GET /api/me/export': user('none'),
  'POST /api/me/delete/code': user('none'),
  'POST /api/me/delete': user('none'),
  'POST /api/admin/auth/login': signIn(),
  'POST /api/admin/auth/logout': signOut(),
  'GET /api/admin/me': admin(),
  'GET /api/admin/admins': admin('admins:manage'),
  'POST /api/admin/admins': admin('admins:manage'),
  'PATCH /api/admin/admins/{id}': admin('admins:manage'),
  'GET /api/admin/users': admin('users:read'),
  'GET /api/admin/outbox': admin('outbox:read'),
  'GET /api/admin/audit': admin('audit:read'),
  'GET /api/geo/city': anyone(),
  'GET /api/geo/places': anyone(),
  'GET /api/geo/reverse': anyone(),
  'GET /api/catalog/categories': anyone(),
  'GET /api/catalog/items': anyone(),
  'GET /api/catalog/items/{code}': anyone(),
  'GET /api/catalog/quotes/{id}': user('own'),
  'GET /api/admin/catalog': admin('catalog:read'),
  'POST /api/admin/catalog/categories': admin('catalog:write'),
  'PATCH /api/admin/catalog/categories/{id}': admin('catalog:write'),
  'DELETE /api/admin/catalog/categories/{id}': admin('catalog:write'),
  'DELETE /api/admin/catalog/items/{id}': admin('catalog:write'),
  'GET /api/admin/catalog/items/{id}': admin('catalog:read'),
  'PATCH /api/admin/catalog/items/{id}': admin('catalog:write'),
  'POST /api/admin/catalog/items': admin('catalog:write'),
  'PUT /api/admin/catalog/items/{id}/city-price': admin('catalog:write'),
  'DELETE /api/admin/catalog/items/{id}/city-price': admin('catalog:write'),
  'POST /api/admin/catalog/items/{id}/photos': admin('catalog:write'),
  'DELETE /api/admin/catalog/items/{id}/photos/{fileId}': admin('catalog:write'),
  'PUT /api/admin/catalog/city-multiplier': admin('catalog:write'),
  'GET /api/admin/catalog/rules': admin('catalog:read'),
  'POST /api/admin/catalog/rules': admin('catalog:write'),
  'PUT /api/admin/catalog/rules/{id}': admin('catalog:write'),
  'GET /api/admin/catalog/changes': admin('catalog:read'),
  'GET /api/admin/workers': admin('workers:read'),
  'GET /api/worker/application': worker('none'),
  'PUT /api/worker/profile': worker('none'),
  'POST /api/worker/documents': worker('none'),
  'PUT /api/worker/identity': worker('none', ['body.frontFileId', 'body.backFileId', 'body.selfieFileId']),
  'POST /api/worker/certificates': worker('none', ['body.fileId']),
  'DELETE /api/worker/certificates/{id}': worker('own'),
  'PUT /api/worker/schedule': worker('none'),
  'POST /api/worker/portfolio': worker('none', ['body.fileId']),
  'DELETE /api/worker/portfolio/{id}': worker('own'),
  'POST /api/worker/submit': worker('none'),
  'PUT /api/worker/online': worker('none'),
  'POST /api/worker/team/join': worker('none'),
  'POST /api/worker/team/leave': worker('none'),
  'DELETE /api/worker/team/members/{id}': worker('own'),
  'POST /api/worker/penalties/{id}/appeal': worker('own'),
  'GET /api/admin/worker-reviews': admin('workers:read'),
  'GET /api/admin/certificates/expiring': admin('workers:read'),
  'GET /api/admin/workers/{id}': admin('workers:read'),
  'POST /api/admin/workers/{id}/approve': admin('workers:review'),
  'POST /api/admin/workers/{id}/reject': admin('workers:review'),
  'POST /api/admin/workers/{id}/certificates/{certificateId}/decision': admin('workers:review'),
  'POST /api/admin/workers/{id}/penalties': admin('workers:review'),
  'POST /api/admin/penalties/{id}/appeal-decision': admin('workers:review'),
  'GET /api/workers': user('none', ['query.addressId']),
  'GET /api/me/favourite-workers': user('none'),
  'PUT /api/me/favourite-workers/{id}': user('any'),
  'DELETE /api/me/favourite-workers/{id}': user('any'),
  'GET /api/files/{id}': { users: USERS, admin: 'workers:pii', objects: 'own', hidden: true, note: 'public files (avatars, catalogue photos) to anyone; a private one to its owner, or to a reviewer holding workers:pii (audited); 404 to everyone else' },
  'GET /api/workers/{id}': user('any'),
  'GET /api/booking/slots': customer('none', ['query.quoteId', 'query.addressId']),
  'POST /api/orders/photos': customer('none'),
  'GET /api/orders': customer('none'),
  'POST /api/orders': customer('none', ['body.quoteId', 'body.addressId', 'body.photoFileIds']),
  'GET /api/orders/counts': customer('none'),
  'GET /api/orders/{id}': customer('own'),
  'GET /api/orders/{id}/cancellation': customer('own'),
  'POST /api/orders/{id}/cancel': customer('own'),
  'POST /api/orders/{id}/no-show': customer('own'),
  'POST /api/orders/{id}/reschedule': customer('own'),
  'POST /api/orders/{id}/reschedule/{rid}/decision': customer('own'),
  'POST /api/orders/{id}/reschedule/{rid}/withdraw': customer('own'),
  'POST /api/orders/{id}/early-visit': customer('own'),
  'POST /api/orders/{id}/change-worker': customer('own'),
  'POST /api/orders/{id}/extras/{extraId}/decision': customer('own'),
  'POST /api/orders/{id}/onsite-quote/{proposalId}/decision': customer('own'),
  'POST /api/orders/{id}/confirm': customer('own'),
  'POST /api/orders/{id}/problem': customer('own'),
  'GET /api/orders/{id}/dispute': customer('own'),
  'POST /api/orders/{id}/dispute/statements': customer('own', ['body.fileIds']),
  'GET /api/worker/orders': worker('none'),
  'GET /api/worker/calendar': worker('none'),
  'POST /api/worker/orders/photos': worker('none'),
  'GET /api/worker/orders/{id}': worker('assigned'),
  'POST /api/worker/orders/{id}/accept': worker('assigned'),
  'POST /api/worker/orders/{id}/decline': worker('assigned'),
  'POST /api/worker/orders/{id}/depart': worker('assigned'),
  'POST /api/worker/orders/{id}/check-in': worker('assigned'),
  'POST /api/worker/orders/{id}/records': worker('assigned', ['body.photosBefore']),
  'POST /api/worker/orders/{id}/extras': worker('assigned'),
  'POST /api/worker/orders/{id}/onsite-quote': worker('assigned'),
  'POST /api/worker/orders/{id}/dispute': worker('assigned'),
  'GET /api/worker/orders/{id}/dispute': worker('assigned'),
  'POST /api/worker/orders/{id}/dispute/statements': worker('assigned', ['body.fileIds']),
  'POST /api/worker/orders/{id}/early-visit': worker('assigned'),
  'POST /api/worker/orders/{id}/finish': worker('assigned'),
  'POST /api/worker/orders/{id}/reschedule': worker('assigned'),
  'POST /api/worker/orders/{id}/reschedule/{rid}/decision': worker('assigned'),
  'GET /api/admin/orders': admin('orders:read'),
  'POST /api/admin/orders': admin('orders:book'),
  'GET /api/admin/orders/{id}': admin('orders:read'),
  'POST /api/admin/orders/{id}/assign': admin('orders:write'),
  'POST /api/admin/orders/{id}/cancel': admin('orders:write'),
  'POST /api/admin/orders/{id}/dispute': admin('orders:write'),
  'POST /api/admin/orders/{id}/arbitrate': admin('orders:write'),
  'POST /api/admin/orders/{id}/force': admin('orders:write'),
  'GET /api/admin/reschedules': admin('orders:read'),
  'POST /api/admin/reschedules/{id}/decision': admin('orders:write'),
  'GET /api/admin/booking/slots': admin('orders:book'),
  'GET /api/admin/booking/settings': admin('orders:read'),
  'PUT /api/admin/booking/settings': admin('orders:write'),
  'GET /api/admin/orders/{id}/candidates': admin('orders:write'),
  'GET /api/worker/hall': worker('none'),
  'GET /api/admin/dispatch/queue': admin('orders:read'),
  'GET /api/admin/orders/{id}/dispatch': admin('orders:read'),
  'GET /api/admin/dispatch/settings': admin('orders:read'),
  'PUT /api/admin/dispatch/settings/{categoryCode}': admin('orders:write'),
  'POST /api/admin/dispatch/plans': admin('orders:write'),
  'GET /api/admin/dispatch/plans': admin('orders:write'),
  'GET /api/admin/dispatch/plans/{id}': admin('orders:write'),
  'POST /api/admin/dispatch/plans/{id}/apply': admin('orders:write'),
  'POST /api/admin/dispatch/plans/{id}/discard': admin('orders:write'),
  'GET /api/worker/route': worker('none'),
  'POST /api/orders/{id}/pay': customer('own'),
  'GET /api/payments/{id}': customer('own'),
  'GET /api/orders/{id}/bill': customer('own'),
  'GET /api/insurance': anyone(),
  'GET /api/orders/{id}/receipt': customer('own'),
  'GET /api/orders/{id}/invoices': customer('own'),
  'POST /api/orders/{id}/invoices': customer('own'),
  'POST /api/payments/notify/{provider}': provider('payment notification: the provider signs the raw body'),
  'GET /api/worker/income': worker('none'),
  'GET /api/worker/bank-cards': worker('none'),
  'POST /api/worker/bank-cards': worker('none'),
  'DELETE /api/worker/bank-cards/{id}': worker('own'),
  'GET /api/worker/withdrawals/quote': worker('none'),
  'GET /api/worker/withdrawals': worker('none'),
  'POST /api/worker/withdrawals': worker('none', ['body.cardId']),
  'GET /api/admin/finance/summary': admin('finance:read'),
  'GET /api/admin/finance/trial-balance': admin('finance:read'),
  'GET /api/admin/finance/journal': admin('finance:read'),
  'GET /api/admin/finance/payments': admin('finance:read'),
  'GET /api/admin/finance/refunds': admin('finance:read'),
  'GET /api/admin/finance/withdrawals': admin('finance:read'),
  'POST /api/admin/finance/withdrawals/{id}/approve': admin('finance:write'),
  'POST /api/admin/finance/withdrawals/{id}/reject': admin('finance:write'),
  'POST /api/admin/finance/withdrawals/{id}/retry': admin('finance:write'),
  'POST /api/admin/orders/{id}/refunds': admin('finance:write'),
  'POST /api/admin/finance/reconciliation': admin('finance:write'),
  'GET /api/admin/finance/invoices': admin('finance:read'),
  'POST /api/admin/finance/invoices/{id}/decide': admin('finance:write'),
  'GET /api/admin/finance/settings': admin('finance:read'),
  'PUT /api/admin/finance/settings': admin('finance:write'),
  'GET /api/coupons': customer('none'),
  'GET /api/coupons/center': customer('none'),
  'POST /api/coupons/center/{id}/claim': customer('any'),
  'GET /api/service-cards/products': anyone(),
  'GET /api/service-cards': customer('none'),
  'POST /api/service-cards': customer('none'),
  'GET /api/service-cards/{id}': customer('own'),
  'POST /api/service-cards/{id}/pay': customer('own'),
  'POST /api/service-cards/{id}/refund': customer('own'),
  'GET /api/admin/coupon-campaigns': admin('promotions:read'),
  'POST /api/admin/coupon-campaigns': admin('promotions:write'),
  'POST /api/admin/coupon-campaigns/{id}/stop': admin('promotions:write'),
  'POST /api/admin/coupon-campaigns/{id}/grant': admin('promotions:write'),
  'GET /api/admin/service-card-products': admin('promotions:read'),
  'POST /api/admin/service-card-products': admin('promotions:write'),
  'POST /api/admin/service-card-products/{id}/publish': admin('promotions:write'),
  'GET /api/admin/service-cards': admin('promotions:read'),
  'GET /api/events/stream': user('none'),
  'GET /api/admin/events/stream': admin(),
  'GET /api/notifications': user('none'),
  'GET /api/notifications/unread-count': user('none'),
  'GET /api/notifications/{id}': user('own'),
  'POST /api/notifications/read': user('none'),
  'GET /api/me/notification-settings': user('none'),
  'PUT /api/me/notification-settings': user('none'),
  'GET /api/admin/notifications': admin(),
  'GET /api/admin/notifications/{id}': admin('any', 'own'),
  'POST /api/admin/notifications/read': admin(),
  'GET /api/orders/{id}/files/{fileId}': { users: USERS, admin: 'orders:read', objects: 'party', hidden: true, note: "a photo of the order: its customer, its worker, the console (orders:read); 404 to everyone else" },
  'GET /api/orders/{id}/chat': customer('own'),
  'POST /api/orders/{id}/chat': customer('own', ['body.fileId']),
  'POST /api/orders/{id}/chat/read': customer('own'),
  'GET /api/worker/orders/{id}/chat': worker('assigned'),
  'POST /api/worker/orders/{id}/chat': worker('assigned', ['body.fileId']),
  'POST /api/worker/orders/{id}/chat/read': worker('assigned'),
  'POST /api/consultations': customer('none'),
  'GET /api/consultations': customer('none'),
  'POST /api/requests': customer('none', ['body.addressId', 'body.photoFileIds']),
  'GET /api/requests': customer('none'),
  'GET /api/requests/{id}': customer('own'),
  'PATCH /api/requests/{id}': customer('own', ['body.addressId', 'body.photoFileIds']),
  'POST /api/requests/{id}/publish': customer('own'),
  'POST /api/requests/{id}/cancel': customer('own'),
  'POST /api/requests/{id}/choose': customer('own', ['body.addressId']),
  'GET /api/requests/{id}/files/{fileId}': { users: USERS, admin: 'orders:read', objects: 'party', hidden: true, note: 'a photo of a request: its customer, the workers invited to quote, the console (orders:read); 404 to everyone else' },
  'GET /api/worker/requests': worker('none'),
  'GET /api/worker/requests/{id}': worker('assigned'),
  'PUT /api/worker/requests/{id}/answer': worker('assigned'),
  'DELETE /api/worker/requests/{id}/answer': worker('assigned'),
  'GET /api/admin/requests': admin('orders:read'),
  'GET /api/admin/requests/settings': admin('orders:read'),
  'PUT /api/admin/requests/settings': admin('orders:write'),
  'GET /api/admin/requests/{id}': admin('orders:read'),
  'POST /api/admin/requests/{id}/invite': admin('orders:write'),
  'GET /api/consultations/{id}': customer('own'),
  'POST /api/consultations/{id}/messages': customer('own'),
  'POST /api/consultations/{id}/read': customer('own'),
  'GET /api/worker/consultations': worker('none'),
  'GET /api/worker/consultations/{id}': worker('own'),
  'POST /api/worker/consultations/{id}/messages': worker('own'),
  'POST /api/worker/consultations/{id}/read': worker('own'),
  'POST /api/worker/consultations/{id}/decline': worker('own'),
  'POST /api/worker/consultations/{id}/reopen': worker('own'),
  'GET /api/admin/orders/{id}/chat': admin('orders:read'),
  'GET /api/help': anyone(),
  'GET /api/support/tickets': user('none'),
  'POST /api/support/tickets': user('none', ['body.orderId']),
  'GET /api/support/tickets/{id}': user('own'),
  'POST /api/support/tickets/{id}/messages': user('own'),
  'GET /api/admin/support/tickets': admin('support:answer'),
  'GET /api/admin/support/tickets/{id}': admin('support:answer'),
  'POST /api/admin/support/tickets/{id}/answer': admin('support:answer'),
  'POST /api/reviews/photos': user('none'),
  'GET /api/orders/{id}/review': customer('own'),
  'POST /api/orders/{id}/review': customer('own', ['body.photoFileIds']),
  'POST /api/orders/{id}/review/follow-up': customer('own', ['body.photoFileIds']),
  'GET /api/reviews/to-review': customer('none'),
  'POST /api/reviews/{id}/report': user('any'),
  'GET /api/workers/{id}/reviews': user('any'),
  'GET /api/worker/reviews': worker('none'),
  'POST /api/worker/reviews/{id}/reply': worker('own'),
  'POST /api/worker/reviews/{id}/appeal': worker('own', ['body.evidenceFileIds']),
  'GET /api/worker/orders/{id}/customer-rating': worker('assigned'),
  'POST /api/worker/orders/{id}/customer-rating': worker('assigned'),
  'GET /api/admin/review-appeals': admin('support:answer'),
  'POST /api/admin/review-appeals/{id}/decision': admin('support:answer'),
  'GET /api/admin/reviews/settings': admin('orders:read'),
  'PUT /api/admin/reviews/settings': admin('orders:write'),
  'GET /api/complaints/categories': user('none'),
  'POST /api/complaints/evidence': user('none'),
  'GET /api/complaints': user('none'),
  'GET /api/complaints/{id}': user('own'),
  'GET /api/orders/{id}/complaints': customer('own'),
  'POST /api/orders/{id}/complaints': customer('own', ['body.evidenceFileIds']),
  'GET /api/worker/orders/{id}/complaints': worker('assigned'),
  'POST /api/worker/orders/{id}/complaints': worker('assigned', ['body.evidenceFileIds']),
  'GET /api/admin/complaints': admin('support:answer'),
  'GET /api/admin/complaints/assignees': admin('support:answer'),
  'GET /api/admin/complaints/settings': admin('support:answer'),
  'PUT /api/admin/complaints/settings': admin('orders:write'),
  'GET /api/admin/complaints/{id}': admin('support:answer'),
  'GET /api/admin/complaints/{id}/evidence/{fileId}': admin('support:answer'),
  'POST /api/admin/complaints/{id}/claim': admin('support:answer'),
  'POST /api/admin/complaints/{id}/assign': admin('support:answer'),
  'POST /api/admin/complaints/{id}/reply': admin('support:answer'),
  'POST /api/admin/complaints/{id}/resolve': admin('support:answer'),
  'POST /api/admin/complaints/{id}/reject': admin('support:answer'),
  'POST /api/admin/complaints/{id}/after-sales': admin(['support:answer', 'orders:write']),
  'GET /api/workers/{id}/quality': user('any'),
  'GET /api/admin/quality/samples': admin('orders:read'),
  'POST /api/admin/quality/draws': admin('orders:write'),
  'POST /api/admin/quality/samples/{id}/reveal-phone': admin('support:answer'),
  'POST /api/admin/quality/samples/{id}/result': admin('support:answer'),
  'POST /api/admin/quality/samples/{id}/complaint': admin('support:answer'),
  'GET /api/admin/quality/settings': admin('orders:read'),
  'PUT /api/admin/quality/settings': admin('orders:write'),
  'POST /api/claims/documents': customer('none'),
  'GET /api/orders/{id}/claims': customer('own'),
  'POST /api/orders/{id}/claims': customer('own', ['body.documentFileIds']),
  'GET /api/claims/{id}/documents/{fileId}': customer('own'),
  'GET /api/worker/orders/{id}/claims': worker('assigned'),
  'POST /api/admin/claims/documents': admin('orders:write'),
  'GET /api/admin/claims': admin('orders:read'),
  'POST /api/admin/claims': admin('orders:write'),
  'GET /api/admin/claims/options': admin('orders:read'),
  'GET /api/admin/claims/{id}': admin('orders:read'),
  'GET /api/admin/claims/{id}/documents/{fileId}': admin('orders:read'),
  'POST /api/admin/claims/{id}/review': admin('orders:write'),
  'POST /api/admin/claims/{id}/decision': admin('finance:write'),
  'POST /api/worker/orders/{id}/location': worker('assigned'),
  'GET /api/orders/{id}/tracking': customer('own'),
  'GET /api/admin/orders/{id}/trail': admin('orders:read'),
  'GET /api/admin/support/settings': admin('orders:read'),
  'PUT /api/admin/support/settings': admin('orders:write'),
  'GET /api/admin/tracking/settings': admin('orders:read'),
  'PUT /api/admin/tracking/settings': admin('orders:write'),
  'POST /api/relay/call-reports': provider('call report (话单): HMAC over the raw body, ±300 s, once per call id'),
  'POST /api/orders/{id}/relay-calls/simulate': { users: USERS, objects: 'party', simulator: true, note: 'only registered while the local relay simulator is the provider' },
  'POST /api/sos': user('none', ['body.orderId']),
  'GET /api/sos': user('none'),
  'GET /api/admin/incidents': admin('orders:read'),
  'POST /api/admin/incidents/{id}/acknowledge': admin('orders:write'),
  'POST /api/admin/incidents/{id}/resolve': admin('orders:write'),
  'POST /api/catalog/quotes': user('none'),
  'GET /api/admin/overview': admin('overview:read'),
  'GET /api/admin/orders/{id}/evidence': admin('orders:read'),
  'GET /api/workers/{id}/reputation': user('any'),
};

/**
 * Routes kept out of the OpenAPI document (`hide: true`) that the matrix still declares; the test checks they exist.
 * The cashier pages belong to the local payment simulator (the provider's own page in production).
 */
export const HIDDEN_ROUTES: Readonly<Record<string, Policy>> = {
  'GET /openapi.json': anyone(),
  'GET /paysim/cashier/{id}': { anyone: true, objects: 'any', simulator: true, note: "the simulated provider's cashier page; its id is the provider's unguessable charge id" },
  'POST /paysim/cashier/{id}/{outcome}': { anyone: true, objects: 'any', simulator: true, note: 'pressing 确认支付 / 失败 / 放弃 on that page; the result reaches us only as a signed notification' },
};

function permissionsOf(policy: Policy): readonly Permission[] | 'any' | undefined {
  if (policy.admin === undefined || policy.admin === 'any') return policy.admin;
  return typeof policy.admin === 'string' ? [policy.admin] : policy.admin;
}

/** Whether `role` may call a route of `policy` (rbac.ts decides which roles hold its permission). */
export function adminMay(policy: Policy, role: AdminRole): boolean {
  const needed = permissionsOf(policy);
  if (needed === undefined) return false;
  return needed === 'any' || needed.every((p) => can([role], p));
}

/** The actors a route lets through its guard (objects are checked after: an allowed actor may still get 404 for another's object). */
export function allowedActors(policy: Policy): Actor[] {
  if (policy.provider) return [];
  if (policy.anyone) return [...ACTORS];
  return ACTORS.filter((actor) => {
    if (actor === 'anonymous') return false;
    if (actor === 'customer' || actor === 'worker') return policy.users?.includes(actor) ?? false;
    return adminMay(policy, actor);
  });
}

/**
 * What a route answers an actor it does not let through: 404 when it hides, 401 without the kind of session it needs
 * (no session at all, a user's on a console route, a console account's on a user route), 403 for the wrong role or a
 * missing permission.
 */
export function denialFor(policy: Policy, actor: Actor): 401 | 403 | 404 {
  if (policy.hidden) return 404;
  if (actor === 'anonymous') return 401;
  if (actor === 'customer' || actor === 'worker') return policy.users?.length ? 403 : 401;
  return policy.admin !== undefined ? 403 : 401;
}
