/** The calls domain's public entry: other domains and the workflow layer import only this file. */
export { orderCalls, recordCallReport, type RelayCall, type CallerRole } from './service.js';
export { callRoutes } from './routes.js';
