/** The catalog domain's public entry: other domains and the workflow layer import only this file. */
export * from './pricing/index.js';
export * from './pricing/money.js';
export * from './quote-service.js';
export * from './onsite-service.js';
export * as CatalogSchemas from './schema.js';
export * from './service.js';
export { setItemRating, countCompletedItemOrder } from './item-stats.js';
