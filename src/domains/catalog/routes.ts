import { Type } from 'typebox';
import type { Api, AppContext } from '../../platform/app-context.js';
import { AppError } from '../../platform/errors.js';
import * as S from './schema.js';
import { getQuote } from './quote-service.js';
import { cityPricing, listCatalog, presentItemDetail, searchItems } from './service.js';
import { findItemByCode } from './queries.js';

/** Customer-facing catalogue: browse, search, item detail, quotes. */
export async function catalogRoutes(app: Api, ctx: AppContext) {
  const tags = ['catalog'];
  app.get('/api/catalog/categories', {
    schema: { tags, summary: 'Published categories with their items, priced for the city', response: { 200: Type.Array(S.Category) } },
  }, async () => listCatalog(ctx.db, ctx.config.cityCode));

  app.get('/api/catalog/items', {
    schema: { tags, summary: 'Search items: keyword (汉字, English, pinyin or initials), category, price, duration; sorted', querystring: S.SearchQuery, response: { 200: Type.Array(S.ItemSummary) } },
  }, async (request) => searchItems(ctx.db, ctx.config.cityCode, request.query));

  app.get('/api/catalog/items/:code', {
    schema: { tags, summary: 'Item detail with options and what is included', params: Type.Object({ code: Type.String({ maxLength: 60 }) }), response: { 200: S.ItemDetail } },
  }, async (request) => {
    const row = await findItemByCode(ctx.db, request.params.code);
    if (!row || !row.published || !row.category_published) throw new AppError('ITEM_NOT_FOUND');
    const { city } = await cityPricing(ctx.db, ctx.config.cityCode);
    return presentItemDetail(row, city);
  });

  app.get('/api/catalog/quotes/:id', {
    preHandler: ctx.guards.user(),
    schema: { tags, summary: 'One of my quotes', params: Type.Object({ id: Type.String({ format: 'uuid' }) }), response: { 200: S.QuoteView } },
  }, async (request) => getQuote(ctx, request.user!.id, request.params.id));
}
