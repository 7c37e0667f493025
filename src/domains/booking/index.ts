/** The booking domain's public entry: other domains and the workflow layer import only this file. */
export * from './admin-service.js';
export * from './availability.js';
export * from './booking-service.js';
export * from './commitments.js';
export * from './completed-orders.js';
export * from './order-facts.js';
export * from './order-notices.js';
export * from './order-steps.js';
export * from './planning-queries.js';
export * from './present.js';
export * from './queries.js';
export * as BookingSchemas from './schema.js';
export * from './settings.js';
export * from './slots.js';
export * from './transition-service.js';
export * from './worker-service.js';
export * from './worker-stats.js';
export * from './disputes.js';
