/** The payments domain's public entry: other domains and the workflow layer import only this file. */
export * from './refund-service.js';
export * from './service-cards.js';
export * from './settings.js';
export * from './settlement.js';
export * from './claim-payout.js';
