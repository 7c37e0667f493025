/** The requests domain's public entry: the workflow layer and app.ts import only this file. */
export { beginChoice, completeChoice, releaseChoice, type Choice } from './customer-service.js';
export { registerRequestJobs } from './jobs.js';
export { requestRoutes } from './routes.js';
export * as RequestSchemas from './schema.js';
export { eraseRequests, exportRequests } from './personal-data.js';
