/** The reviews domain's public entry: other domains and the workflow layer import only this file. */
export * from './service.js';
export * from './settings.js';
export * from './history.js';
export { workerReputation, CUSTOMER_DIMENSIONS, CUSTOMER_DIMENSION_LABELS, type WorkerReputation, type ComplaintRow, type QaSampleRow } from './rules/reputation.js';
