/**
 * The people and objects the authorization matrix test calls with: user A's world (a customer and a worker with real
 * objects: addresses, quotes, orders in service and completed, a payment, a review, complaints, a ticket, a
 * consultation, a bank card, a certificate, photos …), user B (a second customer and worker with objects of their
 * own, who must not reach A's), and one console account per admin role.
 */
import { randomUUID } from 'node:crypto';
import { ensureAdmin } from '../../src/domains/admin/service.js';
import { ADMIN_ROLES, type AdminRole } from '../../src/platform/rbac.js';
import { ALL_DAY, bookOrder, caller, HOME, quoteAt, signedInWorker, type Party } from '../helpers/booking.js';
import { adminSignIn, smsSignIn, type TestApp } from '../helpers/test-app.js';
import { shanghaiAt } from '../helpers/time.js';
import { multipart, png } from '../helpers/workers.js';

export type Headers = Record<string, string>;

/** Marks written into A's objects: none of them may appear in anything B is answered. */
export const SECRET = {
  address: '甲方秘密路 4417 号 909 室',
  ticket: '甲方工单 SECRET-TICKET-7731',
  complaint: '甲方投诉 SECRET-COMPLAINT-5520',
  chat: '甲方留言 SECRET-CHAT-9042',
  consultation: '甲方咨询 SECRET-CONSULT-3318',
  review: '甲方评价 SECRET-REVIEW-6604',
  bankHolder: '甲秘密',
} as const;

function must<R extends { statusCode: number; body: string }>(res: R, what: string, ok = [200, 201, 204]): R {
  if (!ok.includes(res.statusCode)) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res;
}

async function customer(t: TestApp, detail: string) {
  const c = await smsSignIn(t.app, t.ctx, 'customer');
  const res = must(await caller(t, c)('POST', '/api/me/addresses', { label: '家', contactName: '甲女士', contactPhone: c.phone, districtCode: HOME.districtCode, detail, lat: HOME.lat, lng: HOME.lng }), 'address');
  return { ...c, addressId: res.json().id as string };
}

async function upload(call: ReturnType<typeof caller>, url: string, tag: string) {
  const form = multipart(png(tag));
  const res = must(await call('POST', url, form.payload, form.headers), `upload ${url}`);
  const body = res.json();
  return (body.fileId ?? body.id) as string;
}

/** Books, accepts, brings the worker early (with the customer's consent) and checks in. */
async function inService(t: TestApp, c: Party & { addressId: string }, w: Party, day: number) {
  const order = await bookOrder(t, c, shanghaiAt(day, 10), { workerId: w.user.id });
  const cc = caller(t, c);
  const ww = caller(t, w);
  must(await ww('POST', `/api/worker/orders/${order.id}/accept`, {}), 'accept');
  const code = (await cc('GET', `/api/orders/${order.id}`)).json().serviceCode;
  must(await ww('POST', `/api/worker/orders/${order.id}/early-visit`, {}), 'early-visit ask');
  must(await cc('POST', `/api/orders/${order.id}/early-visit`, { agree: true }), 'early-visit agree');
  must(await ww('POST', `/api/worker/orders/${order.id}/check-in`, { lat: HOME.lat, lng: HOME.lng, serviceCode: code }), 'check-in');
  return order as { id: string; orderNo: string };
}

/** One party's world: customer, worker, and their objects. */
async function world(t: TestApp, tag: 'A' | 'B', admin: Headers) {
  const c = await customer(t, tag === 'A' ? SECRET.address : `乙方路 ${randomUUID().slice(0, 4)} 号`);
  const w = await signedInWorker(t, { name: `${tag}师傅`, hours: ALL_DAY });
  const cc = caller(t, c);
  const ww = caller(t, w);
  const secret = (s: string) => (tag === 'A' ? s : `乙方 ${randomUUID().slice(0, 8)}`);

  // A completed, reviewed order (for bill, receipt, invoices, review, customer rating, claims).
  const done = await inService(t, c, w, 3);
  must(await ww('POST', `/api/worker/orders/${done.id}/finish`, { reason: '客户只需要先做厨房，其余改天' }), 'finish');
  must(await cc('POST', `/api/orders/${done.id}/confirm`, {}), 'confirm');
  must(await cc('POST', `/api/orders/${done.id}/review`, { stars: 2, body: secret(SECRET.review) }), 'review');
  const reviewId = (await t.ctx.db.selectFrom('reviews').select('id').where('order_id', '=', done.id).executeTakeFirstOrThrow()).id;

  // An order in service: a service photo, an extra, complaints both ways, chat.
  const order = await inService(t, c, w, 2);
  const servicePhoto = await upload(ww, '/api/worker/orders/photos', `${tag}-service`);
  must(await ww('POST', `/api/worker/orders/${order.id}/records`, { note: '开始', photosBefore: [servicePhoto], photosAfter: [], checklist: [] }), 'records', [200, 201, 400, 422]);
  const extra = must(await ww('POST', `/api/worker/orders/${order.id}/extras`, { title: '冰箱内部清洁', amountFen: 3000, reason: '客户要求' }), 'extra').json();
  const complaint = must(await cc('POST', `/api/orders/${order.id}/complaints`, { category: 'attitude', description: secret(SECRET.complaint) }), 'complaint').json();
  must(await ww('POST', `/api/worker/orders/${order.id}/complaints`, { category: 'other', description: secret(SECRET.complaint) }), 'worker complaint');
  must(await cc('POST', `/api/orders/${order.id}/chat`, { kind: 'text', body: secret(SECRET.chat) }), 'chat');

  // An accepted order the worker asked to move.
  const later = await bookOrder(t, c, shanghaiAt(5, 10), { workerId: w.user.id });
  must(await ww('POST', `/api/worker/orders/${later.id}/accept`, {}), 'accept later');
  const asked = must(await ww('POST', `/api/worker/orders/${later.id}/reschedule`, { start: shanghaiAt(6, 14), reason: '家里有事' }), 'reschedule').json();

  // An accepted order the customer asked to move (the request waits for the worker).
  const moving = await bookOrder(t, c, shanghaiAt(8, 10), { workerId: w.user.id });
  must(await ww('POST', `/api/worker/orders/${moving.id}/accept`, {}), 'accept moving');
  must(await cc('POST', `/api/orders/${moving.id}/reschedule`, { start: shanghaiAt(9, 14), reason: '家里有事' }), 'customer reschedule');

  const quoteId = await quoteAt(t, c, shanghaiAt(4, 10));
  const payment = await t.ctx.db.selectFrom('payments').select('id').where('order_id', '=', order.id).executeTakeFirstOrThrow();
  const orderPhoto = await upload(cc, '/api/orders/photos', `${tag}-order-photo`);
  const claimDoc = await upload(cc, '/api/claims/documents', `${tag}-claim-doc`);
  // A custom request with a photo, the world's worker invited (by hand if matching did not) and answering — while the
  // worker is still approved (a new certificate below sends the profile back for review).
  const customRequest = must(await cc('POST', '/api/requests', {
    categoryCode: 'cleaning', itemCode: 'daily-cleaning', description: '厨房油污严重，需要深度清洁', photoFileIds: [orderPhoto], addressId: c.addressId,
    windows: [{ start: shanghaiAt(9, 9), end: shanghaiAt(9, 13) }], publish: true,
  }), 'custom request').json();
  must(await t.app.inject({ method: 'POST', url: `/api/admin/requests/${customRequest.id}/invite`, headers: admin, payload: { workerId: w.user.id } }), 'invite', [200, 409]);
  const answer = must(await ww('PUT', `/api/worker/requests/${customRequest.id}/answer`, { lines: [{ kind: 'labour', description: '保洁人工', quantity: 3, unitPriceFen: 5000 }], start: shanghaiAt(9, 10), durationMinutes: 180 }), 'answer').json();
  const consultation = must(await cc('POST', '/api/consultations', { workerId: w.user.id }), 'consultation', [200, 201]).json();
  must(await cc('POST', `/api/consultations/${consultation.id}/messages`, { body: secret(SECRET.consultation) }), 'consultation message');
  const ticket = must(await cc('POST', '/api/support/tickets?audience=customer', { subject: '账单问题', body: secret(SECRET.ticket), orderId: order.id }), 'ticket').json();
  const card = must(await ww('POST', '/api/worker/bank-cards', { bankName: '招商银行', holderName: tag === 'A' ? SECRET.bankHolder : '乙师傅', cardNo: '6225 8801 3770 6603' }), 'card').json();
  const certFile = await upload(ww, '/api/worker/documents?purpose=certificate', `${tag}-cert`);
  const certificate = must(await ww('POST', '/api/worker/certificates', { kind: 'health', number: `JK-${tag}`, expiresAt: shanghaiAt(300, 0).slice(0, 10), fileId: certFile }), 'certificate').json();
  const portfolioFile = await upload(ww, '/api/worker/documents?purpose=portfolio', `${tag}-portfolio`);
  must(await ww('POST', '/api/worker/portfolio', { fileId: portfolioFile, caption: '厨房', stage: 'after' }), 'portfolio');
  const portfolio = await t.ctx.db.selectFrom('worker_portfolio').select('id').where('worker_id', '=', w.user.id).executeTakeFirstOrThrow();
  const penalty = must(await t.app.inject({ method: 'POST', url: `/api/admin/workers/${w.user.id}/penalties`, headers: admin, payload: { kind: 'warning', reason: '迟到' } }), 'penalty').json();
  const sos = must(await cc('POST', '/api/sos?audience=customer', { orderId: order.id, note: '测试' }), 'sos').json();
  const notification = await t.ctx.db.selectFrom('notifications').select('id').where('recipient_id', '=', c.user.id).where('audience', '=', 'customer').executeTakeFirst();
  const workerNotification = await t.ctx.db.selectFrom('notifications').select('id').where('recipient_id', '=', w.user.id).where('audience', '=', 'worker').executeTakeFirst();
  const sessions = (await cc('GET', '/api/me/sessions')).json();
  const workerSessions = (await ww('GET', '/api/me/sessions')).json();

  return {
    c, w,
    ids: {
      orderId: order.id, orderNo: order.orderNo, doneOrderId: done.id, laterOrderId: later.id, movingOrderId: moving.id as string, rescheduleId: (asked.reschedule?.id ?? asked.id) as string,
      extraId: (extra.extra?.id ?? extra.id) as string, reviewId, quoteId, paymentId: payment.id, addressId: c.addressId,
      orderPhoto, servicePhoto, claimDoc, consultationId: consultation.id as string, ticketId: ticket.id as string,
      complaintId: complaint.id as string, cardId: card.id as string, certFile, certificateId: certificate.id as string,
      portfolioFile, portfolioId: portfolio.id as string, penaltyId: penalty.id as string, incidentId: sos.id as string,
      customerNotificationId: notification?.id ?? randomUUID(), workerNotificationId: workerNotification?.id ?? randomUUID(),
      customerSessionId: (sessions.items ?? sessions)[0].id as string, workerSessionId: (workerSessions.items ?? workerSessions)[0].id as string,
      customerId: c.user.id as string, workerId: w.user.id as string, requestId: customRequest.id as string, answerId: answer.id as string,
    },
  };
}

export type World = Awaited<ReturnType<typeof world>>;

/** Console accounts, one per role of rbac.ts, plus a spare admin the admin-management routes act on. */
async function admins(t: TestApp) {
  const out = {} as Record<AdminRole, Headers>;
  const ids = {} as Record<AdminRole, string>;
  for (const role of ADMIN_ROLES) {
    const username = `access_${role}_${randomUUID().slice(0, 6)}`;
    await ensureAdmin(t.ctx, { username, name: `矩阵 ${role}`, password: 'houtai2026', roles: [role] });
    out[role] = await adminSignIn(t.app, username, 'houtai2026');
    ids[role] = (await t.ctx.db.selectFrom('admin_accounts').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
  }
  const spare = `access_spare_${randomUUID().slice(0, 6)}`;
  await ensureAdmin(t.ctx, { username: spare, name: '备用', password: 'houtai2026', roles: ['support'] });
  const spareId = (await t.ctx.db.selectFrom('admin_accounts').select('id').where('username', '=', spare).executeTakeFirstOrThrow()).id;
  return { headers: out, ids, spareId };
}

export async function buildWorlds(t: TestApp) {
  const console_ = await admins(t);
  const A = await world(t, 'A', console_.headers.super_admin);
  const B = await world(t, 'B', console_.headers.super_admin);
  const campaign = must(await t.app.inject({ method: 'POST', url: '/api/admin/coupon-campaigns', headers: console_.headers.super_admin, payload: { name: '矩阵券', kind: 'new_customer', offFen: 100, startsAt: new Date().toISOString(), endsAt: new Date(Date.now() + 86_400_000).toISOString() } }), 'campaign').json();
  const product = must(await t.app.inject({ method: 'POST', url: '/api/admin/service-card-products', headers: console_.headers.super_admin, payload: { code: `access-${randomUUID().slice(0, 6)}`, name: '矩阵次卡', itemCode: 'daily-cleaning', quantity: 2, visits: 4, priceFen: 34_999, listPriceFen: 40_000, validDays: 180 } }), 'product').json();
  const card = must(await caller(t, A.c)('POST', '/api/service-cards', { productId: product.id, method: 'wechat' }, { 'idempotency-key': `access-${randomUUID()}` }), 'service card').json();
  // The operations admin's console notification (SOS alerts reach every admin holding orders:write).
  const adminNotification = await t.ctx.db.selectFrom('notifications').select('id').where('recipient_kind', '=', 'admin').where('recipient_id', '=', console_.ids.operations).executeTakeFirst();
  return { admins: console_, adminNotificationId: adminNotification?.id ?? randomUUID(), A, B, campaignId: campaign.id as string, productId: product.id as string, serviceCardId: (card.card?.id ?? card.id ?? card.cardId) as string };
}

export type Worlds = Awaited<ReturnType<typeof buildWorlds>>;

/**
 * The ids a request to `path` is made with. `main` owns the object the path's `{id}` names; `other` owns what the
 * rest names: a second path parameter (a reschedule request, an extra, a file of the order), and the id fields of
 * query strings and bodies (an address, a quote, photos …). Both are A unless said: B naming B's own order with A's
 * photo or reschedule request is how a mixed-up id is tried. `audience` is the caller's portal.
 */
export function idsFor(path: string, w: Worlds, audience: 'customer' | 'worker', owners: { main?: 'A' | 'B'; other?: 'A' | 'B' } = {}): Record<string, string> {
  const m = w[owners.main ?? 'A'].ids;
  const o = w[owners.other ?? 'A'].ids;
  const id = pathObject(path, w, m);
  const photo = audience === 'worker' ? o.servicePhoto : o.orderPhoto;
  return {
    ...(id ? { id } : {}),
    rid: o.rescheduleId, extraId: o.extraId, certificateId: o.certificateId, provider: 'wechat', code: 'daily-cleaning', categoryCode: 'cleaning',
    fileId: fileOf(path, o, audience),
    photoFileIds: o.orderPhoto, photosBefore: o.servicePhoto, evidenceFileIds: photo, fileIds: photo, documentFileIds: o.claimDoc,
    addressId: o.addressId, quoteId: o.quoteId, orderId: o.orderId, workerId: o.workerId, answerId: o.answerId, cardId: o.cardId, productId: w.productId,
    customerId: o.customerId, adminId: w.admins.spareId, frontFileId: o.certFile, backFileId: o.certFile, selfieFileId: o.certFile,
    '?audience': audience, '?orderNo': o.orderNo, '?quoteId': o.quoteId, '?addressId': o.addressId,
  };
}

type Ids = World['ids'];

function fileOf(path: string, o: Ids, audience: 'customer' | 'worker'): string {
  if (path.startsWith('/api/orders/{id}/files/')) return o.servicePhoto;
  if (path.includes('/claims/')) return o.claimDoc;
  if (/\/chat$/.test(path)) return audience === 'worker' ? o.servicePhoto : o.orderPhoto;
  if (path.startsWith('/api/worker/')) return o.certFile;
  return o.orderPhoto;
}

function pathObject(path: string, w: Worlds, a: Ids): string | undefined {
  const rules: [RegExp, string][] = [
    [/^\/api\/me\/addresses\/\{id\}/, a.addressId],
    [/^\/api\/me\/sessions\/\{id\}/, a.customerSessionId],
    [/^\/api\/admin\/admins\/\{id\}/, w.admins.spareId],
    [/^\/api\/catalog\/quotes\/\{id\}/, a.quoteId],
    [/^\/api\/worker\/certificates\/\{id\}/, a.certificateId],
    [/^\/api\/worker\/portfolio\/\{id\}/, a.portfolioId],
    [/^\/api\/worker\/team\/members\/\{id\}/, a.workerId],
    [/^\/api\/(worker|admin)\/penalties\/\{id\}/, a.penaltyId],
    [/^\/api\/admin\/workers\/\{id\}/, a.workerId],
    [/^\/api\/me\/favourite-workers\/\{id\}/, a.workerId],
    [/^\/api\/files\/\{id\}/, a.orderPhoto],
    [/^\/api\/workers\/\{id\}/, a.workerId],
    [/^\/api\/(worker\/)?orders\/\{id\}\/(bill|receipt|invoices|review|claims|customer-rating)/, a.doneOrderId],
    [/^\/api\/(worker\/)?orders\/\{id\}\/reschedule\/\{rid\}/, a.laterOrderId],
    [/^\/api\/(worker\/|admin\/)?orders\/\{id\}/, a.orderId],
    [/^\/api\/admin\/reschedules\/\{id\}/, a.rescheduleId],
    [/^\/api\/payments\/\{id\}/, a.paymentId],
    [/^\/api\/worker\/bank-cards\/\{id\}/, a.cardId],
    [/^\/api\/(admin\/)?coupon(s\/center|-campaigns)\/\{id\}/, w.campaignId],
    [/^\/api\/service-cards\/\{id\}/, w.serviceCardId],
    [/^\/api\/admin\/service-card-products\/\{id\}/, w.productId],
    [/^\/api\/notifications\/\{id\}/, a.customerNotificationId],
    [/^\/api\/admin\/notifications\/\{id\}/, w.adminNotificationId],
    [/^\/api\/(worker\/)?consultations\/\{id\}/, a.consultationId],
    [/^\/api\/(admin\/)?support\/tickets\/\{id\}/, a.ticketId],
    [/^\/api\/(worker\/)?reviews\/\{id\}/, a.reviewId],
    [/^\/api\/(admin\/)?complaints\/\{id\}/, a.complaintId],
    [/^\/api\/admin\/incidents\/\{id\}/, a.incidentId],
    [/^\/api\/(worker\/|admin\/)?requests\/\{id\}/, a.requestId],
  ];
  return rules.find(([re]) => re.test(path))?.[1];
}
