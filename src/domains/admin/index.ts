/** The admin domain's public entry: other domains and the workflow layer import only this file. */
export * as AdminSchemas from './schema.js';
export * from './service.js';
export type { Actor as AdminActor } from './service.js';
