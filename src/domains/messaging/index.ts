/** The messaging domain's public entry: other domains and the workflow layer import only this file. */
export * from './chat-masking.js';
export * from './delivery-rules.js';
export * from './notify-service.js';
export * from './templates.js';
