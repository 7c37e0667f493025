import { Type } from 'typebox';
import type { Api, AppContext } from '../../platform/app-context.js';
import { writeAudit } from '../../platform/audit.js';
import { idempotent } from '../../platform/idempotency.js';
import { PAY_PROVIDERS } from '../../platform/providers/payments/types.js';
import { bookableItem } from '../catalog/index.js';
import { claimableCampaigns, claimCoupon, createCampaign, grantCoupons, listCampaigns, myCoupons, stopCampaign, type CampaignInput } from './coupons.js';
import { buyCard, cardProducts, createCardProduct, myCard, myCards, payCard, publishCardProduct, refundCard, soldCards, type CardProductInput } from '../payments/index.js';

const Strict = { additionalProperties: false } as const;
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Fen = Type.Integer({ minimum: 1, maximum: 100_000_000 });
const Method = Type.Union(PAY_PROVIDERS.map((p) => Type.Literal(p)));
const Instant = Type.String({ format: 'date-time' });
const CampaignBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 40 }), nameEn: Type.Optional(Type.String({ maxLength: 80 })),
  kind: Type.Union([Type.Literal('spend_threshold'), Type.Literal('percent_off'), Type.Literal('new_customer')]),
  offFen: Type.Optional(Fen), thresholdFen: Type.Optional(Fen), offBp: Type.Optional(Type.Integer({ minimum: 1, maximum: 9999 })), capFen: Type.Optional(Fen), minSpendFen: Type.Optional(Fen),
  itemCodes: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 100, uniqueItems: true })),
  startsAt: Instant, endsAt: Instant, validDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 366 })), totalQuantity: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000_000 })),
  perCustomer: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })), claimable: Type.Optional(Type.Boolean()),
}, Strict);
const CardProductBody = Type.Object({
  code: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,39}$' }), name: Type.String({ minLength: 1, maxLength: 40 }), nameEn: Type.Optional(Type.String({ maxLength: 80 })),
  itemCode: Type.String({ minLength: 1, maxLength: 60 }), quantity: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })), visits: Type.Integer({ minimum: 2, maximum: 100 }),
  priceFen: Fen, listPriceFen: Fen, validDays: Type.Integer({ minimum: 7, maximum: 1095 }), published: Type.Optional(Type.Boolean()),
}, Strict);

/** Coupons (我的优惠券, 领券中心) and service cards (次卡) for customers; campaigns and card products for operations. */
export async function promotionRoutes(app: Api, ctx: AppContext) {
  const tags = ['promotions'];
  const customer = ctx.guards.user('customer');
  const me = (r: { user?: { id: string } }) => r.user!.id;

  app.get('/api/coupons', { preHandler: customer, schema: { tags, summary: 'My coupons; with itemCode + subtotalFen each says whether and how much it takes off', querystring: Type.Object({ itemCode: Type.Optional(Type.String({ maxLength: 60 })), subtotalFen: Type.Optional(Type.Integer({ minimum: 0 })) }) } },
    async (request) => myCoupons(ctx, me(request), request.query));
  app.get('/api/coupons/center', { preHandler: customer, schema: { tags, summary: '领券中心: open campaigns to claim from' } }, async (request) => claimableCampaigns(ctx, me(request)));
  app.post('/api/coupons/center/:id/claim', { preHandler: customer, schema: { tags, summary: 'Claim one coupon of a campaign (quantity and per-customer limits)', params: Id } },
    async (request, reply) => reply.status(201).send(await claimCoupon(ctx, me(request), request.params.id)));

  app.get('/api/service-cards/products', { schema: { tags, summary: '次卡 on sale' } }, async () => cardProducts(ctx));
  app.get('/api/service-cards', { preHandler: customer, schema: { tags, summary: 'My service cards with visits and balance left' } }, async (request) => myCards(ctx, me(request)));
  app.get('/api/service-cards/:id', { preHandler: customer, schema: { tags, summary: 'One of my service cards with the visits it paid', params: Id } }, async (request) => myCard(ctx, me(request), request.params.id));
  app.post('/api/service-cards', { preHandler: customer, schema: { tags, summary: 'Buy a service card: returns the provider cashier (Idempotency-Key honoured)', body: Type.Object({ productId: Type.String({ format: 'uuid' }), method: Method }, Strict) } },
    async (request, reply) => idempotent(ctx.db, request, reply, me(request), async () => ({ status: 201, body: await buyCard(ctx, me(request), request.body.productId, request.body.method) })));
  app.post('/api/service-cards/:id/pay', { preHandler: customer, schema: { tags, summary: 'Pay again for an unpaid card (Idempotency-Key honoured)', params: Id, body: Type.Object({ method: Method }, Strict) } },
    async (request, reply) => idempotent(ctx.db, request, reply, me(request), async () => ({ status: 200, body: await payCard(ctx, me(request), request.params.id, request.body.method) })));
  app.post('/api/service-cards/:id/refund', { preHandler: customer, schema: { tags, summary: '退卡: refund what is left (the unused visits, pro rata) (Idempotency-Key honoured)', params: Id } },
    async (request, reply) => idempotent(ctx.db, request, reply, me(request), async () => ({ status: 200, body: await refundCard(ctx, me(request), request.params.id) })));

  const read = ctx.guards.admin('promotions:read');
  const write = ctx.guards.admin('promotions:write');
  const audit = (request: { admin?: { id: string; name: string }; ip: string }, action: string, targetType: string, targetId: string, detail: Record<string, unknown>) =>
    writeAudit(ctx.db, { actorKind: 'admin', actorId: request.admin!.id, actorName: request.admin!.name, action, targetType, targetId, ip: request.ip, detail });
  const admin = ['admin-promotions'];

  app.get('/api/admin/coupon-campaigns', { preHandler: read, schema: { tags: admin, summary: 'Coupon campaigns with issued and used counts' } }, async () => listCampaigns(ctx));
  app.post('/api/admin/coupon-campaigns', { preHandler: write, schema: { tags: admin, summary: 'New campaign: 满减 / 折扣 / 新人券 (audited)', body: CampaignBody } }, async (request, reply) => {
    const c = await createCampaign(ctx, request.body as CampaignInput, request.admin!.name);
    await audit(request, 'coupon.campaign.create', 'coupon_campaign', c.id, request.body);
    return reply.status(201).send(c);
  });
  app.post('/api/admin/coupon-campaigns/:id/stop', { preHandler: write, schema: { tags: admin, summary: 'Stop issuing (held coupons stay usable)', params: Id } }, async (request) => {
    const c = await stopCampaign(ctx, request.params.id);
    await audit(request, 'coupon.campaign.stop', 'coupon_campaign', c.id, {});
    return c;
  });
  app.post('/api/admin/coupon-campaigns/:id/grant', { preHandler: write, schema: { tags: admin, summary: '定向发放 to customers (audited)', params: Id, body: Type.Object({ customerIds: Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: 500, uniqueItems: true }) }, Strict) } }, async (request) => {
    const result = await grantCoupons(ctx, request.params.id, request.body.customerIds);
    await audit(request, 'coupon.grant', 'coupon_campaign', request.params.id, { customers: request.body.customerIds.length });
    return result;
  });

  app.get('/api/admin/service-card-products', { preHandler: read, schema: { tags: admin, summary: 'Service card products, published or not' } }, async () => cardProducts(ctx, { all: true }));
  app.post('/api/admin/service-card-products', { preHandler: write, schema: { tags: admin, summary: 'New service card product (audited)', body: CardProductBody } }, async (request, reply) => {
    const exists = !!(await bookableItem(ctx.db, request.body.itemCode));
    const p = await createCardProduct(ctx, request.body as CardProductInput, exists);
    await audit(request, 'service_card.product.create', 'service_card_product', p.id, request.body);
    return reply.status(201).send(p);
  });
  app.post('/api/admin/service-card-products/:id/publish', { preHandler: write, schema: { tags: admin, summary: 'Publish or unpublish a product (audited)', params: Id, body: Type.Object({ published: Type.Boolean() }, Strict) } }, async (request) => {
    const p = await publishCardProduct(ctx, request.params.id, request.body.published);
    await audit(request, 'service_card.product.publish', 'service_card_product', p.id, request.body);
    return p;
  });
  app.get('/api/admin/service-cards', { preHandler: read, schema: { tags: admin, summary: 'Cards sold: visits used, balance left' } }, async () => soldCards(ctx));
}
