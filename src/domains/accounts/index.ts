/** The accounts domain's public entry: other domains and the workflow layer import only this file. */
export * from './addresses-service.js';
export * from './contacts.js';
export * from './directory.js';
export * from './passwords.js';
export * from './personal-data.js';
export * from './routes.js';
export * as AccountsSchemas from './schema.js';
