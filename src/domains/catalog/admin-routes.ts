import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Api, AppContext } from '../../platform/app-context.js';
import { readUpload } from '../../platform/files.js';
import { PageQuery, Page, pageOf } from '../../platform/paging.js';
import * as A from './admin-service.js';
import * as S from './schema.js';

const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const actorOf = (r: FastifyRequest) => ({ id: r.admin!.id, name: r.admin!.name, ip: r.ip });

/** Console: categories, items, city prices, time rules and the change history. */
export async function catalogAdminRoutes(app: Api, ctx: AppContext) {
  const tags = ['admin catalog'];
  const read = ctx.guards.admin('catalog:read');
  const write = ctx.guards.admin('catalog:write');
  const city = ctx.config.cityCode;

  app.get('/api/admin/catalog', { preHandler: read, schema: { tags, summary: 'Every category and item (published or not) with city prices', response: { 200: Type.Object({ cityCode: Type.String(), multiplierBp: Type.Integer(), categories: Type.Array(Type.Object({ id: Type.String(), code: Type.String(), name: Type.String(), nameEn: Type.String(), icon: Type.String(), published: Type.Boolean(), items: Type.Array(S.AdminItem) })) }) } } },
    async () => A.listCatalogAdmin(ctx));
  app.post('/api/admin/catalog/categories', { preHandler: write, schema: { tags, body: S.CreateCategoryBody, response: { 201: S.CategoryRow } } },
    async (request, reply) => reply.status(201).send(await A.createCategory(ctx, actorOf(request), request.body)));
  app.patch('/api/admin/catalog/categories/:id', { preHandler: write, schema: { tags, params: Id, body: S.UpdateCategoryBody, response: { 200: S.CategoryRow } } },
    async (request) => A.updateCategory(ctx, actorOf(request), request.params.id, request.body));
  app.delete('/api/admin/catalog/categories/:id', { preHandler: write, schema: { tags, summary: 'Delete an empty category (409 IN_USE otherwise)', params: Id } },
    async (request, reply) => { await A.deleteCategory(ctx, actorOf(request), request.params.id); return reply.status(204).send(); });
  app.delete('/api/admin/catalog/items/:id', { preHandler: write, schema: { tags, summary: 'Delete an item never quoted nor offered (409 IN_USE otherwise: unpublish it)', params: Id } },
    async (request, reply) => { await A.deleteItem(ctx, actorOf(request), request.params.id); return reply.status(204).send(); });
  app.post('/api/admin/catalog/items', { preHandler: write, schema: { tags, body: S.CreateItemBody, response: { 201: S.AdminItem } } },
    async (request, reply) => reply.status(201).send(await A.createItem(ctx, actorOf(request), request.body)));
  app.get('/api/admin/catalog/items/:id', { preHandler: read, schema: { tags, params: Id, response: { 200: S.AdminItem } } },
    async (request) => A.itemDetail(ctx, request.params.id));
  app.patch('/api/admin/catalog/items/:id', { preHandler: write, schema: { tags, summary: 'Edit an item (send the version you read; 409 if it changed)', params: Id, body: S.UpdateItemBody, response: { 200: S.AdminItem } } },
    async (request) => A.updateItem(ctx, actorOf(request), request.params.id, request.body as Parameters<typeof A.updateItem>[3]));
  app.put('/api/admin/catalog/items/:id/city-price', { preHandler: write, schema: { tags, summary: "Set the city's base price and reference range (参考价格范围)", params: Id, body: S.CityPriceBody, response: { 200: S.AdminItem } } },
    async (request) => A.setCityItemPrice(ctx, actorOf(request), request.params.id, city, request.body));
  app.delete('/api/admin/catalog/items/:id/city-price', { preHandler: write, schema: { tags, summary: "Remove the city's override (back to the catalogue price)", params: Id, response: { 200: S.AdminItem } } },
    async (request) => A.clearCityItemPrice(ctx, actorOf(request), request.params.id, city));
  app.post('/api/admin/catalog/items/:id/photos', { preHandler: write, schema: { tags, summary: 'Add a photo (multipart field "file": JPEG/PNG/WebP ≤ 5 MiB)', consumes: ['multipart/form-data'], params: Id, response: { 200: S.AdminItem } } },
    async (request) => A.addItemPhoto(ctx, actorOf(request), request.params.id, await readUpload(request, A.PHOTO_MAX_BYTES)));
  app.delete('/api/admin/catalog/items/:id/photos/:fileId', { preHandler: write, schema: { tags, params: Type.Object({ id: Type.String({ format: 'uuid' }), fileId: Type.String({ format: 'uuid' }) }), response: { 200: S.AdminItem } } },
    async (request) => A.removeItemPhoto(ctx, actorOf(request), request.params.id, request.params.fileId));
  app.put('/api/admin/catalog/city-multiplier', { preHandler: write, schema: { tags, body: S.MultiplierBody, response: { 200: Type.Object({ cityCode: Type.String(), multiplierBp: Type.Integer() }) } } },
    async (request) => A.setCityMultiplier(ctx, actorOf(request), city, request.body.multiplierBp));
  app.get('/api/admin/catalog/rules', { preHandler: read, schema: { tags, summary: 'Night / weekend / urgent / holiday surcharges of the city', response: { 200: Type.Array(S.RuleView) } } },
    async () => A.listRules(ctx, city));
  app.post('/api/admin/catalog/rules', { preHandler: write, schema: { tags, body: S.RuleBody, response: { 201: S.RuleView } } },
    async (request, reply) => reply.status(201).send(await A.saveRule(ctx, actorOf(request), city, null, request.body as A.RuleInput)));
  app.put('/api/admin/catalog/rules/:id', { preHandler: write, schema: { tags, params: Id, body: S.RuleBody, response: { 200: S.RuleView } } },
    async (request) => A.saveRule(ctx, actorOf(request), city, request.params.id, request.body as A.RuleInput));
  app.get('/api/admin/catalog/changes', { preHandler: read, schema: { tags, summary: 'Change history: who changed what and when, old and new value', querystring: Type.Intersect([PageQuery, Type.Object({ entityId: Type.Optional(Type.String({ maxLength: 60 })) })]), response: { 200: Page(Type.Object({ id: Type.String(), entityType: Type.String(), entityId: Type.String(), action: Type.String(), adminName: Type.String(), before: Type.Unknown(), after: Type.Unknown(), createdAt: Type.String() })) } } },
    async (request) => A.listChanges(ctx, { entityId: request.query.entityId, ...pageOf(request.query) }));
}
