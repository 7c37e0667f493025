/** The workers domain's public entry: other domains and the workflow layer import only this file. */
export * from './availability-service.js';
export * from './review-service.js';
export * from './search-service.js';
export * from './service.js';
